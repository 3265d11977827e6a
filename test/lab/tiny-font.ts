/**
 * Builds a minimal valid TrueType font (two square glyphs, "A" mapped) in memory, so the lab's
 * web-font scenarios load a real font: Chromium's font sanitizer (OTS) rejects garbage bytes, which
 * would make a CORS-passing font look like a failure on the lab page. No font file ships with the repo.
 */

type Field = readonly [size: 1 | 2 | 4, value: number];

/** Big-endian bytes for a list of [size, value] fields (negative values wrap as two's complement). */
function pack(fields: readonly Field[]): Buffer {
  const buffer = Buffer.alloc(fields.reduce((sum, [size]) => sum + size, 0));
  let offset = 0;
  for (const [size, value] of fields) {
    if (size === 1) buffer.writeUInt8(value & 0xff, offset);
    else if (size === 2) buffer.writeUInt16BE(value & 0xffff, offset);
    else buffer.writeUInt32BE(value >>> 0, offset);
    offset += size;
  }
  return buffer;
}

const u16 = (value: number): Field => [2, value];
const u32 = (value: number): Field => [4, value];
const zeros = (count: number): Field[] => Array.from({ length: count }, () => u16(0));

/** A square from (100,0) to (400,700): one contour, four on-curve points, 16-bit deltas. */
function squareGlyph(): Buffer {
  return pack([
    u16(1), u16(100), u16(0), u16(400), u16(700), // contours, bbox
    u16(3), u16(0), // last point index, no instructions
    [1, 1], [1, 1], [1, 1], [1, 1], // flags: on-curve, x and y as int16 deltas
    u16(100), u16(300), u16(0), u16(-300), // x deltas
    u16(0), u16(0), u16(700), u16(0), // y deltas
  ]);
}

function nameTable(): Buffer {
  const names: readonly [number, string][] = [[1, 'Lab'], [2, 'Regular'], [4, 'Lab Regular'], [6, 'Lab-Regular']];
  const strings = names.map(([, text]) => Buffer.from(text, 'utf16le').swap16());
  let offset = 0;
  const records = names.flatMap(([nameId], index): Field[] => {
    const length = strings[index]?.length ?? 0;
    const record: Field[] = [u16(3), u16(1), u16(0x409), u16(nameId), u16(length), u16(offset)];
    offset += length;
    return record;
  });
  return Buffer.concat([pack([u16(0), u16(names.length), u16(6 + 12 * names.length), ...records]), ...strings]);
}

function tables(): Record<string, Buffer> {
  const glyph = squareGlyph();
  return {
    'OS/2': pack([
      u16(4), u16(500), u16(400), u16(5), u16(0), // version, avg width, weight, width class, fsType
      ...zeros(10), u16(0), ...zeros(5), // sub/superscript and strikeout metrics, family class, panose
      u32(1), u32(0), u32(0), u32(0), u32(0x4c414220), // unicode ranges (Basic Latin), vendor "LAB "
      u16(0x40), u16(0x41), u16(0x41), // fsSelection REGULAR, first and last char
      u16(800), u16(-200), u16(0), u16(800), u16(200), // typo ascender/descender/gap, win ascent/descent
      u32(1), u32(0), u16(500), u16(700), u16(0), u16(0x20), u16(1), // code pages, x/cap height, default/break char, context
    ]),
    cmap: pack([
      u16(0), u16(1), u16(3), u16(1), u32(12), // one encoding record: Windows Unicode BMP
      u16(4), u16(32), u16(0), u16(4), u16(4), u16(1), u16(0), // format 4 header, two segments
      u16(0x41), u16(0xffff), u16(0), u16(0x41), u16(0xffff), // end codes, pad, start codes
      u16(1 - 0x41), u16(1), u16(0), u16(0), // deltas (A → glyph 1), range offsets
    ]),
    glyf: Buffer.concat([glyph, glyph]),
    head: pack([
      u32(0x10000), u32(0x10000), u32(0), u32(0x5f0f3cf5), u16(3), u16(1000), // versions, checksum adj., magic, flags, units/em
      u32(0), u32(0), u32(0), u32(0), // created, modified
      u16(100), u16(0), u16(400), u16(700), u16(0), u16(8), u16(2), u16(0), u16(0), // bbox, style, ppem, hint, short loca, format
    ]),
    hhea: pack([
      u32(0x10000), u16(800), u16(-200), u16(0), u16(500), u16(100), u16(100), u16(400), // metrics
      u16(1), u16(0), u16(0), ...zeros(4), u16(0), u16(2), // caret, reserved, format, number of hMetrics
    ]),
    hmtx: pack([u16(500), u16(100), u16(500), u16(100)]),
    loca: pack([u16(0), u16(glyph.length / 2), u16(glyph.length)]),
    maxp: pack([u32(0x10000), u16(2), u16(4), u16(1), u16(0), u16(0), u16(2), ...zeros(8)]),
    name: nameTable(),
    post: pack([u32(0x30000), u32(0), u16(-100), u16(50), u32(0), u32(0), u32(0), u32(0), u32(0)]),
  };
}

function checksum(data: Buffer): number {
  const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
  let sum = 0;
  for (let offset = 0; offset < padded.length; offset += 4) sum = (sum + padded.readUInt32BE(offset)) >>> 0;
  return sum;
}

/** The font file (sfnt with tables in tag order, each 4-byte aligned, checksums filled in). */
export function tinyFont(): Buffer {
  const entries = Object.entries(tables()).sort(([a], [b]) => (a < b ? -1 : 1));
  const headerSize = 12 + 16 * entries.length;
  let offset = headerSize;
  const directory: Field[] = [u32(0x10000), u16(entries.length), u16(128), u16(3), u16(entries.length * 16 - 128)];
  const bodies: Buffer[] = [];
  for (const [tag, data] of entries) {
    directory.push(u32(Buffer.from(tag, 'latin1').readUInt32BE(0)), u32(checksum(data)), u32(offset), u32(data.length));
    const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
    bodies.push(padded);
    offset += padded.length;
  }
  const font = Buffer.concat([pack(directory), ...bodies]);
  const headOffset = headerSize + bodies.slice(0, entries.findIndex(([tag]) => tag === 'head')).reduce((s, b) => s + b.length, 0);
  font.writeUInt32BE((0xb1b0afba - checksum(font)) >>> 0, headOffset + 8);
  return font;
}

/** A 1×1 transparent PNG. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

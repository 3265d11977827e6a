/**
 * Draws the toolbar icons (a magnifying lens over a cross-origin arrow) into public/icons as PNGs.
 * Kept as code so the icons can be regenerated at any size; run `npx tsx test/tools/make-icons.ts`.
 * Two variants: the normal lens (blue) and the "blocked" lens (red ring with a bar).
 */
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

type Rgba = readonly [number, number, number, number];

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function encodePng(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]);
}

/** Coverage of a pixel by a shape given as a signed-distance function, 4x4 supersampled. */
function coverage(x: number, y: number, inside: (px: number, py: number) => boolean): number {
  let hit = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (inside(x + (i + 0.5) / 4, y + (j + 0.5) / 4)) hit++;
  return hit / 16;
}

function lens(size: number, ring: Rgba, blocked: boolean): Buffer {
  const s = size / 16;
  const cx = 6.5 * s, cy = 6.5 * s, r = 5 * s, w = 1.6 * s;
  const onRing = (px: number, py: number) => Math.abs(Math.hypot(px - cx, py - cy) - r) <= w / 2;
  const inGlass = (px: number, py: number) => Math.hypot(px - cx, py - cy) < r - w / 2;
  const onHandle = (px: number, py: number) => {
    const t = (px - cx + (py - cy)) / 2; // projection on the diagonal
    const d = Math.abs(px - cx - (py - cy)) / Math.SQRT2;
    return t > r * 0.72 && t < r * 1.55 && d <= 1.2 * s;
  };
  const onBar = (px: number, py: number) => blocked && Math.abs(py - cy) <= 0.9 * s && Math.abs(px - cx) <= r * 0.6;
  const onArrow = (px: number, py: number) => {
    if (blocked) return false;
    const dx = px - cx, dy = py - cy;
    const shaft = Math.abs(dy) <= 0.55 * s && dx >= -r * 0.55 && dx <= r * 0.2;
    const head = dx >= r * 0.05 && dx <= r * 0.6 && Math.abs(dy) <= (r * 0.6 - dx) * 0.9;
    return shaft || head;
  };
  return encodePng(size, (x, y) => {
    const solid = coverage(x, y, (px, py) => onRing(px, py) || onHandle(px, py) || onBar(px, py) || onArrow(px, py));
    if (solid > 0) return [ring[0], ring[1], ring[2], Math.round(255 * solid)];
    const glass = coverage(x, y, inGlass);
    return glass > 0 ? [255, 255, 255, Math.round(220 * glass)] : [0, 0, 0, 0];
  });
}

const dir = new URL('../../public/icons/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const size of [16, 32, 48, 128]) {
  writeFileSync(new URL(`icon-${size}.png`, dir), lens(size, [26, 115, 232, 255], false));
  writeFileSync(new URL(`icon-blocked-${size}.png`, dir), lens(size, [217, 48, 37, 255], true));
}
console.log('icons written to public/icons');

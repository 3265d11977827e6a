/**
 * Header lines as stored: LinePacker finds earlier lines by value first; it must pack exactly as the
 * straightforward packer it replaced (one key of name and value per line), since both layouts are
 * the same persisted format and unpack the same way.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LinePacker, LineUnpacker, packLines } from '../../../src/background/header-lines';
import type { Header } from '../../../src/core/types';
import { hostileHeaders } from '../hardening/hostile-input';

/** The packer before the value-first lookup (main 46e8f1f), kept as the reference. */
class ReferencePacker {
  private readonly seen = new Map<string, number>();
  private lines = 0;
  constructor(private readonly ids: (name: string) => number | undefined) {}
  pack(headers: readonly Header[]): unknown[] {
    const out: unknown[] = [];
    for (const { name, value } of headers) {
      const key = `${name.length}:${name}${value}`;
      const earlier = this.seen.get(key);
      if (earlier !== undefined) out.push(earlier);
      else {
        this.seen.set(key, this.lines);
        out.push(-(this.ids(name) ?? 0) || name, value);
      }
      this.lines++;
    }
    return out;
  }
}

/** The common-name numbers, read back from what packLines writes. */
const commonId = (name: string): number | undefined => {
  const [packed] = packLines([{ name, value: '' }]);
  return typeof packed === 'number' ? -packed : undefined;
};

/** Few names and values, so lines repeat and share values under other names. */
const line = fc.record({
  name: fc.constantFrom('Origin', 'origin', 'Accept', 'X-A', 'X-B', 'User-Agent', 'Vary', 'vary'),
  value: fc.constantFrom('*', '', '?0', 'Origin', 'https://a.example', 'no-cache', 'text/plain'),
});
const lists = fc.array(fc.oneof(fc.array(line, { maxLength: 12 }), hostileHeaders), { maxLength: 5 });
/**
 * The hostile lists carry values of up to megabytes, which the round trip copies through JSON: about
 * 2 s alone, 10 s on a loaded two-core machine, past the default 5 s.
 */
const PROPERTY_TIMEOUT_MS = 60_000;

describe('header lines', () => {
  it('packs a record exactly as the reference packer does', () => {
    fc.assert(fc.property(lists, (record) => {
      const fast = new LinePacker();
      const reference = new ReferencePacker(commonId);
      for (const headers of record) expect(fast.pack(headers)).toEqual(reference.pack(headers));
    }), { numRuns: 3000 });
  }, PROPERTY_TIMEOUT_MS);

  it('unpacks every list as it was, with references or without', () => {
    fc.assert(fc.property(lists, (record) => {
      const packer = new LinePacker();
      const packed = record.map((headers) => JSON.parse(JSON.stringify(packer.pack(headers))) as unknown);
      const unpacker = new LineUnpacker();
      expect(packed.map((list) => unpacker.unpack(list))).toEqual(record);
      for (const headers of record) expect(new LineUnpacker().unpack(JSON.parse(JSON.stringify(packLines(headers))))).toEqual(headers);
    }), { numRuns: 1000 });
  }, PROPERTY_TIMEOUT_MS);
});

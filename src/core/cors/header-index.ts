/**
 * Header lookups in one pass over a header list: names lowercased, values trimmed of HTTP whitespace,
 * duplicates kept in order. `get` combines duplicate lines with `, ` exactly as Chromium's
 * HttpResponseHeaders::GetNormalizedHeader does, which is what the CORS checks read (reference §3.1).
 */
import type { HeaderList } from '../types';
import { trimHeaderValue } from './http-syntax';

export const ACAO = 'access-control-allow-origin';
export const ACAC = 'access-control-allow-credentials';
export const ACAM = 'access-control-allow-methods';
export const ACAH = 'access-control-allow-headers';
export const ACMA = 'access-control-max-age';
export const ACEH = 'access-control-expose-headers';
export const ACRH = 'access-control-request-headers';

export class HeaderIndex {
  private readonly lines = new Map<string, string[]>();

  constructor(headers: HeaderList) {
    for (const header of headers) {
      const name = header.name.toLowerCase();
      const value = trimHeaderValue(header.value);
      const existing = this.lines.get(name);
      if (existing === undefined) this.lines.set(name, [value]);
      else existing.push(value);
    }
  }

  /** All lines of `name` joined with `, `; null when absent. `name` must be lowercase. */
  get(name: string): string | null {
    const values = this.lines.get(name);
    if (values === undefined) return null;
    return values.length === 1 ? (values[0] ?? null) : values.join(', ');
  }

  /** How many lines carried `name` (Firefox counts duplicate Access-Control-Allow-Origin lines). */
  count(name: string): number {
    return this.lines.get(name)?.length ?? 0;
  }

  has(name: string): boolean {
    return this.lines.has(name);
  }

  /** Lowercased names, each once, in order of first appearance. */
  names(): IterableIterator<string> {
    return this.lines.keys();
  }
}

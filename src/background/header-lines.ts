/**
 * Header lines as stored: flat, with the names browsers and servers use most replaced by a number
 * and any line already stored earlier in the same record replaced by a reference to it (a preflight
 * repeats most of its request's lines: User-Agent, Referer, Origin, Sec-Fetch-*…).
 *   "Name", "value"   a line as is
 *   -k, "value"       the line whose name is COMMON_NAMES[k - 1]
 *   n (n ≥ 0)          the same line as the record's n-th line so far
 * WARNING: persisted. COMMON_NAMES may only grow at its end.
 */
import type { Header } from '../core/types';

const COMMON_NAMES: readonly string[] = [
  'Accept', 'Accept-Encoding', 'Accept-Language', 'Access-Control-Allow-Credentials', 'Access-Control-Allow-Headers',
  'Access-Control-Allow-Methods', 'Access-Control-Allow-Origin', 'Access-Control-Expose-Headers', 'Access-Control-Max-Age',
  'Access-Control-Request-Headers', 'Access-Control-Request-Method', 'Authorization', 'Cache-Control', 'Connection',
  'Content-Encoding', 'Content-Language', 'Content-Length', 'Content-Type', 'Cookie', 'Date', 'ETag', 'Expires',
  'Keep-Alive', 'Last-Modified', 'Location', 'Origin', 'Pragma', 'Referer', 'Sec-Fetch-Dest', 'Sec-Fetch-Mode',
  'Sec-Fetch-Site', 'Sec-Fetch-Storage-Access', 'Server', 'Set-Cookie', 'Transfer-Encoding', 'User-Agent', 'Vary', 'Via',
  'sec-ch-ua', 'sec-ch-ua-mobile', 'sec-ch-ua-platform', 'accept', 'accept-encoding', 'accept-language',
  'access-control-allow-credentials', 'access-control-allow-headers', 'access-control-allow-methods',
  'access-control-allow-origin', 'access-control-expose-headers', 'access-control-max-age', 'age', 'alt-svc',
  'cache-control', 'content-encoding', 'content-length', 'content-security-policy', 'content-type', 'cross-origin-resource-policy',
  'date', 'etag', 'expires', 'last-modified', 'location', 'server', 'set-cookie', 'strict-transport-security',
  'timing-allow-origin', 'vary', 'via', 'x-content-type-options', 'x-frame-options', 'x-request-id', 'X-Request-Id',
  'Strict-Transport-Security', 'X-Content-Type-Options', 'X-Frame-Options', 'X-Powered-By', 'Priority', 'Upgrade-Insecure-Requests',
];
const NAME_IDS: ReadonlyMap<string, number> = new Map(COMMON_NAMES.map((name, i) => [name, i + 1]));

/**
 * One header list packed without references to earlier lines: for a record with a single list (a
 * logged event), where a line rarely repeats, looking each one up would cost more than it saves.
 * LineUnpacker reads it.
 */
export function packLines(headers: readonly Header[]): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < headers.length; i++) {
    const { name, value } = headers[i] as Header;
    out.push(-(NAME_IDS.get(name) ?? 0) || name, value);
  }
  return out;
}

/**
 * Packs the header lists of one record; pack them in the same order the record is unpacked.
 * A line already stored in the record is found by its value first (a string V8 has hashed once and
 * remembers), and only when that value came with another name by a key made of both: building and
 * hashing such a key for every line (User-Agent alone is ~100 characters) was most of the cost.
 */
export class LinePacker {
  /** Each value's first line. */
  private readonly byValue = new Map<string, number>();
  /** Lines whose value was first seen with another name, by name and value. */
  private readonly byLine = new Map<string, number>();
  private readonly names: string[] = [];

  pack(headers: readonly Header[]): unknown[] {
    const out: unknown[] = [];
    for (let i = 0; i < headers.length; i++) {
      const { name, value } = headers[i] as Header;
      const line = this.names.length;
      this.names.push(name);
      const first = this.byValue.get(value);
      let earlier: number | undefined;
      if (first === undefined) this.byValue.set(value, line);
      else if (this.names[first] === name) earlier = first;
      else {
        // Length-prefixed: no other (name, value) pair gives the same key.
        const key = `${name.length}:${name}${value}`;
        earlier = this.byLine.get(key);
        if (earlier === undefined) this.byLine.set(key, line);
      }
      if (earlier !== undefined) out.push(earlier);
      else out.push(-(NAME_IDS.get(name) ?? 0) || name, value);
    }
    return out;
  }
}

/** Unpacks what a LinePacker packed, list by list in the same order; null on anything unreadable. */
export class LineUnpacker {
  private readonly lines: Header[] = [];

  unpack(value: unknown): Header[] | null {
    if (!Array.isArray(value)) return null;
    const out: Header[] = [];
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      let line: Header | undefined;
      if (typeof item === 'number' && item >= 0) line = this.lines[item];
      else {
        const name = typeof item === 'number' ? COMMON_NAMES[-item - 1] : item;
        const headerValue: unknown = value[++i];
        if (typeof name !== 'string' || typeof headerValue !== 'string') return null;
        line = { name, value: headerValue };
      }
      if (line === undefined) return null;
      this.lines.push(line);
      out.push(line);
    }
    return out;
  }
}

/**
 * Origins as the CORS check sees them (reference §1): `scheme://host[:port]`, the port only when it is
 * not the scheme's default, never a path. Opaque origins serialize as `null`.
 */
import type { OriginParts } from '../types';
import { parseUrl, schemeOf } from './whatwg-url';
import type { WhatwgUrl } from './whatwg-url';
import { createBoundedMemo } from '../util/bounded-memo';
import { portNumberOf, serializedOriginOf } from './fast-http-url';

/** Reference §1: the ports a serialization omits. */
const DEFAULT_PORTS: ReadonlyMap<string, number> = new Map([
  ['http', 80],
  ['https', 443],
  ['ws', 80],
  ['wss', 443],
  ['ftp', 21],
]);

export const OPAQUE_ORIGIN = 'null';

export function defaultPortOf(scheme: string): number | null {
  return DEFAULT_PORTS.get(scheme) ?? null;
}

function opaqueParts(raw: string): OriginParts {
  return { raw, serialized: null, scheme: null, host: null, port: null, portIsDefault: false };
}

/** The origin of an already parsed URL; `serialized` is null for opaque origins (data:, file:, no host). */
export function originPartsOfUrl(raw: string, url: WhatwgUrl): OriginParts {
  const scheme = schemeOf(url);
  const host = url.hostname;
  if (host === '') return opaqueParts(raw);
  const shortcutPort = portNumberOf(url);
  const explicitPort = shortcutPort !== undefined ? shortcutPort : url.port === '' ? null : Number(url.port);
  const serialized = serializedOriginOf(url) ?? (explicitPort === null ? `${scheme}://${host}` : `${scheme}://${host}:${url.port}`);
  return {
    raw,
    serialized,
    scheme,
    host,
    port: explicitPort ?? defaultPortOf(scheme),
    // The URL parser drops an explicit default port (`https://a:443` has port ''), so '' means default.
    portIsDefault: explicitPort === null,
  };
}

/**
 * Splits an origin or a URL (an initiator, a request URL, an Access-Control-Allow-Origin value) into
 * the parts the CORS check compares. `null` and anything the URL parser rejects come back opaque.
 */
export function parseOrigin(raw: string): OriginParts {
  return PARSED.get(raw, computeOrigin);
}

function computeOrigin(raw: string): OriginParts {
  if (raw === OPAQUE_ORIGIN) return opaqueParts(raw);
  const url = parseUrl(raw);
  return url === null ? opaqueParts(raw) : originPartsOfUrl(raw, url);
}

/** Initiators and Access-Control-Allow-Origin values recur on every request of a page; parts are read-only. */
const PARSED = createBoundedMemo<OriginParts>(512);

/** Reference §1: structural same-origin (scheme, host, port); an opaque origin is same-origin with nothing. */
export function isSameOrigin(a: OriginParts, b: OriginParts): boolean {
  return a.serialized !== null && a.serialized === b.serialized;
}

/** The serialization the browser sends in `Origin` for this origin (`null` when opaque). */
export function serializeOrigin(parts: OriginParts): string {
  return parts.serialized ?? OPAQUE_ORIGIN;
}

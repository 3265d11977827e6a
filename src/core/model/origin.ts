/**
 * Just enough URL reading to tell same-origin from cross-origin. URLs and initiators from webRequest
 * are already canonical (lowercase host, punycode, default port dropped), so this does not
 * re-canonicalize; it only drops userinfo, path and a default port written explicitly (reference §1).
 * No URL class here: src/core compiles without DOM or Node types.
 */

const URL_HEAD = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/(?:[^@/?#]*@)?([^/?#]*)/;
const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: '80', https: '443', ws: '80', wss: '443', ftp: '21' };

/** The serialized origin of an absolute URL with an authority, or null (data:, blob:, garbage). */
export function originOf(url: string): string | null {
  const match = URL_HEAD.exec(url);
  if (!match) return null;
  const scheme = (match[1] ?? '').toLowerCase();
  let hostPort = (match[2] ?? '').toLowerCase();
  if (hostPort === '') return null;
  const defaultPort = DEFAULT_PORTS[scheme];
  if (defaultPort !== undefined && hostPort.endsWith(`:${defaultPort}`)) {
    hostPort = hostPort.slice(0, -defaultPort.length - 1);
  }
  return `${scheme}://${hostPort}`;
}

/** Only http(s) requests can be CORS requests the model stores. */
export function isHttpUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** Whether a request to `url` from `initiator` crosses origins (`null` initiators never match anything). */
export function isCrossOrigin(initiator: string, url: string): boolean {
  return originOf(url) !== initiator;
}

import type { HeaderList } from '../types';

/** All values of a header, combined the way the browser combines them (`, `), or null when absent. */
export function headerValue(headers: HeaderList | null | undefined, name: string): string | null {
  if (!headers) return null;
  const lower = name.toLowerCase();
  const values = headers.filter((h) => h.name.toLowerCase() === lower).map((h) => h.value);
  return values.length > 0 ? values.join(', ') : null;
}

/** Splits a comma-separated header list into trimmed, non-empty elements. */
export function splitList(value: string | null | undefined): string[] {
  if (!value) return [];
  return value.split(',').map((v) => v.trim()).filter((v) => v.length > 0);
}

// src/core has no URL global (lib ES2022, no DOM), so URLs are split with a pattern; good enough for
// prose and for suggesting an origin, never used to decide a verdict.
const URL_PARTS = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)/;
const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: '80', https: '443', ws: '80', wss: '443' };

/** Host (with port) of a URL for prose, or the URL itself when it does not parse. */
export function hostOf(url: string): string {
  const m = URL_PARTS.exec(url);
  const authority = m?.[2];
  if (!authority) return url;
  return authority.slice(authority.lastIndexOf('@') + 1);
}

/** Scheme of a URL, lowercased, or null. */
export function schemeOf(url: string): string | null {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url);
  return m?.[1]?.toLowerCase() ?? null;
}

/** Origin of an http(s) URL (`scheme://host[:port]`, default port dropped), or null. */
export function originOf(url: string): string | null {
  const scheme = schemeOf(url);
  if (scheme === null || !(scheme in DEFAULT_PORTS) || !URL_PARTS.test(url)) return null;
  const host = hostOf(url).toLowerCase();
  const port = /:(\d+)$/.exec(host)?.[1];
  const bare = port !== undefined && port === DEFAULT_PORTS[scheme] ? host.slice(0, -port.length - 1) : host;
  return `${scheme}://${bare}`;
}

/** The URL with any `user:password@` replaced, so a password never ends up on screen. */
export function withoutPassword(url: string): string {
  return url.replace(/^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)([^/?#@]*)@/, (_all, scheme: string, userinfo: string) => {
    const user = userinfo.split(':')[0] ?? '';
    return `${scheme}${userinfo.includes(':') ? `${user}:***` : user}@`;
  });
}

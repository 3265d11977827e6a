/** Small text formatters shared by the panel and the popup. Pure; locale fixed to en-US for stable text. */

const COUNT = new Intl.NumberFormat('en-US');

/** 1234 → "1,234". */
export function formatCount(n: number): string {
  return COUNT.format(n);
}

/** Milliseconds as DevTools shows them: "850 ms", "1.24 s", "2.0 min"; "" when unknown. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}

/** Clock time "14:03:07" in the user's time zone (HH:MM:SS, 24h). */
export function formatClock(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** "in 4 min", "in 12 s", "expired 3 s ago". */
export function formatRelative(targetMs: number, nowMs: number): string {
  const delta = Math.round((targetMs - nowMs) / 1000);
  const amount = (s: number): string => (s >= 120 ? `${Math.round(s / 60)} min` : `${s} s`);
  return delta >= 0 ? `in ${amount(delta)}` : `expired ${amount(-delta)} ago`;
}

export interface UrlParts {
  /** `https://api.example:8443`, or the whole input when it does not parse. */
  readonly origin: string;
  /** Path, query and fragment (`/items?x=1`). */
  readonly path: string;
}

/** Splits a URL for the list's "origin + path" column; never throws. */
export function splitUrl(url: string): UrlParts {
  try {
    const parsed = new URL(url);
    if (parsed.origin === 'null') return { origin: url, path: '' };
    // Show the path exactly as captured (the parser would re-encode it) when the URL starts with its origin.
    if (url.toLowerCase().startsWith(parsed.origin.toLowerCase())) return { origin: parsed.origin, path: url.slice(parsed.origin.length) };
    return { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}${parsed.hash}` };
  } catch {
    return { origin: url, path: '' };
  }
}

/** `net::ERR_CONNECTION_REFUSED` → `ERR_CONNECTION_REFUSED` (what DevTools' Status column shows). */
export function shortNetError(netError: string): string {
  return netError.startsWith('net::') ? netError.slice('net::'.length) : netError;
}

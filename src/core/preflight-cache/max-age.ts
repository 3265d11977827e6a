/**
 * Chromium's reading of Access-Control-Max-Age (reference §4.6; services/network/cors/
 * preflight_result.cc ParseAccessControlMaxAge):
 * - absent → 5 s;
 * - not a base::StringToInt64 number → 5 s. "Unparsable" therefore means: empty, a decimal (`1.5`),
 *   units or words (`600s`, `1e3`), inner whitespace (`6 00`), two values (`600, 600`, which is how
 *   two Max-Age lines arrive once combined), or beyond the 64-bit range (`99999999999999999999`,
 *   also negative ones). A leading `+` is accepted (`+600` is 600);
 * - negative → 0 s: the entry is stored but already expired, so it is never reused;
 * - 7200 s or more → 7200 s (2 hours).
 * The value is first trimmed of spaces and tabs, as net's header parser trims every header value
 * before the CORS code reads it. Pass multiple lines combined with `, ` (they then fail to parse).
 */
import { parseChromiumInt64 } from '../request/chromium-int64';
import { createBoundedMemo } from '../util/bounded-memo';

export const DEFAULT_MAX_AGE_SECONDS = 5;
export const MAX_MAX_AGE_SECONDS = 7200;

export interface MaxAge {
  readonly seconds: number;
  /** default: header absent; parsed; capped: above Chromium's 7200 s; negative: not reusable; invalid: unparsable, default used. */
  readonly source: 'default' | 'parsed' | 'capped' | 'negative' | 'invalid';
}

/** Chromium's reading of Access-Control-Max-Age (reference §4.6). */
export function parseMaxAge(value: string | null): MaxAge {
  if (value === null) return DEFAULT_MAX_AGE;
  return PARSED.get(value, computeMaxAge);
}

const DEFAULT_MAX_AGE: MaxAge = Object.freeze({ seconds: DEFAULT_MAX_AGE_SECONDS, source: 'default' });

/**
 * A server sends the same Access-Control-Max-Age on every preflight, and reading it goes through
 * a regular expression and a BigInt: remembered by value (bounded; answers frozen, only ever read).
 */
const PARSED = createBoundedMemo<MaxAge>(128);

/** parseMaxAge of a present value, worked out afresh. */
export function computeMaxAge(value: string): MaxAge {
  const parsed = parseChromiumInt64(value.replace(/^[ \t]+|[ \t]+$/g, ''));
  if (parsed === null) return Object.freeze({ seconds: DEFAULT_MAX_AGE_SECONDS, source: 'invalid' });
  if (parsed < 0n) return Object.freeze({ seconds: 0, source: 'negative' });
  if (parsed > BigInt(MAX_MAX_AGE_SECONDS)) return Object.freeze({ seconds: MAX_MAX_AGE_SECONDS, source: 'capped' });
  return Object.freeze({ seconds: Number(parsed), source: 'parsed' });
}

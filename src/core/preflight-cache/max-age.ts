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

export const DEFAULT_MAX_AGE_SECONDS = 5;
export const MAX_MAX_AGE_SECONDS = 7200;

export interface MaxAge {
  readonly seconds: number;
  /** default: header absent; parsed; capped: above Chromium's 7200 s; negative: not reusable; invalid: unparsable, default used. */
  readonly source: 'default' | 'parsed' | 'capped' | 'negative' | 'invalid';
}

/** Chromium's reading of Access-Control-Max-Age (reference §4.6). */
export function parseMaxAge(value: string | null): MaxAge {
  if (value === null) return { seconds: DEFAULT_MAX_AGE_SECONDS, source: 'default' };
  const parsed = parseChromiumInt64(value.replace(/^[ \t]+|[ \t]+$/g, ''));
  if (parsed === null) return { seconds: DEFAULT_MAX_AGE_SECONDS, source: 'invalid' };
  if (parsed < 0n) return { seconds: 0, source: 'negative' };
  if (parsed > BigInt(MAX_MAX_AGE_SECONDS)) return { seconds: MAX_MAX_AGE_SECONDS, source: 'capped' };
  return { seconds: Number(parsed), source: 'parsed' };
}

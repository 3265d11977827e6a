/**
 * Chromium's base::StringToInt64, which both the Range safelist check (through
 * net::HttpUtil::ParseRangeHeader) and Access-Control-Max-Age parsing use:
 * - optional single `-` or `+` sign, then one or more ASCII digits, nothing else;
 * - any whitespace (leading or trailing) makes it fail;
 * - a value outside the signed 64-bit range fails (it does not clamp for our purposes).
 * Returns the value as a bigint, or null when Chromium reports failure.
 */
const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

export function parseChromiumInt64(text: string): bigint | null {
  if (!/^[+-]?[0-9]+$/.test(text)) return null;
  const value = BigInt(text);
  return value > INT64_MAX || value < INT64_MIN ? null : value;
}

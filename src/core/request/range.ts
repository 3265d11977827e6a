/**
 * Range as a CORS-safelisted request header (reference §2.3), the way Chromium's
 * IsCorsSafelistedHeader decides it (services/network/public/cpp/cors/cors.cc):
 * 1. the value is lowercased, so `Bytes=1-2` passes (the spec wants exactly `bytes`);
 * 2. any space, tab or comma fails (one range only, no whitespace);
 * 3. net::HttpUtil::ParseRangeHeader must accept it: `bytes` before the first `=`, a `-` in the
 *    range, positions parsed with base::StringToInt64 (so a leading `+` is accepted and a value
 *    beyond 2^63-1 fails, the "too large for an integer" case WPT checks);
 * 4. exactly one range, not a suffix range (`bytes=-200`), START ≤ END when END is given.
 * Quirk kept on purpose: Chromium treats an END of -1 as "not specified", so `bytes=5--1` passes.
 */
import { asciiLowercase, displayValue } from './byte-strings';
import { parseChromiumInt64 } from './chromium-int64';

const SHAPE = "a single 'bytes=START-END' range";

/** Why this Range value makes the request non-simple, or null when it is safelisted. */
export function rangeProblem(value: string, displayName = 'Range'): string | null {
  const lower = asciiLowercase(value);
  const shown = `${displayName} '${displayValue(value)}'`;
  if (/[ \t,]/.test(lower)) {
    const why = lower.includes(',') ? 'it lists more than one range' : 'it contains whitespace';
    return `${shown} is not ${SHAPE}: ${why}`;
  }
  const equals = lower.indexOf('=');
  if (equals < 0 || lower.slice(0, equals) !== 'bytes') {
    return `${shown} is not ${SHAPE}: it must start with 'bytes='`;
  }
  const spec = lower.slice(equals + 1);
  const dash = spec.indexOf('-');
  if (dash < 0) return `${shown} is not ${SHAPE}: it has no '-'`;
  const startText = spec.slice(0, dash);
  const endText = spec.slice(dash + 1);
  if (startText === '') {
    return `${shown} is not ${SHAPE}: a suffix range ('-LENGTH', the last bytes) needs a preflight`;
  }
  const start = parseChromiumInt64(startText);
  const end = endText === '' ? null : parseChromiumInt64(endText);
  if (start === null || (endText !== '' && end === null)) {
    return `${shown} is not ${SHAPE}: START and END must be whole numbers that fit in 64 bits`;
  }
  // HttpByteRange::IsValid: first ≥ 0 and (last unspecified (-1) or last ≥ first).
  if (start < 0n || (end !== null && end !== -1n && end < start)) {
    return `${shown} is not ${SHAPE}: START must not be greater than END`;
  }
  return null;
}

/**
 * Content-Type as a CORS-safelisted request header (reference §2.3).
 *
 * Parsed with the WHATWG MIME type parser (whatwg-mimetype). Chromium instead lowercases the value,
 * rejects CORS-unsafe bytes, cuts at the first `;` and splits the rest on `/` into two HTTP tokens
 * (net::ExtractMimeTypeFromMediaType). Once unsafe bytes are excluded the only whitespace left is
 * space and tab, which both trim the same way (leading before the type, trailing after the subtype),
 * and neither lets parameters fail the value, so the two agree on every input: the WPT vectors
 * `text /plain`, `text/plain,`, `text\t/\tplain` are rejected by both.
 */
import { parseMimeType } from './mime-type-parser';
import { displayValue, hexByte } from './byte-strings';
import { firstCorsUnsafeByte } from './unsafe-bytes';

export const SAFELISTED_CONTENT_TYPES: readonly string[] = [
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
];

const THREE_TYPES = `the three types a simple request may use (${SAFELISTED_CONTENT_TYPES.join(', ')})`;

/** The parsed essence (`type/subtype`, lowercased), or null when the value is not a MIME type. */
export function contentTypeEssence(value: string): string | null {
  // What MIMEType.parse(value)?.essence gives: `type/subtype`, both lowercased by the parser.
  const parsed = parseMimeType(value);
  return parsed === null ? null : `${parsed.type}/${parsed.subtype}`;
}

/** Why this Content-Type value makes the request non-simple, or null when it is safelisted. */
export function contentTypeProblem(value: string, displayName = 'Content-Type'): string | null {
  const unsafe = firstCorsUnsafeByte(value);
  if (unsafe !== null) {
    return `${displayName} '${displayValue(value)}' contains the byte ${hexByte(unsafe)}, which a simple request may not carry in ${displayName}`;
  }
  const essence = contentTypeEssence(value);
  if (essence === null) {
    return `${displayName} '${displayValue(value)}' is not a valid MIME type, so it is not one of ${THREE_TYPES}`;
  }
  if (!SAFELISTED_CONTENT_TYPES.includes(essence)) {
    return `${displayName} ${essence} is not one of ${THREE_TYPES}`;
  }
  return null;
}

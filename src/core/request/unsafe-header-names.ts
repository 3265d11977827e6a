/**
 * CORS-unsafe request-header names and the Access-Control-Request-Headers value (reference §2.4),
 * as Chromium computes them (CorsUnsafeNotForbiddenRequestHeaderNames + CreateAccessControlRequestHeadersHeader):
 * - duplicate names were already merged into one `a, b` value by Blink before any check;
 * - forbidden names are skipped (the browser may add them itself);
 * - every header that is not safelisted is unsafe; if the safelisted values together exceed
 *   1024 bytes, every safelisted name becomes unsafe too;
 * - names lowercased, de-duplicated, sorted by bytes, joined with `,` and no spaces.
 */
import type { Header, HeaderList } from '../types';
import { asciiLowercase, compareBytes, utf8ByteLength } from './byte-strings';
import { isForbiddenRequestHeader } from './forbidden-headers';
import { checkSafelistedHeader } from './safelisted-header';

/** Above this many bytes of safelisted values, all safelisted names count as unsafe. */
export const MAX_SAFELISTED_TOTAL_BYTES = 1024;

export interface UnsafeHeader {
  /** Lowercased name, as it appears in Access-Control-Request-Headers. */
  readonly name: string;
  /** The name as the request spelled it (first occurrence). */
  readonly displayName: string;
  /** The (merged) value. */
  readonly value: string;
  readonly kind: 'header' | 'header-value' | 'too-many-safelisted-bytes';
  readonly text: string;
}

export interface UnsafeHeaderNames {
  /** Lowercased unsafe names sorted by bytes: the Access-Control-Request-Headers list. */
  readonly names: readonly string[];
  /** One entry per name, in the same order, saying why it is unsafe. */
  readonly headers: readonly UnsafeHeader[];
  /** Total bytes of the safelisted values. */
  readonly safelistedBytes: number;
  /** Whether that total exceeded 1024 bytes (so the safelisted names are in `names` too). */
  readonly overSafelistedBudget: boolean;
}

/**
 * Merge lines with the same name (ASCII case-insensitive) into one `a, b` value, keeping the first
 * spelling and the order of first appearance, as Blink's header map does before Chromium checks.
 */
export function mergeDuplicateHeaders(headers: HeaderList): Header[] {
  const merged = new Map<string, { name: string; values: string[] }>();
  for (const { name, value } of headers) {
    const key = asciiLowercase(name);
    const existing = merged.get(key);
    if (existing === undefined) merged.set(key, { name, values: [value] });
    else existing.values.push(value);
  }
  return [...merged.values()].map(({ name, values }) => ({ name, value: values.join(', ') }));
}

/** Classify headers as sent (duplicates merged here, forbidden names skipped). */
export function analyzeUnsafeHeaders(headers: HeaderList): UnsafeHeaderNames {
  const unsafe: UnsafeHeader[] = [];
  const safelisted: Header[] = [];
  let safelistedBytes = 0;
  for (const header of mergeDuplicateHeaders(headers)) {
    if (isForbiddenRequestHeader(header.name, header.value)) continue;
    const verdict = checkSafelistedHeader(header.name, header.value);
    if (verdict.safelisted) {
      safelisted.push(header);
      safelistedBytes += utf8ByteLength(header.value);
    } else {
      unsafe.push({ ...describe(header), kind: verdict.kind, text: verdict.text });
    }
  }
  const overSafelistedBudget = safelistedBytes > MAX_SAFELISTED_TOTAL_BYTES;
  if (overSafelistedBudget) {
    for (const header of safelisted) {
      unsafe.push({
        ...describe(header),
        kind: 'too-many-safelisted-bytes',
        text:
          `${header.name} counts as non-simple: the values of the headers a simple request may carry add up to ` +
          `${safelistedBytes} bytes, more than the ${MAX_SAFELISTED_TOTAL_BYTES} bytes allowed`,
      });
    }
  }
  const byName = new Map(unsafe.map((h) => [h.name, h]));
  const sorted = [...byName.values()].sort((a, b) => compareBytes(a.name, b.name));
  return { names: sorted.map((h) => h.name), headers: sorted, safelistedBytes, overSafelistedBudget };
}

function describe(header: Header): Pick<UnsafeHeader, 'name' | 'displayName' | 'value'> {
  return { name: asciiLowercase(header.name), displayName: header.name, value: header.value };
}

/** Lowercased, sorted CORS-unsafe names of these headers as sent. */
export function corsUnsafeRequestHeaderNames(headers: HeaderList): string[] {
  return [...analyzeUnsafeHeaders(headers).names];
}

/** The Access-Control-Request-Headers value Chromium sends for these headers ('' when none). */
export function accessControlRequestHeaders(headers: HeaderList): string {
  return analyzeUnsafeHeaders(headers).names.join(',');
}

/**
 * CORS-safelisted request header (name, value), reference §2.3, in Chromium's order
 * (IsCorsSafelistedHeader): value length first, then the name, then the per-name value rule.
 */
import { asciiLowercase, displayValue, hexByte, utf8ByteLength } from './byte-strings';
import { chromiumExtraValueProblem, isChromiumExtraSafelistedName } from './chromium-extra-safelist';
import { contentTypeProblem } from './content-type';
import { rangeProblem } from './range';
import { firstCorsUnsafeByte, firstDisallowedLanguageByte } from './unsafe-bytes';

/** A safelisted header's value may be at most this many bytes. */
export const MAX_SAFELISTED_VALUE_BYTES = 128;

/** Names the spec safelists (with value rules). Chromium's extra names live in chromium-extra-safelist.ts. */
export const SPEC_SAFELISTED_NAMES: readonly string[] = ['accept', 'accept-language', 'content-language', 'content-type', 'range'];

export type SafelistVerdict =
  | { readonly safelisted: true }
  /** `header`: the name is never simple; `header-value`: the name may be, this value is not. */
  | { readonly safelisted: false; readonly kind: 'header' | 'header-value'; readonly text: string };

const SAFELISTED: SafelistVerdict = { safelisted: true };

export function isSafelistedHeaderName(name: string): boolean {
  const lower = asciiLowercase(name);
  return SPEC_SAFELISTED_NAMES.includes(lower) || isChromiumExtraSafelistedName(lower);
}

/** Whether Chromium treats (name, value) as CORS-safelisted, and why not in plain words. */
export function checkSafelistedHeader(name: string, value: string): SafelistVerdict {
  const lower = asciiLowercase(name);
  if (!isSafelistedHeaderName(lower)) {
    return { safelisted: false, kind: 'header', text: `${name} is not a header a simple request may carry` };
  }
  const bytes = utf8ByteLength(value);
  if (bytes > MAX_SAFELISTED_VALUE_BYTES) {
    return {
      safelisted: false,
      kind: 'header-value',
      text: `${name} is ${bytes} bytes long; a simple request allows at most ${MAX_SAFELISTED_VALUE_BYTES} bytes per header value`,
    };
  }
  const problem = valueProblem(lower, value, name);
  return problem === null ? SAFELISTED : { safelisted: false, kind: 'header-value', text: problem };
}

export function isCorsSafelistedRequestHeader(name: string, value: string): boolean {
  return checkSafelistedHeader(name, value).safelisted;
}

function valueProblem(lower: string, value: string, name: string): string | null {
  switch (lower) {
    case 'accept': {
      const unsafe = firstCorsUnsafeByte(value);
      return unsafe === null ? null : `${name} '${displayValue(value)}' contains the byte ${hexByte(unsafe)}, which a simple request may not carry in ${name}`;
    }
    case 'accept-language':
    case 'content-language': {
      const bad = firstDisallowedLanguageByte(value);
      return bad === null
        ? null
        : `${name} '${displayValue(value)}' contains '${displayValue(bad)}'; a simple request allows only letters, digits, space and * , - . ; = in ${name}`;
    }
    case 'content-type':
      return contentTypeProblem(value, name);
    case 'range':
      return rangeProblem(value, name);
    default:
      return chromiumExtraValueProblem(lower, value, name);
  }
}

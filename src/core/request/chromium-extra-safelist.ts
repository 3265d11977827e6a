/**
 * Header names Chromium safelists beyond the spec (reference §2.3 [cr]), with the value checks
 * IsCorsSafelistedHeader applies (services/network/public/cpp/cors/cors.cc):
 * - `intervention`: any value (Chrome adds it when an intervention applies);
 * - `device-memory`, `dpr`, `downlink`: `1*DIGIT [ "." 1*DIGIT ]` (IsSimilarToDoubleABNF);
 * - `width`, `viewport-width`, `rtt`: `1*DIGIT` (IsSimilarToIntABNF);
 * - `ect`: exactly one of `slow-2g`, `2g`, `3g`, `4g`, case-sensitive (kWebEffectiveConnectionTypeMapping);
 * - `save-data`: `on`, case-insensitive.
 * So `DPR: 2` is not preflighted in Chrome but is in Firefox. Chromium's list also holds many
 * `sec-ch-*` names; those are forbidden request headers (§2.5) and never reach this check.
 */
import { asciiLowercase, displayValue } from './byte-strings';

const DECIMAL = /^[0-9]+(\.[0-9]+)?$/;
const INTEGER = /^[0-9]+$/;
const EFFECTIVE_CONNECTION_TYPES: readonly string[] = ['slow-2g', '2g', '3g', '4g'];

interface ExtraRule {
  readonly accepts: (value: string) => boolean;
  /** What a well-formed value looks like, for the explanation. */
  readonly expected: string;
}

const DECIMAL_RULE: ExtraRule = { accepts: (v) => DECIMAL.test(v), expected: "a number such as '2' or '1.5'" };
const INTEGER_RULE: ExtraRule = { accepts: (v) => INTEGER.test(v), expected: "a whole number such as '1280'" };

const EXTRA_RULES: ReadonlyMap<string, ExtraRule> = new Map([
  ['intervention', { accepts: () => true, expected: 'any value' }],
  ['device-memory', DECIMAL_RULE],
  ['dpr', DECIMAL_RULE],
  ['downlink', DECIMAL_RULE],
  ['width', INTEGER_RULE],
  ['viewport-width', INTEGER_RULE],
  ['rtt', INTEGER_RULE],
  ['ect', { accepts: (v) => EFFECTIVE_CONNECTION_TYPES.includes(v), expected: `one of ${EFFECTIVE_CONNECTION_TYPES.join(', ')}` }],
  ['save-data', { accepts: (v) => asciiLowercase(v) === 'on', expected: "'on'" }],
]);

/** Lowercased names Chromium adds to the spec's safelist. */
export const CHROMIUM_EXTRA_SAFELISTED_NAMES: readonly string[] = [...EXTRA_RULES.keys()];

export function isChromiumExtraSafelistedName(lowerName: string): boolean {
  return EXTRA_RULES.has(lowerName);
}

/** Why this value of a Chromium-only safelisted header is not safelisted, or null when it is. */
export function chromiumExtraValueProblem(lowerName: string, value: string, displayName: string): string | null {
  const rule = EXTRA_RULES.get(lowerName);
  if (rule === undefined || rule.accepts(value)) return null;
  return `${displayName} '${displayValue(value)}' is not ${rule.expected}, the only values Chrome lets a simple request carry in ${displayName}`;
}

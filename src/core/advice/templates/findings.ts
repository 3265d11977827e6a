/** Plain-words titles for the engine's findings; the engine's message is already plain words. */
import type { Finding, FindingCode } from '../../types';
import type { AdviceFinding } from '../types';

const FINDING_TITLES: Record<FindingCode, string> = {
  'authorization-covered-by-wildcard': 'Authorization is allowed only through "*"',
  'headers-not-exposed': 'Some response headers are hidden from JavaScript',
  'reflected-origin-without-vary': 'The origin is echoed back without Vary: Origin',
  'reflected-origin-with-credentials': 'Any site may read responses made with the user\'s cookies',
  'preflight-cache': 'How long the preflight answer is cached',
  'served-from-preflight-cache': 'No preflight was sent: a cached one covered this request',
  'cookies-stored-despite-block': 'Cookies were stored even though the response was blocked',
  'request-reached-server': 'The request reached your server',
  'credentials-inferred': 'Whether credentials were sent was inferred',
  'tainted-origin-null': 'The Origin became "null" after a redirect',
  'verdict-reconciled': 'The verdict was matched to what Chrome reported',
};

// What to do about it, where the finding calls for an action.
const FINDING_ADVICE: Partial<Record<FindingCode, (f: Finding) => string>> = {
  'authorization-covered-by-wildcard': () =>
    'Chrome still accepts this, but the standard and future browsers do not (reference §4.4): list Authorization by name in Access-Control-Allow-Headers.',
  'headers-not-exposed': (f) =>
    f.subjects && f.subjects.length > 0 ? `Add Access-Control-Expose-Headers: ${f.subjects.join(', ')}.` : 'List them in Access-Control-Expose-Headers.',
  'reflected-origin-without-vary': () => 'Add Vary: Origin so that caches keep one answer per origin.',
  'reflected-origin-with-credentials': () => 'Check the Origin against an allow-list before echoing it back.',
};

export function adviceFindings(findings: readonly Finding[]): AdviceFinding[] {
  return findings.map((f) => {
    const advice = FINDING_ADVICE[f.code]?.(f);
    const message = f.message || FINDING_TITLES[f.code];
    return { severity: f.severity, title: FINDING_TITLES[f.code], text: advice ? `${message} ${advice}` : message };
  });
}

/**
 * The exact response headers the server must send for THIS request, and on which response: the
 * failing one first, then the ones the browser will check after it (a preflight that passes is
 * followed by the actual response, which needs its own Access-Control-Allow-Origin, reference §3-§4).
 */
import type { CorsErrorName, HeaderList, ObservedTransaction, Verdict } from '../types';
import { headerValue, splitList, withoutPassword } from './headers';
import { corsNeeds, failingResponse, type CorsNeeds } from './request-facts';
import type { HeaderPlace, RequiredHeader } from './types';

// Failures no response header can fix: the request mode, the scheme, the user's permission (§7).
const NOT_FIXABLE_BY_HEADERS: ReadonlySet<CorsErrorName> = new Set<CorsErrorName>([
  'DisallowedByMode', 'CorsDisabledScheme', 'NoCorsRedirectModeNotFollow', 'InsecureLocalNetwork',
  'InvalidLocalNetworkAccess', 'LocalNetworkAccessPermissionDenied', 'InsecurePrivateNetwork',
  'InvalidPrivateNetworkAccess', 'UnexpectedPrivateNetworkAccess',
]);

const PREFLIGHT_ONLY_ERRORS: ReadonlySet<CorsErrorName> = new Set<CorsErrorName>([
  'InvalidResponse', 'InvalidAllowMethodsPreflightResponse', 'InvalidAllowHeadersPreflightResponse',
  'MethodDisallowedByPreflightResponse', 'HeaderDisallowedByPreflightResponse',
  'PreflightMissingAllowPrivateNetwork', 'PreflightInvalidAllowPrivateNetwork',
  'PreflightMissingAllowExternal', 'PreflightInvalidAllowExternal',
]);

/** Which response must change to fix the failure; null when it is not a header problem. */
export function fixPlace(verdict: Verdict): HeaderPlace | null {
  const error = verdict.corsError;
  if (verdict.outcome !== 'blocked' || error === null || NOT_FIXABLE_BY_HEADERS.has(error)) return null;
  if (error === 'RedirectContainsCredentials') return 'redirect';
  if (PREFLIGHT_ONLY_ERRORS.has(error) || error.startsWith('Preflight')) return 'preflight';
  if (verdict.stage?.kind === 'preflight') return 'preflight';
  if (verdict.stage?.kind === 'redirect') return 'redirect';
  return 'response';
}

export function requiredHeaders(verdict: Verdict, tx: ObservedTransaction): RequiredHeader[] {
  const needs = corsNeeds(verdict, tx);
  const place = fixPlace(verdict);
  if (verdict.outcome === 'allowed') {
    // Nothing is broken: list what keeps it working.
    return [...(needs.preflight ? preflightSet(needs, verdict) : []), ...responseSet(needs)];
  }
  if (place === null) return [];
  const observed = failingResponse(verdict, tx)?.headers ?? null;
  if (place === 'redirect' && verdict.corsError === 'RedirectContainsCredentials') {
    const location = tx.redirects?.[verdict.stage?.kind === 'redirect' ? verdict.stage.hop : 0]?.location ?? '';
    return [{
      name: 'Location',
      value: stripUserinfo(location),
      why: `Redirect to a URL without a user name or password; the browser refuses to follow a cross-origin redirect to ${withoutPassword(location) || 'a URL'} that carries them.`,
      appliesTo: 'redirect',
    }];
  }
  const failing =
    place === 'preflight' ? preflightSet(needs, verdict) : place === 'redirect' ? redirectSet(needs) : responseSet(needs);
  const annotated = failing.map((h) => annotate(h, observed, needs));
  return place === 'response' ? annotated : [...annotated, ...responseSet(needs)];
}

function stripUserinfo(url: string): string {
  return url.replace(/^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)[^/?#@]*@/, '$1');
}

function originHeader(needs: CorsNeeds, appliesTo: HeaderPlace): RequiredHeader {
  let why: string;
  if (needs.allowOrigin === '*') {
    why = 'Any origin may read this answer; that is fine because the request carries no credentials.';
  } else if (needs.allowOrigin === 'null') {
    why = 'The page has an opaque origin (sandboxed iframe, file: or data: page), so the browser sent Origin: null. Allowing null lets every sandboxed page in: better serve the page from a real origin.';
  } else {
    why = `Must equal the Origin the browser sent, byte for byte: same scheme, host and port, no trailing slash, one value only.${needs.credentials ? ' `*` is not accepted because the request carries credentials.' : ''}`;
  }
  return { name: 'Access-Control-Allow-Origin', value: needs.allowOrigin, why, appliesTo };
}

function credentialsHeader(appliesTo: HeaderPlace): RequiredHeader {
  return {
    name: 'Access-Control-Allow-Credentials',
    value: 'true',
    why: "The request is sent with credentials (fetch credentials: 'include' or XHR withCredentials); the browser accepts the answer only when this is exactly `true`.",
    appliesTo,
  };
}

function preflightSet(needs: CorsNeeds, verdict: Verdict): RequiredHeader[] {
  const set = [originHeader(needs, 'preflight')];
  if (needs.credentials) set.push(credentialsHeader('preflight'));
  if (needs.methodNeedsAllow) {
    set.push({
      name: 'Access-Control-Allow-Methods',
      value: needs.method,
      why: `The request uses ${needs.method}, which is not GET, HEAD or POST, so the preflight must list it (the comparison is case-sensitive).`,
      appliesTo: 'preflight',
    });
  }
  if (needs.requestHeaders.length > 0) {
    const authorization = needs.requestHeaders.includes('authorization') ? ' `*` never covers Authorization, so name it.' : '';
    set.push({
      name: 'Access-Control-Allow-Headers',
      value: needs.requestHeaders.join(', '),
      why: `The page sets these request headers (the browser asked about them in Access-Control-Request-Headers); each one must be listed.${authorization}`,
      appliesTo: 'preflight',
    });
  }
  const legacy = verdict.corsError ?? '';
  if (/AllowPrivateNetwork|AllowExternal/.test(legacy)) {
    set.push({
      name: 'Access-Control-Allow-Private-Network',
      value: 'true',
      why: 'Older Chrome versions (Private Network Access) asked a public page\'s preflight to a private address for this opt-in.',
      appliesTo: 'preflight',
    });
  }
  return set;
}

function redirectSet(needs: CorsNeeds): RequiredHeader[] {
  // Reference §5: the redirect response itself must pass the CORS check when tainting is cors.
  const set = [originHeader(needs, 'redirect')];
  if (needs.credentials) set.push(credentialsHeader('redirect'));
  return set.map((h) => ({ ...h, why: `${h.why} The redirect response itself is checked before the browser follows it.` }));
}

function responseSet(needs: CorsNeeds): RequiredHeader[] {
  const set = [originHeader(needs, 'response')];
  if (needs.credentials) set.push(credentialsHeader('response'));
  if (needs.allowOrigin !== '*') {
    set.push({
      name: 'Vary',
      value: 'Origin',
      why: 'The answer depends on the Origin of the request; without Vary: Origin a cache or CDN can hand one origin\'s answer to another.',
      appliesTo: 'response',
    });
  }
  if (needs.exposeHeaders.length > 0) {
    set.push({
      name: 'Access-Control-Expose-Headers',
      value: needs.exposeHeaders.join(', '),
      why: 'The response carries these headers, but JavaScript cannot read them (headers.get() returns null) unless they are listed here. Add the ones your script needs.',
      appliesTo: 'response',
    });
  }
  return set;
}

/** Says what the failing response sends now, so the difference is visible at a glance. */
function annotate(h: RequiredHeader, observed: HeaderList | null, needs: CorsNeeds): RequiredHeader {
  if (observed === null) return h;
  const now = headerValue(observed, h.name);
  if (now === null) return { ...h, why: `${h.why} Your server sends none.` };
  if (satisfies(h, now, needs)) return { ...h, why: `${h.why} Your server already sends this.` };
  return { ...h, why: `${h.why} Your server sends "${now}".` };
}

function satisfies(h: RequiredHeader, now: string, needs: CorsNeeds): boolean {
  // Reference §4.4: `*` in the method and header lists is a wildcard only without credentials.
  const wildcard = !needs.credentials && splitList(now).includes('*');
  switch (h.name) {
    case 'Access-Control-Allow-Origin':
      return now === h.value || (h.value === '*' && now === needs.originSent);
    case 'Access-Control-Allow-Methods':
      return wildcard || splitList(now).includes(h.value); // reference §4.5: case-sensitive
    case 'Access-Control-Allow-Headers':
      if (wildcard) return true;
      return splitList(h.value).every((v) => splitList(now).some((n) => n.toLowerCase() === v));
    case 'Access-Control-Expose-Headers':
    case 'Vary': {
      const have = splitList(now).map((v) => v.toLowerCase());
      return splitList(h.value).every((v) => have.includes(v.toLowerCase()));
    }
    default:
      return now === h.value;
  }
}

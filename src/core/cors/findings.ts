/**
 * Findings that are not (or not only) the failure: things a developer should know about a request
 * whatever its outcome (reference §4.4, §4.7, §6, §10). Messages are plain text, data, never markup.
 */
import type { Finding, Outcome } from '../types';
import { parseMaxAge, type MaxAge } from '../preflight-cache/index';
import { headerIndexOf, type HeaderIndex } from './header-index';
import { unexposedHeaderNames } from './exposed-headers';
import { tokenListOf } from './http-syntax';
import { createBoundedMemo } from '../util/bounded-memo';
import type { CredentialsChoice, PassedPreflight, WalkResult } from './hop-rules';
import type { Route } from './route';
import { KNOWN } from './known-headers';

function maxAgeFinding(passed: PassedPreflight): Finding {
  const raw = passed.response.valueOf(KNOWN.maxAge);
  const maxAge = parseMaxAge(raw);
  const expiresAt = passed.completedAt === null ? null : passed.completedAt + maxAge.seconds * 1000;
  return { code: 'preflight-cache', severity: 'info', message: maxAgeMessage(raw), maxAgeSeconds: maxAge.seconds, expiresAt };
}

/** A server sends the same Access-Control-Max-Age on every preflight: its message is made once per value. */
const MAX_AGE_MESSAGES = createBoundedMemo<string>(128);
const ABSENT_MAX_AGE_MESSAGE = maxAgeMessageOf(null);

function maxAgeMessage(raw: string | null): string {
  return raw === null ? ABSENT_MAX_AGE_MESSAGE : MAX_AGE_MESSAGES.get(raw, maxAgeMessageOf);
}

function maxAgeMessageOf(raw: string | null): string {
  const maxAge = parseMaxAge(raw);
  return `Chromium caches this preflight for ${maxAge.seconds} s (${maxAgeWords(maxAge.source, raw ?? '')}).`;
}

/** How the max-age came about, in words (only the one needed is built: this runs per preflighted request). */
function maxAgeWords(source: MaxAge['source'], raw: string): string {
  switch (source) {
    case 'default': return 'no Access-Control-Max-Age, so the default 5 s';
    case 'parsed': return `Access-Control-Max-Age ${raw}`;
    case 'capped': return `Access-Control-Max-Age ${raw} capped to Chromium's 7200 s`;
    case 'negative': return `a negative Access-Control-Max-Age ${raw}: the entry is not reused`;
    case 'invalid': return `Access-Control-Max-Age '${raw}' does not parse, so the default 5 s`;
  }
}

function cachedFinding(hop: number, record: WalkResult['cachedPreflights'][number]['record']): Finding {
  const response = record?.response ? headerIndexOf(record.response.headers) : null;
  const maxAge = response === null ? null : parseMaxAge(response.valueOf(KNOWN.maxAge));
  const completedAt = record?.completedAt ?? null;
  const message = hop === 0 ? CACHED_FIRST_HOP_MESSAGE : cachedMessage(`the request after redirect ${hop}`);
  if (maxAge === null) return { code: 'served-from-preflight-cache', severity: 'info', message, expiresAt: null };
  const expiresAt = completedAt === null ? null : completedAt + maxAge.seconds * 1000;
  return { code: 'served-from-preflight-cache', severity: 'info', message, maxAgeSeconds: maxAge.seconds, expiresAt };
}

function cachedMessage(where: string): string {
  return `No preflight was sent for ${where}: an earlier preflight in Chromium's preflight cache covered it.`;
}

const CACHED_FIRST_HOP_MESSAGE = cachedMessage('this request');

/* Findings whose words never change: one shared, frozen object each (findings are only ever read). */
const AUTHORIZATION_COVERED_BY_WILDCARD: Finding = Object.freeze({
  code: 'authorization-covered-by-wildcard',
  severity: 'warning',
  message: "Access-Control-Allow-Headers '*' is letting Authorization through. Chromium still allows it; the spec and future browsers do not: list Authorization by name.",
  subjects: Object.freeze(['authorization']),
});
const COOKIES_STORED_DESPITE_BLOCK: Finding = Object.freeze({
  code: 'cookies-stored-despite-block',
  severity: 'warning',
  message: 'The blocked response set cookies, and the browser stored them anyway: CORS hides responses, it does not undo them.',
  subjects: Object.freeze(['set-cookie']),
});
const REFLECTED_WITHOUT_VARY_SUBJECTS: readonly string[] = Object.freeze(['vary', 'access-control-allow-origin']);
const REFLECTED_WITH_CREDENTIALS_SUBJECTS: readonly string[] = Object.freeze(['access-control-allow-origin', 'access-control-allow-credentials']);
/** The two reflected-origin-without-vary findings (their words depend only on whether a shared cache may keep the response). */
const REFLECTED_WITHOUT_VARY_CACHEABLE: Finding = Object.freeze({
  code: 'reflected-origin-without-vary',
  severity: 'warning',
  message: 'Access-Control-Allow-Origin names this origin, the response may be cached, and Vary does not include Origin: a cache or CDN can hand this response to another origin, which will then be blocked.',
  subjects: REFLECTED_WITHOUT_VARY_SUBJECTS,
});
const REFLECTED_WITHOUT_VARY_UNCACHED: Finding = Object.freeze({
  code: 'reflected-origin-without-vary',
  severity: 'info',
  message: 'Access-Control-Allow-Origin names this origin and Vary does not include Origin. Harmless while nothing caches the response; if the server echoes the request\'s Origin and a cache or CDN is added, other origins may get this answer.',
  subjects: REFLECTED_WITHOUT_VARY_SUBJECTS,
});

/** One finding per allowed origin, made once (a server names the same few origins on every response). */
const REFLECTED_WITH_CREDENTIALS = createBoundedMemo<Finding>(128);

function reflectedWithCredentials(allowOrigin: string): Finding {
  return Object.freeze({
    code: 'reflected-origin-with-credentials',
    severity: 'warning',
    message: `The server allows ${allowOrigin} with credentials. Fine if it checks Origin against an allowlist; if it echoes any Origin, any site can read this user's data.`,
    subjects: REFLECTED_WITH_CREDENTIALS_SUBJECTS,
  });
}

/** Indexed loops here and below: an array iterator here was allocated on every verdict (measured). */
function preflightFindings(walk: WalkResult, findings: FindingSink): void {
  const cachedPreflights = walk.cachedPreflights;
  for (let i = 0; i < cachedPreflights.length; i++) {
    const cached = cachedPreflights[i];
    if (cached !== undefined) findings.add(cachedFinding(cached.hop, cached.record));
  }
  const passedPreflights = walk.passedPreflights;
  for (let i = 0; i < passedPreflights.length; i++) {
    const passed = passedPreflights[i];
    if (passed === undefined) continue;
    findings.add(maxAgeFinding(passed));
    if (passed.authorizationCoveredByWildcard) {
      findings.add(AUTHORIZATION_COVERED_BY_WILDCARD);
    }
  }
}

function taintFinding(route: Route, lastHop: number): Finding | null {
  if (route.initiator.serialized === null) return null;
  let first: Route['hops'][number] | undefined;
  for (let i = 0; i < route.hops.length; i++) {
    const hop = route.hops[i];
    if (hop !== undefined && hop.tainted && hop.index <= lastHop) {
      first = hop;
      break;
    }
  }
  const from = first === undefined ? undefined : route.hops[first.index - 1];
  if (first === undefined || from === undefined) return null;
  return {
    code: 'tainted-origin-null',
    severity: 'info',
    message: `The redirect from ${from.origin.serialized ?? from.url} to ${first.origin.serialized ?? first.url} tainted the request: from there on the browser sent Origin: null, which only Access-Control-Allow-Origin 'null' or '*' matches.`,
    subjects: ['null'],
  };
}

function varyCoversOrigin(response: HeaderIndex): boolean {
  const vary = response.valueOf(KNOWN.vary);
  const tokens = vary === null ? null : tokenListOf(vary, true);
  if (tokens === null) return false;
  return tokens.includes('origin') || tokens.includes('*');
}

/** Whether a shared cache (CDN, proxy) may store the response: public, s-maxage or a positive max-age. */
export function isSharedCacheable(cacheControl: string | null): boolean {
  if (cacheControl === null) return false;
  return CACHEABLE.get(cacheControl, sharedCacheableValue);
}

/** A server sends the same Cache-Control on every response: its reading (three regular expressions) is remembered. */
const CACHEABLE = createBoundedMemo<boolean>(128);

/** isSharedCacheable of a present value, worked out afresh. */
export function sharedCacheableValue(cacheControl: string): boolean {
  const directives = cacheControl.toLowerCase();
  if (/(^|[\s,])(no-store|private)([\s,=]|$)/.test(directives)) return false;
  return /(^|[\s,])(public|s-maxage=\d+)/.test(directives) || /(^|[\s,])max-age=[1-9]/.test(directives);
}

/** Findings about the final response: reflected origins, headers script cannot read. */
function finalResponseFindings(route: Route, chosen: CredentialsChoice, outcome: Outcome, findings: FindingSink): void {
  const walk = chosen.walk;
  const lastHop = route.hops[route.hops.length - 1];
  const finalResponse = route.finalResponse;
  if (!walk.corsApplied || finalResponse === null || lastHop === undefined || walk.lastHop !== lastHop.index) return;
  const response = walk.finalResponse ?? headerIndexOf(finalResponse.headers);
  const allowOrigin = response.valueOf(KNOWN.allowOrigin);
  if (allowOrigin !== null && allowOrigin !== '*' && allowOrigin === lastHop.originSent) {
    if (!varyCoversOrigin(response)) {
      // Only a risk where a shared cache may keep the response; otherwise worth knowing, not a warning.
      const cacheable = isSharedCacheable(response.valueOf(KNOWN.cacheControl));
      findings.add(cacheable ? REFLECTED_WITHOUT_VARY_CACHEABLE : REFLECTED_WITHOUT_VARY_UNCACHED);
    }
    if (response.valueOf(KNOWN.allowCredentials) === 'true') {
      findings.add(REFLECTED_WITH_CREDENTIALS.get(allowOrigin, reflectedWithCredentials));
    }
  }
  if (outcome === 'allowed') {
    const finding = unexposedFinding(response, chosen.include, chosen.credentials === 'unknown');
    if (finding !== null) findings.add(finding);
  }
}

/**
 * Reference §6. With the credentials mode unknown, also name the headers only `*` exposes: they
 * turn unreadable if the request was credentialed.
 */
function unexposedFinding(response: HeaderIndex, include: boolean, credentialsUnknown: boolean): Finding | null {
  const alsoCredentialed = credentialsUnknown && !include;
  // What credentials hide includes what is hidden without them (`*` only helps without): when
  // credentials hide nothing, nothing is hidden either way, and one pass answers.
  const withCredentials = include || alsoCredentialed ? unexposedHeaderNames(response, true) : null;
  if (withCredentials !== null && withCredentials.length === 0) return null;
  const hidden = include && withCredentials !== null ? withCredentials : unexposedHeaderNames(response, false);
  const hiddenIfCredentialed = alsoCredentialed && withCredentials !== null
    ? withCredentials.filter((name) => !hidden.includes(name))
    : [];
  if (hidden.length === 0 && hiddenIfCredentialed.length === 0) return null;
  const parts: string[] = [];
  if (hidden.length > 0) {
    parts.push(`Script cannot read ${hidden.join(', ')}: not listed in Access-Control-Expose-Headers (headers.get() returns null).`);
  }
  if (hiddenIfCredentialed.length > 0) {
    parts.push(`If this request carries credentials, ${hiddenIfCredentialed.join(', ')} cannot be read either: Access-Control-Expose-Headers '*' only applies without credentials.`);
  }
  return { code: 'headers-not-exposed', severity: 'info', message: parts.join(' '), subjects: [...hidden, ...hiddenIfCredentialed].sort() };
}

/** Side effects of a blocked request: it ran on the server, and its cookies were stored. */
function blockedFindings(route: Route, chosen: CredentialsChoice, outcome: Outcome, reachedServer: boolean, findings: FindingSink): void {
  const failure = chosen.walk.failure;
  if (outcome !== 'blocked' || failure === null || failure.kind !== 'cors') return;
  const ranOnServer = failure.stage.kind === 'response' || failure.stage.kind === 'redirect';
  const method = route.hops[failure.hop]?.method ?? '';
  if (ranOnServer && reachedServer && method !== 'GET' && method !== 'HEAD') {
    findings.add({
      code: 'request-reached-server',
      severity: 'warning',
      message: `The ${method} request was blocked only after the server ran it: any change it made happened; the page just cannot read the answer.`,
      subjects: [method],
    });
  }
  if (ranOnServer && chosen.include && (failure.response?.valueOf(KNOWN.setCookie) ?? null) !== null) {
    findings.add(COOKIES_STORED_DESPITE_BLOCK);
  }
}

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

/**
 * Where a verdict's findings are gathered: one array reused from verdict to verdict (a fresh empty
 * array grows a 17-slot store on its first push, and most verdicts have none or one), handed out
 * as an exact-size copy. Between verdicts it still points at the last verdict's findings, which
 * that verdict holds anyway.
 */
export class FindingSink {
  private readonly items: Finding[] = [];
  private count = 0;

  /** Starts a verdict's list (drops whatever an interrupted one left). */
  reset(): void {
    this.count = 0;
  }

  add(finding: Finding): void {
    this.items[this.count++] = finding;
  }

  /** The findings added since the last take (none: one shared, frozen empty list). */
  take(): readonly Finding[] {
    const count = this.count;
    this.count = 0;
    return count === 0 ? NO_FINDINGS : this.items.slice(0, count);
  }
}

/**
 * Appends the findings to `findings` (the verdict's sink, which may already hold some): about the
 * walk evaluate() kept, its reconciled `outcome`, and whether the request `reachedServer`.
 */
export function buildFindings(route: Route, chosen: CredentialsChoice, outcome: Outcome, reachedServer: boolean, findings: FindingSink): FindingSink {
  const walk = chosen.walk;
  preflightFindings(walk, findings);
  const taint = taintFinding(route, walk.lastHop);
  if (taint !== null) findings.add(taint);
  finalResponseFindings(route, chosen, outcome, findings);
  blockedFindings(route, chosen, outcome, reachedServer, findings);
  return findings;
}

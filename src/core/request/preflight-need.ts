/**
 * Whether a CORS-mode fetch()/XMLHttpRequest needs a preflight, and why in plain words
 * (reference §2.2-§2.4, §2.6). Cross-origin-ness, mode and the preflight cache are the caller's.
 */
import type { Header, HeaderList, PreflightReason } from '../types';
import { asciiUppercase } from './byte-strings';
import { isCorsSafelistedMethod, isForbiddenMethod, normalizeMethod, SAFELISTED_METHODS } from './methods';
import { createNameTable, foldedFirstUnit, startsWithAsciiFolded } from '../util/name-table';
import { FORBIDDEN_REQUEST_HEADER_NAMES, FORBIDDEN_REQUEST_HEADER_PREFIXES, METHOD_OVERRIDE_HEADER_NAMES, isForbiddenRequestHeader } from './forbidden-headers';
import { MAYBE_BROWSER_ADDED_HEADER_NAMES, NETWORK_ADDED_HEADER_NAMES, isChromeAcceptLanguage, userAgentAddedHeader } from './ua-added-headers';
import { analyzeUnsafeHeaders } from './unsafe-header-names';
import { createRecentAnswers } from './recent-answers';

export interface PreflightNeed {
  readonly required: boolean;
  readonly reasons: readonly PreflightReason[];
  /** Access-Control-Request-Headers value the browser would send ('' when none), reference §2.4. */
  readonly requestHeaders: string;
}

export interface PreflightNeedOptions {
  /** The use-CORS-preflight flag: XMLHttpRequest upload listeners or a ReadableStream body. */
  readonly forced?: boolean;
}

/** What a header's name alone says about whether Chromium's CORS code sees it (corsRequestHeaders). */
const SEEN = 0;
const NOT_SEEN = 1;
/** The value decides: method overrides (forbidden for CONNECT…), Cache-Control, Pragma. */
const BY_VALUE = 2;
/** Seen unless the value is shaped like Chrome's own (sent on nearly every request: decided apart). */
const ACCEPT_LANGUAGE = 3;

/**
 * Forbidden names and names only the network stack adds are never seen; the `sec-` and `proxy-`
 * prefixes are checked apart. Every other name not listed is seen (Accept too: the browser adds
 * `*\/*` before the checks, so either way it counts).
 */
const NAME_RULE = createNameTable<number>([
  ...FORBIDDEN_REQUEST_HEADER_NAMES.map((name) => [name, NOT_SEEN] as const),
  ...NETWORK_ADDED_HEADER_NAMES.map((name) => [name, NOT_SEEN] as const),
  ...METHOD_OVERRIDE_HEADER_NAMES.map((name) => [name, BY_VALUE] as const),
  ...MAYBE_BROWSER_ADDED_HEADER_NAMES.filter((name) => name !== 'accept' && name !== 'accept-language').map((name) => [name, BY_VALUE] as const),
  ['accept-language', ACCEPT_LANGUAGE],
]);

/** The forbidden prefixes by their first letter (`sec-`, `proxy-`): most names start with neither. */
const PREFIX_BY_FIRST: (string | undefined)[] = new Array<string | undefined>(128).fill(undefined);
for (const prefix of FORBIDDEN_REQUEST_HEADER_PREFIXES) {
  if (PREFIX_BY_FIRST[prefix.charCodeAt(0)] !== undefined) throw new Error('two forbidden prefixes share a first letter');
  PREFIX_BY_FIRST[prefix.charCodeAt(0)] = prefix;
}

function nameRule(name: string): number {
  const first = foldedFirstUnit(name);
  const prefix = first < 128 ? PREFIX_BY_FIRST[first] : undefined;
  if (prefix !== undefined && startsWithAsciiFolded(name, prefix)) return NOT_SEEN;
  return NAME_RULE.get(name) ?? SEEN;
}

/**
 * The headers Chromium's CORS code sees, from headers as captured: forbidden names and headers the
 * network stack adds after the CORS checks are dropped; Blink's `Accept: *\/*` stays (it counts
 * towards the 1024-byte rule). See ua-added-headers.ts for what is recognised and why. Runs on every
 * header of every request, so the name decides alone wherever it can (a property test checks this
 * against the rule applied to every header).
 */
export function corsRequestHeaders(headers: HeaderList): Header[] {
  const seen: Header[] = [];
  seen.length = collectCorsRequestHeaders(headers, seen);
  return seen;
}

/**
 * corsRequestHeaders written over the start of `seen` (a reused array: whatever lies past the count
 * returned is left over from earlier calls). Emptying the array instead would drop its storage,
 * and every call would allocate it again.
 */
function collectCorsRequestHeaders(headers: HeaderList, seen: Header[]): number {
  let count = 0;
  for (let i = 0; i < headers.length; i++) {
    const header = headers[i];
    if (header === undefined) continue;
    const rule = nameRule(header.name);
    if (rule === NOT_SEEN) continue;
    if (rule === BY_VALUE && !isSeenByCors(header, headers)) continue;
    // Accept-Language is never forbidden; userAgentAddedHeader takes it as Chrome's by its value alone.
    if (rule === ACCEPT_LANGUAGE && isChromeAcceptLanguage(header.value)) continue;
    seen[count++] = header;
  }
  return count;
}

/** The rule itself: not forbidden, and not added by the network stack after the CORS checks. */
export function isSeenByCors(header: Header, headers: HeaderList): boolean {
  return !isForbiddenRequestHeader(header.name, header.value) && userAgentAddedHeader(header, headers)?.addedBy !== 'network';
}

const FORCED_REASON: PreflightReason = {
  kind: 'forced',
  name: '',
  text: 'The page forced a preflight (an XMLHttpRequest upload listener or a streaming request body), so even a simple request is preflighted',
};

function methodReason(method: string): PreflightReason | null {
  const sent = normalizeMethod(method);
  if (isCorsSafelistedMethod(sent)) return null;
  let text = `${sent} is not one of ${SAFELISTED_METHODS.join(', ')}`;
  if (isForbiddenMethod(sent)) {
    text += ` (and ${sent} is a forbidden method: the browser refuses to send it at all)`;
  } else if (sent !== asciiUppercase(sent)) {
    text += ` (methods are case-sensitive: the browser uppercases only DELETE, GET, HEAD, OPTIONS, POST and PUT, so ${sent} is sent as written)`;
  }
  return { kind: 'method', name: sent, text };
}

/**
 * A page sends the same header set request after request (same User-Agent, Accept, Referer…), and
 * evaluate() asks once per hop: remember recent answers by content.
 */
const NEEDS = createRecentAnswers<PreflightNeed>(32);
const RELEVANT: Header[] = [];

/** Whether a CORS-mode fetch/XHR with this method and these headers as sent needs a preflight. */
export function preflightNeed(method: string, headers: HeaderList, options: PreflightNeedOptions = {}): PreflightNeed {
  const forced = options.forced === true;
  // Remembered by the headers CORS looks at only: most of a request's lines are forbidden or added
  // by the browser after the checks (User-Agent, Sec-Fetch-*, Referer…), so few lines to compare.
  // Collected into one reused array: on a hit (nearly always) nothing is allocated.
  const count = collectCorsRequestHeaders(headers, RELEVANT);
  const known = NEEDS.find(method, forced, RELEVANT, count);
  if (known !== undefined) return known;
  const relevant = RELEVANT.slice(0, count);
  const need = computePreflightNeed(method, relevant, forced);
  NEEDS.remember(method, forced, relevant, need);
  return need;
}

/** `relevant`: corsRequestHeaders of the request's headers. */
function computePreflightNeed(method: string, relevant: HeaderList, forced: boolean): PreflightNeed {
  const reasons: PreflightReason[] = [];
  if (forced) reasons.push(FORCED_REASON);
  const fromMethod = methodReason(method);
  if (fromMethod !== null) reasons.push(fromMethod);
  const unsafe = analyzeUnsafeHeaders(relevant);
  for (const header of unsafe.headers) {
    reasons.push({ kind: header.kind, name: header.name, value: header.value, text: header.text });
  }
  return { required: reasons.length > 0, reasons, requestHeaders: unsafe.names.join(',') };
}

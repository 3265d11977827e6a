/**
 * Whether a CORS-mode fetch()/XMLHttpRequest needs a preflight, and why in plain words
 * (reference §2.2-§2.4, §2.6). Cross-origin-ness, mode and the preflight cache are the caller's.
 */
import type { Header, HeaderList, PreflightReason } from '../types';
import { asciiUppercase } from './byte-strings';
import { isCorsSafelistedMethod, isForbiddenMethod, normalizeMethod, SAFELISTED_METHODS } from './methods';
import { isForbiddenRequestHeader } from './forbidden-headers';
import { userAgentAddedHeader } from './ua-added-headers';
import { analyzeUnsafeHeaders } from './unsafe-header-names';
import { createBoundedMemo } from '../util/bounded-memo';

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

/**
 * The headers Chromium's CORS code sees, from headers as captured: forbidden names and headers the
 * network stack adds after the CORS checks are dropped; Blink's `Accept: *\/*` stays (it counts
 * towards the 1024-byte rule). See ua-added-headers.ts for what is recognised and why.
 */
export function corsRequestHeaders(headers: HeaderList): Header[] {
  return headers.filter((h) => !isForbiddenRequestHeader(h.name, h.value) && userAgentAddedHeader(h, headers)?.addedBy !== 'network');
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
 * evaluate() asks once per hop and credentials mode: remember recent answers by content. The key is
 * length-prefixed, so two different (method, headers) can never share one.
 */
const NEEDS = createBoundedMemo<PreflightNeed>(256);

function needKey(method: string, headers: HeaderList, forced: boolean): string {
  let key = `${forced ? 'F' : 'N'}${method.length}:${method}`;
  for (const { name, value } of headers) key += `${name.length}:${name}${value.length}:${value}`;
  return key;
}

/** Whether a CORS-mode fetch/XHR with this method and these headers as sent needs a preflight. */
export function preflightNeed(method: string, headers: HeaderList, options: PreflightNeedOptions = {}): PreflightNeed {
  const forced = options.forced === true;
  // Keyed by the headers CORS looks at only: most of a request's lines are forbidden or added by the
  // browser after the checks (User-Agent, Sec-Fetch-*, Referer…), so the key stays short.
  const relevant = corsRequestHeaders(headers);
  return NEEDS.get(needKey(method, relevant, forced), () => computePreflightNeed(method, relevant, forced));
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

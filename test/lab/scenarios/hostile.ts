/**
 * Hostile servers: response headers and redirect targets that carry HTML and script. A page's
 * traffic is data; CORS Lens must show these values as text and never as markup (proved by
 * test/e2e/hardening-markup.test.ts on the panel and the popup). Each one is still a real CORS case
 * with Chromium's own verdict, so every other lab test judges them too.
 */
import type { HeaderLine, Scenario } from '../scenario-types';
import { acah, acam, acao, aceh, answer, location, ok, PAGE, preflighted, single } from './builders';

/** The payloads: each would run script or add an element if it ever reached innerHTML. */
export const HOSTILE_PAYLOADS = {
  script: '<script>window.__pwned=1</script>',
  img: '<img src=x onerror="window.__pwned=1">',
  javascriptUrl: 'javascript:window.__pwned=1',
  svg: '"><svg onload="window.__pwned=1">',
} as const;

/** 100 KB of markup in one header value (Chromium accepts response headers up to 256 KB in all). */
export const HUNDRED_KB_PAYLOAD = `${HOSTILE_PAYLOADS.img}${HOSTILE_PAYLOADS.script}`.repeat(1700).slice(0, 100_000);

const markupHeaders = (): HeaderLine[] => [
  ['X-Hostile-Script', HOSTILE_PAYLOADS.script],
  ['X-Hostile-Img', HOSTILE_PAYLOADS.img],
  ['Server', `nginx ${HOSTILE_PAYLOADS.svg}`],
];

export const HOSTILE_SCENARIOS: readonly Scenario[] = [
  {
    id: 'hostile-acao-script', group: 'blocked', title: 'ACAO is a <script> element',
    demonstrates: 'A hostile server answers markup in Access-Control-Allow-Origin: it is not an origin, and CORS Lens must show it as text.',
    target: 'apiA', fire: { api: 'fetch' }, routes: single(ok(acao(HOSTILE_PAYLOADS.script), ...markupHeaders())),
    expect: { corsError: 'InvalidAllowOriginValue', failedParameter: HOSTILE_PAYLOADS.script },
  },
  {
    id: 'hostile-acao-javascript-url', group: 'blocked', title: 'ACAO is a javascript: URL',
    demonstrates: 'A javascript: URL parses, but as an opaque origin it matches no page: shown as text, never as a link.',
    target: 'apiA', fire: { api: 'fetch' }, routes: single(ok(acao(HOSTILE_PAYLOADS.javascriptUrl), ...markupHeaders())),
    expect: { corsError: 'AllowOriginMismatch', failedParameter: HOSTILE_PAYLOADS.javascriptUrl },
  },
  {
    id: 'hostile-allow-headers-img', group: 'blocked', title: 'ACAH is an <img onerror> element',
    demonstrates: 'The preflight lists markup instead of header names: Chromium rejects the list, CORS Lens shows it as text.',
    target: 'apiA', fire: { api: 'fetch', method: 'PUT', headers: { 'X-Custom': 'lab' } },
    routes: preflighted(answer(204, acao(PAGE), acam('PUT'), acah(HOSTILE_PAYLOADS.img), ...markupHeaders())),
    // Chromium reports no failedParameter when the list does not parse (only the error name).
    expect: { corsError: 'InvalidAllowHeadersPreflightResponse', failedParameter: '' },
  },
  {
    id: 'hostile-redirect-query', group: 'blocked', title: 'Redirect to a URL with markup in its query',
    demonstrates: 'The next URL carries <script> and <svg onload> in its query; the final response has no ACAO.',
    target: 'apiA', fire: { api: 'fetch' },
    routes: {
      // The redirect keeps the run's nonce ({QUERY}) and adds the payloads to the next URL's query.
      '': { response: answer(302, location(`{B}/s/hostile-redirect-query/next{QUERY}&q=${HOSTILE_PAYLOADS.script}&s=${HOSTILE_PAYLOADS.svg}`), acao(PAGE), ...markupHeaders()) },
      next: { response: ok(...markupHeaders()) },
    },
    expect: { corsError: 'MissingAllowOriginHeader', failedParameter: '' },
  },
  {
    id: 'hostile-expose-svg', group: 'allowed', title: 'Allowed, with <svg onload> in ACEH and a 100 KB header',
    demonstrates: 'The request passes; its Access-Control-Expose-Headers is markup and one header holds 100 KB of it.',
    target: 'apiA', fire: { api: 'fetch' },
    routes: single(ok(acao(PAGE), aceh(HOSTILE_PAYLOADS.svg), ['X-Hostile-Big', HUNDRED_KB_PAYLOAD], ...markupHeaders())),
    expect: { corsError: null, status: 200 },
  },
];

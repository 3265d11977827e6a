/**
 * What a hostile or broken page (or a confused browser) can put in front of CORS Lens, as fast-check
 * arbitraries: arbitrary bytes in header names and values, 100 KB values, a thousand header lines,
 * exotic URLs and initiators, and webRequest `details` with fields missing or of the wrong type.
 * Large values are built once and picked, not generated, so the property files stay fast.
 */
import fc from 'fast-check';
import type { Header } from '../../../src/core/types';

export const PAGE = 'http://localhost:3000';
export const API = 'http://127.0.0.1:4100';

const HUNDRED_KB = 100_000;
/** Every byte value 0..255 once, as a latin1 string (what convert-details makes of binaryValue). */
const ALL_BYTES = Array.from({ length: 256 }, (_, b) => String.fromCharCode(b)).join('');

/** Values too big to generate each run: 100 KB of text, of markup, of every byte, of a lone surrogate. */
export const HUGE_VALUES: readonly string[] = [
  'A'.repeat(HUNDRED_KB),
  '<script>window.__pwned=1</script>'.repeat(Math.ceil(HUNDRED_KB / 33)),
  ALL_BYTES.repeat(Math.ceil(HUNDRED_KB / 256)),
  '\uD800'.repeat(HUNDRED_KB),
  `${PAGE}, `.repeat(HUNDRED_KB / 25),
];

/** 100 KB of bytes as webRequest's binaryValue (a header that is not valid UTF-8). */
const HUGE_BYTES: readonly number[] = Array.from({ length: HUNDRED_KB }, (_, i) => i % 256);

/** Header names the engine reacts to, plus names no server should send. */
const CORS_NAMES = [
  'Origin', 'Access-Control-Allow-Origin', 'access-control-allow-origin', 'ACCESS-CONTROL-ALLOW-ORIGIN',
  'Access-Control-Allow-Credentials', 'Access-Control-Allow-Methods', 'Access-Control-Allow-Headers',
  'Access-Control-Expose-Headers', 'Access-Control-Max-Age', 'Access-Control-Request-Headers', 'Vary', 'Set-Cookie',
  'Cookie', 'Authorization', 'Proxy-Authorization', 'Content-Type', 'Location', 'Sec-Fetch-Mode', 'Range', '', ' ',
  'Origin ', ':authority', 'X-\u0000', 'X-\r\nInjected',
];
const CORS_VALUES = [
  '*', 'null', 'true', '', ' ', PAGE, `${PAGE}/`, `${PAGE}, ${PAGE}`, 'javascript:alert(1)', '"><svg onload=alert(1)>',
  '<img src=x onerror="window.__pwned=1">', 'PUT, DELETE', '*, authorization', '600', '-1', '1e999', 'NaN', 'cors',
  'no-cors', 'application/json', 'bytes=0-1', '\u0000', '\r\n', '\uFEFF', '\uD800', 'http://[::1]:3000',
];

/** Any string: ASCII, every code point (lone surrogates included), the values above, or 100 KB. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...CORS_VALUES) },
  { weight: 8, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  // Rare on purpose: a transaction has dozens of strings, and one 100 KB value is enough per run.
  { weight: 1, arbitrary: fc.constantFrom(...HUGE_VALUES) },
);

export const hostileName: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...CORS_NAMES) },
  { weight: 6, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE_VALUES) },
);

export const hostileHeader: fc.Arbitrary<Header> = fc.record({ name: hostileName, value: hostileString });

/** A thousand lines (duplicates and empty names included), built from a seed: cheap to generate. */
export function thousandHeaders(seed: number, last: readonly Header[] = []): Header[] {
  const lines: Header[] = [];
  for (let i = 0; i < 1000; i++) {
    const pick = (seed + i * 7919) % CORS_NAMES.length;
    lines.push({ name: i % 3 === 0 ? (CORS_NAMES[pick] ?? '') : `X-Header-${i % 50}`, value: CORS_VALUES[(seed + i) % CORS_VALUES.length] ?? '' });
  }
  return [...lines, ...last];
}

/** Header lists: a few hostile lines, or a thousand, or none. */
export const hostileHeaders: fc.Arbitrary<Header[]> = fc.oneof(
  { weight: 6, arbitrary: fc.array(hostileHeader, { maxLength: 8 }) },
  { weight: 1, arbitrary: fc.nat().map((seed) => thousandHeaders(seed)) },
  { weight: 1, arbitrary: fc.constant<Header[]>([]) },
);

/** URLs no CORS request has, and some that are odd but real. */
export const EXOTIC_URLS: readonly string[] = [
  'http://[::1]:4100/api', 'http://[fe80::1%25eth0]:80/x', 'http://[::ffff:127.0.0.1]/', 'https://bücher.example/é?q=ü',
  'https://xn--bcher-kva.example/', 'data:text/html,<script>window.__pwned=1</script>', 'data:,', 'blob:http://localhost:3000/1b2c',
  'blob:null/x', 'file:///etc/passwd', 'file://host/share', 'javascript:window.__pwned=1', 'http://user:pa%20ss@127.0.0.1:4100/x',
  'https://:@a.example/', 'http://127.0.0.1:65536/', 'http://256.256.256.256/', 'http://0x7f.1/', 'HTTP://API.EXAMPLE:80/',
  'ws://127.0.0.1:4100/socket', 'chrome-extension://abcdefghijklmnop/x', 'about:blank', 'http://', 'http://[', '', ' ', '/relative',
  '?q', `http://127.0.0.1:4100/${'a'.repeat(HUNDRED_KB)}`, `http://${'a'.repeat(300)}.example/`, `${API}/"><svg onload=alert(1)>`,
  `${API}/?q=<script>window.__pwned=1</script>`,
];

export const hostileUrl: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...EXOTIC_URLS) },
  { weight: 2, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

/** Initiators: real origins, opaque ('null'), none (browser-initiated), and garbage. */
export const hostileInitiator: fc.Arbitrary<string | null> = fc.oneof(
  fc.constantFrom(PAGE, API, 'null', 'http://[::1]:3000', 'https://xn--bcher-kva.example', 'file://', ''),
  fc.constant(null),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

/** A field as a confused browser might send it: the right value, missing, or of another type. */
export function field<T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: value },
    { weight: 1, arbitrary: fc.constantFrom(undefined, null, 42, Number.NaN, Infinity, true, [], {}, { toString: 'x' }, () => 1, Symbol('s'), 10n) },
  );
}

/** One header line as webRequest gives it: `value`, or `binaryValue` bytes (possibly out of range), or broken. */
export const webRequestHeaderLine: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ name: hostileName, value: hostileString }) },
  { weight: 4, arbitrary: fc.record({ name: hostileName, binaryValue: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 40 }) }) },
  { weight: 2, arbitrary: fc.record({ name: hostileName, binaryValue: fc.array(fc.oneof(fc.integer(), fc.double(), fc.string()), { maxLength: 10 }) }) },
  { weight: 1, arbitrary: fc.record({ name: hostileName, binaryValue: fc.constant(HUGE_BYTES) }) },
  { weight: 1, arbitrary: fc.record({ name: hostileName, binaryValue: fc.constant(new Uint8Array([0, 0x3c, 0xff, 0x80])) }) },
  { weight: 2, arbitrary: fc.record({ name: field(hostileName), value: field(hostileString), binaryValue: field(fc.constant([60, 62])) }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.constantFrom(null, 'Origin: x', 7, [], {}) },
);

export const webRequestHeaderList: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 12, arbitrary: fc.array(webRequestHeaderLine, { maxLength: 8 }) },
  { weight: 1, arbitrary: fc.nat().map((seed) => thousandHeaders(seed)) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null, 'Origin: x', {}, 3) },
);

export const RESOURCE_TYPES = [
  'main_frame', 'sub_frame', 'stylesheet', 'script', 'image', 'font', 'object', 'xmlhttprequest', 'ping', 'csp_report',
  'media', 'websocket', 'webbundle', 'webtransport', 'other',
] as const;

/** webRequest `details` with every field possibly missing or wrongly typed. */
export const hostileDetails: fc.Arbitrary<Record<string, unknown>> = fc.record({
  requestId: field(fc.oneof(fc.nat().map(String), fc.nat(), fc.constant(''))),
  url: field(hostileUrl),
  method: field(fc.oneof(fc.constantFrom('GET', 'POST', 'PUT', 'OPTIONS', 'patch'), fc.string({ unit: 'binary', maxLength: 10 }))),
  type: field(fc.oneof(fc.constantFrom(...RESOURCE_TYPES), fc.string({ maxLength: 10 }))),
  tabId: field(fc.oneof(fc.constantFrom(-1, 1, 2), fc.integer())),
  frameId: field(fc.integer({ min: -1, max: 10 })),
  parentFrameId: field(fc.integer({ min: -1, max: 10 })),
  documentId: field(fc.string({ maxLength: 12 })),
  initiator: field(hostileInitiator),
  timeStamp: field(fc.oneof(fc.double(), fc.nat())),
  statusCode: field(fc.oneof(fc.constantFrom(0, 200, 204, 302, 401, 502), fc.integer(), fc.double())),
  statusLine: field(hostileString),
  responseHeaders: webRequestHeaderList,
  requestHeaders: webRequestHeaderList,
  redirectUrl: field(hostileUrl),
  fromCache: field(fc.boolean()),
  ip: field(fc.constantFrom('127.0.0.1', '::1', '<img src=x>')),
  error: field(fc.oneof(fc.constantFrom('net::ERR_FAILED', 'net::ERR_CONNECTION_REFUSED', 'net::ERR_CACHE_MISS'), hostileString)),
}, { requiredKeys: [] });

export const EVENT_NAMES = [
  'onBeforeRequest', 'onBeforeSendHeaders', 'onSendHeaders', 'onHeadersReceived', 'onBeforeRedirect', 'onResponseStarted',
  'onCompleted', 'onErrorOccurred',
] as const;

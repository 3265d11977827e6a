/**
 * The http(s) shortcut past the WHATWG URL parser must answer exactly what the parser answers, or
 * step aside (null) for the parser.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHttpUrlFast, serializedOriginOf } from '../../../../src/core/origin/fast-http-url';
import { parseUrl } from '../../../../src/core/origin/whatwg-url';

const FIELDS = ['protocol', 'hostname', 'port', 'username', 'password', 'href', 'pathname', 'search', 'hash'] as const;

function expectSameAsParser(input: string): void {
  const fast = parseHttpUrlFast(input);
  if (fast === null) return;
  const real = new URL(input);
  for (const field of FIELDS) expect({ input, field, value: fast[field] }).toEqual({ input, field, value: real[field] });
  // For http(s), the parser's own origin serialization is the CORS one.
  expect({ input, origin: serializedOriginOf(fast) }).toEqual({ input, origin: real.origin });
}

/** Pieces of hosts and ports the parser treats specially: numbers, hex, IDNA prefixes, delimiters, odd bytes. */
const hostPiece = fc.constantFrom(
  'a', 'z', 'api', 'example', 'com', 'localhost', '0', '1', '9', '01', '25', '255', '256', '4294967295', '0x', '0x7f', 'xn--', 'xn--lve-6lad',
  'x-n', '-', '.', '..', 'A', 'é', '%41', '@', ':', '[', ']', '\\', ' ', '\t', '\n', '_', '*',
);
const port = fc.constantFrom('', ':', ':0', ':80', ':443', ':080', ':00443', ':8080', ':65535', ':65536', ':99999', ':123456', ':8a', ': 80');
const rest = fc.constantFrom('', '/', '/p?q#f', '?x', '#y', '/\t\n x', ' ', '\\x', '/%zz', '/é?ü#…');
const scheme = fc.constantFrom('http://', 'https://', 'HTTP://', 'Http://', 'http:/', 'http:\\\\', 'https:', 'ws://', 'ftp://', 'http:///');
const urlLike = fc.tuple(scheme, fc.array(hostPiece, { minLength: 0, maxLength: 8 }), port, rest).map(([s, host, p, r]) => `${s}${host.join('')}${p}${r}`);
/** Plain hosts (the last label not a number), ports and paths: what the shortcut is for. */
const label = fc.stringMatching(/^[a-z0-9-]{1,8}$/);
const lastLabel = fc.stringMatching(/^[a-z][a-z0-9-]{0,7}$/).filter((l) => !l.startsWith('xn--'));
const plainUrl = fc.tuple(
  fc.constantFrom('http://', 'https://'), fc.array(label, { maxLength: 3 }), lastLabel, fc.constantFrom('', ':8080', ':443', ':80', ':0'),
  fc.constantFrom('', '/', '/p?q#f', '?x', '#y', '/a b\\c'),
).map(([s, labels, last, p, r]) => `${s}${[...labels, last].join('.')}${p}${r}`);
const quad = fc.tuple(fc.nat(300), fc.nat(300), fc.nat(300), fc.nat(300), fc.boolean())
  .map(([a, b, c, d, dot]) => `http://${a}.${b}.${c}.${d}${dot ? '.' : ''}/x`);

describe('parseHttpUrlFast', () => {
  it.each([
    ['http://127.0.0.1:44499/s/acao-exact?n=1', 'http:', '127.0.0.1', '44499'],
    ['https://api.example/items', 'https:', 'api.example', ''],
    ['https://api.example:443/', 'https:', 'api.example', ''],
    ['http://api.example:0080', 'http:', 'api.example', ''],
    ['http://localhost:3000', 'http:', 'localhost', '3000'],
    ['http://localhost.:3000/', 'http:', 'localhost.', '3000'],
  ])('%s has protocol %s, host %s, port %j', (input, protocol, hostname, portValue) => {
    const url = parseHttpUrlFast(input);
    expect(url).not.toBeNull();
    expect(url).toMatchObject({ protocol, hostname, port: portValue, username: '', password: '' });
    expectSameAsParser(input);
  });

  it.each([
    'HTTP://API.EXAMPLE/', 'http://user:pw@api.example/', 'http://0x7f.1/', 'http://127.1/', 'http://1.2.3.4./', 'http://[::1]:3000/',
    'http://xn--lve-6lad.example/', 'http://a..b/', 'http://.a/', 'http://api.example:65536/', 'http://a b/', 'http://a\\b/',
    'http://é.example/', 'http://%41.example/', 'ws://api.example/', 'http:///api.example', 'http://', 'https://:443/',
  ])('steps aside for %j', (input) => {
    expect(parseHttpUrlFast(input)).toBeNull();
  });

  it('answers exactly what the WHATWG parser answers, on URLs built from the tricky pieces', () => {
    fc.assert(fc.property(urlLike, (input) => expectSameAsParser(input)), { numRuns: 20_000 });
  });

  it('answers for plain URLs (unless a label starts xn--), always as the parser does', () => {
    fc.assert(fc.property(plainUrl, (input) => {
      const hasIdnaLabel = /[/.]xn--/.test(input.slice(0, input.indexOf('/', 8) >>> 0));
      expect(parseHttpUrlFast(input) === null).toBe(hasIdnaLabel);
      expectSameAsParser(input);
    }), { numRuns: 2000 });
  });

  it('answers for dotted quads exactly when they are canonical, as the parser does', () => {
    fc.assert(fc.property(quad, (input) => expectSameAsParser(input)), { numRuns: 3000 });
    expect(parseHttpUrlFast('http://10.0.0.1/x')).not.toBeNull();
    expect(parseHttpUrlFast('http://10.0.0.256/x')).toBeNull();
    expect(parseHttpUrlFast('http://10.0.0.01/x')).toBeNull();
  });
});

/**
 * href without the parser: an input whose path, query and fragment are already serialized is its
 * own href. Pieces the parser rewrites (dot segments, percent signs, spaces, quotes, backslashes,
 * non-ASCII, a missing path, default ports) must send href to the parser, or give what it gives.
 */
const tailPiece = fc.constantFrom(
  '/', 'a', 'B', '0', '.', '..', '%', '%2e', '%2E', '?', '#', '=', '&', ' ', '"', "'", '<', '>', '`', '^', '{', '}', '|', '\\', '\t', '\n',
  'é', '~', '!', '$', '(', ')', '*', '+', ',', ';', ':', '@', '[', ']', '_', '-',
);
const tailUrl = fc.tuple(
  fc.constantFrom('http://api.example', 'https://api.example', 'http://127.0.0.1:4100', 'http://a.example:80', 'https://a.example:0443', 'http://a.example:'),
  fc.array(tailPiece, { maxLength: 14 }),
).map(([start, pieces]) => `${start}${pieces.join('')}`);

describe('parseHttpUrlFast href', () => {
  it('is the parser\'s href for any path, query and fragment', () => {
    fc.assert(fc.property(tailUrl, (input) => expectSameAsParser(input)), { numRuns: 20_000 });
  });

  it('is the input itself for the URLs requests usually have', () => {
    for (const input of ['http://127.0.0.1:44499/s/acao-exact?n=1', 'https://api.example/a/b.json?x=1&y=%20#top', 'http://a.example/.well-known/x']) {
      expect(parseHttpUrlFast(input)?.href).toBe(new URL(input).href);
    }
  });
});

function parsedByNode(input: string, base: string): URL | null {
  try {
    return new URL(input, base);
  } catch {
    return null;
  }
}

describe('parseUrl with a base', () => {
  const base = fc.constantFrom('http://127.0.0.1:4100/a/b', 'https://api.example/', 'data:,x', 'not a url', '', 'http://[');
  it('answers what the parser answers for the input against the base', () => {
    fc.assert(fc.property(fc.oneof(tailUrl, urlLike, fc.constantFrom('/x', '../y', '?q', '//h/p', 'http:x')), base, (input, against) => {
      const real = parsedByNode(input, against);
      const url = parseUrl(input, against);
      if (real === null) {
        expect({ input, against, url }).toEqual({ input, against, url: null });
        return;
      }
      expect(url).not.toBeNull();
      for (const field of FIELDS) expect({ input, against, field, value: url?.[field] }).toEqual({ input, against, field, value: real[field] });
    }), { numRuns: 5000 });
  });
});

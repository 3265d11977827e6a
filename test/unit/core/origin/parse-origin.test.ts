import { describe, expect, it } from 'vitest';
import { isSameOrigin, parseOrigin, serializeOrigin } from '../../../../src/core/origin/index';

describe('parseOrigin: canonical serialization with default ports explicit (reference §1)', () => {
  it.each([
    { name: 'plain http', raw: 'http://example.com', serialized: 'http://example.com', port: 80, portIsDefault: true },
    { name: 'https with explicit default port drops it', raw: 'https://example.com:443', serialized: 'https://example.com', port: 443, portIsDefault: true },
    { name: 'non-default port is kept', raw: 'http://example.com:8080', serialized: 'http://example.com:8080', port: 8080, portIsDefault: false },
    { name: 'http on 443 is not a default', raw: 'http://example.com:443', serialized: 'http://example.com:443', port: 443, portIsDefault: false },
    { name: 'scheme and host are lowercased', raw: 'HTTP://EXAMPLE.COM', serialized: 'http://example.com', port: 80, portIsDefault: true },
    { name: 'IDN becomes punycode', raw: 'https://élève.example', serialized: 'https://xn--lve-6lad.example', port: 443, portIsDefault: true },
    { name: 'IPv6 is bracketed and compressed', raw: 'http://[0:0:0:0:0:0:0:1]:3000', serialized: 'http://[::1]:3000', port: 3000, portIsDefault: false },
    { name: 'IPv4 shorthand becomes dotted', raw: 'http://0x7f.1', serialized: 'http://127.0.0.1', port: 80, portIsDefault: true },
    { name: 'ws default port 80', raw: 'ws://h.example', serialized: 'ws://h.example', port: 80, portIsDefault: true },
    { name: 'wss explicit 443 dropped', raw: 'wss://h.example:443', serialized: 'wss://h.example', port: 443, portIsDefault: true },
    { name: 'ftp default port 21', raw: 'ftp://h.example', serialized: 'ftp://h.example', port: 21, portIsDefault: true },
    { name: 'a trailing slash is not part of the origin', raw: 'http://localhost:3000/', serialized: 'http://localhost:3000', port: 3000, portIsDefault: false },
    { name: 'path, query and fragment are dropped', raw: 'http://localhost:3000/a?b#c', serialized: 'http://localhost:3000', port: 3000, portIsDefault: false },
    { name: 'an extension origin keeps its host and has no default port', raw: 'chrome-extension://abcdef', serialized: 'chrome-extension://abcdef', port: null, portIsDefault: true },
  ])('$name', ({ raw, serialized, port, portIsDefault }) => {
    const parts = parseOrigin(raw);
    expect(parts).toMatchObject({ raw, serialized, port, portIsDefault });
  });

  it.each([
    { name: 'the string null', raw: 'null' },
    { name: 'no scheme', raw: 'a.example' },
    { name: 'empty', raw: '' },
    { name: 'a data: URL (opaque)', raw: 'data:text/plain,hi' },
    { name: 'a file: URL (opaque in Chromium)', raw: 'file:///etc/hosts' },
    { name: 'garbage', raw: '*' },
  ])('$name is opaque', ({ raw }) => {
    expect(parseOrigin(raw)).toEqual({ raw, serialized: null, scheme: null, host: null, port: null, portIsDefault: false });
    expect(serializeOrigin(parseOrigin(raw))).toBe('null');
  });

  it('splits scheme and host', () => {
    expect(parseOrigin('https://api.example:8443/x')).toMatchObject({ scheme: 'https', host: 'api.example', port: 8443 });
  });
});

describe('isSameOrigin: structural comparison', () => {
  it.each([
    { a: 'http://a.example', b: 'http://a.example:80/x', same: true },
    { a: 'http://a.example', b: 'https://a.example', same: false },
    { a: 'http://a.example:3000', b: 'http://a.example:3001', same: false },
    { a: 'http://localhost:3000', b: 'http://127.0.0.1:3000', same: false },
    { a: 'http://A.example', b: 'http://a.EXAMPLE/', same: true },
    { a: 'null', b: 'null', same: false },
  ])('$a vs $b → $same', ({ a, b, same }) => {
    expect(isSameOrigin(parseOrigin(a), parseOrigin(b))).toBe(same);
  });
});

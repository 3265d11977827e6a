import { describe, expect, it } from 'vitest';
import { HeaderIndex, inferCredentials, inferMode } from '../../../../src/core/cors/index';
import type { ResourceType } from '../../../../src/core/types';
import { headers, tx } from './tx-builder';
import type { HeaderPairs } from './tx-builder';

describe('inferMode (reference §0, §2.1)', () => {
  const cases: { name: string; type: ResourceType; pairs: HeaderPairs; method?: string; mode: string }[] = [
    { name: 'Sec-Fetch-Mode wins over the resource type', type: 'image', pairs: [['Sec-Fetch-Mode', 'cors']], mode: 'cors' },
    { name: 'Sec-Fetch-Mode no-cors on an XHR type', type: 'xmlhttprequest', pairs: [['Sec-Fetch-Mode', 'no-cors']], mode: 'no-cors' },
    { name: 'Sec-Fetch-Mode same-origin', type: 'xmlhttprequest', pairs: [['sec-fetch-mode', 'same-origin']], mode: 'same-origin' },
    { name: 'an unknown Sec-Fetch-Mode falls back to the type', type: 'xmlhttprequest', pairs: [['Sec-Fetch-Mode', 'bogus']], mode: 'cors' },
    { name: 'fetch()/XHR', type: 'xmlhttprequest', pairs: [], mode: 'cors' },
    { name: '@font-face', type: 'font', pairs: [], mode: 'cors' },
    { name: 'crossorigin image (Origin on a GET)', type: 'image', pairs: [['Origin', 'https://a.example']], mode: 'cors' },
    { name: 'plain image', type: 'image', pairs: [], mode: 'no-cors' },
    { name: 'image POST with Origin is still no-cors', type: 'image', pairs: [['Origin', 'https://a.example']], method: 'POST', mode: 'no-cors' },
    { name: 'module script', type: 'script', pairs: [['Origin', 'https://a.example']], mode: 'cors' },
    { name: 'classic script', type: 'script', pairs: [], mode: 'no-cors' },
    { name: 'crossorigin stylesheet', type: 'stylesheet', pairs: [['Origin', 'https://a.example']], mode: 'cors' },
    { name: 'media without crossorigin', type: 'media', pairs: [], mode: 'no-cors' },
    { name: 'top-level navigation', type: 'main_frame', pairs: [], mode: 'navigate' },
    { name: 'iframe navigation', type: 'sub_frame', pairs: [], mode: 'navigate' },
    { name: 'websocket', type: 'websocket', pairs: [], mode: 'websocket' },
    { name: 'sendBeacon', type: 'ping', pairs: [['Origin', 'https://a.example']], method: 'POST', mode: 'no-cors' },
    { name: 'EventSource-like other with Origin', type: 'other', pairs: [['Origin', 'https://a.example']], mode: 'cors' },
  ];
  it.each(cases)('$name → $mode', ({ type, pairs, method = 'GET', mode }) => {
    const t = tx({ resourceType: type, noOrigin: true, requestHeaders: pairs, method });
    expect(inferMode(t, new HeaderIndex(t.request.headers), method)).toBe(mode);
  });

  it('an explicit mode wins over everything', () => {
    const t = tx({ mode: 'no-cors', requestHeaders: [['Sec-Fetch-Mode', 'cors']] });
    expect(inferMode(t, new HeaderIndex(t.request.headers), 'GET')).toBe('no-cors');
  });
});

describe('inferCredentials', () => {
  it.each([
    { name: 'explicit include', credentials: 'include' as const, pairs: [], cross: true, expected: 'include' },
    { name: 'explicit omit even with a cookie', credentials: 'omit' as const, pairs: [['Cookie', 'a=b']] as HeaderPairs, cross: true, expected: 'omit' },
    { name: 'a cookie cross-origin means include', credentials: undefined, pairs: [['Cookie', 'a=b']] as HeaderPairs, cross: true, expected: 'include' },
    { name: 'explicit unknown still looks at cookies', credentials: 'unknown' as const, pairs: [['cookie', 'a=b']] as HeaderPairs, cross: true, expected: 'include' },
    { name: 'a cookie same-origin proves nothing', credentials: undefined, pairs: [['Cookie', 'a=b']] as HeaderPairs, cross: false, expected: 'unknown' },
    { name: 'no cookie: unknown', credentials: undefined, pairs: [], cross: true, expected: 'unknown' },
  ])('$name', ({ credentials, pairs, cross, expected }) => {
    const t = tx({ ...(credentials === undefined ? {} : { credentials }), requestHeaders: pairs });
    expect(inferCredentials(t, new HeaderIndex(headers(pairs)), cross)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { createPreflightCache } from '../../../../src/core/preflight-cache';
import type { PreflightCacheQuery, PreflightCacheStoreInput } from '../../../../src/core/preflight-cache';

const T0 = 1_700_000_000_000;
const ORIGIN = 'https://app.example';
const URL_A = 'https://api.example/items';

function stored(overrides: Partial<PreflightCacheStoreInput> = {}): PreflightCacheStoreInput {
  return {
    origin: ORIGIN,
    url: URL_A,
    partition: 'https://app.example',
    includeCredentials: false,
    allowMethods: ['PUT'],
    allowHeaders: ['X-Api-Key'],
    maxAgeSeconds: 600,
    completedAt: T0,
    preflightId: 'pf-1',
    ...overrides,
  };
}

function query(overrides: Partial<PreflightCacheQuery> = {}): PreflightCacheQuery {
  return {
    origin: ORIGIN,
    url: URL_A,
    partition: 'https://app.example',
    includeCredentials: false,
    method: 'PUT',
    unsafeHeaders: ['x-api-key'],
    now: T0 + 1000,
    ...overrides,
  };
}

/** A fresh cache holding one entry; returns what a lookup says. */
function lookupAfter(entry: Partial<PreflightCacheStoreInput>, request: Partial<PreflightCacheQuery>) {
  const cache = createPreflightCache();
  cache.store(stored(entry));
  return cache.lookup(query(request));
}

describe('a covered request skips its preflight', () => {
  it('returns the entry with its expiry and the caller’s preflight id', () => {
    const result = lookupAfter({}, {});
    expect(result.miss).toBeNull();
    expect(result.entry).toMatchObject({ preflightId: 'pf-1', storedAt: T0, expiresAt: T0 + 600_000, headers: ['x-api-key'] });
  });
});

describe('coverage rules (reference §4.7, Chromium PreflightResult::EnsureAllowedRequest)', () => {
  it.each<[string, Partial<PreflightCacheStoreInput>, Partial<PreflightCacheQuery>, string | null]>([
    ['a credentialed entry serves an uncredentialed request', { includeCredentials: true }, { includeCredentials: false }, null],
    ['an uncredentialed entry does not serve a credentialed request', { includeCredentials: false }, { includeCredentials: true }, 'credentials'],
    ['safelisted methods are always covered', { allowMethods: [] , allowHeaders: [] }, { method: 'POST', unsafeHeaders: [] }, null],
    ['a method not listed is not covered', {}, { method: 'DELETE' }, 'method'],
    ['methods compare case-sensitively: put does not cover PUT', { allowMethods: ['put'] }, { method: 'PUT' }, 'method'],
    ['* covers any method without credentials', { allowMethods: ['*'] }, { method: 'PATCH' }, null],
    ['* is a literal method name with credentials', { allowMethods: ['*'], includeCredentials: true }, { method: 'PATCH', includeCredentials: true }, 'method'],
    ['header names compare case-insensitively', { allowHeaders: ['X-API-KEY'] }, { unsafeHeaders: ['X-Api-Key'] }, null],
    ['a header not listed is not covered', {}, { unsafeHeaders: ['x-api-key', 'x-trace'] }, 'header'],
    ['* covers any header without credentials', { allowHeaders: ['*'] }, { unsafeHeaders: ['x-trace', 'content-type'] }, null],
    ['* is a literal header name with credentials', { allowHeaders: ['*'], includeCredentials: true }, { unsafeHeaders: ['x-trace'], includeCredentials: true }, 'header'],
    ['a cached * never covers Authorization (fresh preflight, §4.4)', { allowHeaders: ['*'] }, { unsafeHeaders: ['authorization'] }, 'authorization-wildcard'],
    ['* plus an explicit Authorization does cover it', { allowHeaders: ['*', 'Authorization'] }, { unsafeHeaders: ['authorization', 'x-trace'] }, null],
    ['names made unsafe by the 1024-byte rule must be listed too', { allowHeaders: ['x-api-key'] }, { unsafeHeaders: ['accept', 'x-api-key'] }, 'header'],
  ])('%s', (_label, entry, request, missKind) => {
    expect(lookupAfter(entry, request).miss?.kind ?? null).toBe(missKind);
  });

  it('names the header the cached entry lacked', () => {
    const result = lookupAfter({}, { unsafeHeaders: ['x-api-key', 'x-trace'] });
    expect(result.miss).toMatchObject({ kind: 'header', name: 'x-trace', text: 'The cached preflight pf-1 did not allow the header x-trace' });
    expect(result.miss?.entry?.preflightId).toBe('pf-1');
  });
});

describe('key and expiry', () => {
  it.each<[string, Partial<PreflightCacheQuery>, string | null]>([
    ['another URL misses', { url: 'https://api.example/other' }, 'no-entry'],
    ['another initiator origin misses', { origin: 'https://evil.example' }, 'no-entry'],
    ['another network partition misses', { partition: 'https://other-top.example' }, 'no-entry'],
    ['another target IP space misses', { targetIpSpace: 'local' }, 'no-entry'],
    ['one millisecond before expiry still hits', { now: T0 + 600_000 - 1 }, null],
    ['at the expiry instant it has expired (expiry <= now)', { now: T0 + 600_000 }, 'expired'],
    ['bypass (no-store, reload, no-cache) skips the cache', { bypass: true }, 'bypassed'],
  ])('%s', (_label, request, missKind) => {
    expect(lookupAfter({}, request).miss?.kind ?? null).toBe(missKind);
  });

  it('max-age 0 (a negative Max-Age) is stored but never reused', () => {
    expect(lookupAfter({ maxAgeSeconds: 0 }, { now: T0 }).miss?.kind).toBe('expired');
  });

  it('the target IP space is part of the key when given on both sides', () => {
    expect(lookupAfter({ targetIpSpace: 'local' }, { targetIpSpace: 'local' }).miss).toBeNull();
  });
});

describe('entry lifecycle (Chromium PreflightCache)', () => {
  it('a new preflight replaces the whole entry: no union of methods', () => {
    const cache = createPreflightCache();
    cache.store(stored({ allowMethods: ['PUT'], preflightId: 'pf-1' }));
    const second = cache.store(stored({ allowMethods: ['DELETE'], preflightId: 'pf-2', completedAt: T0 + 5000 }));
    expect(second).toMatchObject({ stored: true, replaced: { preflightId: 'pf-1' } });
    expect(cache.lookup(query({ method: 'PUT', now: T0 + 6000 })).miss?.kind).toBe('method');
    expect(cache.size).toBe(0);
  });

  it('a lookup that finds an insufficient entry removes it; peek does not', () => {
    const cache = createPreflightCache();
    cache.store(stored());
    expect(cache.peek(query({ method: 'DELETE' })).miss?.kind).toBe('method');
    expect(cache.size).toBe(1);
    expect(cache.lookup(query({ method: 'DELETE' })).miss?.kind).toBe('method');
    expect(cache.lookup(query()).miss?.kind).toBe('no-entry');
  });

  it('a lookup that finds an expired entry removes it', () => {
    const cache = createPreflightCache();
    cache.store(stored({ maxAgeSeconds: 5 }));
    cache.lookup(query({ now: T0 + 5000 }));
    expect(cache.entries()).toEqual([]);
  });

  it('a bypassed lookup leaves the entry alone', () => {
    const cache = createPreflightCache();
    cache.store(stored());
    cache.lookup(query({ bypass: true, method: 'DELETE' }));
    expect(cache.lookup(query()).entry?.preflightId).toBe('pf-1');
  });

  it('cache: no-store preflights are not stored', () => {
    const cache = createPreflightCache();
    expect(cache.store(stored({ noStore: true }))).toMatchObject({ stored: false, reason: 'no-store' });
    expect(cache.size).toBe(0);
  });

  it.each([
    ['a 1023-character URL is cached', 1023, true],
    ['a 1024-character URL is never cached', 1024, false],
  ])('%s', (_label, length, expected) => {
    const url = `https://api.example/${'a'.repeat(length - 'https://api.example/'.length)}`;
    const cache = createPreflightCache();
    expect(cache.store(stored({ url })).stored).toBe(expected);
    expect(cache.lookup(query({ url })).miss?.kind ?? null).toBe(expected ? null : 'url-too-long');
  });

  it('holds at most 1024 entries: a new key in a full cache purges the 10 oldest', () => {
    const cache = createPreflightCache();
    for (let i = 0; i < 1024; i++) cache.store(stored({ url: `${URL_A}/${i}`, preflightId: `pf-${i}` }));
    expect(cache.size).toBe(1024);
    const result = cache.store(stored({ url: `${URL_A}/new` }));
    expect(result.stored && result.evicted.map((e) => e.preflightId)).toEqual(Array.from({ length: 10 }, (_, i) => `pf-${i}`));
    expect(cache.size).toBe(1015);
    expect(cache.peek(query({ url: `${URL_A}/9` })).miss?.kind).toBe('no-entry');
    expect(cache.peek(query({ url: `${URL_A}/10` })).entry?.preflightId).toBe('pf-10');
  });

  it('replacing an existing key in a full cache purges nothing', () => {
    const cache = createPreflightCache({ maxEntries: 3 });
    for (let i = 0; i < 3; i++) cache.store(stored({ url: `${URL_A}/${i}` }));
    expect(cache.store(stored({ url: `${URL_A}/0`, preflightId: 'pf-again' }))).toMatchObject({ stored: true, evicted: [] });
    expect(cache.size).toBe(3);
  });

  it('lists entries oldest stored first, a replaced entry moving to the end', () => {
    const cache = createPreflightCache();
    cache.store(stored({ url: `${URL_A}/a`, preflightId: 'a' }));
    cache.store(stored({ url: `${URL_A}/b`, preflightId: 'b' }));
    cache.store(stored({ url: `${URL_A}/a`, preflightId: 'a2' }));
    expect(cache.entries().map((e) => e.preflightId)).toEqual(['b', 'a2']);
    cache.clear();
    expect(cache.size).toBe(0);
  });
});

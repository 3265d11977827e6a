/**
 * Chromium's preflight cache (reference §4.6, §4.7): the same preflighted URL fired several times.
 * The OPTIONS hit count tells how many preflights actually went out.
 */
import type { Fire, Scenario } from '../scenario-types';
import { acah, maxAge, preflightAllowing, preflighted } from './builders';

const PUT: Fire = { api: 'fetch', method: 'PUT', body: 'x' };

export const CACHE_SCENARIOS: readonly Scenario[] = [
  {
    id: 'cache-max-age-600', group: 'cached', title: 'Two PUTs, Max-Age 600',
    demonstrates: 'The second PUT is covered by the cached preflight: one OPTIONS for two PUTs.',
    target: 'apiA', fire: { ...PUT, repeat: 2 }, routes: preflighted(preflightAllowing('PUT', maxAge(600))),
    expect: { corsError: null, status: 200, hits: { OPTIONS: 1, PUT: 2 } },
  },
  {
    id: 'cache-max-age-0', group: 'cached', title: 'Two PUTs, Max-Age 0',
    demonstrates: 'Max-Age 0 disables caching: every PUT gets its own preflight.',
    target: 'apiA', fire: { ...PUT, repeat: 2 }, routes: preflighted(preflightAllowing('PUT', maxAge(0))),
    expect: { corsError: null, status: 200, hits: { OPTIONS: 2, PUT: 2 } },
  },
  {
    id: 'cache-default-max-age', group: 'cached', title: 'Two PUTs, no Max-Age',
    demonstrates: 'Without Max-Age a preflight is cached for 5 seconds.',
    target: 'apiA', fire: { ...PUT, repeat: 2 }, routes: preflighted(preflightAllowing('PUT')),
    expect: { corsError: null, status: 200, hits: { OPTIONS: 1, PUT: 2 } },
  },
  {
    id: 'cache-no-store', group: 'cached', title: 'Two PUTs with cache: no-store',
    demonstrates: 'A request that bypasses the HTTP cache bypasses the preflight cache too.',
    target: 'apiA', fire: { ...PUT, cache: 'no-store', repeat: 2 },
    routes: preflighted(preflightAllowing('PUT', maxAge(600))),
    expect: { corsError: null, status: 200, hits: { OPTIONS: 2, PUT: 2 } },
  },
  {
    id: 'cache-authorization-wildcard', group: 'cached', title: 'Authorization with a cached ACAH *',
    demonstrates: 'A cached "*" never covers Authorization: each request sends a fresh preflight.',
    target: 'apiA', fire: { api: 'fetch', headers: { Authorization: 'Bearer lab' }, repeat: 2 },
    routes: preflighted(preflightAllowing('GET', acah('*'), maxAge(600))),
    expect: { corsError: null, status: 200, hits: { OPTIONS: 2, GET: 2 } },
  },
  {
    id: 'cache-concurrent-3', group: 'cached', title: 'Three identical PUTs at once',
    demonstrates: 'Chromium does not merge in-flight preflights: three PUTs that all start before the first ' +
      'preflight is answered send three OPTIONS, although the first answer would have covered the others.',
    // The preflight answers after 500 ms so all three PUTs have started by then, with or without an
    // extension slowing their start; an instant answer let a later PUT hit the cache (1 to 3 OPTIONS).
    target: 'apiA', fire: { ...PUT, concurrent: 3 },
    routes: preflighted({ ...preflightAllowing('PUT', maxAge(600)), delayMs: 500 }),
    expect: { corsError: null, status: 200, hits: { OPTIONS: 3, PUT: 3 } },
  },
];

/**
 * corsRequestHeaders decides most lines by their name alone; it must keep exactly the lines the
 * full rule keeps (not forbidden, not added by the network stack after the CORS checks).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corsRequestHeaders, isSeenByCors } from '../../../../src/core/request/preflight-need';
import { FORBIDDEN_REQUEST_HEADER_NAMES, METHOD_OVERRIDE_HEADER_NAMES } from '../../../../src/core/request/forbidden-headers';
import { MAYBE_BROWSER_ADDED_HEADER_NAMES, NETWORK_ADDED_HEADER_NAMES } from '../../../../src/core/request/ua-added-headers';

/** Every name the rule treats specially, in several spellings, plus prefixed and arbitrary names. */
const special = [...FORBIDDEN_REQUEST_HEADER_NAMES, ...METHOD_OVERRIDE_HEADER_NAMES, ...NETWORK_ADDED_HEADER_NAMES, ...MAYBE_BROWSER_ADDED_HEADER_NAMES];
const name = fc.oneof(
  fc.constantFrom(...special),
  fc.constantFrom(...special).map((n) => n.toUpperCase()),
  fc.constantFrom(...special).map((n) => n.replace(/(^|-)[a-z]/g, (s) => s.toUpperCase())),
  fc.constantFrom('Sec-Fetch-Mode', 'sec-ch-ua', 'Proxy-Authorization', 'SEC-', 'proxy', 'X-Api-Key', 'Content-Type', 'Authorization',
    'Coo\u212Aie', 'Pr\u0130ority', 'Accept-Language ', ''),
  fc.string({ maxLength: 12 }),
);
const value = fc.constantFrom('*/*', 'no-cache', 'No-Cache ', 'max-age=0', 'MAX-AGE=0', 'en-US,en;q=0.9', 'fr-CH, fr;q=0.9', 'TRACE', 'get, track', 'x', '');
const headers = fc.array(fc.record({ name, value }), { maxLength: 8 });

describe('corsRequestHeaders', () => {
  it('keeps exactly the lines isSeenByCors keeps, in order', () => {
    fc.assert(fc.property(headers, (list) => {
      expect(corsRequestHeaders(list)).toEqual(list.filter((h) => isSeenByCors(h, list)));
    }), { numRuns: 5000 });
  });
});

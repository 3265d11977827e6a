import { describe, expect, it } from 'vitest';
import { addressSpaceOf } from '../../../../src/core/cors/index';

describe('addressSpaceOf (reference §7 Local Network Access)', () => {
  it.each([
    { host: '127.0.0.1', space: 'loopback' },
    { host: '127.8.9.10', space: 'loopback' },
    { host: 'localhost', space: 'loopback' },
    { host: 'api.localhost', space: 'loopback' },
    { host: '[::1]', space: 'loopback' },
    { host: '::1', space: 'loopback' },
    { host: '[::ffff:7f00:1]', space: 'loopback' },
    { host: '10.1.2.3', space: 'local' },
    { host: '172.16.0.1', space: 'local' },
    { host: '172.31.255.255', space: 'local' },
    { host: '192.168.1.1', space: 'local' },
    { host: '169.254.1.1', space: 'local' },
    { host: '[fd00::1]', space: 'local' },
    { host: '[fe80::1]', space: 'local' },
    { host: '172.32.0.1', space: 'public' },
    { host: '8.8.8.8', space: 'public' },
    { host: '[2001:db8::1]', space: 'public' },
    { host: 'example.com', space: null },
    { host: '[1:2:3]', space: null },
  ])('$host → $space', ({ host, space }) => {
    expect(addressSpaceOf(host)).toBe(space);
  });
});

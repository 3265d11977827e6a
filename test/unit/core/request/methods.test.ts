import { describe, expect, it } from 'vitest';
import { isCorsSafelistedMethod, isForbiddenMethod, normalizeMethod } from '../../../../src/core/request';

describe('method normalization (reference §2.2)', () => {
  it.each([
    ['get is uppercased', 'get', 'GET'],
    ['Post is uppercased', 'Post', 'POST'],
    ['delete is uppercased', 'delete', 'DELETE'],
    ['options is uppercased', 'options', 'OPTIONS'],
    ['pUt is uppercased', 'pUt', 'PUT'],
    ['head is uppercased', 'head', 'HEAD'],
    ['patch keeps its case (not in the normalized six)', 'patch', 'patch'],
    ['Patch keeps its case', 'Patch', 'Patch'],
    ['PATCH stays PATCH', 'PATCH', 'PATCH'],
    ['a custom method keeps its case', 'Purge', 'Purge'],
    ['non-ASCII look-alikes are not uppercased into a normalized method (dotless ı)', 'get\u0131', 'get\u0131'],
  ])('%s', (_name, method, expected) => {
    expect(normalizeMethod(method)).toBe(expected);
  });
});

describe('safelisted and forbidden methods', () => {
  it.each([
    ['GET', true],
    ['HEAD', true],
    ['POST', true],
    ['PUT', false],
    ['DELETE', false],
    ['OPTIONS', false],
    ['PATCH', false],
  ])('%s safelisted: %s', (method, expected) => {
    expect(isCorsSafelistedMethod(method)).toBe(expected);
  });

  it.each([
    ['CONNECT', true],
    ['trace', true],
    ['Track', true],
    ['TRACES', false],
    ['GET', false],
  ])('%s forbidden: %s', (method, expected) => {
    expect(isForbiddenMethod(method)).toBe(expected);
  });
});

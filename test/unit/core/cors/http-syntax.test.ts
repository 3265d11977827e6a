import { describe, expect, it } from 'vitest';
import { isHttpToken, parseTokenList } from '../../../../src/core/cors/index';

describe('parseTokenList: Access-Control-Allow-Methods / -Headers syntax (reference §4.3)', () => {
  it.each([
    { name: 'one method', value: 'PUT', tokens: ['PUT'] },
    { name: 'empty elements are tolerated', value: 'GET,,PUT', tokens: ['GET', 'PUT'] },
    { name: 'a leading comma is tolerated (WPT allow-lists-starting-with-comma)', value: ',PUT', tokens: ['PUT'] },
    { name: 'a trailing comma is tolerated', value: 'PUT,', tokens: ['PUT'] },
    { name: 'whitespace around elements is ignored', value: ' PUT ,\tDELETE ', tokens: ['PUT', 'DELETE'] },
    { name: 'empty value is an empty list', value: '', tokens: [] },
    { name: 'only commas', value: ',,', tokens: [] },
    { name: 'the wildcard is a token', value: '*', tokens: ['*'] },
    { name: 'case is preserved for methods', value: 'patch, Put', tokens: ['patch', 'Put'] },
    { name: 'space inside an element fails the list (WPT "Bad value")', value: 'Bad value', tokens: null },
    { name: 'slash fails', value: 'PUT/DELETE', tokens: null },
    { name: 'quotes fail', value: '"PUT"', tokens: null },
    { name: 'one bad element fails everything', value: 'PUT, @', tokens: null },
    { name: 'colon fails', value: 'x:y', tokens: null },
    { name: 'non-ASCII fails', value: 'PÜT', tokens: null },
    { name: 'semicolon fails', value: 'PUT;q=1', tokens: null },
  ])('$name', ({ value, tokens }) => {
    expect(parseTokenList(value, false)).toEqual(tokens);
  });

  it('lowercases header names when asked (Chromium lowercases ACAH)', () => {
    expect(parseTokenList('X-Custom, Content-Type', true)).toEqual(['x-custom', 'content-type']);
  });
});

describe('isHttpToken', () => {
  it.each([
    { value: "!#$%&'*+-.^_`|~09AZaz", token: true },
    { value: '', token: false },
    { value: 'a b', token: false },
    { value: 'a\u007f', token: false },
    { value: '(x)', token: false },
  ])('$value → $token', ({ value, token }) => {
    expect(isHttpToken(value)).toBe(token);
  });
});

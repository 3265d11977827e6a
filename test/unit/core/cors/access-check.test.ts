import { describe, expect, it } from 'vitest';
import { checkAccess } from '../../../../src/core/cors/index';

const O = 'https://app.example';

interface Row {
  readonly name: string;
  readonly acao: string | null;
  readonly acac?: string | null;
  readonly include: boolean;
  readonly origin?: string;
  readonly error: string | null;
  readonly param?: string;
}

describe('checkAccess: the reference §3 table in Chromium CheckAccess order', () => {
  const rows: Row[] = [
    { name: 'no ACAO, no credentials', acao: null, include: false, error: 'MissingAllowOriginHeader', param: '' },
    { name: 'no ACAO, credentials', acao: null, include: true, error: 'MissingAllowOriginHeader', param: '' },
    { name: '* without credentials passes', acao: '*', include: false, error: null },
    { name: '* with credentials fails', acao: '*', include: true, error: 'WildcardOriginNotAllowed', param: '' },
    { name: '* with credentials fails even with ACAC true', acao: '*', acac: 'true', include: true, error: 'WildcardOriginNotAllowed', param: '' },
    { name: 'exact origin without credentials passes', acao: O, include: false, error: null },
    { name: 'ACAC is ignored without credentials', acao: O, acac: 'false', include: false, error: null },
    { name: 'exact origin with credentials but no ACAC', acao: O, include: true, error: 'InvalidAllowCredentials', param: '' },
    { name: 'exact origin with ACAC true passes', acao: O, acac: 'true', include: true, error: null },
    { name: 'ACAC True (case-sensitive)', acao: O, acac: 'True', include: true, error: 'InvalidAllowCredentials', param: 'True' },
    { name: 'ACAC 1', acao: O, acac: '1', include: true, error: 'InvalidAllowCredentials', param: '1' },
    { name: 'ACAC true, true (two lines)', acao: O, acac: 'true, true', include: true, error: 'InvalidAllowCredentials', param: 'true, true' },
    { name: 'trailing slash', acao: `${O}/`, include: false, error: 'AllowOriginMismatch', param: `${O}/` },
    { name: 'explicit :443', acao: `${O}:443`, include: false, error: 'AllowOriginMismatch', param: `${O}:443` },
    { name: 'uppercase host', acao: 'https://APP.example', include: false, error: 'AllowOriginMismatch', param: 'https://APP.example' },
    { name: 'http instead of https', acao: 'http://app.example', include: false, error: 'AllowOriginMismatch', param: 'http://app.example' },
    { name: 'null for a real origin', acao: 'null', include: false, error: 'AllowOriginMismatch', param: 'null' },
    { name: 'null for an opaque origin passes', acao: 'null', include: false, origin: 'null', error: null },
    { name: 'null for an opaque origin with credentials needs ACAC', acao: 'null', include: true, origin: 'null', error: 'InvalidAllowCredentials', param: '' },
    { name: 'a real origin when null was sent', acao: O, include: false, origin: 'null', error: 'AllowOriginMismatch', param: O },
    { name: 'two origins', acao: `${O}, https://b.example`, include: false, error: 'MultipleAllowOriginValues', param: `${O}, https://b.example` },
    { name: 'two identical lines combined', acao: `${O}, ${O}`, include: false, error: 'MultipleAllowOriginValues', param: `${O}, ${O}` },
    { name: 'value with a space', acao: 'https://app .example', include: false, error: 'MultipleAllowOriginValues', param: 'https://app .example' },
    { name: '*, *', acao: '*, *', include: false, error: 'MultipleAllowOriginValues', param: '*, *' },
    { name: 'empty value', acao: '', include: false, error: 'InvalidAllowOriginValue', param: '' },
    { name: 'no scheme', acao: 'app.example', include: false, error: 'InvalidAllowOriginValue', param: 'app.example' },
    { name: 'the origin check comes before ACAC', acao: 'https://other.example', acac: 'nope', include: true, error: 'AllowOriginMismatch', param: 'https://other.example' },
    { name: 'IDN written in Unicode does not match the punycode origin', acao: 'https://élève.example', include: false, origin: 'https://xn--lve-6lad.example', error: 'AllowOriginMismatch', param: 'https://élève.example' },
    { name: 'IDN in punycode matches', acao: 'https://xn--lve-6lad.example', include: false, origin: 'https://xn--lve-6lad.example', error: null },
  ];

  it.each(rows)('$name', ({ acao, acac = null, include, origin = O, error, param }) => {
    const result = checkAccess({ allowOrigin: acao, allowCredentials: acac, include, origin });
    if (error === null) expect(result).toBeNull();
    else expect(result).toEqual({ error, failedParameter: param });
  });
});

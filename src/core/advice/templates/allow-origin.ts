/**
 * Plain words for the Access-Control-Allow-Origin / -Credentials checks (reference §3), shared by the
 * actual response and its six Preflight* twins (§4.2 step 3).
 */
import type { OriginComponent } from '../../types';
import { headerValue } from '../headers';
import { observed, responseWord, shown, statusNote, type ErrorTemplate, type TemplateContext } from './context';

type AllowOriginError =
  | 'WildcardOriginNotAllowed' | 'MissingAllowOriginHeader' | 'MultipleAllowOriginValues'
  | 'InvalidAllowOriginValue' | 'AllowOriginMismatch' | 'InvalidAllowCredentials';

/** The origin the check compared against: the verdict's expectation, else the Origin sent. */
function expectedOrigin(ctx: TemplateContext): string {
  return ctx.verdict.expected ?? ctx.origin;
}

function acaoValue(ctx: TemplateContext): string | null {
  return ctx.actual ?? observed(ctx, 'access-control-allow-origin');
}

const DIFF_WORDS: Record<OriginComponent, string> = {
  path: 'The value has a path or a trailing slash; an origin never ends with "/".',
  scheme: 'The scheme differs (http and https are different origins).',
  host: 'The host differs (an uppercase letter, localhost instead of 127.0.0.1, or another subdomain all count as different origins).',
  port: 'The port differs (writing the default port, like :443, also counts as different).',
  whole: 'It names a different site altogether: the server probably has a fixed allow-list, or echoes a configured origin instead of the one that asked.',
};

/** Why `actual` is not `expected`, component by component (reference §1: a byte comparison). */
export function describeOriginDiff(expected: string, actual: string, components: readonly OriginComponent[]): string {
  if (actual === 'null') {
    return 'The value "null" only matches a page with an opaque origin (a sandboxed iframe or a file: page); this page has a real origin.';
  }
  // Without a structured comparison from the engine, compare the parts ourselves.
  const parts = components.length > 0 ? components : compareOrigins(expected, actual);
  return parts.map((c) => DIFF_WORDS[c]).join(' ');
}

const ORIGIN_SHAPE = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/:?#]+|\[[^\]]*\])(?::(\d*))?(.*)$/;

function compareOrigins(expected: string, actual: string): OriginComponent[] {
  const e = ORIGIN_SHAPE.exec(expected);
  const a = ORIGIN_SHAPE.exec(actual);
  if (!e || !a) return ['whole'];
  const differs: OriginComponent[] = [];
  if (e[1] !== a[1]) differs.push('scheme');
  if (e[2] !== a[2]) differs.push('host');
  // An explicit default port is written differently, so it fails the byte comparison too (§1, §3).
  if ((e[3] ?? '') !== (a[3] ?? '')) differs.push('port');
  if ((a[4] ?? '') !== (e[4] ?? '')) differs.push('path');
  return differs.length > 0 && differs.length < 3 ? differs : ['whole'];
}

function twin(preflight: boolean): Record<AllowOriginError, ErrorTemplate> {
  const on = preflight ? 'on the preflight response' : 'on the response';
  const where = responseWord(preflight);
  const subject = preflight ? "The preflight's Access-Control-Allow-Origin" : 'Access-Control-Allow-Origin';
  return {
    WildcardOriginNotAllowed: {
      title: () => `${subject} is "*" but the request carries credentials`,
      body: (ctx) =>
        `The request is sent with credentials (cookies or HTTP authentication: fetch credentials: 'include' or XHR withCredentials). ` +
        `For such requests the browser refuses "*": ${where} must name the origin exactly, ${expectedOrigin(ctx)}, and also send Access-Control-Allow-Credentials: true. ` +
        `If the request does not need cookies, dropping credentials from it also works.`,
    },
    MissingAllowOriginHeader: {
      title: (ctx) => `No Access-Control-Allow-Origin header ${on} from ${ctx.host}${statusNote(ctx)}`,
      body: (ctx) =>
        `The browser looked for Access-Control-Allow-Origin on ${where} to see whether ${ctx.origin} may read it, and there was none, so it hid the answer from the page. ` +
        `The server must send Access-Control-Allow-Origin: ${ctx.needs.allowOrigin}` +
        (ctx.status !== null && ctx.status >= 400 ? `, on error responses like this ${ctx.status} too.` : '.'),
    },
    MultipleAllowOriginValues: {
      title: (ctx) => `${subject} has more than one value: ${shown(acaoValue(ctx))}`,
      body: (ctx) => {
        const lines = ctx.headers?.filter((h) => h.name.toLowerCase() === 'access-control-allow-origin').length ?? 0;
        return `The header must hold exactly one origin (or "*"), on one line. The browser got ${shown(acaoValue(ctx))}` +
          (lines > 1 ? ` in ${lines} separate header lines` : '') +
          `. This usually means two layers both add it, for example a proxy or CDN and the application: let only one of them do it, and make it send ${expectedOrigin(ctx)} alone.`;
      },
    },
    InvalidAllowOriginValue: {
      title: (ctx) => `${subject} ${shown(acaoValue(ctx))} is not a valid origin`,
      body: (ctx) =>
        `The value must be "*" or a full origin (scheme, host and optional port), like ${expectedOrigin(ctx)}. ` +
        `${shown(acaoValue(ctx))} cannot be read as one; a missing "https://" is the usual cause.`,
    },
    AllowOriginMismatch: {
      title: (ctx) =>
        expectedOrigin(ctx) === 'null'
          ? `${subject} ${shown(acaoValue(ctx))} does not match the Origin the browser sent: null (the request was redirected to another origin)`
          : `${subject} ${shown(acaoValue(ctx))} does not match the page origin ${expectedOrigin(ctx)}`,
      body: (ctx) => {
        const actual = acaoValue(ctx) ?? '';
        return `The browser compares Access-Control-Allow-Origin with the Origin it sent, character for character. ` +
          `It sent ${expectedOrigin(ctx)}; the server answered ${shown(actual)}. ` +
          describeOriginDiff(expectedOrigin(ctx), actual, ctx.verdict.origins?.allowOriginDiffers ?? []);
      },
    },
    InvalidAllowCredentials: {
      title: (ctx) => {
        const acac = ctx.actual || headerValue(ctx.headers, 'access-control-allow-credentials');
        const what = preflight ? "The preflight's Access-Control-Allow-Credentials" : 'Access-Control-Allow-Credentials';
        return acac ? `${what} is ${shown(acac)}, not "true"` : `${what} is missing but the request carries credentials`;
      },
      body: (ctx) =>
        `The request is sent with credentials, so besides naming the origin (${expectedOrigin(ctx)}) ${where} must send ` +
        `Access-Control-Allow-Credentials: true: exactly "true", lowercase, once. It sent ${shown(ctx.actual || headerValue(ctx.headers, 'access-control-allow-credentials'))}.`,
    },
  };
}

const ACTUAL = twin(false);
const PREFLIGHT = twin(true);

export const ALLOW_ORIGIN_TEMPLATES: Record<AllowOriginError | `Preflight${AllowOriginError}`, ErrorTemplate> = {
  ...ACTUAL,
  PreflightWildcardOriginNotAllowed: PREFLIGHT.WildcardOriginNotAllowed,
  PreflightMissingAllowOriginHeader: PREFLIGHT.MissingAllowOriginHeader,
  PreflightMultipleAllowOriginValues: PREFLIGHT.MultipleAllowOriginValues,
  PreflightInvalidAllowOriginValue: PREFLIGHT.InvalidAllowOriginValue,
  PreflightAllowOriginMismatch: PREFLIGHT.AllowOriginMismatch,
  PreflightInvalidAllowCredentials: PREFLIGHT.InvalidAllowCredentials,
};

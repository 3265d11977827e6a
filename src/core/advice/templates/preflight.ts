/** Plain words for the preflight checks after the origin check (reference §4.2 steps 1-2 and 4-7). */
import { headerValue, splitList } from '../headers';
import { preflightOfHop, hopOf } from '../request-facts';
import { observed, shown, type ErrorTemplate, type TemplateContext } from './context';

type PreflightError =
  | 'InvalidResponse' | 'PreflightInvalidStatus' | 'PreflightDisallowedRedirect'
  | 'InvalidAllowMethodsPreflightResponse' | 'InvalidAllowHeadersPreflightResponse'
  | 'MethodDisallowedByPreflightResponse' | 'HeaderDisallowedByPreflightResponse';

function statusAdvice(status: number | null): string {
  if (status === 401 || status === 403) {
    return 'Authentication or authorization ran before CORS and rejected the OPTIONS request, which never carries cookies or tokens: let OPTIONS through without auth and let the CORS layer answer it.';
  }
  if (status === 404 || status === 405 || status === 501) {
    return 'The server has no handler for OPTIONS on this URL: let the CORS layer answer OPTIONS for every route, before routing.';
  }
  if (status !== null && status >= 500) return 'The server failed while handling the OPTIONS request; its logs say why.';
  return 'Answer OPTIONS with 204 (or 200) and the CORS headers.';
}

function preflightNetError(ctx: TemplateContext): string | null {
  return preflightOfHop(ctx.tx, hopOf(ctx.verdict.stage))?.netError ?? ctx.tx.netError ?? null;
}

function redirectTarget(ctx: TemplateContext): string | null {
  return preflightOfHop(ctx.tx, hopOf(ctx.verdict.stage))?.redirectedTo ?? observed(ctx, 'location');
}

function listNote(list: string | null, wanted: string, credentials: boolean, caseSensitive: boolean): string {
  const items = splitList(list);
  const notes: string[] = [];
  const sameIgnoringCase = items.find((i) => i !== wanted && i.toLowerCase() === wanted.toLowerCase());
  if (caseSensitive && sameIgnoringCase !== undefined) {
    notes.push(`The list has ${shown(sameIgnoringCase)}, but method names are compared case-sensitively: send ${wanted} exactly as the browser sends it.`);
  }
  if (items.includes('*') && credentials) {
    notes.push('"*" is a wildcard only for requests without credentials; this request has credentials, so name it explicitly.');
  }
  return notes.length > 0 ? ` ${notes.join(' ')}` : '';
}

export const PREFLIGHT_TEMPLATES: Record<PreflightError, ErrorTemplate> = {
  InvalidResponse: {
    title: (ctx) => {
      const err = preflightNetError(ctx);
      return `The preflight to ${ctx.host} failed before any answer${err ? ` (${err})` : ''}`;
    },
    body: (ctx) =>
      `Before the ${ctx.needs.method} request, the browser sent an OPTIONS request to ${ctx.host}, and it failed at the network level` +
      `${preflightNetError(ctx) ? ` (${preflightNetError(ctx) ?? ''})` : ''}, so no CORS headers were seen at all. ` +
      'Check that the server is reachable and answers OPTIONS; a firewall, a proxy or a server that drops OPTIONS requests can cause this.',
  },
  PreflightInvalidStatus: {
    title: (ctx) => `The preflight (OPTIONS) to ${ctx.host} answered ${ctx.status ?? ctx.actual ?? 'an error'} instead of 2xx`,
    body: (ctx) =>
      `Before sending the ${ctx.needs.method} request, the browser asked ${ctx.host} with an OPTIONS request whether it may; ` +
      `the answer must have a 2xx status, and it was ${ctx.status ?? ctx.actual ?? 'not'}. ${statusAdvice(ctx.status)}`,
  },
  PreflightDisallowedRedirect: {
    title: (ctx) => {
      const to = redirectTarget(ctx);
      return `The preflight to ${ctx.host} was redirected${ctx.status !== null ? ` (${ctx.status})` : ''}${to ? ` to ${to}` : ''}`;
    },
    body: (ctx) => {
      const to = redirectTarget(ctx);
      return `Browsers never follow a redirect on a preflight${to ? `, so the move to ${to} was not followed` : ''}. ` +
        'Common causes: http to https, a missing or extra trailing slash, a login page. Call the final URL directly, and make the server answer OPTIONS there with a 2xx status.';
    },
  },
  InvalidAllowMethodsPreflightResponse: {
    title: (ctx) => `Access-Control-Allow-Methods ${shown(observed(ctx, 'access-control-allow-methods') ?? ctx.actual)} cannot be parsed`,
    body: (ctx) =>
      `The browser read ${shown(observed(ctx, 'access-control-allow-methods') ?? ctx.actual)} in the preflight response. ` +
      'It must be a comma-separated list of method names such as "GET, PUT"; one element that is not a plain name (a space inside it, quotes, a slash) makes the browser reject the whole header.',
  },
  InvalidAllowHeadersPreflightResponse: {
    title: (ctx) => `Access-Control-Allow-Headers ${shown(observed(ctx, 'access-control-allow-headers') ?? ctx.actual)} cannot be parsed`,
    body: (ctx) =>
      `The browser read ${shown(observed(ctx, 'access-control-allow-headers') ?? ctx.actual)} in the preflight response. ` +
      'It must be a comma-separated list of header names such as "content-type, x-api-key"; one element that is not a plain name (a space inside it, quotes, a colon) makes the browser reject the whole header.',
  },
  MethodDisallowedByPreflightResponse: {
    title: (ctx) => {
      const method = ctx.verdict.failedParameter || ctx.needs.method;
      const acam = observed(ctx, 'access-control-allow-methods');
      return acam === null
        ? `Method ${method} is not allowed: the preflight sent no Access-Control-Allow-Methods`
        : `Method ${method} is not in the preflight's Access-Control-Allow-Methods ${shown(acam)}`;
    },
    body: (ctx) => {
      const method = ctx.verdict.failedParameter || ctx.needs.method;
      const acam = observed(ctx, 'access-control-allow-methods');
      return `The request uses ${method}, which is not GET, HEAD or POST, so the browser asked first (Access-Control-Request-Method: ${method}) ` +
        `and needed to find ${method} in Access-Control-Allow-Methods; it got ${shown(acam)}.` +
        listNote(acam, method, ctx.needs.credentials, true);
    },
  },
  HeaderDisallowedByPreflightResponse: {
    title: (ctx) => {
      const header = ctx.verdict.failedParameter || ctx.verdict.header || 'a request header';
      const acah = observed(ctx, 'access-control-allow-headers');
      return acah === null
        ? `Request header "${header}" is not allowed: the preflight sent no Access-Control-Allow-Headers`
        : `Request header "${header}" is not in the preflight's Access-Control-Allow-Headers ${shown(acah)}`;
    },
    body: (ctx) => {
      const header = ctx.verdict.failedParameter || ctx.verdict.header || 'a request header';
      const acah = observed(ctx, 'access-control-allow-headers');
      const reason = ctx.verdict.preflight.reasons.find((r) => r.name === header.toLowerCase())?.text;
      const asked = headerValue(preflightOfHop(ctx.tx, hopOf(ctx.verdict.stage))?.request.headers, 'access-control-request-headers');
      const authorization = header.toLowerCase() === 'authorization' ? ' Authorization is never covered by "*": name it.' : '';
      return `The page sets the ${header} header${reason ? ` (${reason.replace(/\.$/, '')})` : ''}, so the browser asked first` +
        `${asked ? ` (Access-Control-Request-Headers: ${asked})` : ''} and needed every name in Access-Control-Allow-Headers; ` +
        `it got ${shown(acah)}, which does not include ${header}.` +
        listNote(acah, header, ctx.needs.credentials, false) + authorization;
    },
  },
};

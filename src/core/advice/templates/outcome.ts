/** Plain words for verdicts that are not a CORS block: allowed, not CORS at all, network error. */
import { headerValue } from '../headers';
import { rootCauseLead, rootCauseTitle } from './root-cause';
import type { TemplateContext } from './context';

export interface TitleAndBody {
  readonly title: string;
  readonly body: string;
}

export function allowedText(ctx: TemplateContext): TitleAndBody {
  const acao = headerValue(ctx.tx.response?.headers, 'access-control-allow-origin') ?? ctx.verdict.actual;
  const credentials = ctx.needs.credentials;
  let title: string;
  if (acao === null) title = 'Allowed';
  else if (acao === '*') title = 'Allowed by Access-Control-Allow-Origin: *';
  else title = `Allowed by Access-Control-Allow-Origin: ${acao}${credentials ? ' with Access-Control-Allow-Credentials: true' : ''}`;

  const parts: string[] = [];
  if (acao === '*') {
    parts.push('The response allows any origin with "*", which the browser accepts because the request carries no credentials, so the page can read the answer.');
  } else if (acao !== null) {
    parts.push(`The response names ${acao}, the exact origin the browser sent${credentials ? ', and allows credentials with Access-Control-Allow-Credentials: true' : ''}, so the page can read the answer.`);
  } else {
    parts.push(ctx.verdict.summary || 'The browser let the page read the answer.');
  }
  if (ctx.verdict.preflight.fromCache) {
    parts.push("No preflight was sent this time: an earlier one, still in Chrome's preflight cache, covered this request.");
  } else if (ctx.verdict.preflight.required) {
    const allowed = [ctx.needs.methodNeedsAllow ? `the ${ctx.needs.method} method` : null,
      ctx.needs.requestHeaders.length > 0 ? `the headers ${ctx.needs.requestHeaders.join(', ')}` : null].filter((p) => p !== null);
    parts.push(`The preflight passed first${allowed.length > 0 ? `, allowing ${allowed.join(' and ')}` : ''}.`);
  }
  return { title, body: parts.join(' ') };
}

export function notCorsText(ctx: TemplateContext): TitleAndBody {
  switch (ctx.verdict.mode) {
    case 'navigate':
      return {
        title: 'Not a CORS request: a page navigation',
        body: 'Navigations (links, form submissions, window.location) are not subject to CORS; the browser loads the page whatever CORS headers it has.',
      };
    case 'no-cors':
      return {
        title: 'Not a CORS request: no-cors mode',
        body: "This request was made without CORS (an image, script or stylesheet without a crossorigin attribute, or fetch with mode: 'no-cors'). The browser loads it, but script cannot read the response (it is opaque); CORS headers change nothing here.",
      };
    case 'websocket':
      return {
        title: 'Not a CORS request: a WebSocket',
        body: 'WebSockets are not subject to CORS: the browser sends an Origin header and the server must check it itself.',
      };
    default:
      if (ctx.verdict.origins && ctx.verdict.origins.crossOriginBy.length === 0) {
        return {
          title: `Not a CORS request: ${ctx.origin} is the same origin`,
          body: `The page and ${ctx.url} have the same scheme, host and port, so CORS does not apply.`,
        };
      }
      return { title: 'Not a CORS request', body: ctx.verdict.summary || 'CORS does not apply to this request.' };
  }
}

export function networkErrorText(ctx: TemplateContext): TitleAndBody {
  const cause = ctx.verdict.rootCause;
  if (cause) return { title: rootCauseTitle(cause, ctx.host), body: rootCauseLead(cause) };
  const err = ctx.tx.netError ?? 'a network error';
  return {
    title: `The request to ${ctx.host} failed (${err})`,
    body: `It failed at the network level (${err}) before any CORS check, so this is not a CORS problem. Check that the server is reachable from this machine.`,
  };
}

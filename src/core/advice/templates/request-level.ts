/**
 * Plain words for failures that are about the request or the network rather than the CORS headers:
 * mode and scheme checks, redirects, Local Network Access (reference §5, §7), and older names.
 */
import type { CorsErrorName } from '../../types';
import { originOf, schemeOf, withoutPassword } from '../headers';
import type { ErrorTemplate, TemplateContext } from './context';

type RequestLevelError =
  | 'DisallowedByMode' | 'CorsDisabledScheme' | 'RedirectContainsCredentials' | 'NoCorsRedirectModeNotFollow'
  | 'InsecureLocalNetwork' | 'InvalidLocalNetworkAccess' | 'LocalNetworkAccessPermissionDenied';

export type LegacyError =
  | 'InsecurePrivateNetwork' | 'InvalidPrivateNetworkAccess' | 'UnexpectedPrivateNetworkAccess'
  | 'PreflightMissingAllowPrivateNetwork' | 'PreflightInvalidAllowPrivateNetwork'
  | 'PreflightMissingAllowExternal' | 'PreflightInvalidAllowExternal';

function redirectLocation(ctx: TemplateContext): string {
  const stage = ctx.verdict.stage;
  const hop = stage?.kind === 'redirect' ? stage.hop : 0;
  return withoutPassword(ctx.tx.redirects?.[hop]?.location ?? ctx.actual ?? ctx.url);
}

export const REQUEST_LEVEL_TEMPLATES: Record<RequestLevelError, ErrorTemplate> = {
  DisallowedByMode: {
    title: (ctx) => `The request used mode "same-origin" but ${originOf(ctx.url) ?? ctx.url} is another origin`,
    body: (ctx) =>
      `The page asked for a same-origin-only request (fetch with mode: 'same-origin', or a Worker script), so the browser refuses any answer from ${originOf(ctx.url) ?? ctx.url}. ` +
      `No server header changes this: use mode 'cors' (the fetch default) and have the server send CORS headers, or load the resource from ${ctx.origin}.`,
  },
  CorsDisabledScheme: {
    title: (ctx) => `Cross-origin requests are not supported for "${schemeOf(ctx.url) ?? ctx.url}:" URLs (${ctx.url})`,
    body: (ctx) =>
      `Cross-origin fetches work only with http and https, and ${ctx.url} uses ${schemeOf(ctx.url) ?? 'another scheme'}. ` +
      'Serve the resource over http(s); for a page opened from a file, run a local web server.',
  },
  RedirectContainsCredentials: {
    title: (ctx) => `The redirect to ${redirectLocation(ctx)} contains a user name or password`,
    body: (ctx) =>
      `${ctx.host} redirected this cross-origin request to ${redirectLocation(ctx)}, a URL with credentials in it (user:password@host). ` +
      'The browser refuses to follow such a redirect. Redirect to the URL without them and authenticate another way.',
  },
  NoCorsRedirectModeNotFollow: {
    title: (ctx) => `A no-cors request to ${ctx.host} used a redirect mode other than "follow"`,
    body: () =>
      "Requests in no-cors mode (fetch with mode: 'no-cors') must use redirect: 'follow'; with 'error' or 'manual' the browser rejects them. " +
      "Use redirect: 'follow', or switch to mode: 'cors' and have the server send CORS headers.",
  },
  InsecureLocalNetwork: {
    title: (ctx) => `A page on a non-secure origin (${ctx.origin}) may not reach the local address ${ctx.host}`,
    body: () =>
      "Chrome's Local Network Access rules block requests from non-HTTPS pages to private or loopback addresses (192.168.x.x, 10.x.x.x, localhost and the like). " +
      'No CORS header fixes this: serve the page over HTTPS; then Chrome asks the user for permission.',
  },
  InvalidLocalNetworkAccess: {
    title: (ctx) => {
      const ip = ctx.tx.response?.ip;
      return `The request's targetAddressSpace does not match the address ${ctx.host} resolved to${ip ? ` (${ip})` : ''}`;
    },
    body: () =>
      "The page declared where the server lives (fetch option targetAddressSpace: 'local' or 'loopback'), but the address the browser connected to is in another address space. " +
      'Correct the option, or the DNS entry, so they agree.',
  },
  LocalNetworkAccessPermissionDenied: {
    title: (ctx) => `Local network access to ${ctx.host} was not permitted`,
    body: (ctx) =>
      `Since Chrome 142 a page on the public internet (${ctx.origin}) needs the user's permission to reach local or loopback addresses, and it was denied or not granted. ` +
      'No server header fixes this: the user must allow it in the site settings, and a cross-origin iframe also needs the permission delegated by its parent page (the allow attribute).',
  },
};

/** One generic text for the names older Chromium builds reported (Private Network Access era). */
export function legacyTemplate(name: CorsErrorName): ErrorTemplate {
  return {
    title: (ctx) => `${name}: an older Private Network Access check failed for ${ctx.host}`,
    body: () =>
      `Chrome reported ${name}, a name from its older Private Network Access checks (since replaced by Local Network Access): ` +
      'a public page tried to reach a private or local address.' +
      (/Allow(PrivateNetwork|External)/.test(name)
        ? ' That version wanted the preflight response to carry Access-Control-Allow-Private-Network: true.'
        : ' Serve the page over HTTPS and, on current Chrome, let the user grant local network access.'),
  };
}

/**
 * Small builders that keep the scenario tables readable: header lines by their CORS meaning,
 * answers, and routes for the common shapes (a simple request, a preflighted one, a redirect).
 */
import type { Answer, HeaderLine, Route } from '../scenario-types';

export const acao = (value: string): HeaderLine => ['Access-Control-Allow-Origin', value];
export const acac = (value = 'true'): HeaderLine => ['Access-Control-Allow-Credentials', value];
export const acam = (value: string): HeaderLine => ['Access-Control-Allow-Methods', value];
export const acah = (value: string): HeaderLine => ['Access-Control-Allow-Headers', value];
export const aceh = (value: string): HeaderLine => ['Access-Control-Expose-Headers', value];
export const maxAge = (seconds: number): HeaderLine => ['Access-Control-Max-Age', String(seconds)];
export const location = (value: string): HeaderLine => ['Location', value];

/** The page origin, exactly as ACAO must echo it. */
export const PAGE = '{PAGE}';

export const answer = (status: number, ...headers: HeaderLine[]): Answer => ({ status, headers });
export const ok = (...headers: HeaderLine[]): Answer => answer(200, ...headers);

/** A preflight answer that lets `method` through from the page origin (status 204). */
export const preflightAllowing = (method: string, ...extra: HeaderLine[]): Answer =>
  answer(204, acao(PAGE), acam(method), ...extra);

/** Only the first URL, answering a non-preflight request. */
export const single = (response: Answer): Record<string, Route> => ({ '': { response } });

/** Only the first URL, with a preflight answer and an actual-request answer. */
export const preflighted = (preflight: Answer, response: Answer = ok(acao(PAGE))): Record<string, Route> => ({
  '': { preflight, response },
});

/**
 * A redirect from the first URL to `/s/<id>/next` on `nextOrigin` (a token such as `{B}`),
 * keeping the run's nonce query. `redirectHeaders` go on the 3xx response (it needs ACAO too, reference §5).
 */
export const redirectTo = (
  id: string,
  nextOrigin: string,
  status: number,
  redirectHeaders: readonly HeaderLine[],
  next: Route,
  first: Omit<Route, 'response'> = {},
): Record<string, Route> => ({
  '': { ...first, response: answer(status, location(`${nextOrigin}/s/${id}/next{QUERY}`), ...redirectHeaders) },
  next,
});

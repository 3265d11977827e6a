/**
 * What every plain-words template gets: the verdict, the transaction and the facts already pulled
 * out of them, so that templates stay one-liners about wording.
 */
import type { HeaderList, ObservedTransaction, Verdict } from '../../types';
import { headerValue, hostOf } from '../headers';
import { corsNeeds, failingResponse, failingUrl, type CorsNeeds } from '../request-facts';

export interface TemplateContext {
  readonly verdict: Verdict;
  readonly tx: ObservedTransaction;
  readonly needs: CorsNeeds;
  /** URL and host whose response the failing check looked at. */
  readonly url: string;
  readonly host: string;
  /** Status and headers of that response, when observed. */
  readonly status: number | null;
  readonly headers: HeaderList | null;
  /** The value the failing check looked at (verdict.actual, else failedParameter). */
  readonly actual: string | null;
  /** The Origin the browser sent (what Access-Control-Allow-Origin must equal), for prose. */
  readonly origin: string;
}

export interface ErrorTemplate {
  /** One line: the failed check and the actual value. */
  readonly title: (ctx: TemplateContext) => string;
  /** What the browser checked, what it got and what it means. */
  readonly body: (ctx: TemplateContext) => string;
}

export function templateContext(verdict: Verdict, tx: ObservedTransaction): TemplateContext {
  const needs = corsNeeds(verdict, tx);
  const response = failingResponse(verdict, tx);
  const url = failingUrl(verdict, tx);
  return {
    verdict,
    tx,
    needs,
    url,
    host: hostOf(url),
    status: response?.status ?? null,
    headers: response?.headers ?? null,
    actual: verdict.actual ?? verdict.failedParameter,
    origin: needs.originSent ?? 'the page origin',
  };
}

/** A value for prose: quoted verbatim, or "an empty value". Never markup: the UI renders it as text. */
export function shown(value: string | null | undefined): string {
  if (value === null || value === undefined) return 'nothing';
  return value === '' ? 'an empty value' : `"${value}"`;
}

/** The observed value of a header on the failing response, verbatim. */
export function observed(ctx: TemplateContext, name: string): string | null {
  return headerValue(ctx.headers, name);
}

/** "(status 404)" when the status is known, else "". */
export function statusNote(ctx: TemplateContext): string {
  return ctx.status === null ? '' : ` (status ${ctx.status})`;
}

/** Which response the check ran on, in words. */
export function responseWord(preflight: boolean): string {
  return preflight ? 'the preflight response (the OPTIONS request the browser sends first)' : 'the response';
}

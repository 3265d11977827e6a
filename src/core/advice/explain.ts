/**
 * Turns a verdict into an explanation: one title, a short paragraph (the real cause first when the
 * CORS error is only a symptom), the headers to send, and a snippet for every stack.
 */
import type { HeaderList, ObservedTransaction, Verdict } from '../types';
import { detectStack } from './detect-stack';
import { mdnUrl } from './mdn';
import { failingResponse } from './request-facts';
import { fixPlace, requiredHeaders } from './required-headers';
import { buildSnippets } from './snippets';
import {
  ERROR_TEMPLATES, adviceFindings, allowedText, networkErrorText, notCorsText, rootCauseLead, templateContext,
  type TemplateContext,
} from './templates';
import type { ExplainOptions, Explanation, StackGuess } from './types';

interface Words {
  readonly title: string;
  readonly paragraph: string;
}

export function explain(verdict: Verdict, tx: ObservedTransaction, options: ExplainOptions = {}): Explanation {
  const ctx = templateContext(verdict, tx);
  const words = describe(ctx);
  const stack = options.stack ?? guessStack(verdict, tx)?.stack ?? null;
  return {
    title: words.title,
    paragraph: words.paragraph,
    requiredHeaders: requiredHeaders(verdict, tx),
    where: fixPlace(verdict),
    stack,
    snippets: buildSnippets(ctx.needs, verdict, stack),
    mdnUrl: mdnUrl(verdict.firefoxReason),
    firefoxReason: verdict.firefoxReason,
    findings: adviceFindings(verdict.findings),
  };
}

/** The stack guessed from the response that failed, else any other response of the transaction. */
export function guessStack(verdict: Verdict, tx: ObservedTransaction): StackGuess | null {
  const candidates: (HeaderList | undefined)[] = [
    failingResponse(verdict, tx)?.headers,
    tx.response?.headers,
    tx.preflight?.response?.headers,
    ...(tx.redirects ?? []).map((r) => r.headers),
  ];
  for (const headers of candidates) {
    const guess = headers ? detectStack(headers) : null;
    if (guess) return guess;
  }
  return null;
}

function describe(ctx: TemplateContext): Words {
  const { verdict } = ctx;
  switch (verdict.outcome) {
    case 'allowed': {
      const t = allowedText(ctx);
      return { title: t.title, paragraph: t.body };
    }
    case 'not-cors': {
      const t = notCorsText(ctx);
      return { title: t.title, paragraph: t.body };
    }
    case 'network-error': {
      const t = networkErrorText(ctx);
      return { title: t.title, paragraph: t.body };
    }
    case 'blocked':
      return blockedWords(ctx);
  }
}

function blockedWords(ctx: TemplateContext): Words {
  const { verdict } = ctx;
  const template = verdict.corsError ? ERROR_TEMPLATES[verdict.corsError] : null;
  const title = template ? template.title(ctx) : verdict.summary || `Blocked by CORS: ${ctx.host}`;
  const body = template ? template.body(ctx) : verdict.summary;
  // Reference §10: when the CORS error is a symptom, say what to fix first, before anything else.
  const lead = verdict.rootCause ? rootCauseLead(verdict.rootCause) : '';
  const paragraph = [lead, body, preflightWhy(ctx), reachedServer(ctx)].filter((s) => s.length > 0).join(' ');
  return { title, paragraph };
}

/** Why a preflight was sent at all, when it is the preflight that failed. */
function preflightWhy(ctx: TemplateContext): string {
  const { verdict } = ctx;
  if (fixPlace(verdict) !== 'preflight' || verdict.corsError === 'HeaderDisallowedByPreflightResponse') return '';
  const reasons = verdict.preflight.reasons.slice(0, 2).map((r) => r.text.replace(/\.$/, ''));
  return reasons.length > 0 ? `A preflight was needed because ${reasons.join(', and ')}.` : '';
}

function reachedServer(ctx: TemplateContext): string {
  const { verdict } = ctx;
  if (verdict.reachedServer) {
    return `The request did reach ${ctx.host}, so any side effects on the server may have happened; the browser only hid the answer from the page.`;
  }
  if (verdict.stage?.kind === 'preflight' || fixPlace(verdict) === 'preflight') {
    return `The ${ctx.needs.method} request itself was never sent: the browser stopped after the preflight.`;
  }
  if (verdict.stage?.kind === 'request') return 'The browser stopped the request before sending it.';
  return '';
}

/**
 * The title alone: the same line `explain(verdict, tx).title` gives, without the paragraph, the
 * required headers and the snippets for every stack. The popup shows only this line per group, and
 * importing explain() would ship all the stacks' snippets with it (the popup must stay small).
 * A unit test holds it equal to explain()'s title.
 */
import type { ObservedTransaction, Verdict } from '../types';
import { ERROR_TEMPLATES, allowedText, networkErrorText, notCorsText, templateContext } from './templates';

export function explainTitle(verdict: Verdict, tx: ObservedTransaction): string {
  const ctx = templateContext(verdict, tx);
  switch (verdict.outcome) {
    case 'allowed':
      return allowedText(ctx).title;
    case 'not-cors':
      return notCorsText(ctx).title;
    case 'network-error':
      return networkErrorText(ctx).title;
    case 'blocked': {
      const template = verdict.corsError ? ERROR_TEMPLATES[verdict.corsError] : null;
      return template ? template.title(ctx) : verdict.summary || `Blocked by CORS: ${ctx.host}`;
    }
  }
}

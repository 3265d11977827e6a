/** The answer first: "not really CORS" causes, then the verdict's title and paragraph in plain words. */
import type { Verdict } from '../../core';
import type { Explanation } from '../../core/advice';
import type { Transaction } from '../../core/model';
import { StateIcon } from '../../ui/components/state-icon';
import { rowState } from '../../ui/row-state';
import { rootCauseHeadline } from './root-cause-text';

export interface HeadlineProps {
  readonly tx: Transaction;
  readonly verdict: Verdict | null;
  readonly explanation: Explanation | null;
}

export function Headline({ tx, verdict, explanation }: HeadlineProps) {
  if (verdict === null) {
    return (
      <section class="cl-headline" aria-label="Verdict">
        <p class="cl-headline-title">
          <StateIcon state={rowState(tx)} />{' '}
          {tx.evaluationError !== null
            ? `CORS Lens could not evaluate this request: ${tx.evaluationError}`
            : 'Waiting for the request to finish…'}
        </p>
      </section>
    );
  }
  return (
    <section class="cl-headline" aria-label="Verdict">
      {verdict.rootCause === null ? null : (
        <p class="cl-root-cause" data-testid="root-cause">
          {rootCauseHeadline(verdict.rootCause)}
        </p>
      )}
      <h2 class="cl-headline-title">
        <StateIcon state={rowState(tx)} />
        <span class="cl-value">{explanation?.title ?? verdict.summary}</span>
      </h2>
      {verdict.corsError === null ? null : (
        <p class="cl-headline-code">
          <span class="cl-mono">{verdict.corsError}</span>
          {verdict.failedParameter ? <span class="cl-mono cl-value"> ({verdict.failedParameter})</span> : null}
          {verdict.firefoxReason ? <span class="cl-muted"> · Firefox: {verdict.firefoxReason}</span> : null}
        </p>
      )}
      {explanation?.paragraph ? <p class="cl-headline-paragraph cl-value">{explanation.paragraph}</p> : null}
    </section>
  );
}

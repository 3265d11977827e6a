/** The timeline section: one line per leg on the wire, and what it means for the server. */
import type { Transaction } from '../../core/model';
import { buildTimeline, type StepTone } from './timeline';

export interface TimelineViewProps {
  readonly tx: Transaction;
  readonly now: number;
  /** Whether a transaction id is still in the list (a covering preflight may have been evicted). */
  readonly isListed: (id: string) => boolean;
  readonly onShow: (id: string) => void;
}

const TONE_WORD: Readonly<Record<StepTone, string>> = {
  ok: 'done', failed: 'failed', skipped: 'never sent', cached: 'from cache', pending: 'in flight',
};

export function TimelineView({ tx, now, isListed, onShow }: TimelineViewProps) {
  const timeline = buildTimeline(tx, now);
  return (
    <section class="cl-section" aria-labelledby="cl-timeline-title">
      <h3 id="cl-timeline-title">Timeline</h3>
      <ol class="cl-timeline">
        {timeline.steps.map((step) => (
          <li key={step.key} class={`cl-step cl-step-${step.tone}`} data-tone={step.tone}>
            <span class="cl-step-label">{step.label}</span>
            <span class="cl-step-tone">({TONE_WORD[step.tone]})</span>
            <span class="cl-mono">{step.method}</span>
            <span class="cl-mono cl-value cl-step-url">{step.url}</span>
            {step.status === '' ? null : <span class="cl-step-status cl-value">{step.status}</span>}
            {step.duration === '' ? null : <span class="cl-muted">{step.duration}</span>}
            {step.note === null ? null : <p class="cl-step-note">{step.note}</p>}
            {step.coveredById !== null && isListed(step.coveredById) ? (
              <button type="button" class="cl-link-button" onClick={() => onShow(step.coveredById ?? '')}>
                Show the preflight that created the cache entry
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {timeline.conclusion === null ? null : <p class="cl-conclusion" data-testid="timeline-conclusion">{timeline.conclusion}</p>}
    </section>
  );
}

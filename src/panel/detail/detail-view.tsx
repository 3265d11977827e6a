/**
 * The detail of one transaction: headline, origins, timeline, why a preflight, headers that matter,
 * the fix and findings (Explanation tab); every header (Headers tab); the what-if editor.
 */
import { lazy, Suspense } from 'preact/compat';
import { useMemo, useState } from 'preact/hooks';
import { explain, guessStack, type StackId } from '../../core/advice';
import type { Transaction } from '../../core/model';
import { toObserved } from '../../core/model/to-observed';
import { isFromWorker } from '../../core/model/transaction';
import { Tabs, tabPanelProps } from '../../ui/components/tabs';
import { rowState } from '../../ui/row-state';
import { CopyActions } from './copy-actions';
import { FindingsList } from './findings-list';
import { FixSection } from './fix-section';
import { FullHeaders } from './full-headers';
import { Headline } from './headline';
import { KeyHeadersView } from './key-headers-view';
import { missedStartText } from './missed-start-text';
import { fromWorkerText } from './from-worker-text';
import { OriginTable } from './origin-table';
import { PreflightWhy } from './preflight-why';
import { statusFixText } from './root-cause-text';
import { TimelineView } from './timeline-view';

/**
 * The what-if editor runs the whole engine in the page; it loads when its tab is first opened, so
 * opening the panel does not pay for it (bundleGzKB.panel counts what the panel loads up front).
 */
const WhatIfView = lazy(() => import('../what-if/what-if-view').then((m) => ({ default: m.WhatIfView })));

type DetailTab = 'explanation' | 'headers' | 'what-if';
const TABS = [
  { id: 'explanation', label: 'Explanation' },
  { id: 'headers', label: 'Headers' },
  { id: 'what-if', label: 'What-if' },
] as const;

export interface DetailViewProps {
  readonly tx: Transaction;
  /** The user's remembered stack, or null to use the detected one. */
  readonly stack: StackId | null;
  readonly onPickStack: (stack: StackId) => void;
  readonly isListed: (id: string) => boolean;
  readonly onShow: (id: string) => void;
  readonly onClose: () => void;
  readonly now: number;
  readonly copy?: (text: string) => Promise<boolean>;
}

export function DetailView({ tx, stack, onPickStack, isListed, onShow, onClose, now, copy }: DetailViewProps) {
  const [tab, setTab] = useState<DetailTab>('explanation');
  const observed = useMemo(() => toObserved(tx), [tx]);
  const verdict = tx.verdict;
  const detected = useMemo(() => (verdict === null ? null : guessStack(verdict, observed)), [verdict, observed]);
  const explanation = useMemo(
    () => (verdict === null ? null : explain(verdict, observed, stack === null ? {} : { stack })),
    [verdict, observed, stack],
  );
  const corsApplies = verdict !== null && verdict.outcome !== 'not-cors';
  // A request shown as "Warning" is explained by its findings: put them under the headline, not
  // below the fix and the server snippet where nobody scrolls.
  const warningFirst = rowState(tx) === 'warning';
  const findings = explanation ? <FindingsList findings={explanation.findings} /> : null;

  return (
    <section class="cl-detail" aria-label="Request detail">
      <header class="cl-detail-header">
        <button type="button" class="cl-button cl-close" aria-label="Close detail (Esc)" title="Close (Esc)" onClick={onClose}>×</button>
        <span class="cl-mono cl-detail-url">
          <strong>{tx.method}</strong> <span class="cl-value">{tx.url}</span>
        </span>
      </header>
      <CopyActions tx={tx} {...(copy ? { copy } : {})} />
      <Tabs tabs={TABS} selected={tab} onSelect={setTab} idPrefix="cl-detail" label="Request detail" />
      <div class="cl-detail-body" {...tabPanelProps('cl-detail', tab)}>
        {tab === 'explanation' ? (
          <>
            <Headline tx={tx} verdict={verdict} explanation={explanation} />
            {tx.missedStart ? <p class="cl-missed-start" role="note" data-testid="missed-start">{missedStartText(tx.missedStart)}</p> : null}
            {isFromWorker(tx) ? <p class="cl-from-worker" role="note" data-testid="from-worker">{fromWorkerText(tx.initiator)}</p> : null}
            {warningFirst ? findings : null}
            {verdict?.origins && corsApplies ? (
              <OriginTable origins={verdict.origins} allowOriginIsCulprit={verdict.header === 'access-control-allow-origin'} />
            ) : null}
            <TimelineView tx={tx} now={now} isListed={isListed} onShow={onShow} />
            {verdict && corsApplies ? <PreflightWhy preflight={verdict.preflight} /> : null}
            <KeyHeadersView tx={tx} verdict={verdict} onShowAll={() => setTab('headers')} />
            {explanation && corsApplies ? (
              <FixSection
                explanation={explanation} stack={explanation.stack} detected={detected} onPickStack={onPickStack}
                blocked={verdict?.outcome === 'blocked'} statusFix={verdict?.outcome === 'blocked' ? statusFixText(verdict) : null}
              />
            ) : null}
            {warningFirst ? null : findings}
          </>
        ) : null}
        {/* The Explanation tab opens with the verdict as its h2; the other tabs get a hidden one (heading order). */}
        {tab === 'headers' ? (
          <>
            <h2 class="cl-visually-hidden">All headers</h2>
            <FullHeaders tx={tx} culprit={verdict?.header ?? null} />
          </>
        ) : null}
        {tab === 'what-if' ? (
          <>
            <h2 class="cl-visually-hidden">What-if</h2>
            {verdict === null ? <p>The request has not finished yet.</p> : (
              <Suspense fallback={<p class="cl-muted">Loading the what-if editor…</p>}>
                <WhatIfView key={tx.id} observed={observed} />
              </Suspense>
            )}
          </>
        ) : null}
      </div>
    </section>
  );
}

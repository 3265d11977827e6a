/**
 * The blocked requests grouped by reason and by endpoint, and the warnings by kind. Every value that
 * came from a page or a server (URLs, header values inside explanations) is a text child, which
 * Preact escapes. Long values are cut with an ellipsis; the full value is in `title`.
 */
import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import type { Transaction } from '../../core/model';
import { groupByEndpoint, groupByReason, groupWarnings } from '../group-blocked';
import { oneLineExplanation, warningMessage } from '../one-line-explanation';

interface RowProps {
  readonly label: string;
  /** Chromium's name for the reason (CDP corsError), in the tooltip: the panel and bug reports use it. */
  readonly code?: string | null;
  readonly detail: string;
  readonly count: number;
  readonly mono?: boolean;
}

function GroupRow({ label, code, detail, count, mono = false }: RowProps) {
  return (
    <li class="group">
      <div class="group__head">
        <span class={`group__label truncate${mono ? ' mono' : ''}`} title={code ? `${label} (${code})` : label}>{label}</span>
        <span class="group__count" aria-label={count === 1 ? '1 request' : `${count} requests`}>{count}</span>
      </div>
      {detail && <p class="group__detail clamp" title={detail}>{detail}</p>}
    </li>
  );
}

interface SectionProps {
  readonly id: string;
  readonly title: string;
  readonly children: ComponentChildren;
}

function GroupSection({ id, title, children }: SectionProps) {
  return (
    <section class="groups__section" aria-labelledby={id}>
      <h2 id={id} class="groups__title">{title}</h2>
      <ul class="groups__list">{children}</ul>
    </section>
  );
}

export function BlockedGroups({ transactions }: { readonly transactions: readonly Transaction[] }) {
  // explain() builds a full explanation per call: once per group and per change of the list.
  const reasons = useMemo(
    () => groupByReason(transactions).map((group) => ({ ...group, detail: oneLineExplanation(group.latest) })),
    [transactions],
  );
  const endpoints = useMemo(() => groupByEndpoint(transactions), [transactions]);
  if (reasons.length === 0) return null;
  return (
    <>
      <GroupSection id="by-reason" title="Blocked, by reason">
        {reasons.map((g) => <GroupRow key={g.key} label={g.words} code={g.corsError} detail={g.detail} count={g.count} />)}
      </GroupSection>
      <GroupSection id="by-endpoint" title="Blocked, by endpoint">
        {endpoints.map((g) => <GroupRow key={g.key} label={g.endpoint} detail={g.reasons.join(' · ')} count={g.count} mono />)}
      </GroupSection>
    </>
  );
}

export function WarningGroups({ transactions }: { readonly transactions: readonly Transaction[] }) {
  const warnings = useMemo(() => groupWarnings(transactions), [transactions]);
  if (warnings.length === 0) return null;
  return (
    <GroupSection id="warnings" title="Allowed, with warnings">
      {warnings.map((g) => <GroupRow key={g.key} label={g.words} detail={warningMessage(g.latest, g.code)} count={g.count} />)}
    </GroupSection>
  );
}

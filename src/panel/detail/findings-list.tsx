/** Findings that are not (only) failures: wildcard Authorization, unexposed headers, reflected origins. */
import type { AdviceFinding } from '../../core/advice';
import { StateIcon } from '../../ui/components/state-icon';

export function FindingsList({ findings }: { readonly findings: readonly AdviceFinding[] }) {
  if (findings.length === 0) return null;
  // Warnings first: they are why a row says "Warning"; notes follow in the engine's order.
  const ordered = [...findings.filter((f) => f.severity === 'warning'), ...findings.filter((f) => f.severity !== 'warning')];
  return (
    <section class="cl-section" aria-labelledby="cl-findings-title">
      <h3 id="cl-findings-title">Findings</h3>
      <ul class="cl-findings">
        {ordered.map((f, i) => (
          <li key={`${f.title}-${i}`} data-severity={f.severity}>
            {f.severity === 'warning' ? <StateIcon state="warning" compact /> : <span class="cl-info-mark" aria-label="Note" role="img">i</span>}{' '}
            <strong>{f.title}</strong>
            <p class="cl-value">{f.text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

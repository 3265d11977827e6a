/** Findings that are not (only) failures: wildcard Authorization, unexposed headers, reflected origins. */
import type { AdviceFinding } from '../../core/advice';
import { StateIcon } from '../../ui/components/state-icon';

export function FindingsList({ findings }: { readonly findings: readonly AdviceFinding[] }) {
  if (findings.length === 0) return null;
  return (
    <section class="cl-section" aria-labelledby="cl-findings-title">
      <h3 id="cl-findings-title">Findings</h3>
      <ul class="cl-findings">
        {findings.map((f, i) => (
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

/**
 * The fix: the exact response headers this request needs, then the configuration for the detected
 * stack (or the one the user picks, remembered), that stack's pitfalls, and MDN's page for the error.
 */
import { STACKS, type Explanation, type HeaderPlace, type StackId } from '../../core/advice';
import { CopyButton } from '../../ui/components/copy-button';

export interface FixSectionProps {
  readonly explanation: Explanation;
  /** The stack whose snippet is shown. */
  readonly stack: StackId | null;
  /** Detected from the response headers, with the evidence ("Server: nginx/1.25.3"). */
  readonly detected: { readonly stack: StackId; readonly evidence: string } | null;
  readonly onPickStack: (stack: StackId) => void;
  /** The request failed: the headers are a fix, not a description of what already works. */
  readonly blocked: boolean;
  /** What to fix before any header (a preflight answered 401, a 502 without CORS headers), or null. */
  readonly statusFix?: string | null;
}

const PLACE_TITLE: Readonly<Record<HeaderPlace, string>> = {
  preflight: 'On the preflight (OPTIONS) response',
  response: 'On the actual response',
  redirect: 'On the redirect response',
};

function groupByPlace(explanation: Explanation): [HeaderPlace, Explanation['requiredHeaders']][] {
  const order: HeaderPlace[] = ['preflight', 'redirect', 'response'];
  return order
    .map((place) => [place, explanation.requiredHeaders.filter((h) => h.appliesTo === place)] as [HeaderPlace, Explanation['requiredHeaders']])
    .filter(([, list]) => list.length > 0);
}

export function FixSection({ explanation, stack, detected, onPickStack, blocked, statusFix = null }: FixSectionProps) {
  const snippet = explanation.snippets.find((s) => s.stack === stack) ?? explanation.snippets[0] ?? null;
  const groups = groupByPlace(explanation);
  const headerText = (): string => explanation.requiredHeaders.map((h) => `${h.name}: ${h.value}`).join('\n');
  return (
    <section class="cl-section" aria-labelledby="cl-fix-title">
      <h3 id="cl-fix-title">{blocked ? 'Fix' : 'Server configuration'}</h3>
      {statusFix === null ? null : <p class="cl-fix-first" data-testid="status-fix"><strong>First:</strong> {statusFix}</p>}
      {groups.length === 0 ? <p>No response header change is needed for this request.</p> : (
        <>
          <p>{blocked ? (statusFix === null ? 'The server must send:' : 'And the server must send:') : 'The request passes; keep sending:'}</p>
          {groups.map(([place, list]) => (
            <div key={place} class="cl-required">
              <h4>{PLACE_TITLE[place]}</h4>
              <ul class="cl-required-list">
                {list.map((h, i) => (
                  <li key={`${h.name}-${i}`}>
                    <code class="cl-mono cl-value">{h.name}: {h.value}</code>
                    <p class="cl-muted cl-value">{h.why}</p>
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <CopyButton label="Copy headers" text={headerText} />
        </>
      )}
      {snippet === null ? null : (
        <div class="cl-snippet">
          <label class="cl-stack-picker">
            Server stack{' '}
            <select value={snippet.stack} onChange={(e) => onPickStack((e.currentTarget as HTMLSelectElement).value as StackId)}>
              {STACKS.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </label>
          {detected !== null ? (
            <span class="cl-muted">
              {' '}Detected: {STACKS.find((s) => s.id === detected.stack)?.name ?? detected.stack} (from <span class="cl-mono cl-value">{detected.evidence}</span>)
            </span>
          ) : stack === null ? (
            // Nothing chosen, nothing detected: say the first stack is only an example.
            <span class="cl-muted"> The response does not say which server it came from: pick yours.</span>
          ) : null}
          <pre class="cl-code" aria-label={`${snippet.name} configuration`}><code>{snippet.code}</code></pre>
          <CopyButton label="Copy snippet" text={() => snippet.code} />
          {snippet.pitfalls.length === 0 ? null : (
            <>
              <h4>{snippet.name} pitfalls</h4>
              <ul class="cl-pitfalls">
                {snippet.pitfalls.map((p, i) => <li key={i} class="cl-value">{p}</li>)}
              </ul>
            </>
          )}
        </div>
      )}
      {explanation.mdnUrl === null ? null : (
        <p>
          <a href={explanation.mdnUrl} target="_blank" rel="noreferrer">
            MDN: {explanation.firefoxReason ?? 'CORS errors'}
          </a>
        </p>
      )}
    </section>
  );
}

/** Why the browser sent a preflight: the method or header that made the request non-simple. */
import type { PreflightInfo } from '../../core';

export function PreflightWhy({ preflight }: { readonly preflight: PreflightInfo }) {
  return (
    <section class="cl-section" aria-labelledby="cl-why-title">
      <h3 id="cl-why-title">Why a preflight</h3>
      {!preflight.required ? (
        <p>No preflight needed: a simple request (GET, HEAD or POST with only safelisted headers and content types).</p>
      ) : (
        <>
          <ul class="cl-reasons">
            {preflight.reasons.map((r) => (
              <li key={`${r.kind}-${r.name}`}>
                <span class="cl-value">{r.text}</span>
              </li>
            ))}
          </ul>
          {preflight.requestHeaders === '' ? null : (
            <p class="cl-muted">
              The browser asks with Access-Control-Request-Headers: <span class="cl-mono cl-value">{preflight.requestHeaders}</span>
            </p>
          )}
          {preflight.fromCache ? <p class="cl-muted">This time the preflight cache answered, so no OPTIONS request was sent.</p> : null}
        </>
      )}
    </section>
  );
}

/** Every header of every leg, as captured (values shown as text, long ones cut with "show all", secrets masked). */
import type { Header } from '../../core';
import type { Transaction } from '../../core/model';
import { HeaderValue } from '../../ui/components/header-value';

interface Leg {
  readonly id: string;
  readonly title: string;
  readonly headers: readonly Header[] | null;
}

export function headerLegs(tx: Transaction): Leg[] {
  const legs: Leg[] = [];
  const pre = (p: Transaction['preflight'], id: string, where: string): void => {
    if (p === null) return;
    const cached = p.fromCache ? ' (cached, not sent)' : '';
    legs.push({ id: `${id}-req`, title: `${where} request headers${cached}`, headers: p.requestHeaders });
    legs.push({ id: `${id}-res`, title: `${where} response headers${p.status === null ? '' : ` (${p.status})`}${cached}`, headers: p.responseHeaders });
  };
  pre(tx.preflight, 'pf0', 'Preflight');
  legs.push({ id: 'req', title: 'Request headers', headers: tx.requestHeaders });
  tx.redirects.forEach((r, i) => {
    legs.push({ id: `rd${i}`, title: `Redirect ${i + 1} response headers (${r.status})`, headers: r.responseHeaders });
    pre(r.nextPreflight, `pf${i + 1}`, `Preflight for redirect ${i + 1}`);
    if (r.nextRequestHeaders !== null) legs.push({ id: `rq${i + 1}`, title: `Request headers after redirect ${i + 1}`, headers: r.nextRequestHeaders });
  });
  if (tx.response !== null) legs.push({ id: 'res', title: `Response headers (${tx.response.statusLine || tx.response.status})`, headers: tx.response.responseHeaders });
  return legs;
}

export function FullHeaders({ tx, culprit }: { readonly tx: Transaction; readonly culprit: string | null }) {
  return (
    <div class="cl-full-headers">
      {headerLegs(tx).map((leg) => (
        <section key={leg.id} class="cl-section" aria-label={leg.title}>
          <h3>{leg.title}</h3>
          {leg.headers === null ? <p class="cl-muted">Not sent: the request never left the browser.</p> : leg.headers.length === 0 ? <p class="cl-muted">None.</p> : (
            <table class="cl-table cl-headers-table">
              <tbody>
                {leg.headers.map((h, i) => {
                  const marked = culprit !== null && h.name.toLowerCase() === culprit;
                  return (
                    <tr key={`${h.name}-${i}`} class={marked ? 'cl-culprit' : undefined}>
                      <th scope="row" class="cl-mono">
                        {marked ? <span class="cl-culprit-mark">Culprit: </span> : null}
                        {h.name}
                      </th>
                      <td><HeaderValue name={h.name} value={h.value} /></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </div>
  );
}

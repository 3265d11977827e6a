/** "Headers that matter", the culprit marked with expected vs actual. Full lists: the Headers tab. */
import type { Verdict } from '../../core';
import type { Transaction } from '../../core/model';
import { HeaderValue } from '../../ui/components/header-value';
import { keyHeaders } from './key-headers';

export interface KeyHeadersViewProps {
  readonly tx: Transaction;
  readonly verdict: Verdict | null;
  readonly onShowAll: () => void;
}

export function KeyHeadersView({ tx, verdict, onShowAll }: KeyHeadersViewProps) {
  const groups = keyHeaders(tx, verdict).filter((g) => g.rows.length > 0 || g.failed);
  return (
    <section class="cl-section" aria-labelledby="cl-key-headers-title">
      <h3 id="cl-key-headers-title">
        Headers that matter{' '}
        <button type="button" class="cl-link-button" onClick={onShowAll}>All headers</button>
      </h3>
      {groups.map((group) => (
        <div key={group.id} class="cl-header-group" data-failed={group.failed ? 'true' : undefined}>
          <h4>{group.title}{group.failed ? ' · failed here' : ''}</h4>
          {group.rows.length === 0 ? <p class="cl-muted">No CORS headers.</p> : (
            <table class="cl-table cl-headers-table">
              <tbody>
                {group.rows.map((row, i) => (
                  <tr key={`${row.name}-${i}`} class={row.culprit ? 'cl-culprit' : undefined} data-culprit={row.culprit ? 'true' : undefined}>
                    <th scope="row" class="cl-mono">
                      {row.culprit ? <span class="cl-culprit-mark">Culprit: </span> : null}
                      {row.name}
                    </th>
                    <td>
                      {row.value === null ? <span class="cl-muted">(not sent)</span> : <HeaderValue name={row.name} value={row.value} />}
                      {row.culprit && row.expected !== null ? (
                        <div class="cl-expected">
                          Expected: <span class="cl-mono cl-value">{row.expected}</span>
                          {verdict?.actual != null ? <> · actual: <span class="cl-mono cl-value">{verdict.actual}</span></> : null}
                        </div>
                      ) : null}
                      {row.note === null ? null : <div class="cl-muted">{row.note}</div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </section>
  );
}

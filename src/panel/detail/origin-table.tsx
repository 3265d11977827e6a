/**
 * Page origin, request target and Access-Control-Allow-Origin side by side, by scheme, host and port
 * (default ports explicit). Differing components are marked with a symbol and words, not colour alone.
 */
import type { OriginComparison, OriginComponent, OriginParts } from '../../core';

interface OriginRow {
  readonly kind: 'page' | 'target' | 'sent' | 'allow-origin';
  readonly label: string;
  readonly parts: OriginParts | null;
  /** Text when there is no value at all ("not sent"). */
  readonly missing: string;
  readonly marks: readonly OriginComponent[];
  readonly markNote: string;
}

export function originRows(o: OriginComparison): OriginRow[] {
  const rows: OriginRow[] = [
    { kind: 'page', label: 'Page origin', parts: o.page, missing: '(none: started by the browser)', marks: [], markNote: '' },
    { kind: 'target', label: 'Request target', parts: o.target, missing: '', marks: o.crossOriginBy, markNote: 'differs from the page: this is what makes the request cross-origin' },
  ];
  if (o.originSent !== null && o.originSent !== o.page?.serialized) {
    rows.push({
      kind: 'sent', label: 'Origin sent', missing: '', marks: [], markNote: '',
      parts: { raw: o.originSent, serialized: null, scheme: null, host: null, port: null, portIsDefault: false },
    });
  }
  rows.push({
    kind: 'allow-origin', label: 'Access-Control-Allow-Origin', parts: o.allowOrigin, missing: '(not sent)', marks: o.allowOriginDiffers,
    markNote: 'differs from the Origin the browser sent',
  });
  return rows;
}

function port(parts: OriginParts): string {
  if (parts.port === null) return '—';
  return parts.portIsDefault ? `${parts.port} (default)` : String(parts.port);
}

interface CellProps {
  readonly text: string;
  readonly marked: boolean;
  readonly note: string;
  /** `diff`: the check failed on this part; `cross`: why the request is cross-origin (informative). */
  readonly tone: 'diff' | 'cross';
}

function Cell({ text, marked, note, tone }: CellProps) {
  return (
    <td class={marked ? `cl-${tone}` : undefined} data-marked={marked ? tone : undefined}>
      {marked ? <span aria-hidden="true">{tone === 'diff' ? '≠ ' : '↔ '}</span> : null}
      <span class="cl-value cl-mono">{text}</span>
      {marked ? <span class="cl-visually-hidden"> ({note})</span> : null}
    </td>
  );
}

export interface OriginTableProps {
  readonly origins: OriginComparison;
  /** The failing check is about Access-Control-Allow-Origin (so "not sent" is the problem). */
  readonly allowOriginIsCulprit: boolean;
}

export function OriginTable({ origins, allowOriginIsCulprit }: OriginTableProps) {
  const rows = originRows(origins);
  return (
    <section class="cl-section" aria-labelledby="cl-origins-title">
      <h3 id="cl-origins-title">Origins</h3>
      <table class="cl-table cl-origin-table">
        <thead>
          <tr>
            <th scope="col">Compared</th>
            <th scope="col">Scheme</th>
            <th scope="col">Host</th>
            <th scope="col">Port</th>
            <th scope="col">As written</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const p = row.parts;
            const whole = row.marks.includes('whole');
            const mark = (c: OriginComponent): boolean => whole || row.marks.includes(c);
            // A culprit ACAO whose parts all match (`*` with credentials, `null`): the value itself is wrong.
            const wholeValueIsCulprit = row.kind === 'allow-origin' && allowOriginIsCulprit && row.marks.length === 0;
            const tone = row.kind === 'target' ? 'cross' : 'diff';
            return (
              <tr key={row.kind} data-row={row.kind}>
                <th scope="row">{row.label}</th>
                {p === null ? (
                  <td colSpan={4} class={row.kind === 'allow-origin' && allowOriginIsCulprit ? 'cl-diff' : undefined}>{row.missing}</td>
                ) : (
                  <>
                    <Cell text={p.scheme ?? '—'} marked={p.scheme !== null && mark('scheme')} note={row.markNote} tone={tone} />
                    <Cell text={p.host ?? '—'} marked={p.host !== null && mark('host')} note={row.markNote} tone={tone} />
                    <Cell text={port(p)} marked={p.port !== null && mark('port')} note={row.markNote} tone={tone} />
                    <Cell
                      text={p.raw} marked={mark('path') || wholeValueIsCulprit} tone={tone}
                      note={row.marks.includes('path') ? 'has a path or a trailing slash; an origin never does' : wholeValueIsCulprit ? 'the value the check rejected' : row.markNote}
                    />
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

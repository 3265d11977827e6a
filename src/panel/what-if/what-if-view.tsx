/**
 * What-if editor: change the server's answers (status and headers of the preflight, of each
 * preflight sent after a redirect and of the final response, headers of each redirect hop) or the
 * credentials mode, and watch the engine's verdict change live, with a diff.
 */
import { Fragment } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { CredentialsMode, Header, ObservedRedirect, ObservedResponse, ObservedTransaction } from '../../core';
import { explain } from '../../core/advice';
import { formatHeaderLines, parseHeaderLines, runWhatIf, type ResponseEdit } from './what-if-model';

export interface WhatIfViewProps {
  readonly observed: ObservedTransaction;
}

interface EditorState {
  readonly status: string;
  readonly text: string;
}

function initial(response: ObservedResponse | null | undefined, fallbackStatus: number): EditorState {
  return { status: String(response?.status ?? fallbackStatus), text: formatHeaderLines(response?.headers ?? []) };
}

/** The edit, or null when the editor still shows what was observed. */
function toEdit(state: EditorState, start: EditorState, mustHaveText: boolean): ResponseEdit | null {
  if (state.status === start.status && state.text === start.text) return null;
  if (mustHaveText && state.text.trim() === '') return null;
  const status = Number.parseInt(state.status, 10);
  return { status: Number.isFinite(status) ? status : 200, headers: parseHeaderLines(state.text).headers };
}

/** The edited headers of each redirect hop, or null where the editor still shows what was observed. */
function hopEdits(texts: readonly string[], starts: readonly string[]): (Header[] | null)[] {
  return texts.map((text, i) => (text === starts[i] ? null : parseHeaderLines(text).headers));
}

const hopTitle = (hop: ObservedRedirect, i: number): string => `Redirect ${i + 1}: ${hop.status} from ${hop.url}`;
const hopPreflightTitle = (hop: ObservedRedirect, i: number): string => `Preflight for redirect ${i + 1}: OPTIONS ${hop.location}`;

const CREDENTIALS: readonly (CredentialsMode | 'observed')[] = ['observed', 'omit', 'same-origin', 'include'];

function Editor(props: {
  readonly id: string; readonly title: string; readonly state: EditorState; readonly onChange: (s: EditorState) => void; readonly hint?: string;
  /** A redirect hop: its status is shown, not edited. */
  readonly fixedStatus?: boolean;
}) {
  const bad = parseHeaderLines(props.state.text).badLines;
  return (
    <fieldset class="cl-what-if-editor">
      <legend class="cl-value">{props.title}</legend>
      {props.fixedStatus ? null : (
        <label>
          Status{' '}
          <input type="number" min={100} max={599} value={props.state.status} class="cl-status-input"
            onInput={(e) => props.onChange({ ...props.state, status: (e.currentTarget as HTMLInputElement).value })} />
        </label>
      )}
      <label for={props.id}>Headers, one "Name: value" per line</label>
      <textarea id={props.id} rows={6} spellcheck={false} class="cl-mono" value={props.state.text}
        onInput={(e) => props.onChange({ ...props.state, text: (e.currentTarget as HTMLTextAreaElement).value })} />
      {props.hint ? <p class="cl-muted">{props.hint}</p> : null}
      {bad.length === 0 ? null : <p role="alert" class="cl-error-text">Ignored line {bad.join(', ')}: not "Name: value".</p>}
    </fieldset>
  );
}

export function WhatIfView({ observed }: WhatIfViewProps) {
  const preflightStart = useMemo(() => initial(observed.preflight?.response, 204), [observed]);
  const responseStart = useMemo(() => initial(observed.response, 200), [observed]);
  const [preflight, setPreflight] = useState(preflightStart);
  const [response, setResponse] = useState(responseStart);
  const [credentials, setCredentials] = useState<CredentialsMode | 'observed'>('observed');
  const hopStarts = useMemo(() => (observed.redirects ?? []).map((hop) => formatHeaderLines(hop.headers)), [observed]);
  const [hops, setHops] = useState<readonly string[]>(hopStarts);
  const hopPreflightStarts = useMemo(() => (observed.redirects ?? []).map((hop) => initial(hop.nextPreflight?.response, 204)), [observed]);
  const [hopPreflights, setHopPreflights] = useState<readonly EditorState[]>(hopPreflightStarts);

  const result = useMemo(() => runWhatIf(observed, {
    preflight: observed.preflight ? toEdit(preflight, preflightStart, false) : null,
    response: toEdit(response, responseStart, !observed.response),
    credentials: credentials === 'observed' ? null : credentials,
    redirects: hopEdits(hops, hopStarts),
    redirectPreflights: hopPreflights.map((state, i) => (observed.redirects?.[i]?.nextPreflight ? toEdit(state, hopPreflightStarts[i] ?? state, false) : null)),
  }), [observed, preflight, response, credentials, preflightStart, responseStart, hops, hopStarts, hopPreflights, hopPreflightStarts]);
  const afterTitle = useMemo(() => explain(result.after, result.edited).title, [result]);
  const changed = result.changes.some((c) => c.changed);

  const reset = (): void => {
    setPreflight(preflightStart);
    setResponse(responseStart);
    setCredentials('observed');
    setHops(hopStarts);
    setHopPreflights(hopPreflightStarts);
  };

  return (
    <div class="cl-what-if">
      <p class="cl-muted">Edit what the server answered and see what the browser would decide. Nothing is sent anywhere.</p>
      <label>
        Credentials mode{' '}
        <select value={credentials} onChange={(e) => setCredentials((e.currentTarget as HTMLSelectElement).value as CredentialsMode | 'observed')}>
          {CREDENTIALS.map((c) => <option key={c} value={c}>{c === 'observed' ? `as observed (${result.before.credentials})` : c}</option>)}
        </select>
      </label>
      {observed.preflight ? <Editor id="cl-what-if-preflight" title="Preflight response" state={preflight} onChange={setPreflight} /> : null}
      {(observed.redirects ?? []).map((hop, i) => (
        <Fragment key={i}>
          <Editor id={`cl-what-if-redirect-${i}`} title={hopTitle(hop, i)} fixedStatus
            state={{ status: String(hop.status), text: hops[i] ?? '' }}
            onChange={(s) => setHops((all) => all.map((text, j) => (j === i ? s.text : text)))} />
          {hop.nextPreflight ? (
            <Editor id={`cl-what-if-redirect-preflight-${i}`} title={hopPreflightTitle(hop, i)}
              state={hopPreflights[i] ?? initial(null, 204)}
              onChange={(s) => setHopPreflights((all) => all.map((state, j) => (j === i ? s : state)))} />
          ) : null}
        </Fragment>
      ))}
      <Editor id="cl-what-if-response" title="Response" state={response} onChange={setResponse}
        {...(observed.response ? {} : { hint: 'No response was observed (the request was never sent). Type the headers your server would send to include one.' })} />
      <button type="button" class="cl-button" onClick={reset}>Reset</button>
      <section class="cl-section" aria-labelledby="cl-what-if-result" aria-live="polite">
        <h3 id="cl-what-if-result">Result</h3>
        <table class="cl-table cl-what-if-diff">
          <thead><tr><th scope="col">Field</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
          <tbody>
            {result.changes.map((c) => (
              <tr key={c.field} class={c.changed ? 'cl-changed' : undefined} data-changed={c.changed ? 'true' : undefined}>
                <th scope="row">{c.field}{c.changed ? ' (changed)' : ''}</th>
                <td class="cl-mono cl-value">{c.before}</td>
                <td class="cl-mono cl-value">{c.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p data-testid="what-if-summary" class="cl-value">
          {changed ? `After: ${afterTitle}` : `No change: ${afterTitle}`}
        </p>
      </section>
    </div>
  );
}

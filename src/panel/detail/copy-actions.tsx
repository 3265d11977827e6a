/** Copy the preflight and the request as curl, or the request as fetch(); secrets redacted by default. */
import { useState } from 'preact/hooks';
import type { Transaction } from '../../core/model';
import { CopyButton } from '../../ui/components/copy-button';
import { curlText, fetchText } from '../../ui/copy-as';

export interface CopyActionsProps {
  readonly tx: Transaction;
  readonly copy?: (text: string) => Promise<boolean>;
}

export function CopyActions({ tx, copy }: CopyActionsProps) {
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const options = { includeSecrets };
  return (
    <div class="cl-copy-actions">
      <CopyButton label="Copy as curl" text={() => curlText(tx, options)} {...(copy ? { copy } : {})} />
      <CopyButton label="Copy as fetch" text={() => fetchText(tx, options)} {...(copy ? { copy } : {})} />
      <label class="cl-checkbox">
        <input type="checkbox" checked={includeSecrets} onChange={(e) => setIncludeSecrets((e.currentTarget as HTMLInputElement).checked)} />
        {' '}Include secrets (cookies, authorization)
      </label>
      <details class="cl-copy-preview">
        <summary>Show the commands</summary>
        <pre class="cl-code" data-testid="curl-preview">{curlText(tx, options)}</pre>
        <pre class="cl-code" data-testid="fetch-preview">{fetchText(tx, options)}</pre>
      </details>
    </div>
  );
}

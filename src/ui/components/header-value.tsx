/**
 * A header value as the panel shows it: as text (LongValue), except the secrets (Cookie,
 * Authorization, Proxy-Authorization, Set-Cookie), which stay masked until the user asks to see
 * them, so a shared screen or a screenshot of the panel does not leak a session.
 */
import { useState } from 'preact/hooks';
import { isSecretHeader } from '../../core/report/redact-headers';
import { LongValue } from './long-value';

export interface HeaderValueProps {
  readonly name: string;
  readonly value: string;
}

export function HeaderValue({ name, value }: HeaderValueProps) {
  const [revealed, setRevealed] = useState(false);
  if (!isSecretHeader(name)) return <LongValue value={value} />;
  if (revealed) {
    return (
      <span>
        <LongValue value={value} />{' '}
        <button type="button" class="cl-link-button" onClick={() => setRevealed(false)}>Hide</button>
      </span>
    );
  }
  return (
    <span class="cl-value cl-mono">
      <span class="cl-muted" data-secret="masked">{`•••••• (hidden, ${value.length} characters)`}</span>{' '}
      <button type="button" class="cl-link-button" aria-label={`Show the ${name} value`} onClick={() => setRevealed(true)}>Show</button>
    </span>
  );
}

/**
 * A value from a page or a response, shown as text: wrapped anywhere, cut after `limit` characters
 * with the full value one click away. Never markup.
 */
import { useState } from 'preact/hooks';

export interface LongValueProps {
  readonly value: string;
  readonly limit?: number;
  readonly mono?: boolean;
}

export function LongValue({ value, limit = 300, mono = true }: LongValueProps) {
  const [expanded, setExpanded] = useState(false);
  const cut = !expanded && value.length > limit;
  return (
    <span class={mono ? 'cl-value cl-mono' : 'cl-value'}>
      {cut ? `${value.slice(0, limit)}…` : value}
      {value.length > limit ? (
        <button type="button" class="cl-link-button" onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show less' : `Show all ${value.length} characters`}
        </button>
      ) : null}
    </span>
  );
}

/** A button that copies text produced on click, and says whether it worked. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { copyText } from '../clipboard';

export interface CopyButtonProps {
  readonly label: string;
  /** Computed on click, so costly text (curl with every header) is built only when asked for. */
  readonly text: () => string;
  /** Replaces the clipboard (tests, or a host without one). */
  readonly copy?: (text: string) => Promise<boolean>;
}

export function CopyButton({ label, text, copy = copyText }: CopyButtonProps) {
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current !== null) clearTimeout(timer.current);
  }, []);

  const onClick = async (): Promise<void> => {
    const ok = await copy(text());
    setResult(ok ? 'copied' : 'failed');
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => setResult(null), 2000);
  };

  return (
    <span class="cl-copy">
      <button type="button" class="cl-button" onClick={() => void onClick()}>
        {label}
      </button>
      <span role="status" class="cl-copy-status">
        {result === 'copied' ? 'Copied' : result === 'failed' ? 'Copy failed: select the text instead' : ''}
      </span>
    </span>
  );
}

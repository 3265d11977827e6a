/**
 * The draggable bar between the request list and the detail (a WAI-ARIA window splitter): drag it,
 * or focus it and use the arrow keys (Shift for bigger steps), Home/End, Enter to reset.
 */
import type { RefObject } from 'preact';
import { shareAfterKey, shareAtPointer, MAX_LIST_SHARE, MIN_LIST_SHARE } from './list-share';

export interface SplitterProps {
  readonly share: number;
  readonly onShare: (share: number) => void;
  /** The element the share is a percentage of. */
  readonly containerRef: RefObject<HTMLElement>;
}

export function Splitter({ share, onShare, containerRef }: SplitterProps) {
  const follow = (clientX: number): void => {
    const box = containerRef.current?.getBoundingClientRect();
    if (box) onShare(shareAtPointer(clientX, box.left, box.width));
  };
  const onPointerDown = (e: PointerEvent): void => {
    if (e.button !== 0) return;
    e.preventDefault();
    const bar = e.currentTarget as HTMLElement;
    bar.setPointerCapture(e.pointerId);
    const move = (m: PointerEvent): void => follow(m.clientX);
    const up = (): void => {
      bar.removeEventListener('pointermove', move);
      bar.removeEventListener('pointerup', up);
      bar.removeEventListener('pointercancel', up);
    };
    bar.addEventListener('pointermove', move);
    bar.addEventListener('pointerup', up);
    bar.addEventListener('pointercancel', up);
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    const next = shareAfterKey(share, e.key, e.shiftKey);
    if (next === null) return;
    e.preventDefault();
    e.stopPropagation();
    onShare(next);
  };
  return (
    <div
      class="cl-splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the request list"
      aria-valuenow={Math.round(share)}
      aria-valuemin={MIN_LIST_SHARE}
      aria-valuemax={MAX_LIST_SHARE}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
      onDblClick={() => onShare(shareAfterKey(share, 'Enter', false) ?? share)}
    />
  );
}

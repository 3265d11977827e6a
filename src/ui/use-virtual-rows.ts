/**
 * Fixed-height row virtualization over @tanstack/virtual-core, the way its React adapter wires it:
 * one Virtualizer per component, options refreshed every render, mount/update hooks in layout
 * effects, and a re-render when the visible range changes. Only the rows in view (plus overscan)
 * exist in the DOM, so 10,000 transactions cost the same as 30.
 */
import { useLayoutEffect, useReducer, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import {
  Virtualizer, elementScroll, observeElementOffset, observeElementRect, type Rect, type VirtualItem,
} from '@tanstack/virtual-core';

export interface VirtualRowsOptions {
  readonly count: number;
  readonly rowHeight: number;
  readonly scrollRef: RefObject<HTMLElement>;
  readonly overscan?: number;
  /** Viewport size assumed until layout measures one (also what non-layout DOMs like happy-dom keep). */
  readonly fallbackHeight?: number;
}

export interface VirtualRows {
  readonly items: readonly VirtualItem[];
  readonly totalSize: number;
  scrollToIndex(index: number): void;
}

export function useVirtualRows({ count, rowHeight, scrollRef, overscan = 10, fallbackHeight = 600 }: VirtualRowsOptions): VirtualRows {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const fallback: Rect = { width: 0, height: fallbackHeight };
  const options = {
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
    initialRect: fallback,
    scrollToFn: elementScroll,
    observeElementOffset,
    // A zero-height viewport means "not laid out yet" (hidden DevTools panel, test DOM): keep the
    // fallback instead of rendering no rows at all.
    observeElementRect: (instance: Virtualizer<HTMLElement, Element>, cb: (rect: Rect) => void) =>
      observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : fallback)),
    onChange: () => rerender(0),
  };
  const [virtualizer] = useState(() => new Virtualizer<HTMLElement, Element>(options));
  virtualizer.setOptions(options);

  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => {
    virtualizer._willUpdate();
  });

  return {
    items: virtualizer.getVirtualItems(),
    totalSize: virtualizer.getTotalSize(),
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
  };
}

/**
 * Panel-wide shortcuts: `/` focuses the search box (as in DevTools), Enter in the search box opens
 * the best match (so `/`, a few letters, Enter reaches a request without the mouse), Escape closes
 * the detail (or clears the search when typing in it). Arrow keys and Enter in the list belong to
 * the list itself.
 */
import { useEffect, useRef } from 'preact/hooks';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export interface PanelKeys {
  readonly focusSearch: () => void;
  readonly onEscape: (fromSearch: boolean) => void;
  /** Enter pressed in the search box. */
  readonly onSearchEnter: () => void;
  readonly searchEl: () => HTMLInputElement | null;
}

export function usePanelKeys(doc: Document, keys: PanelKeys): void {
  // The latest callbacks, without re-binding the listener on every render.
  const latest = useRef(keys);
  latest.current = keys;
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent): void => {
      const keys = latest.current;
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === '/' && !isEditable(e.target)) {
        e.preventDefault();
        keys.focusSearch();
      } else if (e.key === 'Enter' && e.target === keys.searchEl()) {
        e.preventDefault();
        keys.onSearchEnter();
      } else if (e.key === 'Escape') {
        const fromSearch = e.target === keys.searchEl();
        if (isEditable(e.target) && !fromSearch) return; // Escape in an editor stays there
        keys.onEscape(fromSearch);
      }
    };
    doc.addEventListener('keydown', onKeyDown);
    return () => doc.removeEventListener('keydown', onKeyDown);
  }, [doc]);
}

/**
 * Light or dark: inside DevTools follow DevTools' own theme (devtools.panels.themeName is 'dark' or
 * 'default'), elsewhere (full-window panel, popup) follow the system's prefers-color-scheme.
 * Pure except `applyTheme`/`watchSystemTheme`, which take the element and window they act on.
 */
export type ThemeName = 'light' | 'dark';

/** `devtoolsThemeName` is undefined/null outside DevTools. */
export function resolveTheme(devtoolsThemeName: string | null | undefined, prefersDark: boolean): ThemeName {
  if (devtoolsThemeName === 'dark') return 'dark';
  if (devtoolsThemeName === 'default' || devtoolsThemeName === 'light') return 'light';
  return prefersDark ? 'dark' : 'light';
}

/** Sets `data-theme` on <html>; theme.css keys its palettes on it. */
export function applyTheme(root: HTMLElement, theme: ThemeName): void {
  root.dataset['theme'] = theme;
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

export function prefersDark(win: Window): boolean {
  return typeof win.matchMedia === 'function' && win.matchMedia(DARK_QUERY).matches;
}

/** Calls `onChange` when the system scheme flips; returns the unsubscribe function. */
export function watchSystemTheme(win: Window, onChange: (dark: boolean) => void): () => void {
  if (typeof win.matchMedia !== 'function') return () => undefined;
  const query = win.matchMedia(DARK_QUERY);
  const listener = (e: MediaQueryListEvent): void => onChange(e.matches);
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

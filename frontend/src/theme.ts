// Dark and light themes: follow the OS unless the user picked one (persisted).
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { load, save } from './lib/storage';

export type Theme = 'light' | 'dark';
export type ThemePreference = Theme | 'system';

const KEY = 'theme';
const listeners = new Set<() => void>();
const media = () =>
  typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia('(prefers-color-scheme: dark)')
    : null;

export function themePreference(): ThemePreference {
  const v = load(KEY);
  return v === 'light' || v === 'dark' ? v : 'system';
}

export function systemTheme(): Theme {
  return media()?.matches ? 'dark' : 'light';
}

export function effectiveTheme(pref: ThemePreference = themePreference()): Theme {
  return pref === 'system' ? systemTheme() : pref;
}

/** Picks a theme; choosing what the OS uses anyway means "follow the OS" again. */
export function setTheme(theme: Theme): void {
  save(KEY, theme === systemTheme() ? null : theme);
  applyTheme();
  for (const l of listeners) l();
}

/** Puts the theme on <html data-theme> (CSS variables key off it). */
export function applyTheme(): void {
  const t = effectiveTheme();
  document.documentElement.dataset.theme = t;
  document.documentElement.style.colorScheme = t;
}

function subscribe(cb: () => void): () => void {
  listeners.add(cb);
  const m = media();
  const onOS = () => {
    applyTheme();
    cb();
  };
  m?.addEventListener('change', onOS);
  return () => {
    listeners.delete(cb);
    m?.removeEventListener('change', onOS);
  };
}

/** The theme in effect, and a toggle. */
export function useTheme(): { theme: Theme; toggle: () => void } {
  const theme = useSyncExternalStore(subscribe, () => effectiveTheme(), () => 'light' as Theme);
  useEffect(applyTheme, [theme]);
  const toggle = useCallback(() => setTheme(effectiveTheme() === 'dark' ? 'light' : 'dark'), []);
  return { theme, toggle };
}

// Dark and light themes: follow the OS unless the user picked one (persisted).
// This store is the one source of truth: in the desktop app the View > Theme
// menu asks it to change (Wails event ThemeEvent) and is told of every change
// (ThemeChangedEvent), so the menu and the in-page toggle always agree.
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

/** Wails events shared with app/desktop/view.go. */
export const ThemeEvent = 'kubedeck:theme';
export const ThemeChangedEvent = 'kubedeck:theme-changed';

interface WailsEvents {
  EventsOn?: (name: string, cb: (...data: unknown[]) => void) => () => void;
  EventsEmit?: (name: string, ...data: unknown[]) => void;
}
const wails = (): WailsEvents | undefined => (window as unknown as { runtime?: WailsEvents }).runtime;

const isPreference = (v: unknown): v is ThemePreference => v === 'light' || v === 'dark' || v === 'system';

/** Sets the preference: persists it, applies it, tells the page and the desktop menu. */
export function setThemePreference(pref: ThemePreference): void {
  save(KEY, pref === 'system' ? null : pref);
  applyTheme();
  for (const l of listeners) l();
  wails()?.EventsEmit?.(ThemeChangedEvent, pref);
}

/** Picks a theme; choosing what the OS uses anyway means "follow the OS" again. */
export function setTheme(theme: Theme): void {
  setThemePreference(theme === systemTheme() ? 'system' : theme);
}

/**
 * In the desktop app: follows the menu's choices and tells the menu the
 * current preference (its radio shows what this store holds). Returns the unsubscribe.
 */
export function connectDesktopTheme(): () => void {
  const rt = wails();
  if (!rt?.EventsOn) return () => {};
  const off = rt.EventsOn(ThemeEvent, (pref) => {
    if (isPreference(pref)) setThemePreference(pref);
  });
  rt.EventsEmit?.(ThemeChangedEvent, themePreference());
  return off;
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

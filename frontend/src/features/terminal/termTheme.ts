// The xterm.js colours, read from the app's theme variables.
import type { ITheme } from '@xterm/xterm';

export function termTheme(): ITheme {
  const cs = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  const dark = document.documentElement.dataset.theme === 'dark';
  return {
    background: v('--bg-subtle', dark ? '#18191b' : '#f8f9fa'),
    foreground: v('--text', dark ? '#edeef0' : '#1c2024'),
    cursor: v('--accent', '#5b5bd6'),
    selectionBackground: dark ? '#3a3b6e' : '#c9cbfa',
    black: dark ? '#6f7178' : '#3b3b3b',
    red: dark ? '#ff6369' : '#c4262e',
    green: dark ? '#3dd68c' : '#19794c',
    yellow: dark ? '#ffca16' : '#946300',
    blue: dark ? '#70b8ff' : '#2454c4',
    magenta: dark ? '#e796f3' : '#a3309f',
    cyan: dark ? '#4ccce6' : '#0f7b8a',
    white: dark ? '#d0d1d4' : '#6b6b6b',
  };
}

/** Calls fn when the app's theme changes. */
export function onThemeChange(fn: () => void): () => void {
  const mo = new MutationObserver(fn);
  mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => mo.disconnect();
}

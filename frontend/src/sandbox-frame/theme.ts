// The host's theme in the frame: its CSS custom properties on :root, and
// data-theme / color-scheme so frame.css and the browser's own controls
// (scrollbars, inputs) follow dark or light.
import type { Theme } from '../features/plugins/sandbox/protocol';

const VAR_NAME = /^--[A-Za-z0-9-]+$/;

/** Applies a theme; returns what was applied (for tests). Names that are not custom properties are ignored. */
export function applyTheme(doc: Document, theme: Theme): Record<string, string> {
  const root = doc.documentElement;
  const name = theme.name === 'dark' ? 'dark' : 'light';
  root.dataset.theme = name;
  root.style.colorScheme = name;
  const applied: Record<string, string> = {};
  const vars: unknown = theme.vars;
  if (typeof vars !== 'object' || vars === null) return applied;
  for (const [k, v] of Object.entries(vars)) {
    if (!VAR_NAME.test(k) || typeof v !== 'string') continue;
    root.style.setProperty(k, v);
    applied[k] = v;
  }
  return applied;
}

export function applyLanguage(doc: Document, language: string): void {
  doc.documentElement.lang = language;
}

// The host's theme as a frame gets it: the theme's name and the values of the
// host's CSS custom properties, renamed --kd-<name> (--bg is --kd-bg), so a
// plugin's page can look like the app with var(--kd-text), var(--kd-border)…
import { effectiveTheme } from '../../../theme';
import type { Theme } from './protocol';

function customPropertyNames(): Set<string> {
  const names = new Set<string>();
  for (const sheet of Array.from(document.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue;
    }
    for (const rule of Array.from(rules)) {
      if (!(rule instanceof CSSStyleRule) || !/:root|html|data-theme/.test(rule.selectorText)) continue;
      for (let i = 0; i < rule.style.length; i++) {
        const name = rule.style.item(i);
        if (name.startsWith('--')) names.add(name);
      }
    }
  }
  return names;
}

export function hostTheme(): Theme {
  const style = getComputedStyle(document.documentElement);
  const vars: Record<string, string> = {};
  for (const name of customPropertyNames()) {
    const value = style.getPropertyValue(name).trim();
    if (value) vars[`--kd-${name.slice(2)}`] = value;
  }
  return { name: effectiveTheme(), vars };
}

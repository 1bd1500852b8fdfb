import type { TFunction } from 'i18next';
import { t } from '../i18n';
// What the filter box holds: plain text (matched in the page), a label
// selector (app=web,tier!=db, env in (a,b), !canary) or a field selector
// written with an explicit prefix (field:status.phase=Running). Selectors go
// to the server with the list stream.

export type FilterMode =
  | { mode: 'text'; text: string }
  | { mode: 'label'; selector: string }
  | { mode: 'field'; selector: string }
  | { mode: 'invalid'; kind: 'label' | 'field'; error: string };

const NAME = '[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?';
const KEY = `(([a-z0-9]([-a-z0-9]*[a-z0-9])?)(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?${NAME}`;
const VALUE = `(${NAME})?`;
const EQ = new RegExp(`^(${KEY})\\s*(==|=|!=)\\s*(${VALUE})$`);
const SET = new RegExp(`^(${KEY})\\s+(in|notin)\\s*\\(([^()]*)\\)$`);
const EXISTS = new RegExp(`^!?\\s*(${KEY})$`);
const VALUE_ONLY = new RegExp(`^${VALUE}$`);

/** Splits on commas outside parentheses. */
function requirements(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

/** null when valid, else what is wrong. */
export function checkLabelSelector(s: string): string | null {
  for (const r of requirements(s)) {
    if (r === '') return t('errors.selector.empty');
    if (EQ.test(r)) continue;
    const set = SET.exec(r);
    if (set) {
      const values = (set.at(-1) ?? '').split(',').map((v) => v.trim());
      if (values.length === 0 || values.some((v) => !VALUE_ONLY.test(v))) return t('errors.selector.badValues', { requirement: r });
      continue;
    }
    if (EXISTS.test(r)) continue;
    return t('errors.selector.unreadable', { requirement: r });
  }
  return null;
}

const FIELD = /^[A-Za-z0-9_.]+\s*(==|=|!=)\s*[^,=!]*$/;

export function checkFieldSelector(s: string): string | null {
  for (const r of s.split(',').map((x) => x.trim())) {
    if (!FIELD.test(r)) return t('errors.selector.unreadable', { requirement: r });
  }
  return null;
}

/** Looks like a label selector: an operator, a set, or a negated key. */
function looksLikeLabels(s: string): boolean {
  return /[=!]/.test(s) || /\s(in|notin)\s*\(/.test(s);
}

export function parseFilter(input: string): FilterMode {
  const s = input.trim();
  const field = /^(field|fields|f):\s*/i.exec(s);
  if (field) {
    const sel = s.slice(field[0].length).trim();
    const err = sel ? checkFieldSelector(sel) : t('errors.selector.typeField');
    return err ? { mode: 'invalid', kind: 'field', error: err } : { mode: 'field', selector: sel.replace(/\s+/g, '') };
  }
  if (looksLikeLabels(s)) {
    const err = checkLabelSelector(s);
    return err ? { mode: 'invalid', kind: 'label', error: err } : { mode: 'label', selector: s };
  }
  return { mode: 'text', text: input };
}

/** What the filter box does with its text, in the UI language. */
export function filterModeText(tr: TFunction, mode: FilterMode['mode']): string {
  switch (mode) {
    case 'text': return tr('resources.filter.modes.text');
    case 'label': return tr('resources.filter.modes.label');
    case 'field': return tr('resources.filter.modes.field');
    case 'invalid': return tr('resources.filter.modes.invalid');
  }
}

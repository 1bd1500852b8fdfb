// The plugin's translations inside its frame: kd.registerTranslations,
// kd.t, kd.language() and kd.useTranslation(). A small implementation of
// what plugins/README.md promises (the app's i18next instance lives in the
// host page, out of reach): nested keys, {{name}} interpolation, count
// plurals by Intl.PluralRules (key_zero for 0, then key_<category>, then
// key), the UI language, then English, then the key itself.
import { useSyncExternalStore } from 'react';
import type { PluginTranslations, TranslateFn } from '../features/plugins/types';

type Tree = Record<string, unknown>;

const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/;

/** A copy of a translation tree with only strings and nested trees (what can cross to the host). */
function cleanTree(tree: Tree): Tree {
  const out: Tree = {};
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out[k] = v;
    else if (isTree(v)) out[k] = cleanTree(v);
  }
  return out;
}

function merge(into: Tree, from: Tree): Tree {
  const out: Tree = { ...into };
  for (const [k, v] of Object.entries(from)) {
    const prev = out[k];
    out[k] = isTree(v) && isTree(prev) ? merge(prev, v) : v;
  }
  return out;
}

function lookup(tree: Tree | undefined, key: string): string | undefined {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (!isTree(node)) return undefined;
    node = node[part];
  }
  if (typeof node === 'string') return node;
  // A key with dots in it, stored flat ({ "a.b": "…" }).
  const flat = tree?.[key];
  return typeof flat === 'string' ? flat : undefined;
}

function pluralCategory(language: string, count: number): string {
  try {
    return new Intl.PluralRules(language).select(count);
  } catch {
    return count === 1 ? 'one' : 'other';
  }
}

function interpolate(text: string, options: Record<string, unknown> | undefined): string {
  if (!options) return text;
  return text.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (whole, name: string) => {
    const v = options[name];
    return v === undefined || v === null ? whole : String(v);
  });
}

export class Translations {
  private resources: Record<string, Tree> = {};
  private lang: string;
  private readonly listeners = new Set<() => void>();

  constructor(language: string) {
    this.lang = language;
  }

  /** Merges resources; throws TypeError on a malformed argument (it fails the plugin like a bad registration). */
  add(resources: PluginTranslations): void {
    if (!isTree(resources)) throw new TypeError('registerTranslations needs { <language>: { <key>: <text> } }');
    for (const [lang, tree] of Object.entries(resources)) {
      if (!LANGUAGE_TAG.test(lang)) throw new TypeError(`registerTranslations: "${lang}" is not a language tag`);
      if (!isTree(tree)) throw new TypeError(`registerTranslations: the ${lang} translations must be an object of keys`);
    }
    for (const [lang, tree] of Object.entries(resources)) {
      this.resources[lang] = merge(this.resources[lang] ?? {}, cleanTree(tree as Tree));
    }
    this.emit();
  }

  /** Every language's merged keys (for the host's labels). */
  all(): Record<string, Tree> {
    return structuredClone(this.resources);
  }

  language(): string {
    return this.lang;
  }

  setLanguage(language: string): void {
    if (language === this.lang) return;
    this.lang = language;
    this.emit();
  }

  /** The languages to try, in order: the UI language, its base ("de" for "de-AT"), English. */
  private chain(): string[] {
    const base = this.lang.split('-')[0] ?? this.lang;
    return [...new Set([this.lang, base, 'en'])];
  }

  readonly t: TranslateFn = (key, options) => {
    const count = options?.count;
    for (const lang of this.chain()) {
      const tree = this.resources[lang];
      if (!tree) continue;
      const candidates = typeof count === 'number' ? [...(count === 0 ? [`${key}_zero`] : []), `${key}_${pluralCategory(lang, count)}`, key] : [key];
      for (const k of candidates) {
        const text = lookup(tree, k);
        if (text !== undefined) return interpolate(text, options);
      }
    }
    const fallback = typeof options?.defaultValue === 'string' ? options.defaultValue : key;
    return interpolate(fallback, options);
  };

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

/** kd.useTranslation for one Translations: re-renders when the language (or the resources) change. */
export function translationHook(tr: Translations): () => { t: TranslateFn; language: string } {
  const version = { n: 0 };
  tr.subscribe(() => {
    version.n += 1;
  });
  return function useTranslation() {
    useSyncExternalStore(tr.subscribe, () => version.n);
    return { t: tr.t, language: tr.language() };
  };
}

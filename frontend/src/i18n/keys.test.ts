// Fails on translation drift: a key the code uses that a language lacks, languages
// with different key sets, or a translation whose {{variables}} differ from English's.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledResources } from './index';
import { LANGUAGES, type Language } from './languages';

type Tree = { [key: string]: string | Tree };
const SRC = join(import.meta.dirname, '..');
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'test' ? [] : sourceFiles(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

/** Every t('literal'), tr('literal'), translate('literal') and i18nKey="literal" in the app's code (plugins' own t is namespaced). */
function usedKeys(): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:\b(?:t|tr|translate)\(\s*|i18nKey=)(['"])([A-Za-z0-9_.]+)\1/g)) used.set(m[2] ?? '', relative(SRC, file));
  }
  return used;
}

function variables(s: string): string[] {
  return [...new Set([...s.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1] ?? ''))].sort();
}

const flat = Object.fromEntries(LANGUAGES.map((l) => [l, flatten(bundledResources()[l])])) as Record<Language, Map<string, string>>;
/** Keys without their plural suffix (Japanese has one form, English and German two). */
const bases = (l: Language) => new Set([...flat[l].keys()].map((k) => k.replace(PLURAL, '')));

describe('translations', () => {
  it('has every key the code uses, in every language', () => {
    const used = usedKeys();
    expect(used.size).toBeGreaterThan(50);
    for (const l of LANGUAGES) {
      const have = bases(l);
      const missing = [...used].filter(([k]) => !have.has(k)).map(([k, file]) => `${k} (${file})`);
      expect(missing, `missing in ${l}`).toEqual([]);
    }
  });

  it('has the same keys in every language', () => {
    const en = [...bases('en')].sort();
    for (const l of LANGUAGES) expect([...bases(l)].sort(), l).toEqual(en);
  });

  it('has every plural form each language needs (Intl.PluralRules), and no others', () => {
    for (const l of LANGUAGES) {
      const needed = new Intl.PluralRules(l).resolvedOptions().pluralCategories.filter((c) => c === 'one' || c === 'other');
      const plurals = new Map<string, Set<string>>();
      for (const k of flat[l].keys()) {
        const m = PLURAL.exec(k);
        if (!m) continue;
        const base = k.replace(PLURAL, '');
        plurals.set(base, (plurals.get(base) ?? new Set()).add(m[1] ?? ''));
      }
      for (const [base, forms] of plurals) expect([...forms].sort(), `${l} ${base}`).toEqual([...needed].sort());
    }
  });

  it('uses the same {{variables}} as English', () => {
    const en = flat.en;
    for (const l of LANGUAGES) {
      for (const base of bases('en')) {
        const forms = (lang: Language) => [...flat[lang]].filter(([k]) => k === base || k.replace(PLURAL, '') === base);
        const vars = (lang: Language) => [...new Set(forms(lang).flatMap(([, v]) => variables(v)))].sort();
        if (forms('en').length === 1 && en.has(base)) {
          expect(vars(l), `${l} ${base}`).toEqual(vars('en'));
        } else {
          // Plural forms: "1 pod" may name {{singular}} where Japanese's single form does not, and
          // "the context" need not show the count; what every English form names, every form names.
          for (const v of vars(l)) expect(vars('en'), `${l} ${base} uses {{${v}}}`).toContain(v);
          const everyEn = vars('en').filter((v) => v !== 'count' && forms('en').every(([, text]) => variables(text).includes(v)));
          for (const [k, text] of forms(l)) for (const v of everyEn) expect(variables(text), `${l} ${k}`).toContain(v);
        }
      }
    }
  });
});

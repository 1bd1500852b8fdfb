// Which language the UI shows: the OS/browser's (navigator.languages) unless the
// person picked one; the pick is remembered (lib/storage.ts). Applying a language
// switches i18next (every useTranslation re-renders) and sets <html lang>.
import { useSyncExternalStore } from 'react';
import { load, save } from '../lib/storage';
import { i18n } from './index';
import { isLanguage, matchLanguage, type Language } from './languages';

/** "system" follows the OS; a language is an explicit choice. */
export type LanguageChoice = 'system' | Language;

const KEY = 'language';
const listeners = new Set<() => void>();

export function languageChoice(): LanguageChoice {
  const v = load(KEY);
  return isLanguage(v) ? v : 'system';
}

export function systemLanguage(): Language {
  const langs = typeof navigator === 'undefined' ? [] : navigator.languages.length ? navigator.languages : [navigator.language];
  return matchLanguage(langs);
}

/** The language a choice resolves to now. */
export function resolveChoice(choice: LanguageChoice): Language {
  return choice === 'system' ? systemLanguage() : choice;
}

/** Shows the chosen (or the OS) language and sets <html lang>. */
export async function applyLanguage(): Promise<void> {
  const lang = resolveChoice(languageChoice());
  if (i18n.language !== lang) await i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
}

export async function setLanguageChoice(choice: LanguageChoice): Promise<void> {
  save(KEY, choice === 'system' ? null : choice);
  for (const l of listeners) l();
  await applyLanguage();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useLanguageChoice(): LanguageChoice {
  return useSyncExternalStore(subscribe, languageChoice, () => 'system' as const);
}

/** Applies the language now and follows the OS when it changes while "System" is chosen. */
export function connectLanguage(): () => void {
  void applyLanguage();
  const onChange = () => {
    if (languageChoice() === 'system') void applyLanguage();
  };
  window.addEventListener('languagechange', onChange);
  return () => window.removeEventListener('languagechange', onChange);
}

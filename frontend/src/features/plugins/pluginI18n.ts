// Plugins translate their strings the way the app does: each plugin gets its own
// i18next namespace ("plugin/<id>") in the app's instance, so it follows the
// language picker, plural rules and fallback to English, and its keys never mix
// with the host's or another plugin's.
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n';
import type { PluginTranslations, TranslateFn } from './types';

export const pluginNamespace = (id: string): string => `plugin/${id}`;

function isTree(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Adds (merges) a plugin's translations; throws TypeError on a malformed argument. */
export function addPluginTranslations(id: string, resources: PluginTranslations): void {
  if (!isTree(resources)) throw new TypeError('registerTranslations needs { <language>: { <key>: <text> } }');
  for (const [lang, tree] of Object.entries(resources)) {
    if (!/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(lang)) throw new TypeError(`registerTranslations: "${lang}" is not a language tag`);
    if (!isTree(tree)) throw new TypeError(`registerTranslations: the ${lang} translations must be an object of keys`);
    i18n.addResourceBundle(lang, pluginNamespace(id), tree, true, true);
  }
}

/** Forgets a plugin's translations (it was unloaded or is reloading). */
export function removePluginTranslations(id: string): void {
  for (const lang of Object.keys(i18n.store.data)) i18n.removeResourceBundle(lang, pluginNamespace(id));
}

/** t of one plugin: its namespace, the UI language, English then the key itself as fallback. */
export function pluginT(id: string): TranslateFn {
  return (key, options) =>
    String(i18n.t(key, { defaultValue: key, ...options, ns: pluginNamespace(id), nsSeparator: false }));
}

/** A label, title or header a plugin registered: its translation when it is one of its keys. */
export function pluginText(id: string, text: string): string {
  return i18n.exists(text, { ns: pluginNamespace(id), nsSeparator: false }) ? pluginT(id)(text) : text;
}

/** Re-renders the calling component when the UI language changes. */
export function usePluginTranslation(id: string): { t: TranslateFn; language: string } {
  const { i18n: instance } = useTranslation(pluginNamespace(id), { i18n });
  return { t: pluginT(id), language: instance.resolvedLanguage ?? instance.language };
}

// The app's i18next instance: every UI string goes through it (see README.md here).
// Translations live in locales/<lang>/<feature>.json; each file is one key prefix
// ("actions.json" → t('actions.…')). Plugins add their own namespace (plugins/host.ts).
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { FALLBACK_LANGUAGE, LANGUAGES, type Language } from './languages';

type Tree = { [key: string]: string | Tree };

const files = import.meta.glob<Tree>('./locales/*/*.json', { eager: true, import: 'default' });

/** The bundled translations: language → feature → keys. */
export function bundledResources(): Record<Language, Tree> {
  const out = Object.fromEntries(LANGUAGES.map((l) => [l, {}])) as Record<Language, Tree>;
  for (const [path, tree] of Object.entries(files)) {
    const m = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    const lang = m?.[1] as Language | undefined;
    if (!m || !lang || !(lang in out)) continue;
    out[lang][m[2] ?? ''] = tree;
  }
  return out;
}

function create(): I18n {
  const instance = i18next.createInstance();
  const resources = bundledResources();
  void instance.use(initReactI18next).init({
    resources: Object.fromEntries(LANGUAGES.map((l) => [l, { translation: resources[l] }])),
    lng: FALLBACK_LANGUAGE,
    fallbackLng: FALLBACK_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    // React escapes what it renders; escaping here would show &amp; in names.
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  // "{{state, lowercase}}": English puts a status word mid-sentence in lower case.
  instance.services.formatter?.add('lowercase', (value: unknown, lng: string | undefined) => String(value).toLocaleLowerCase(lng));
  return instance;
}

export const i18n: I18n = create();

/** The language the UI shows now ("en", "de", "ja"). */
export function currentLanguage(): Language {
  const l = i18n.resolvedLanguage ?? i18n.language;
  return (LANGUAGES as readonly string[]).includes(l) ? (l as Language) : FALLBACK_LANGUAGE;
}

/** t outside React (formatters, stores); components use useTranslation(). */
export const t = i18n.t.bind(i18n);

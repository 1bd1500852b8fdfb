import { useTranslation } from 'react-i18next';
import { setLanguageChoice, useLanguageChoice, type LanguageChoice } from './choice';
import { LANGUAGE_NAMES, LANGUAGES, isLanguage } from './languages';

/** The UI language: "System" (the OS's) or one the app ships, each named in itself. */
export function LanguagePicker() {
  const { t } = useTranslation();
  const choice = useLanguageChoice();
  return (
    <select
      className="language-picker"
      aria-label={t('common.language.label')}
      title={t('common.language.label')}
      value={choice}
      onChange={(e) => {
        const v = e.target.value;
        void setLanguageChoice(isLanguage(v) ? v : ('system' satisfies LanguageChoice));
      }}
    >
      <option value="system">{t('common.language.system')}</option>
      {LANGUAGES.map((l) => (
        <option key={l} value={l} lang={l}>
          {LANGUAGE_NAMES[l]}
        </option>
      ))}
    </select>
  );
}

import { useTranslation } from 'react-i18next';
import { chooseLanguage, LANGUAGES, type Language } from '../i18n/index.js';

/** Nederlands / English: each language's name in that language, the chosen one pressed. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active: Language = i18n.language === 'en' ? 'en' : 'nl';
  return (
    <div role="group" aria-label={t('lang.label')} className="lang-switch">
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="lang-button"
          aria-pressed={language === active}
          data-testid={`lang-${language}`}
          onClick={() => chooseLanguage(language)}
        >
          {t(`lang.${language}`)}
        </button>
      ))}
    </div>
  );
}

import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { nl } from './nl.js';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'meldpad.lang';

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage may be blocked; the choice then lasts for this page only.
  }
}

const initial = storedLanguage();

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'nl',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  initAsync: false,
});
document.documentElement.lang = initial;

i18n.on('languageChanged', (language) => applyLanguage(language === 'en' ? 'en' : 'nl'));

/** The language the person chose; sent as Accept-Language so the server answers in it. */
export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'nl';
}

export function chooseLanguage(language: Language): void {
  void i18n.changeLanguage(language);
}

export { i18n };

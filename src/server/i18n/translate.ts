import i18next, { type TFunction } from 'i18next';
import { en, nl, type MessageKey } from './messages.js';

export type Language = 'nl' | 'en';

const instance = i18next.createInstance();
void instance.init({
  initAsync: false,
  lng: 'nl',
  fallbackLng: 'nl',
  resources: {
    nl: { translation: nl },
    en: { translation: en },
  },
  interpolation: { escapeValue: false },
});

const byLanguage: Record<Language, TFunction> = { nl: instance.getFixedT('nl'), en: instance.getFixedT('en') };

/** A server message in the reader's language. */
export function translate(language: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  return byLanguage[language](key, params);
}

let passwordFeedback: Promise<void> | null = null;

/** Adds zxcvbn's sentences (from its language packages, large) on first need: before a password is judged. */
export function loadPasswordFeedback(): Promise<void> {
  passwordFeedback ??= import('./password-feedback.js').then((sentences) => {
    instance.addResourceBundle('nl', 'zxcvbn', sentences.nl);
    instance.addResourceBundle('en', 'zxcvbn', sentences.en);
  });
  return passwordFeedback;
}

/** zxcvbn's feedback key in the reader's language, or null when we have no sentence for it. */
export function translatePasswordFeedback(language: Language, key: string): string | null {
  const text = byLanguage[language](key, { ns: 'zxcvbn', defaultValue: '' });
  return text === '' ? null : text;
}

/** The language to answer in: English only when the client prefers it to Dutch; Dutch first. */
export function negotiateLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'nl';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number.parseFloat(q.slice(2)) || 0 : 1, index };
    })
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag.startsWith('nl')) return 'nl';
    if (tag.startsWith('en')) return 'en';
  }
  return 'nl';
}

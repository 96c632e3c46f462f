import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../domain/people/roles.js';

function locale(language: string): string {
  return language === 'en' ? 'en-GB' : 'nl-NL';
}

/** "12 maart 2025 om 14:05" in the chosen language. */
export function useFormatDateTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback(
    (iso: string) => new Intl.DateTimeFormat(locale(language), { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso)),
    [language],
  );
}

/** "Sanne, Bilal en Noor": names or words as one phrase. */
export function useFormatList(): (items: readonly string[]) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback((items: readonly string[]) => new Intl.ListFormat(locale(language), { style: 'long', type: 'conjunction' }).format(items), [language]);
}

/** A role's name to start a label with: "Leerkracht", "Intern begeleider (IB'er)". */
export function useRoleLabel(): (role: Role) => string {
  const { t } = useTranslation();
  return useCallback((role: Role) => capitalise(t(`roles.${role}`)), [t]);
}

export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

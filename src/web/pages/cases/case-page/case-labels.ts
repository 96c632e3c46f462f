import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTRY_KINDS, type EntryKind } from '../../../../domain/cases/case-entry.js';
import { findSignalItem } from '../../../../domain/cases/signals/signal-catalogue.js';

export function isEntryKind(kind: string): kind is EntryKind {
  return (ENTRY_KINDS as readonly string[]).includes(kind);
}

/** The name of an entry kind as the timeline and its filter show it. */
export function useKindLabel(): (kind: string) => string {
  const { t } = useTranslation();
  return useCallback((kind: string) => (isEntryKind(kind) ? t(`casePage.kinds.${kind}`) : kind), [t]);
}

/** The label of an item of the signalenlijst in the chosen language (its id when the list no longer has it). */
export function useSignalItemLabel(): (id: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'nl';
  return useCallback((id: string) => findSignalItem(id)?.label[language] ?? id, [language]);
}

/** "29 november 2026": a moment as a date only, for summaries (the timeline keeps the time). */
export function useFormatDate(): (iso: string) => string {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'nl-NL';
  return useCallback((iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(new Date(iso)), [locale]);
}

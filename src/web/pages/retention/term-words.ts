import type { TFunction } from 'i18next';

/** "twee jaar" for the default, "5 jaar" otherwise: how the page names the term in a sentence. */
export function termWords(t: TFunction, years: number): string {
  return years === 2 ? t('retention.keptUntilTwo') : t('retention.keptUntilYears', { years });
}

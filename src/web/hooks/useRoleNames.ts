import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../domain/people/roles.js';

/** Turns role identifiers into one readable phrase: "leerkracht en intern begeleider (IB'er)". */
export function useRoleNames(): (roles: readonly Role[]) => string {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useCallback(
    (roles: readonly Role[]) => {
      const names = [...new Set(roles)].map((role) => t(`roles.${role}`));
      return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(names);
    },
    [t, language],
  );
}

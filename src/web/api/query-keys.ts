/** The keys of the cached server state, in one place so that invalidation cannot miss one. */
export const queryKeys = {
  me: ['me'],
  setupStatus: ['setup-status'],
  totpEnrol: ['totp-enrol'],
  staff: ['staff'],
  staffSessions: (userId: string) => ['staff', userId, 'sessions'] as const,
  groups: ['groups'],
  schoolSettings: ['school-settings'],
  accountLink: (token: string) => ['account-link', token] as const,
  ssoProviders: ['sso-providers'],
  identityProviders: ['identity-providers'],
  // Pupils: the search term and results stay in memory only (cleared on sign-out, reset on a school switch).
  pupilSearchTerm: ['pupil-search-term'],
  pupilSearch: (query: string) => ['pupil-search', query] as const,
  pupil: (pupilId: string) => ['pupil', pupilId] as const,
  preventiveOverview: ['preventive-overview'],
} as const;

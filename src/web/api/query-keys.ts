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
} as const;

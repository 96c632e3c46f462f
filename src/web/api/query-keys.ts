/** The keys of the cached server state, in one place so that invalidation cannot miss one. */
export const queryKeys = {
  me: ['me'],
  setupStatus: ['setup-status'],
  totpEnrol: ['totp-enrol'],
} as const;

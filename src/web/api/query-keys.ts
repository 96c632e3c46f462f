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
  pupilSearch: (query: string, includeLeft: boolean) => ['pupil-search', query, includeLeft] as const,
  pupilSearchIncludeLeft: ['pupil-search-include-left'],
  pupil: (pupilId: string) => ['pupil', pupilId] as const,
  // The administrative details only, for whoever manages pupils without reading the page.
  pupilRecord: (pupilId: string) => ['pupil-record', pupilId] as const,
  preventiveOverview: ['preventive-overview'],
  // My notifications (berichten) at the acting school: the list and the unread count in one answer.
  notifications: ['notifications'],
  // How often I get mail about them.
  mailSettings: ['mail-settings'],
  // My home page: what is mine to do (it reads case data: asked again when I come back to it).
  home: ['home'],
  // Cases: a case page and the lists that show it; invalidate `cases` after any change to one.
  cases: ['cases'],
  caseItem: (caseId: string) => ['cases', 'item', caseId] as const,
  myCases: ['cases', 'mine'],
  schoolCases: ['cases', 'school'],
  boardCases: ['cases', 'board'],
  pupilCases: (pupilId: string) => ['cases', 'pupil', pupilId] as const,
  teamCandidates: (caseId: string) => ['cases', 'team-candidates', caseId] as const,
  protocol: ['protocol'],
  // Access requests (inzage): a pupil's list, one request, and the export last made of it (memory only).
  accessRequests: (pupilId: string) => ['access-requests', 'pupil', pupilId] as const,
  accessRequest: (requestId: string) => ['access-requests', 'item', requestId] as const,
  accessRequestExport: (requestId: string) => ['access-requests', 'export', requestId] as const,
} as const;

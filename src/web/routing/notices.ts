/** Messages one page leaves for the next, through the router's location state (never the URL). */
export type Notice = 'setup-done' | 'signed-out' | 'restart' | 'account-created' | 'password-set' | 'case-started';
export type NoticeState = { notice?: Notice; email?: string };

const NOTICES: readonly Notice[] = ['setup-done', 'signed-out', 'restart', 'account-created', 'password-set', 'case-started'];

export function noticeOf(state: unknown): Notice | undefined {
  if (typeof state !== 'object' || state === null || !('notice' in state)) return undefined;
  const notice = state.notice;
  return typeof notice === 'string' && (NOTICES as readonly string[]).includes(notice) ? (notice as Notice) : undefined;
}

/** The e-mail address a page passed on to prefill the sign-in form. */
export function emailOf(state: unknown): string {
  if (typeof state !== 'object' || state === null || !('email' in state)) return '';
  return typeof state.email === 'string' ? state.email : '';
}

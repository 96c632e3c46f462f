/** Messages one page leaves for the next, through the router's location state (never the URL). */
export type NoticeState = { notice?: 'setup-done' | 'signed-out' | 'restart' };

export function noticeOf(state: unknown): NoticeState['notice'] {
  if (typeof state !== 'object' || state === null || !('notice' in state)) return undefined;
  const notice = state.notice;
  return notice === 'setup-done' || notice === 'signed-out' || notice === 'restart' ? notice : undefined;
}

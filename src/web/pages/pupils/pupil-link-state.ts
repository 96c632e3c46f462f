/**
 * What a link to a pupil page carries in the router's state (never in the URL): the name and group
 * the person already saw, so that a page they may not open fully can still say whom it is about.
 */
export type PupilLinkState = { pupil: { displayName: string; groupName: string | null; pupilNumber?: string } };

export function pupilFromState(state: unknown): PupilLinkState['pupil'] | null {
  if (typeof state !== 'object' || state === null || !('pupil' in state)) return null;
  const pupil: unknown = state.pupil;
  if (typeof pupil !== 'object' || pupil === null || !('displayName' in pupil) || typeof pupil.displayName !== 'string') return null;
  const groupName = 'groupName' in pupil && typeof pupil.groupName === 'string' ? pupil.groupName : null;
  const pupilNumber = 'pupilNumber' in pupil && typeof pupil.pupilNumber === 'string' ? pupil.pupilNumber : undefined;
  return { displayName: pupil.displayName, groupName, ...(pupilNumber !== undefined ? { pupilNumber } : {}) };
}

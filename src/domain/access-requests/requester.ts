/**
 * Who made the access request, and in what capacity: a parent (with or without gezag), a guardian
 * (voogd or other carer), the pupil themself, or someone else acting for them (e.g. a lawyer).
 */
export const REQUESTER_CAPACITIES = ['parent', 'guardian', 'pupil', 'other'] as const;
export type RequesterCapacity = (typeof REQUESTER_CAPACITIES)[number];

export interface Requester {
  capacity: RequesterCapacity;
  /** One of the pupil's guardians as stored, when a parent or guardian asked. */
  guardianId: string | null;
  /** Who asked, as they named themselves, when not a stored guardian or the pupil. */
  name: string | null;
}

export type RequesterProblem = 'guardian-not-of-pupil' | 'name-required';

/**
 * Whether a request's requester is recorded well enough to hold up later: a parent or guardian is
 * one of the pupil's stored guardians or is named; someone else is always named.
 */
export function checkRequester(requester: Requester, pupilGuardianIds: readonly string[]): RequesterProblem | null {
  if (requester.guardianId !== null && !pupilGuardianIds.includes(requester.guardianId)) return 'guardian-not-of-pupil';
  if (requester.capacity === 'pupil') return null;
  if (requester.guardianId === null && (requester.name ?? '').trim() === '') return 'name-required';
  return null;
}

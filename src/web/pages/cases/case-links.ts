import type { Role } from '../../../domain/people/roles.js';

/** Who works with pupils and so may raise a concern (the server decides; this only hides a link that would be refused). */
const CASE_STARTERS: readonly Role[] = ['teacher', 'ib', 'smw', 'director'];

export function mayStartCases(roles: readonly Role[]): boolean {
  return roles.some((role) => CASE_STARTERS.includes(role));
}

/** The page that starts a case about a pupil. */
export function newCasePath(pupilId: string): string {
  return `/leerlingen/${encodeURIComponent(pupilId)}/casus-starten`;
}

import type { ClosedCaseRecord } from '../../db/repositories/retention-repository.js';
import type { RetentionFacts } from '../../domain/retention/due-date.js';
import { schoolDate } from '../pupils/school-date.js';

/** The day a case was closed, as the school counts it. */
export function closedOn(closedAt: string): string {
  return schoolDate(new Date(closedAt));
}

/** A closed case of the school's list as the retention rules take it. */
export function factsOf(c: ClosedCaseRecord): RetentionFacts {
  return { phase: 'closed', closedOn: closedOn(c.closedAt), pupilLeftOn: c.pupilLeftOn, legalHold: c.legalHold };
}

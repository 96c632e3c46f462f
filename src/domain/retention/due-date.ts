import { addDays } from '../cases/working-days.js';
import { hasLeft } from '../pupils/leaving.js';

/**
 * When a closed case is due for destruction, and what is due on a day. All dates are the school's
 * calendar dates (yyyy-mm-dd); `today` is passed in.
 *
 * A case is kept `termYears` after the pupil left the school (the leaving date is the last school
 * day). A closed case whose pupil has not left is not due at all: it is kept until two (or the
 * school's number of) years after the pupil leaves. A case under a legal hold is never due.
 */
export interface RetentionFacts {
  phase: 'open' | 'monitoring' | 'closed';
  /** The day the case was closed; null while it is open. */
  closedOn: string | null;
  /** The pupil's leaving date; null while the pupil is at the school. */
  pupilLeftOn: string | null;
  legalHold: boolean;
}

/** Unconfirmed destructions are raised to directie this many days after they became due. */
export const ESCALATION_DAYS = 30;
/** "A month ahead": what falls due within this many days after today. */
export const UPCOMING_DAYS = 31;

export type RetentionStatus =
  /** Open or in monitoring: retention does not run. */
  | { kind: 'not-closed' }
  /** Closed, but the pupil has not left: kept until `termYears` after leaving. */
  | { kind: 'pupil-not-left' }
  /** A legal hold stops destruction; `dueOn` is when it would otherwise be due. */
  | { kind: 'held'; dueOn: string | null }
  /** Kept until `dueOn`, more than a month away. */
  | { kind: 'kept'; dueOn: string }
  /** Falls due within a month. */
  | { kind: 'upcoming'; dueOn: string }
  /** Due: waits for a person to confirm the destruction; raised to directie from `escalateOn`. */
  | { kind: 'due'; dueOn: string; escalateOn: string; escalated: boolean };

/** The same day `years` later; 29 February becomes 28 February in a year without it. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/**
 * The day a closed case becomes due: `termYears` after the pupil's leaving date (never before the
 * case was closed). Null when the case is not closed or the pupil has not left by `today`.
 */
export function dueDateOf(facts: RetentionFacts, termYears: number, today: string): string | null {
  if (facts.phase !== 'closed' || facts.closedOn === null) return null;
  if (!hasLeft(facts.pupilLeftOn, today) || facts.pupilLeftOn === null) return null;
  const byTerm = addYears(facts.pupilLeftOn, termYears);
  return byTerm < facts.closedOn ? facts.closedOn : byTerm;
}

/** The day an unconfirmed destruction is raised to directie. */
export function escalationDate(dueOn: string): string {
  return addDays(dueOn, ESCALATION_DAYS);
}

/** Where a case stands in its retention on `today`. */
export function retentionStatus(facts: RetentionFacts, termYears: number, today: string): RetentionStatus {
  if (facts.phase !== 'closed') return { kind: 'not-closed' };
  const dueOn = dueDateOf(facts, termYears, today);
  if (facts.legalHold) return { kind: 'held', dueOn };
  if (dueOn === null) return { kind: 'pupil-not-left' };
  if (dueOn <= today) {
    const escalateOn = escalationDate(dueOn);
    return { kind: 'due', dueOn, escalateOn, escalated: escalateOn <= today };
  }
  return dueOn <= addDays(today, UPCOMING_DAYS) ? { kind: 'upcoming', dueOn } : { kind: 'kept', dueOn };
}

/** Whether a case may be destroyed on `today`: due, and not held. */
export function mayDestroy(facts: RetentionFacts, termYears: number, today: string): boolean {
  return retentionStatus(facts, termYears, today).kind === 'due';
}

export interface RetentionAgenda<T> {
  /** Due now, oldest first. */
  due: { item: T; dueOn: string; escalateOn: string; escalated: boolean }[];
  /** Falling due within a month, soonest first. */
  upcoming: { item: T; dueOn: string }[];
}

/** What is due on `today` and what falls due within a month, of a school's closed cases. */
export function retentionAgenda<T>(cases: readonly T[], factsOf: (item: T) => RetentionFacts, termYears: number, today: string): RetentionAgenda<T> {
  const agenda: RetentionAgenda<T> = { due: [], upcoming: [] };
  for (const item of cases) {
    const status = retentionStatus(factsOf(item), termYears, today);
    if (status.kind === 'due') agenda.due.push({ item, dueOn: status.dueOn, escalateOn: status.escalateOn, escalated: status.escalated });
    if (status.kind === 'upcoming') agenda.upcoming.push({ item, dueOn: status.dueOn });
  }
  agenda.due.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  agenda.upcoming.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return agenda;
}

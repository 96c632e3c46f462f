import type { LocalisedText } from './signals/signal-catalogue.js';
import { addDays, isCalendarDate } from './working-days.js';

/**
 * A registration in the verwijsindex (glossary `RiskIndexRegistration`; SISA in the Rotterdam
 * region, reference §8). The index records only *that* an organisation is involved with a child,
 * never what is going on: so this record has no text at all — no content, no reason, no note —
 * only when, by whom, and how long the signal stays active. The index itself is named by the
 * school's settings, because another school has another index.
 */
export interface RiskIndexRegistration {
  /** yyyy-mm-dd: the day the signal was entered in the index. */
  registeredOn: string;
  /** The casushouder who registered it (a user id): in the school protocol the casushouder does it. */
  registeredBy: string;
  /** yyyy-mm-dd: the last day the signal can be counted on, two years after registration. */
  activeUntil: string;
  /** yyyy-mm-dd: from this day the casushouder is reminded to decide on a new registration. */
  reminderOn: string;
}

/** A signal stays active for at most two years (reference §8). */
export const ACTIVE_YEARS = 2;

/**
 * Eight weeks' notice. Deciding whether the school is still involved takes a team meeting, and the
 * casushouder (the IB'er or SMW) works school weeks. The summer holiday keeps school shut for six
 * weeks and the two weekends around them, 44 days: a reminder that starts on its first Saturday is
 * first read 44 days later. With four weeks' notice the signal would have lapsed by then; with
 * eight, two school weeks are left to meet and decide. The reminder stays shown until the signal
 * lapses, so starting early costs nothing.
 */
export const REMINDER_WEEKS_BEFORE_LAPSE = 8;

/** The index's name as shown: the school's setting ("SISA"), or a plain description when unset. */
export function riskIndexName(schoolSetting: string | null): LocalisedText {
  const name = schoolSetting?.trim();
  return name ? { nl: name, en: name } : { nl: 'de verwijsindex', en: 'the risk-signalling index (verwijsindex)' };
}

/**
 * The same day two years on. 29 February has no anniversary in a common year: the signal then
 * runs to 28 February, because "at most two years" must not become two years and a day.
 */
export function activeUntilFor(registeredOn: string): string {
  if (!isCalendarDate(registeredOn)) throw new RangeError(`not a date: ${registeredOn}`);
  const year = Number(registeredOn.slice(0, 4)) + ACTIVE_YEARS;
  const sameDay = `${String(year).padStart(4, '0')}${registeredOn.slice(4)}`;
  return isCalendarDate(sameDay) ? sameDay : `${String(year).padStart(4, '0')}-02-28`;
}

/** The first day of the reminder: eight weeks before the last active day. */
export function reminderOnFor(activeUntil: string): string {
  return addDays(activeUntil, -7 * REMINDER_WEEKS_BEFORE_LAPSE);
}

export interface RiskIndexRegistrationInput {
  registeredOn: string;
  registeredBy: string;
  /** The case's casushouder now; null when the case has none. */
  casushouderId: string | null;
  /** The school's today, yyyy-mm-dd. */
  today: string;
}

export type RiskIndexProblem =
  | { code: 'date-invalid' }
  | { code: 'date-in-future' }
  | { code: 'not-casushouder' };

export type RiskIndexOutcome = { kind: 'registered'; registration: RiskIndexRegistration } | { kind: 'invalid'; problems: RiskIndexProblem[] };

/**
 * Records that the casushouder registered the pupil in the index. The record is built field by
 * field from the four facts it holds, so nothing else a caller passes along (a reason, a note)
 * can end up in it. A registration is recorded after it was made: its date is not in the future.
 */
export function recordRiskIndexRegistration(input: RiskIndexRegistrationInput): RiskIndexOutcome {
  const problems: RiskIndexProblem[] = [];
  if (!isCalendarDate(input.registeredOn)) problems.push({ code: 'date-invalid' });
  else if (input.registeredOn > input.today) problems.push({ code: 'date-in-future' });
  if (input.casushouderId === null || input.registeredBy !== input.casushouderId) problems.push({ code: 'not-casushouder' });
  if (problems.length > 0) return { kind: 'invalid', problems };
  const activeUntil = activeUntilFor(input.registeredOn);
  return {
    kind: 'registered',
    registration: { registeredOn: input.registeredOn, registeredBy: input.registeredBy, activeUntil, reminderOn: reminderOnFor(activeUntil) },
  };
}

/** `active` until the reminder starts, `lapsing` from then up to and including the last day, then `lapsed`. */
export type RiskIndexState = 'active' | 'lapsing' | 'lapsed';

export function riskIndexState(registration: Pick<RiskIndexRegistration, 'activeUntil' | 'reminderOn'>, today: string): RiskIndexState {
  if (today > registration.activeUntil) return 'lapsed';
  return today >= registration.reminderOn ? 'lapsing' : 'active';
}

/** The registration that counts for a case now: the one that runs longest (a renewal replaces nothing). */
export function currentRegistration(registrations: readonly RiskIndexRegistration[]): RiskIndexRegistration | null {
  return registrations.reduce<RiskIndexRegistration | null>((latest, r) => (latest === null || r.activeUntil > latest.activeUntil ? r : latest), null);
}

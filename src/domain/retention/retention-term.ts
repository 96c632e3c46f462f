/**
 * The school's retention term (bewaartermijn) for closed meldcode cases: a number of whole years
 * after the pupil left the school. The AVG sets no term; the general rule for the pupil file is two
 * years after leaving (reference §10.3), and the school's privacy officer may choose another. Meldpad
 * has no privacy-officer role: directie sets it, and who set it and when is kept.
 */
export const DEFAULT_TERM_YEARS = 2;
/** Less than a year leaves no time to object; more than twenty is no longer a term. */
export const MIN_TERM_YEARS = 1;
export const MAX_TERM_YEARS = 20;

export interface RetentionTerm {
  years: number;
  /** Null while the school keeps the default. */
  setBy: string | null;
  /** ISO time the term was set; null for the default. */
  setAt: string | null;
}

export const DEFAULT_TERM: RetentionTerm = { years: DEFAULT_TERM_YEARS, setBy: null, setAt: null };

export type TermProblem = { code: 'term-out-of-range' };

/** Whether `years` is a term a school may set. */
export function checkTermYears(years: number): TermProblem[] {
  return Number.isInteger(years) && years >= MIN_TERM_YEARS && years <= MAX_TERM_YEARS ? [] : [{ code: 'term-out-of-range' }];
}

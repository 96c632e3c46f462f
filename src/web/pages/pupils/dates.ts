import { schoolYearOf } from '../../../domain/pupils/school-year.js';

const SCHOOL_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today as a Dutch school counts it, yyyy-mm-dd: the latest date a talk or contact can have. */
export function todayAtSchool(): string {
  return SCHOOL_DAY.format(new Date());
}

/** "2026-09-08" → "08-09-2026" (dd-mm-jjjj), the way Dutch schools write a date. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}-${match[2]}-${match[1]}` : iso;
}

/**
 * The first day of the school year the server named ("2026-2027" → "2026-08-01"), when today falls
 * in it; a talk or contact dated earlier would count for the year before and not show here.
 */
export function firstDayOf(schoolYear: string): string | undefined {
  const current = schoolYearOf(todayAtSchool());
  return current.label === schoolYear ? current.startsOn : undefined;
}

/** Whether a yyyy-mm-dd string is a real calendar date (a date input gives "" or a valid one). */
export function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
}

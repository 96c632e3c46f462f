import { schoolYearOf, type SchoolYear } from '../pupils/school-year.js';

/**
 * The school year a figure page asks for, by its label ("2026-2027"): the two calendar years must
 * follow each other. Null for anything else, so the route can answer with a message.
 */
export function parseSchoolYear(label: string): SchoolYear | null {
  const match = /^(\d{4})-(\d{4})$/.exec(label);
  if (!match) return null;
  const first = Number(match[1]);
  if (Number(match[2]) !== first + 1 || first < 2000 || first > 2100) return null;
  return schoolYearOf(`${first}-08-01`);
}

/** Whether a school date (yyyy-mm-dd) falls in the school year. */
export function inSchoolYear(date: string, year: SchoolYear): boolean {
  return date >= year.startsOn && date <= year.endsOn;
}

/** The years the page offers: the current one and the four before it, newest first. */
export function recentSchoolYears(today: string, count = 5): SchoolYear[] {
  const current = Number(schoolYearOf(today).startsOn.slice(0, 4));
  return Array.from({ length: count }, (_, i) => schoolYearOf(`${current - i}-08-01`));
}

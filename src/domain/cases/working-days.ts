/**
 * Dates as the school counts them: calendar dates (yyyy-mm-dd) and Dutch working days. A date is
 * the school's day (Europe/Amsterdam), so only date strings are taken and all arithmetic is done in
 * UTC on whole days: a Date read in a local time zone would give the wrong day near midnight.
 *
 * Working days are the Netherlands' ones, not the school's: the five working days Veilig Thuis
 * takes to assess a report run through school holidays. A working day is any day that is not a
 * Saturday, a Sunday or an "algemeen erkende feestdag" of the Algemene termijnenwet (art. 3 lid 1
 * and 2), the law that decides how statutory terms such as Veilig Thuis's are counted. The extra
 * days the government equates with holidays by decree every few years (art. 3 lid 3, bridge days
 * such as the Friday after Ascension) are not in the list: they change by decree, and counting
 * them as working days makes a reminder at most a day early, never late for long.
 */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Whether a string is a real calendar date written yyyy-mm-dd (2025-02-29 is not). */
export function isCalendarDate(value: string): boolean {
  return toDayNumber(value) !== null;
}

/** The date `days` calendar days after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`not a whole number of days: ${days}`);
  return fromDayNumber(dayNumber(date) + days);
}

/** 0 for Sunday up to 6 for Saturday, as Date.getUTCDay counts. */
export function dayOfWeek(date: string): number {
  // Day 0 of the Unix epoch, 1970-01-01, was a Thursday (4).
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

/**
 * Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm of Meeus, Jones and
 * Butcher): Good Friday, Easter Monday, Ascension and Whit Monday all hang on it.
 */
export function easterSunday(year: number): string {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`not a Gregorian year: ${year}`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The name of a Dutch public holiday, as the Algemene termijnenwet lists it. */
export type DutchHolidayName =
  | 'nieuwjaarsdag'
  | 'goede-vrijdag'
  | 'tweede-paasdag'
  | 'koningsdag'
  | 'bevrijdingsdag'
  | 'hemelvaartsdag'
  | 'tweede-pinksterdag'
  | 'eerste-kerstdag'
  | 'tweede-kerstdag';

export interface DutchHoliday {
  date: string;
  name: DutchHolidayName;
}

/**
 * The algemeen erkende feestdagen of a year, in date order. Easter Sunday and Whit Sunday are not
 * listed: they are Sundays anyway. Koningsdag is 27 April, or 26 April when the 27th is a Sunday;
 * before 2014 the day was Koninginnedag, 30 April, or 29 April when the 30th was a Sunday.
 * Bevrijdingsdag counts every year for terms (employers give it off only every fifth year).
 */
export function dutchPublicHolidays(year: number): DutchHoliday[] {
  const easter = easterSunday(year);
  const kingsDay = year >= 2014 ? `${pad(year, 4)}-04-27` : `${pad(year, 4)}-04-30`;
  const holidays: DutchHoliday[] = [
    { date: `${pad(year, 4)}-01-01`, name: 'nieuwjaarsdag' },
    { date: addDays(easter, -2), name: 'goede-vrijdag' },
    { date: addDays(easter, 1), name: 'tweede-paasdag' },
    { date: dayOfWeek(kingsDay) === 0 ? addDays(kingsDay, -1) : kingsDay, name: 'koningsdag' },
    { date: `${pad(year, 4)}-05-05`, name: 'bevrijdingsdag' },
    { date: addDays(easter, 39), name: 'hemelvaartsdag' },
    { date: addDays(easter, 50), name: 'tweede-pinksterdag' },
    { date: `${pad(year, 4)}-12-25`, name: 'eerste-kerstdag' },
    { date: `${pad(year, 4)}-12-26`, name: 'tweede-kerstdag' },
  ];
  // Koningsdag (26–27 April) and Good Friday (20 March – 23 April) never cross, but Ascension can
  // fall on 5 May itself (as in 2016): both names stay, the date simply appears twice.
  return holidays.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/** Whether a date is a Dutch working day: not a weekend day and not a public holiday. */
export function isWorkingDay(date: string): boolean {
  const weekday = dayOfWeek(date);
  if (weekday === 0 || weekday === 6) return false;
  const year = Number(date.slice(0, 4));
  return !dutchPublicHolidays(year).some((h) => h.date === date);
}

/**
 * The date `count` working days after `date`: the first working day after it is one, the next two,
 * and so on; `date` itself need not be a working day (a report on a Saturday counts from Monday).
 * Zero gives `date` back unchanged. Only whole, non-negative counts: the product only looks ahead.
 */
export function addWorkingDays(date: string, count: number): string {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`not a count of working days: ${count}`);
  dayNumber(date); // Validates the date even when the count is 0.
  let day = date;
  let left = count;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) left -= 1;
  }
  return day;
}

/**
 * Veilig Thuis assesses a report within five working days (Uitvoeringsbesluit Wmo 2015 art. 4.1.7;
 * reference §9.1) and reports back to the reporter. When no feedback is recorded by then, the
 * casushouder is reminded to ask for it.
 */
export const FEEDBACK_WORKING_DAYS = 5;

/** The day the casushouder is reminded of Veilig Thuis's feedback on a report made on `reportedOn`. */
export function feedbackReminderOn(reportedOn: string): string {
  return addWorkingDays(reportedOn, FEEDBACK_WORKING_DAYS);
}

/** Whether to remind today: the fifth working day has come and no feedback has been recorded. */
export function needsFeedbackReminder(reportedOn: string, feedbackRecorded: boolean, today: string): boolean {
  return !feedbackRecorded && today >= feedbackReminderOn(reportedOn);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Days since 1970-01-01 for a real yyyy-mm-dd date, or null. */
function toDayNumber(value: string): number | null {
  const match = DATE_PATTERN.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 31 February over into March and maps years 0–99 to 1900–1999: both fail here.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return ms / DAY_MS;
}

function dayNumber(date: string): number {
  const n = toDayNumber(date);
  if (n === null) throw new RangeError(`not a date: ${date}`);
  return n;
}

function fromDayNumber(n: number): string {
  const d = new Date(n * DAY_MS);
  const year = d.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError('date out of range');
  return `${pad(year, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

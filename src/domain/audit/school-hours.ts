import { dayOfWeek, dutchPublicHolidays, type DutchHolidayName } from '../cases/working-days.js';

/**
 * School hours for "access outside school hours": from 07:00 up to 19:00 on a Dutch working day,
 * in the school's time zone. Staff prepare lessons early and hold parent evenings, so the day is
 * wide; what falls outside it (the night, weekends, public holidays) is worth a second look.
 */
export const SCHOOL_DAY_STARTS_HOUR = 7;
export const SCHOOL_DAY_ENDS_HOUR = 19;
export const SCHOOL_TIME_ZONE = 'Europe/Amsterdam';

export type OutsideHours =
  | { reason: 'early' }
  | { reason: 'late' }
  | { reason: 'weekend' }
  | { reason: 'holiday'; holiday: DutchHolidayName };

const PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: SCHOOL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The moment as the school's clock shows it: its date (yyyy-mm-dd) and the hour and minute. */
export function schoolClock(at: Date): { date: string; hour: number; minute: number } {
  const parts = Object.fromEntries(PARTS.formatToParts(at).map((p) => [p.type, p.value]));
  return { date: `${parts['year']}-${parts['month']}-${parts['day']}`, hour: Number(parts['hour']), minute: Number(parts['minute']) };
}

/** Why a moment is outside school hours, or null when it is within them. A holiday or weekend wins over the hour. */
export function outsideSchoolHours(at: Date): OutsideHours | null {
  const { date, hour } = schoolClock(at);
  const holiday = dutchPublicHolidays(Number(date.slice(0, 4))).find((h) => h.date === date);
  if (holiday) return { reason: 'holiday', holiday: holiday.name };
  const weekday = dayOfWeek(date);
  if (weekday === 0 || weekday === 6) return { reason: 'weekend' };
  if (hour < SCHOOL_DAY_STARTS_HOUR) return { reason: 'early' };
  if (hour >= SCHOOL_DAY_ENDS_HOUR) return { reason: 'late' };
  return null;
}

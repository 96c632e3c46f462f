/** A school year runs from 1 August to 31 July and is named by its two calendar years: "2026-2027". */
export interface SchoolYear {
  label: string;
  /** yyyy-mm-dd */
  startsOn: string;
  endsOn: string;
}

/**
 * The school year a calendar date (yyyy-mm-dd) falls in: from 1 August on it is the year that
 * starts then, up to 31 July the year before. The date is the school's day (Europe/Amsterdam), so
 * only a date string is taken: a Date would have to be read in some time zone, and near midnight
 * UTC gives the wrong day.
 */
export function schoolYearOf(date: string): SchoolYear {
  const match = /^(\d{4})-(\d{2})-\d{2}/.exec(date);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12) throw new Error(`not a date: ${date}`);
  const first = month >= 8 ? year : year - 1;
  return { label: `${first}-${first + 1}`, startsOn: `${first}-08-01`, endsOn: `${first + 1}-07-31` };
}

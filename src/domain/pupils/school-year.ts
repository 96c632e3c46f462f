/** A school year runs from 1 August to 31 July and is named by its two calendar years: "2026-2027". */
export interface SchoolYear {
  label: string;
  /** yyyy-mm-dd */
  startsOn: string;
  endsOn: string;
}

/** The school year a calendar date (yyyy-mm-dd, or a Date in the school's day) falls in. */
export function schoolYearOf(date: string | Date): SchoolYear {
  const iso = typeof date === 'string' ? date : date.toISOString().slice(0, 10);
  const [yearText, monthText] = iso.split('-');
  const year = Number(yearText);
  const month = Number(monthText);
  if (!Number.isInteger(year) || !Number.isInteger(month)) throw new Error(`not a date: ${iso}`);
  const first = month >= 8 ? year : year - 1;
  return { label: `${first}-${first + 1}`, startsOn: `${first}-08-01`, endsOn: `${first + 1}-07-31` };
}

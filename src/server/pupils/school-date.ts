const DUTCH_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date as a Dutch school counts it (yyyy-mm-dd in Europe/Amsterdam). */
export function schoolDate(now: Date): string {
  return DUTCH_DATE.format(now);
}

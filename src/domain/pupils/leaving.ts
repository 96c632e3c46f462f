/**
 * A pupil is current until the day after their leaving date: the leaving date is the last school day
 * (or the day of deregistration), so a date later than today hides no one yet. Both dates are
 * yyyy-mm-dd; `today` is the school's today (Europe/Amsterdam).
 */
export function hasLeft(leftOn: string | null, today: string): boolean {
  return leftOn !== null && leftOn < today;
}

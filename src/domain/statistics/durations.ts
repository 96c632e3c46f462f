// A board's figures ask for the same few hundred dates tens of thousands of times.
const dayNumbers = new Map<string, number>();
function dayNumber(date: string): number {
  let n = dayNumbers.get(date);
  if (n === undefined) {
    n = Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
    if (dayNumbers.size > 10_000) dayNumbers.clear();
    dayNumbers.set(date, n);
  }
  return n;
}

/** Whole calendar days from one school date (yyyy-mm-dd) to a later one. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** How long something took across cases: how many, the median and the range, in days. */
export interface DurationSummaryOf<C> {
  count: C;
  /** Null when there are no cases; a half day when the middle falls between two cases. */
  medianDays: number | null;
  minDays: number | null;
  maxDays: number | null;
}

export type DurationSummary = DurationSummaryOf<number>;

export function summariseDurations(days: readonly number[]): DurationSummary {
  if (days.length === 0) return { count: 0, medianDays: null, minDays: null, maxDays: null };
  const sorted = [...days].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { count: sorted.length, medianDays: median, minDays: sorted[0]!, maxDays: sorted[sorted.length - 1]! };
}

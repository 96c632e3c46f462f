/**
 * Small-number suppression for the board's figures: a count below 5 could point at one child in a
 * school, so the board sees "< 5" instead. A total is no help to someone working one back: where a
 * total and its parts are all shown, one hidden part is the total minus the rest. So in every line
 * of the table (a total and the parts that add up to it) either no number is hidden or at least two
 * are; where only one would be, the smallest other part is hidden too (or, with no part left, the
 * total). Such a number is not small, so it is not shown as "< 5" (that would be untrue) but as "×".
 */
export const SMALL_NUMBER_LIMIT = 5;
export const SMALL = '< 5';
export const HIDDEN = '×';
export type ShownCount = number | typeof SMALL | typeof HIDDEN;

/** A line of the table: `total` is the sum of `parts` (cell keys). */
export interface SumLine {
  total: string;
  parts: readonly string[];
}

/** Whether a count must be hidden because it is small. Zero counts too: "none at this school" is said as "< 5" like the rest. */
export function isSmall(count: number): boolean {
  return count < SMALL_NUMBER_LIMIT;
}

/** The shown value of every cell, given the exact counts and the lines that add up. */
export function suppressCells(counts: ReadonlyMap<string, number>, lines: readonly SumLine[]): Map<string, ShownCount> {
  const hidden = new Map<string, typeof SMALL | typeof HIDDEN>();
  for (const [key, count] of counts) if (isSmall(count)) hidden.set(key, SMALL);
  const value = (key: string) => counts.get(key) ?? 0;
  // Hiding a number in one line can leave another line with one hidden number: repeat until every
  // line is safe. Each round hides at least one more cell, so this ends.
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const members = [line.total, ...line.parts];
      if (members.filter((k) => hidden.has(k)).length !== 1) continue;
      const openParts = line.parts.filter((k) => !hidden.has(k));
      const next = openParts.length > 0 ? openParts.reduce((min, k) => (value(k) < value(min) ? k : min)) : line.total;
      if (hidden.has(next)) continue;
      hidden.set(next, HIDDEN);
      changed = true;
    }
  }
  return new Map([...counts.keys()].map((key) => [key, hidden.get(key) ?? value(key)]));
}

import { z } from 'zod';
import { CLOSING_REASONS } from '../domain/cases/closing.js';
import { SIGNAL_CATEGORY_IDS } from '../domain/cases/signals/signal-catalogue.js';
import { STEP_MILESTONES } from '../domain/statistics/figures.js';
import { HIDDEN, SMALL } from '../domain/statistics/small-numbers.js';

/** `?schoolYear=2026-2027`; without it, the current school year. A school year is no pupil data. */
export const statisticsQuery = z.object({ schoolYear: z.string().max(20).optional() });

const schoolYear = z.object({ label: z.string(), startsOn: z.string(), endsOn: z.string() });

function figuresOf<C extends z.ZodTypeAny>(count: C) {
  const days = z.number().nullable();
  return z.object({
    signalsByCategory: z.object(Object.fromEntries(SIGNAL_CATEGORY_IDS.map((c) => [c, z.object({ signals: count, cases: count })])) as Record<(typeof SIGNAL_CATEGORY_IDS)[number], z.ZodObject<{ signals: C; cases: C }>>),
    casesStarted: count,
    casesClosed: count,
    closedByReason: z.object(Object.fromEntries(CLOSING_REASONS.map((r) => [r, count])) as Record<(typeof CLOSING_REASONS)[number], C>),
    adviceRequests: count,
    reports: count,
    riskIndexRegistrations: count,
    durations: z.object(
      Object.fromEntries(STEP_MILESTONES.map((m) => [m, z.object({ count, medianDays: days, minDays: days, maxDays: days })])) as Record<
        (typeof STEP_MILESTONES)[number],
        z.ZodObject<{ count: C; medianDays: typeof days; minDays: typeof days; maxDays: typeof days }>
      >,
    ),
  });
}

/** An exact count (the school's own figures). */
const exactCount = z.number().int();
/** A count as the board sees it: exact from 5 up, "< 5" when small, "×" when hidden so a small one cannot be worked out. */
export const shownCount = z.union([z.number().int(), z.literal(SMALL), z.literal(HIDDEN)]);

/** The school's figures for a year, exact: for its IB'er and directie. No names, ids of pupils or text. */
export const schoolStatisticsResponse = z.object({
  schoolYear,
  /** The years one can choose, newest first. */
  schoolYears: z.array(z.string()),
  school: z.object({ id: z.string(), name: z.string() }),
  figures: figuresOf(exactCount),
});
export type SchoolStatistics = z.infer<typeof schoolStatisticsResponse>;

/** The board's figures for a year: per school and in total, small numbers hidden; the staff route on a line of its own. */
export const boardStatisticsResponse = z.object({
  schoolYear,
  schoolYears: z.array(z.string()),
  board: z.object({ id: z.string(), name: z.string() }),
  schools: z.array(z.object({ id: z.string(), name: z.string(), figures: figuresOf(shownCount) })),
  total: figuresOf(shownCount),
  staffRoute: z.object({ casesStarted: shownCount, casesClosed: shownCount }),
});
export type BoardStatistics = z.infer<typeof boardStatisticsResponse>;
export type ShownCount = z.infer<typeof shownCount>;

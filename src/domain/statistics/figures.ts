import { CLOSING_REASONS, type ClosingReason } from '../cases/closing.js';
import type { CaseRoute } from '../cases/case-route.js';
import { SIGNAL_CATEGORY_IDS, type SignalCategoryId } from '../cases/signals/signal-catalogue.js';
import type { SchoolYear } from '../pupils/school-year.js';
import { daysBetween, summariseDurations, type DurationSummaryOf } from './durations.js';
import { inSchoolYear } from './statistics-period.js';

/**
 * The steps whose timing the figures show, each reached when its first entry of that kind is
 * recorded (the case is closed when it closes). Only plain columns mark them — the entry's kind
 * and time — so timing never opens a sealed entry.
 */
export const STEP_MILESTONES = ['consultation', 'veilig-thuis-advice', 'parent-conversation', 'weighing', 'report', 'risk-index-registration', 'closed'] as const;
export type StepMilestone = (typeof STEP_MILESTONES)[number];

/** The entry kind that marks a milestone (closing is the case's own date). */
export const MILESTONE_ENTRY_KINDS = {
  consultation: 'consultation',
  'veilig-thuis-advice': 'veilig-thuis-advice',
  'parent-conversation': 'parent-conversation',
  weighing: 'weighing-answer',
  report: 'report',
  'risk-index-registration': 'risk-index-registration',
} as const satisfies Record<Exclude<StepMilestone, 'closed'>, string>;

/** Events counted in the year: advice asked of Veilig Thuis, reports (meldingen), verwijsindex registrations. */
export const COUNTED_EVENT_KINDS = ['veilig-thuis-advice', 'report', 'risk-index-registration'] as const;
export type CountedEventKind = (typeof COUNTED_EVENT_KINDS)[number];

/** What the figures know of a case: dates and ids of the catalogue, never a name or a word of text. */
export interface CaseFacts {
  schoolId: string;
  route: CaseRoute;
  /** School dates (yyyy-mm-dd). */
  startedOn: string;
  closedOn: string | null;
  /** The reason of the (current) closing; null when open or not known. */
  closingReason: ClosingReason | null;
  /** The date of the first signal recorded (the case's start when it has none). */
  firstSignalOn: string | null;
  /** The date each step was first reached. */
  reachedOn: Partial<Record<Exclude<StepMilestone, 'closed'>, string>>;
}

/** One signal (its current version): when it was first recorded and the catalogue categories it names. */
export interface SignalFacts {
  schoolId: string;
  caseRef: string;
  route: CaseRoute;
  recordedOn: string;
  categoryIds: readonly SignalCategoryId[];
}

/** One counted event: when it was first recorded. */
export interface EventFacts {
  schoolId: string;
  route: CaseRoute;
  kind: CountedEventKind;
  recordedOn: string;
}

export interface CategoryCountOf<C> {
  /** Signals that name at least one item of the category. */
  signals: C;
  /** Cases with such a signal. */
  cases: C;
}

/**
 * The figures of one school (or a total) for a school year. `C` is how a count is given: exact
 * (`number`), or as shown on the board's page (see small-numbers.ts).
 */
export interface FiguresOf<C> {
  signalsByCategory: Record<SignalCategoryId, CategoryCountOf<C>>;
  casesStarted: C;
  casesClosed: C;
  closedByReason: Record<ClosingReason, C>;
  adviceRequests: C;
  reports: C;
  riskIndexRegistrations: C;
  /** From the first signal to each step, over the cases that reached it in the year. */
  durations: Record<StepMilestone, DurationSummaryOf<C>>;
}
export type Figures = FiguresOf<number>;

/** The counts of a set of figures that stand alone (not the durations' median and range). */
export const COUNT_FIELDS = ['casesStarted', 'casesClosed', 'adviceRequests', 'reports', 'riskIndexRegistrations'] as const;

export interface FigureInputs {
  cases: readonly CaseFacts[];
  signals: readonly SignalFacts[];
  events: readonly EventFacts[];
}

function record<K extends string, V>(keys: readonly K[], value: (key: K) => V): Record<K, V> {
  return Object.fromEntries(keys.map((k) => [k, value(k)])) as Record<K, V>;
}

/**
 * The year's figures from plain facts. Only meldcode cases count: the staff route is the board's and
 * is counted apart (see `staffRouteFigures`). A case counts as started in the year it started and
 * as closed in the year it (last) closed; a step counts in the year it was reached.
 */
export function figuresOf(inputs: FigureInputs, year: SchoolYear): Figures {
  const cases = inputs.cases.filter((c) => c.route === 'meldcode');
  const signals = inputs.signals.filter((s) => s.route === 'meldcode' && inSchoolYear(s.recordedOn, year));
  const events = inputs.events.filter((e) => e.route === 'meldcode' && inSchoolYear(e.recordedOn, year));
  const closed = cases.filter((c) => c.closedOn !== null && inSchoolYear(c.closedOn, year));

  const signalsByCategory = record(SIGNAL_CATEGORY_IDS, (category) => {
    const naming = signals.filter((s) => s.categoryIds.includes(category));
    return { signals: naming.length, cases: new Set(naming.map((s) => s.caseRef)).size };
  });

  const durations = record(STEP_MILESTONES, (milestone) => {
    const days: number[] = [];
    for (const c of cases) {
      const reached = milestone === 'closed' ? c.closedOn : (c.reachedOn[milestone] ?? null);
      if (reached === null || !inSchoolYear(reached, year)) continue;
      const from = c.firstSignalOn ?? c.startedOn;
      days.push(Math.max(0, daysBetween(from, reached)));
    }
    return summariseDurations(days);
  });

  return {
    signalsByCategory,
    casesStarted: cases.filter((c) => inSchoolYear(c.startedOn, year)).length,
    casesClosed: closed.length,
    closedByReason: record(CLOSING_REASONS, (reason) => closed.filter((c) => (c.closingReason ?? 'other') === reason).length),
    adviceRequests: events.filter((e) => e.kind === 'veilig-thuis-advice').length,
    reports: events.filter((e) => e.kind === 'report').length,
    riskIndexRegistrations: events.filter((e) => e.kind === 'risk-index-registration').length,
    durations,
  };
}

/** The board's own line: staff-route cases started and closed in the year, across its schools. */
export interface StaffRouteFiguresOf<C> {
  casesStarted: C;
  casesClosed: C;
}

export function staffRouteFigures(cases: readonly CaseFacts[], year: SchoolYear): StaffRouteFiguresOf<number> {
  const staff = cases.filter((c) => c.route === 'staff');
  return {
    casesStarted: staff.filter((c) => inSchoolYear(c.startedOn, year)).length,
    casesClosed: staff.filter((c) => c.closedOn !== null && inSchoolYear(c.closedOn, year)).length,
  };
}

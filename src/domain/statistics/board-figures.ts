import { CLOSING_REASONS } from '../cases/closing.js';
import { SIGNAL_CATEGORY_IDS } from '../cases/signals/signal-catalogue.js';
import type { SchoolYear } from '../pupils/school-year.js';
import { COUNT_FIELDS, figuresOf, staffRouteFigures, STEP_MILESTONES, type CaseFacts, type EventFacts, type FigureInputs, type SignalFacts, type Figures, type FiguresOf, type StaffRouteFiguresOf } from './figures.js';
import { isSmall, SMALL, suppressCells, type ShownCount, type SumLine } from './small-numbers.js';

/** Durations whose count mirrors a count of its own. */
const TIMED_COUNTS = [
  ['closed', 'casesClosed'],
  ['report', 'reports'],
  ['veilig-thuis-advice', 'adviceRequests'],
  ['risk-index-registration', 'riskIndexRegistrations'],
] as const;

export interface SchoolRef {
  id: string;
  name: string;
}

/** The board's figures: each school's meldcode figures, their total, and the staff route on a line of its own. */
export interface BoardFiguresOf<C> {
  schools: { schoolId: string; schoolName: string; figures: FiguresOf<C> }[];
  total: FiguresOf<C>;
  staffRoute: StaffRouteFiguresOf<C>;
}

/** Exact figures for every school of the board (also those without cases), and their total. */
export function boardFigures(inputs: FigureInputs, schools: readonly SchoolRef[], year: SchoolYear): BoardFiguresOf<number> {
  const known = new Set(schools.map((s) => s.id));
  const inSchools: FigureInputs = {
    cases: inputs.cases.filter((c) => known.has(c.schoolId)),
    signals: inputs.signals.filter((s) => known.has(s.schoolId)),
    events: inputs.events.filter((e) => known.has(e.schoolId)),
  };
  // Grouped once, so 200 schools cost one pass over the facts, not 200.
  const bySchool = new Map<string, { cases: CaseFacts[]; signals: SignalFacts[]; events: EventFacts[] }>(schools.map((s) => [s.id, { cases: [], signals: [], events: [] }]));
  for (const c of inSchools.cases) bySchool.get(c.schoolId)!.cases.push(c);
  for (const sig of inSchools.signals) bySchool.get(sig.schoolId)!.signals.push(sig);
  for (const e of inSchools.events) bySchool.get(e.schoolId)!.events.push(e);
  const ofSchool = (schoolId: string): FigureInputs => bySchool.get(schoolId)!;
  return {
    schools: schools.map((s) => ({ schoolId: s.id, schoolName: s.name, figures: figuresOf(ofSchool(s.id), year) })),
    total: figuresOf(inSchools, year),
    staffRoute: staffRouteFigures(inSchools.cases, year),
  };
}

/** Every count of a set of figures by a key of its own ("reports", "reason:other", "category:fgm:cases", "duration:report"). */
function countsOf(figures: Figures): [string, number][] {
  return [
    ...COUNT_FIELDS.map((f): [string, number] => [f, figures[f]]),
    ...CLOSING_REASONS.map((r): [string, number] => [`reason:${r}`, figures.closedByReason[r]]),
    ...SIGNAL_CATEGORY_IDS.flatMap((c): [string, number][] => [
      [`category:${c}:signals`, figures.signalsByCategory[c].signals],
      [`category:${c}:cases`, figures.signalsByCategory[c].cases],
    ]),
    ...STEP_MILESTONES.map((m): [string, number] => [`duration:${m}`, figures.durations[m].count]),
  ];
}

function shownFigures(figures: Figures, shown: (key: string) => ShownCount): FiguresOf<ShownCount> {
  const durations = Object.fromEntries(
    STEP_MILESTONES.map((m) => {
      const count = shown(`duration:${m}`);
      const d = figures.durations[m];
      // A median or range over fewer than five cases comes close to one child's case: only the count is shown.
      return [m, typeof count === 'number' ? { ...d, count } : { count, medianDays: null, minDays: null, maxDays: null }];
    }),
  ) as FiguresOf<ShownCount>['durations'];
  return {
    signalsByCategory: Object.fromEntries(SIGNAL_CATEGORY_IDS.map((c) => [c, { signals: shown(`category:${c}:signals`), cases: shown(`category:${c}:cases`) }])) as FiguresOf<ShownCount>['signalsByCategory'],
    casesStarted: shown('casesStarted'),
    casesClosed: shown('casesClosed'),
    closedByReason: Object.fromEntries(CLOSING_REASONS.map((r) => [r, shown(`reason:${r}`)])) as FiguresOf<ShownCount>['closedByReason'],
    adviceRequests: shown('adviceRequests'),
    reports: shown('reports'),
    riskIndexRegistrations: shown('riskIndexRegistrations'),
    durations,
  };
}

/**
 * The board's figures as the board may see them: counts below 5 as "< 5", and in every line that
 * adds up — a count over the schools and their total; a school's closed cases and their reasons —
 * never a single hidden number that the others give away (see small-numbers.ts).
 */
export function suppressBoardFigures(exact: BoardFiguresOf<number>): BoardFiguresOf<ShownCount> {
  const owners = [...exact.schools.map((s, i) => ({ owner: `school${i}`, figures: s.figures })), { owner: 'total', figures: exact.total }];
  const counts = new Map<string, number>();
  for (const { owner, figures } of owners) for (const [key, n] of countsOf(figures)) counts.set(`${owner}/${key}`, n);
  const schoolOwners = exact.schools.map((_, i) => `school${i}`);
  const lines: SumLine[] = [
    // Each count over the schools adds up to the board's total.
    ...countsOf(exact.total).map(([key]) => ({ total: `total/${key}`, parts: schoolOwners.map((o) => `${o}/${key}`) })),
    // A school's (and the board's) closed cases add up over the closing reasons.
    ...owners.map(({ owner }) => ({ total: `${owner}/casesClosed`, parts: CLOSING_REASONS.map((r) => `${owner}/reason:${r}`) })),
    // The number of cases timed to a step is (nearly always) the count of that step: hide both or neither.
    ...owners.flatMap(({ owner }) => TIMED_COUNTS.map(([timed, count]) => ({ total: `${owner}/duration:${timed}`, parts: [`${owner}/${count}`] }))),
  ];
  const shown = suppressCells(counts, lines);
  const of = (owner: string) => (key: string) => shown.get(`${owner}/${key}`)!;
  const small = (n: number): ShownCount => (isSmall(n) ? SMALL : n);
  return {
    schools: exact.schools.map((s, i) => ({ schoolId: s.schoolId, schoolName: s.schoolName, figures: shownFigures(s.figures, of(`school${i}`)) })),
    total: shownFigures(exact.total, of('total')),
    // One line for the whole board, added to nothing: only its own small numbers are hidden.
    staffRoute: { casesStarted: small(exact.staffRoute.casesStarted), casesClosed: small(exact.staffRoute.casesClosed) },
  };
}

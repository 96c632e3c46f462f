import type { StatisticsRows, StatisticsWindow } from '../../db/repositories/statistics-repository.js';
import { isClosingReason } from '../../domain/cases/closing.js';
import type { CaseRoute } from '../../domain/cases/case-route.js';
import { findSignalItem, SIGNAL_CATEGORY_IDS, type SignalCategoryId } from '../../domain/cases/signals/signal-catalogue.js';
import type { SchoolYear } from '../../domain/pupils/school-year.js';
import { COUNTED_EVENT_KINDS, MILESTONE_ENTRY_KINDS, type CaseFacts, type CountedEventKind, type FigureInputs } from '../../domain/statistics/figures.js';
import { schoolDate } from '../pupils/school-date.js';

const DAY = 86_400_000;

/**
 * The stored times that can fall on a date of the school year: times are UTC and the school's day is
 * Amsterdam's, so the window reaches a day beyond each end; the figures then keep the exact dates.
 */
export function windowOf(year: SchoolYear): StatisticsWindow {
  return {
    from: new Date(Date.parse(`${year.startsOn}T00:00:00Z`) - DAY).toISOString(),
    until: new Date(Date.parse(`${year.endsOn}T00:00:00Z`) + DAY).toISOString(),
  };
}

const dateOf = (iso: string) => schoolDate(new Date(iso));

function categoriesOf(itemIds: readonly string[]): SignalCategoryId[] {
  const categories = new Set<SignalCategoryId>();
  for (const id of itemIds) {
    // Only ids the catalogue knows count; the category is the part before the dot.
    if (!findSignalItem(id)) continue;
    const category = id.slice(0, id.indexOf('.'));
    if ((SIGNAL_CATEGORY_IDS as readonly string[]).includes(category)) categories.add(category as SignalCategoryId);
  }
  return [...categories];
}

/** Stored rows as the figures' plain facts: school dates, catalogue categories, closing reasons. */
export function factsOf(rows: StatisticsRows): FigureInputs {
  const firsts = new Map<string, Map<string, string>>();
  for (const f of rows.firstEntries) {
    const ofCase = firsts.get(f.caseId) ?? new Map<string, string>();
    ofCase.set(f.kind, dateOf(f.firstAt));
    firsts.set(f.caseId, ofCase);
  }
  const reasons = new Map(rows.closings.map((c) => [c.caseId, c.reason]));
  const cases: CaseFacts[] = rows.cases.map((c) => {
    const first = firsts.get(c.caseId) ?? new Map<string, string>();
    const reason = reasons.get(c.caseId) ?? null;
    const reachedOn: CaseFacts['reachedOn'] = {};
    for (const [milestone, kind] of Object.entries(MILESTONE_ENTRY_KINDS) as [keyof typeof MILESTONE_ENTRY_KINDS, string][]) {
      const on = first.get(kind);
      if (on) reachedOn[milestone] = on;
    }
    return {
      schoolId: c.schoolId,
      route: c.route as CaseRoute,
      startedOn: dateOf(c.startedAt),
      closedOn: c.closedAt ? dateOf(c.closedAt) : null,
      closingReason: reason !== null && isClosingReason(reason) ? reason : null,
      firstSignalOn: first.get('signal') ?? null,
      reachedOn,
    };
  });
  return {
    cases,
    signals: rows.signals.map((s) => ({ schoolId: s.schoolId, caseRef: s.caseId, route: s.route as CaseRoute, recordedOn: dateOf(s.recordedAt), categoryIds: categoriesOf(s.signalItemIds) })),
    events: rows.events
      .filter((e): e is typeof e & { kind: CountedEventKind } => (COUNTED_EVENT_KINDS as readonly string[]).includes(e.kind))
      .map((e) => ({ schoolId: e.schoolId, route: e.route as CaseRoute, kind: e.kind, recordedOn: dateOf(e.recordedAt) })),
  };
}

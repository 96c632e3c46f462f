import { describe, expect, it } from 'vitest';
import { daysBetween, summariseDurations } from '../../../../src/domain/statistics/durations.js';
import { figuresOf, staffRouteFigures, type CaseFacts, type EventFacts, type SignalFacts } from '../../../../src/domain/statistics/figures.js';
import { inSchoolYear, parseSchoolYear, recentSchoolYears } from '../../../../src/domain/statistics/statistics-period.js';

const year = parseSchoolYear('2026-2027')!;

const aCase = (overrides: Partial<CaseFacts> = {}): CaseFacts => ({
  schoolId: 's1',
  route: 'meldcode',
  startedOn: '2026-09-01',
  closedOn: null,
  closingReason: null,
  firstSignalOn: '2026-09-01',
  reachedOn: {},
  ...overrides,
});
const aSignal = (overrides: Partial<SignalFacts> = {}): SignalFacts => ({ schoolId: 's1', caseRef: 'c1', route: 'meldcode', recordedOn: '2026-09-01', categoryIds: ['physical'], ...overrides });
const anEvent = (kind: EventFacts['kind'], recordedOn = '2026-10-01', overrides: Partial<EventFacts> = {}): EventFacts => ({ schoolId: 's1', route: 'meldcode', kind, recordedOn, ...overrides });

describe('the school year of the figures', () => {
  it('reads a label of two following years, from 1 August to 31 July', () => {
    expect(year).toEqual({ label: '2026-2027', startsOn: '2026-08-01', endsOn: '2027-07-31' });
  });

  it('refuses anything else', () => {
    for (const label of ['2026-2028', '2026', '2026/2027', '26-27', '2027-2026', '', '1800-1801']) expect(parseSchoolYear(label)).toBeNull();
  });

  it('includes its first and last day and nothing around them', () => {
    expect(inSchoolYear('2026-08-01', year)).toBe(true);
    expect(inSchoolYear('2027-07-31', year)).toBe(true);
    expect(inSchoolYear('2026-07-31', year)).toBe(false);
    expect(inSchoolYear('2027-08-01', year)).toBe(false);
  });

  it('offers the current year and the four before it, newest first', () => {
    expect(recentSchoolYears('2026-11-29').map((y) => y.label)).toEqual(['2026-2027', '2025-2026', '2024-2025', '2023-2024', '2022-2023']);
    expect(recentSchoolYears('2026-07-31')[0]!.label).toBe('2025-2026');
  });
});

describe('durations', () => {
  it('counts calendar days, also across the change to winter time', () => {
    expect(daysBetween('2026-10-20', '2026-10-30')).toBe(10);
    expect(daysBetween('2026-09-01', '2026-09-01')).toBe(0);
    expect(daysBetween('2027-02-27', '2027-03-01')).toBe(2);
  });

  it('gives the median and range; the median of an even count lies between the middle two', () => {
    expect(summariseDurations([9, 1, 5])).toEqual({ count: 3, medianDays: 5, minDays: 1, maxDays: 9 });
    expect(summariseDurations([4, 1, 10, 2])).toEqual({ count: 4, medianDays: 3, minDays: 1, maxDays: 10 });
    expect(summariseDurations([])).toEqual({ count: 0, medianDays: null, minDays: null, maxDays: null });
  });
});

describe('the figures of a school year', () => {
  it('counts cases started and closed in the year, and why they closed', () => {
    const figures = figuresOf(
      {
        cases: [
          aCase(),
          aCase({ startedOn: '2026-07-30', closedOn: '2026-08-02', closingReason: 'suspicion-unfounded' }),
          aCase({ closedOn: '2027-01-10', closingReason: 'reported-and-handed-over' }),
          aCase({ startedOn: '2027-08-01' }),
          aCase({ startedOn: '2025-09-01', closedOn: '2026-07-31', closingReason: 'other' }),
        ],
        signals: [],
        events: [],
      },
      year,
    );
    expect(figures.casesStarted).toBe(2);
    expect(figures.casesClosed).toBe(2);
    expect(figures.closedByReason).toEqual({ 'suspicion-unfounded': 1, 'concerns-resolved': 0, 'aftercare-completed': 0, 'reported-and-handed-over': 1, 'pupil-left-school': 0, other: 0 });
  });

  it('counts a closed case whose reason is not known as "other", so the reasons add up to the closed cases', () => {
    const figures = figuresOf({ cases: [aCase({ closedOn: '2026-10-01', closingReason: null })], signals: [], events: [] }, year);
    expect(figures.closedByReason.other).toBe(1);
  });

  it('counts signals by the categories they name, and the cases with such a signal', () => {
    const figures = figuresOf(
      {
        cases: [],
        signals: [
          aSignal({ categoryIds: ['physical', 'behaviour'] }),
          aSignal({ categoryIds: ['physical'] }),
          aSignal({ caseRef: 'c2', categoryIds: ['physical'] }),
          aSignal({ caseRef: 'c3', categoryIds: ['neglect'], recordedOn: '2026-07-31' }),
          aSignal({ caseRef: 'c4', categoryIds: [] }),
        ],
        events: [],
      },
      year,
    );
    expect(figures.signalsByCategory.physical).toEqual({ signals: 3, cases: 2 });
    expect(figures.signalsByCategory.behaviour).toEqual({ signals: 1, cases: 1 });
    expect(figures.signalsByCategory.neglect).toEqual({ signals: 0, cases: 0 });
    expect(Object.keys(figures.signalsByCategory)).toHaveLength(14);
  });

  it('counts advice asked of Veilig Thuis, reports and verwijsindex registrations recorded in the year', () => {
    const figures = figuresOf(
      { cases: [], signals: [], events: [anEvent('veilig-thuis-advice'), anEvent('veilig-thuis-advice'), anEvent('report'), anEvent('report', '2027-08-01'), anEvent('risk-index-registration')] },
      year,
    );
    expect([figures.adviceRequests, figures.reports, figures.riskIndexRegistrations]).toEqual([2, 1, 1]);
  });

  it('times each step from the first signal, over the cases that reached it in the year', () => {
    const figures = figuresOf(
      {
        cases: [
          aCase({ firstSignalOn: '2026-09-01', reachedOn: { consultation: '2026-09-03', report: '2026-09-21' }, closedOn: '2026-10-01', closingReason: 'reported-and-handed-over' }),
          aCase({ firstSignalOn: '2026-09-10', reachedOn: { consultation: '2026-09-20' } }),
          aCase({ firstSignalOn: null, startedOn: '2026-09-10', reachedOn: { consultation: '2026-09-11' } }),
          // Reached before the year: not this year's figure.
          aCase({ firstSignalOn: '2026-06-01', reachedOn: { consultation: '2026-07-01' } }),
        ],
        signals: [],
        events: [],
      },
      year,
    );
    expect(figures.durations.consultation).toEqual({ count: 3, medianDays: 2, minDays: 1, maxDays: 10 });
    expect(figures.durations.report).toEqual({ count: 1, medianDays: 20, minDays: 20, maxDays: 20 });
    expect(figures.durations.closed).toEqual({ count: 1, medianDays: 30, minDays: 30, maxDays: 30 });
    expect(figures.durations.weighing.count).toBe(0);
  });

  it('leaves the staff route out of the school\'s figures and counts it on a line of its own', () => {
    const inputs = {
      cases: [aCase({ route: 'staff' }), aCase({ route: 'staff', closedOn: '2026-12-01', closingReason: 'other' }), aCase()],
      signals: [aSignal({ route: 'staff' })],
      events: [anEvent('report', '2026-10-01', { route: 'staff' })],
    } as const;
    const figures = figuresOf(inputs, year);
    expect([figures.casesStarted, figures.casesClosed, figures.reports, figures.signalsByCategory.physical.signals]).toEqual([1, 0, 0, 0]);
    expect(staffRouteFigures(inputs.cases, year)).toEqual({ casesStarted: 2, casesClosed: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import { boardFigures, suppressBoardFigures } from '../../../../src/domain/statistics/board-figures.js';
import type { CaseFacts } from '../../../../src/domain/statistics/figures.js';
import { HIDDEN, isSmall, SMALL, suppressCells } from '../../../../src/domain/statistics/small-numbers.js';
import { parseSchoolYear } from '../../../../src/domain/statistics/statistics-period.js';

const year = parseSchoolYear('2026-2027')!;
const cells = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('small numbers', () => {
  it('are 0 to 4', () => {
    expect([0, 1, 4, 5, 12].map(isSmall)).toEqual([true, true, true, false, false]);
  });

  it('show as "< 5" and larger numbers as they are', () => {
    expect(Object.fromEntries(suppressCells(cells({ a: 3, b: 5, c: 0 }), []))).toEqual({ a: SMALL, b: 5, c: SMALL });
  });

  it('never leave one hidden number in a line whose total is shown: the smallest other part is hidden too', () => {
    const shown = suppressCells(cells({ total: 30, a: 3, b: 12, c: 15 }), [{ total: 'total', parts: ['a', 'b', 'c'] }]);
    expect(Object.fromEntries(shown)).toEqual({ total: 30, a: SMALL, b: HIDDEN, c: 15 });
  });

  it('leave a line alone that has no hidden number, or two already', () => {
    expect(Object.fromEntries(suppressCells(cells({ total: 20, a: 10, b: 10 }), [{ total: 'total', parts: ['a', 'b'] }]))).toEqual({ total: 20, a: 10, b: 10 });
    expect(Object.fromEntries(suppressCells(cells({ total: 20, a: 1, b: 2, c: 17 }), [{ total: 'total', parts: ['a', 'b', 'c'] }]))).toEqual({ total: 20, a: SMALL, b: SMALL, c: 17 });
  });

  it('follow a hidden number into every line it is part of, until each line is safe', () => {
    // a is small; hiding b in the first line makes b the only hidden part of the second line.
    const shown = suppressCells(cells({ t1: 20, a: 2, b: 8, c: 10, t2: 30, d: 22 }), [
      { total: 't1', parts: ['a', 'b', 'c'] },
      { total: 't2', parts: ['b', 'd'] },
    ]);
    expect(Object.fromEntries(shown)).toEqual({ t1: 20, a: SMALL, b: HIDDEN, c: 10, t2: 30, d: HIDDEN });
  });

  it('hide the total when no part is left to hide', () => {
    expect(Object.fromEntries(suppressCells(cells({ total: 7, a: 7 }), [{ total: 'total', parts: ['a'] }]))).toEqual({ total: 7, a: 7 });
    expect(Object.fromEntries(suppressCells(cells({ t: 5, a: 5 }), [{ total: 't', parts: ['a'] }, { total: 'u', parts: ['a'] }]))).toEqual({ t: 5, a: 5 });
    expect(Object.fromEntries(suppressCells(cells({ total: 4 }), [{ total: 'total', parts: [] }]))).toEqual({ total: SMALL });
  });
});

describe("the board's figures", () => {
  const schools = [
    { id: 'big', name: 'Grote school' },
    { id: 'small', name: 'Kleine school' },
    { id: 'none', name: 'Lege school' },
  ];
  const started = (schoolId: string, n: number, overrides: Partial<CaseFacts> = {}): CaseFacts[] =>
    Array.from({ length: n }, () => ({ schoolId, route: 'meldcode' as const, startedOn: '2026-09-01', closedOn: null, closingReason: null, firstSignalOn: '2026-09-01', reachedOn: {}, ...overrides }));

  it('gives every school, also one without cases, and a total of the exact numbers', () => {
    const exact = boardFigures({ cases: [...started('big', 9), ...started('small', 2)], signals: [], events: [] }, schools, year);
    expect(exact.schools.map((s) => [s.schoolName, s.figures.casesStarted])).toEqual([['Grote school', 9], ['Kleine school', 2], ['Lege school', 0]]);
    expect(exact.total.casesStarted).toBe(11);
  });

  it('shows small numbers as "< 5" and hides what would let the board subtract back to them', () => {
    const cases = [...started('big', 9), ...started('small', 2), ...started('none', 6)];
    const shown = suppressBoardFigures(boardFigures({ cases, signals: [], events: [] }, schools, year));
    // 2 is small; the smallest other school (6) hides with it, so the total of 17 gives nothing away.
    expect(shown.schools.map((s) => s.figures.casesStarted)).toEqual([9, SMALL, HIDDEN]);
    expect(shown.total.casesStarted).toBe(17);
  });

  it('keeps a school\'s closed cases when at least two of its reasons are hidden, and hides a lone one', () => {
    const closed = (reason: CaseFacts['closingReason'], n: number) => started('big', n, { closedOn: '2026-10-01', closingReason: reason });
    const many = suppressBoardFigures(boardFigures({ cases: [...closed('concerns-resolved', 6), ...closed('other', 1)], signals: [], events: [] }, schools, year));
    const big = many.schools[0]!.figures;
    expect([big.casesClosed, big.closedByReason['concerns-resolved'], big.closedByReason.other, many.total.casesClosed]).toEqual([7, 6, SMALL, 7]);

    // With every reason large but one, the lone small reason would be the closed cases minus the rest.
    const cases = [...closed('suspicion-unfounded', 5), ...closed('concerns-resolved', 6), ...closed('aftercare-completed', 7), ...closed('reported-and-handed-over', 8), ...closed('pupil-left-school', 9), ...closed('other', 2)];
    const shown = suppressBoardFigures(boardFigures({ cases, signals: [], events: [] }, schools, year)).schools[0]!.figures;
    expect(shown.closedByReason).toEqual({ 'suspicion-unfounded': HIDDEN, 'concerns-resolved': 6, 'aftercare-completed': 7, 'reported-and-handed-over': 8, 'pupil-left-school': 9, other: SMALL });
    expect(shown.casesClosed).toBe(37);
  });

  it('gives no median or range over fewer than five cases, and hides the timed count with its own count', () => {
    const cases = [...started('big', 3, { reachedOn: { report: '2026-09-11' } }), ...started('small', 6, { reachedOn: { report: '2026-09-05' } })];
    const events = cases.map((c) => ({ schoolId: c.schoolId, route: c.route, kind: 'report' as const, recordedOn: c.reachedOn.report! }));
    const shown = suppressBoardFigures(boardFigures({ cases, signals: [], events }, schools, year));
    expect(shown.schools[0]!.figures.durations.report).toEqual({ count: SMALL, medianDays: null, minDays: null, maxDays: null });
    expect(shown.total.durations.report).toMatchObject({ count: 9, medianDays: 4, minDays: 4, maxDays: 10 });
    expect(shown.total.reports).toBe(9);
    // Without the reports to match, the timed count would give the hidden count of reports away: it hides too.
    const unmatched = suppressBoardFigures(boardFigures({ cases, signals: [], events: [] }, schools, year));
    expect(unmatched.total.durations.report.count).toBe(HIDDEN);
  });

  it('counts the staff route for the whole board, as "< 5" when small', () => {
    const cases = [...started('big', 1, { route: 'staff' }), ...started('big', 5, { route: 'staff', closedOn: '2026-11-01', closingReason: 'other' })];
    const shown = suppressBoardFigures(boardFigures({ cases, signals: [], events: [] }, schools, year));
    expect(shown.staffRoute).toEqual({ casesStarted: 6, casesClosed: 5 });
    expect(shown.total.casesStarted).toBe(SMALL);
    const few = suppressBoardFigures(boardFigures({ cases: started('big', 2, { route: 'staff' }), signals: [], events: [] }, schools, year));
    expect(few.staffRoute).toEqual({ casesStarted: SMALL, casesClosed: SMALL });
  });
});

describe("the board's figures for a large board", () => {
  it('are made for 200 schools and 20,000 cases in seconds, not minutes', () => {
    const schools = Array.from({ length: 200 }, (_, i) => ({ id: `s${i}`, name: `School ${i}` }));
    const cases: CaseFacts[] = [];
    const signals = [];
    for (let i = 0; i < 20_000; i++) {
      const schoolId = `s${i % 200}`;
      // Some schools have few cases of a kind, so small numbers and hidden ones occur everywhere.
      const closed = i % 7 === 0;
      cases.push({ schoolId, route: i % 97 === 0 ? 'staff' : 'meldcode', startedOn: '2026-09-01', closedOn: closed ? '2026-12-01' : null, closingReason: closed ? (['other', 'concerns-resolved', 'suspicion-unfounded'] as const)[i % 3]! : null, firstSignalOn: '2026-09-01', reachedOn: { consultation: '2026-09-05', report: i % 11 === 0 ? '2026-10-01' : undefined } as CaseFacts['reachedOn'] });
      signals.push({ schoolId, caseRef: `c${i}`, route: 'meldcode' as const, recordedOn: '2026-09-01', categoryIds: [(['physical', 'neglect', 'fgm'] as const)[i % 3]!] });
    }
    const started = performance.now();
    const shown = suppressBoardFigures(boardFigures({ cases, signals, events: [] }, schools, year));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(shown.schools).toHaveLength(200);
    // Every line stays safe: over the schools, never exactly one hidden count next to a shown total.
    const hiddenStarted = shown.schools.filter((s) => typeof s.figures.casesClosed !== 'number').length;
    expect(hiddenStarted === 0 || hiddenStarted >= 2 || typeof shown.total.casesClosed !== 'number').toBe(true);
  });
});

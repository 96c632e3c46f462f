import { describe, expect, it } from 'vitest';
import { addYears, dueDateOf, escalationDate, mayDestroy, retentionAgenda, retentionStatus, type RetentionFacts } from '../../../../src/domain/retention/due-date.js';
import { checkTermYears, DEFAULT_TERM_YEARS } from '../../../../src/domain/retention/retention-term.js';
import { isLegalHoldGround, LEGAL_HOLD_GROUNDS } from '../../../../src/domain/retention/legal-hold.js';

const closed = (overrides: Partial<RetentionFacts> = {}): RetentionFacts => ({ phase: 'closed', closedOn: '2023-03-10', pupilLeftOn: '2023-07-14', legalHold: false, ...overrides });

describe('the due date of a closed case', () => {
  it('is two years after the pupil left, by default', () => {
    expect(DEFAULT_TERM_YEARS).toBe(2);
    expect(dueDateOf(closed(), 2, '2026-11-29')).toBe('2025-07-14');
  });

  it('follows the term the school set', () => {
    expect(dueDateOf(closed(), 5, '2026-11-29')).toBe('2028-07-14');
  });

  it('is never before the case was closed', () => {
    expect(dueDateOf(closed({ pupilLeftOn: '2020-01-31', closedOn: '2023-03-10' }), 2, '2026-11-29')).toBe('2023-03-10');
  });

  it('has none while the pupil has not left: the case is kept until the term after leaving', () => {
    expect(dueDateOf(closed({ pupilLeftOn: null }), 2, '2026-11-29')).toBeNull();
    expect(retentionStatus(closed({ pupilLeftOn: null }), 2, '2026-11-29')).toEqual({ kind: 'pupil-not-left' });
  });

  it('counts a leaving date of today or later as not left yet (the leaving date is the last school day)', () => {
    expect(retentionStatus(closed({ pupilLeftOn: '2026-11-29' }), 2, '2026-11-29')).toEqual({ kind: 'pupil-not-left' });
    expect(retentionStatus(closed({ pupilLeftOn: '2027-07-09' }), 2, '2026-11-29')).toEqual({ kind: 'pupil-not-left' });
  });

  it('has none while the case is open or in monitoring', () => {
    expect(retentionStatus(closed({ phase: 'open', closedOn: null }), 2, '2030-01-01')).toEqual({ kind: 'not-closed' });
    expect(retentionStatus(closed({ phase: 'monitoring', closedOn: null }), 2, '2030-01-01')).toEqual({ kind: 'not-closed' });
  });

  it('keeps 29 February as 28 February in a year without it', () => {
    expect(addYears('2024-02-29', 2)).toBe('2026-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });
});

describe('what is due on a day', () => {
  it('is due from its due date on, and not the day before', () => {
    expect(retentionStatus(closed(), 2, '2025-07-13').kind).toBe('upcoming');
    expect(retentionStatus(closed(), 2, '2025-07-14')).toEqual({ kind: 'due', dueOn: '2025-07-14', escalateOn: '2025-08-13', escalated: false });
    expect(mayDestroy(closed(), 2, '2025-07-14')).toBe(true);
    expect(mayDestroy(closed(), 2, '2025-07-13')).toBe(false);
  });

  it('falls due within a month: up to 31 days ahead, then it is simply kept', () => {
    expect(retentionStatus(closed(), 2, '2025-06-13')).toEqual({ kind: 'upcoming', dueOn: '2025-07-14' });
    expect(retentionStatus(closed(), 2, '2025-06-12')).toEqual({ kind: 'kept', dueOn: '2025-07-14' });
  });

  it('lists the due oldest first and the upcoming soonest first, and leaves out the rest', () => {
    const cases = [
      { id: 'later-due', facts: closed({ pupilLeftOn: '2024-10-01', closedOn: '2024-01-01' }) },
      { id: 'first-due', facts: closed({ pupilLeftOn: '2024-09-01', closedOn: '2024-01-01' }) },
      { id: 'upcoming-late', facts: closed({ pupilLeftOn: '2024-12-20', closedOn: '2024-01-01' }) },
      { id: 'upcoming-soon', facts: closed({ pupilLeftOn: '2024-12-01', closedOn: '2024-01-01' }) },
      { id: 'kept', facts: closed({ pupilLeftOn: '2025-07-01', closedOn: '2024-01-01' }) },
      { id: 'not-left', facts: closed({ pupilLeftOn: null }) },
      { id: 'held', facts: closed({ pupilLeftOn: '2020-01-01', legalHold: true }) },
      { id: 'open', facts: closed({ phase: 'open', closedOn: null, pupilLeftOn: '2020-01-01' }) },
    ];
    const agenda = retentionAgenda(cases, (c) => c.facts, 2, '2026-11-29');
    expect(agenda.due.map((d) => [d.item.id, d.dueOn])).toEqual([
      ['first-due', '2026-09-01'],
      ['later-due', '2026-10-01'],
    ]);
    expect(agenda.upcoming.map((u) => [u.item.id, u.dueOn])).toEqual([
      ['upcoming-soon', '2026-12-01'],
      ['upcoming-late', '2026-12-20'],
    ]);
  });
});

describe('raising an unconfirmed destruction to directie', () => {
  it('happens 30 days after the case became due', () => {
    expect(escalationDate('2026-09-01')).toBe('2026-10-01');
    const status = (today: string) => retentionStatus(closed({ pupilLeftOn: '2024-09-01', closedOn: '2024-01-01' }), 2, today);
    expect(status('2026-09-30')).toMatchObject({ kind: 'due', escalated: false });
    expect(status('2026-10-01')).toMatchObject({ kind: 'due', escalated: true, escalateOn: '2026-10-01' });
  });
});

describe('a legal hold', () => {
  it('stops destruction while it is on, however long ago the case fell due', () => {
    const held = closed({ pupilLeftOn: '2015-07-10', closedOn: '2015-03-02', legalHold: true });
    expect(retentionStatus(held, 2, '2026-11-29')).toEqual({ kind: 'held', dueOn: '2017-07-10' });
    expect(mayDestroy(held, 2, '2026-11-29')).toBe(false);
    expect(retentionAgenda([held], (f) => f, 2, '2026-11-29')).toEqual({ due: [], upcoming: [] });
  });

  it('once lifted, the case is due again', () => {
    expect(mayDestroy(closed({ pupilLeftOn: '2015-07-10', legalHold: false }), 2, '2026-11-29')).toBe(true);
  });

  it('has a ground from a fixed list only', () => {
    expect(LEGAL_HOLD_GROUNDS).toEqual(['court-proceedings', 'complaint', 'veilig-thuis-request', 'inspectorate-request', 'other']);
    expect(isLegalHoldGround('complaint')).toBe(true);
    expect(isLegalHoldGround('de vader dreigt met een advocaat')).toBe(false);
  });
});

describe("the school's term", () => {
  it('is a whole number of years from 1 to 20', () => {
    expect(checkTermYears(2)).toEqual([]);
    expect(checkTermYears(1)).toEqual([]);
    expect(checkTermYears(20)).toEqual([]);
    expect(checkTermYears(0)).toEqual([{ code: 'term-out-of-range' }]);
    expect(checkTermYears(21)).toEqual([{ code: 'term-out-of-range' }]);
    expect(checkTermYears(2.5)).toEqual([{ code: 'term-out-of-range' }]);
  });
});

import { describe, expect, it } from 'vitest';
import { accessActionKey } from '../../../../src/domain/audit/access-actions.js';
import { accessLog, isUnusual, type AccessLogEvent } from '../../../../src/domain/audit/access-log.js';
import { BULK_CASE_COUNT, BULK_WINDOW_MINUTES, bulkAround, bulkWindows, type CaseOpening } from '../../../../src/domain/audit/bulk-access.js';
import { outsideSchoolHours, SCHOOL_DAY_ENDS_HOUR, SCHOOL_DAY_STARTS_HOUR } from '../../../../src/domain/audit/school-hours.js';
import { teamPeriods, wasOnTeam } from '../../../../src/domain/audit/team-periods.js';
import { flagsOf, type AccessContext } from '../../../../src/domain/audit/unusual-access.js';

// Tuesday 24 November 2026; Amsterdam is UTC+1 in winter, UTC+2 in summer.
const TUESDAY_10 = '2026-11-24T09:00:00.000Z';
const minutes = (iso: string, n: number) => new Date(Date.parse(iso) + n * 60_000).toISOString();

const context = (overrides: Partial<AccessContext> = {}): AccessContext => ({
  startedBy: 'teacher',
  team: [
    { userId: 'teacher', from: '2026-11-20T08:00:00.000Z', until: null },
    { userId: 'ib', from: '2026-11-20T08:00:00.000Z', until: null },
  ],
  entitledUserIds: [],
  breakGlass: [],
  openings: [],
  ...overrides,
});
const event = (overrides: Partial<AccessLogEvent> = {}): AccessLogEvent => ({
  id: 1,
  occurredAt: TUESDAY_10,
  action: 'case.read',
  actorUserId: 'ib',
  actorRole: 'ib',
  outcome: 'success',
  entryKind: null,
  ...overrides,
});
const kinds = (e: AccessLogEvent, c: AccessContext = context()) => flagsOf(e, c).map((f) => f.kind);

describe('outside school hours: before 07:00, from 19:00, weekends and Dutch public holidays, on the school’s clock', () => {
  it('names the hours it uses', () => {
    expect([SCHOOL_DAY_STARTS_HOUR, SCHOOL_DAY_ENDS_HOUR]).toEqual([7, 19]);
  });

  it('takes a weekday between 07:00 and 19:00 Amsterdam time as school hours', () => {
    expect(outsideSchoolHours(new Date('2026-11-24T06:00:00Z'))).toBeNull(); // 07:00 in winter
    expect(outsideSchoolHours(new Date('2026-11-24T17:59:00Z'))).toBeNull(); // 18:59
  });

  it('flags early and late by the Amsterdam clock, not UTC, in winter and in summer time', () => {
    expect(outsideSchoolHours(new Date('2026-11-24T05:59:00Z'))).toEqual({ reason: 'early' }); // 06:59
    expect(outsideSchoolHours(new Date('2026-11-24T18:00:00Z'))).toEqual({ reason: 'late' }); // 19:00
    expect(outsideSchoolHours(new Date('2026-06-16T05:30:00Z'))).toBeNull(); // 07:30 in summer
    expect(outsideSchoolHours(new Date('2026-06-16T17:30:00Z'))).toEqual({ reason: 'late' }); // 19:30 in summer
    // 23:30 UTC on a Tuesday is already Wednesday 00:30 in Amsterdam: early, not late.
    expect(outsideSchoolHours(new Date('2026-11-24T23:30:00Z'))).toEqual({ reason: 'early' });
  });

  it('flags weekends, also at noon, and the weekend begins at midnight Amsterdam time', () => {
    expect(outsideSchoolHours(new Date('2026-11-28T11:00:00Z'))).toEqual({ reason: 'weekend' });
    expect(outsideSchoolHours(new Date('2026-11-29T11:00:00Z'))).toEqual({ reason: 'weekend' });
    expect(outsideSchoolHours(new Date('2026-11-27T23:30:00Z'))).toEqual({ reason: 'weekend' }); // Saturday 00:30
  });

  it('flags Dutch public holidays by name: Koningsdag, Ascension, Christmas', () => {
    expect(outsideSchoolHours(new Date('2026-04-27T10:00:00Z'))).toEqual({ reason: 'holiday', holiday: 'koningsdag' });
    expect(outsideSchoolHours(new Date('2026-05-14T10:00:00Z'))).toEqual({ reason: 'holiday', holiday: 'hemelvaartsdag' });
    expect(outsideSchoolHours(new Date('2026-12-25T10:00:00Z'))).toEqual({ reason: 'holiday', holiday: 'eerste-kerstdag' });
  });
});

describe('who was on the team when', () => {
  const history = {
    startedAt: '2026-11-01T08:00:00.000Z',
    current: [
      { userId: 'ib', addedAt: '2026-11-01T08:00:00.000Z' },
      { userId: 'smw', addedAt: '2026-11-10T08:00:00.000Z' },
    ],
    changes: [
      // The team is formed: the teacher and SMW join, the IB'er changes role (stays on).
      { at: '2026-11-10T08:00:00.000Z', addedUserIds: ['ib', 'smw', 'teacher'], removedUserIds: ['ib'] },
      // The teacher leaves the team.
      { at: '2026-11-15T08:00:00.000Z', addedUserIds: [], removedUserIds: ['teacher'] },
    ],
  };
  const periods = teamPeriods(history);

  it('keeps the IB’er who joined at the start on, through a change of team role', () => {
    expect(wasOnTeam(periods, 'ib', '2026-11-05T08:00:00.000Z')).toBe(true);
    expect(wasOnTeam(periods, 'ib', '2026-11-20T08:00:00.000Z')).toBe(true);
  });

  it('counts someone from the moment they joined until they left', () => {
    expect(wasOnTeam(periods, 'teacher', '2026-11-09T08:00:00.000Z')).toBe(false);
    expect(wasOnTeam(periods, 'teacher', '2026-11-12T08:00:00.000Z')).toBe(true);
    expect(wasOnTeam(periods, 'teacher', '2026-11-15T08:00:00.000Z')).toBe(false);
    expect(wasOnTeam(periods, 'smw', '2026-11-09T08:00:00.000Z')).toBe(false);
    expect(wasOnTeam(periods, 'smw', '2026-11-20T08:00:00.000Z')).toBe(true);
  });

  it('takes someone who left without a recorded joining as on the team since the case started', () => {
    const p = teamPeriods({ startedAt: '2026-11-01T08:00:00.000Z', current: [], changes: [{ at: '2026-11-10T08:00:00.000Z', addedUserIds: [], removedUserIds: ['ib'] }] });
    expect(wasOnTeam(p, 'ib', '2026-11-02T08:00:00.000Z')).toBe(true);
    expect(wasOnTeam(p, 'ib', '2026-11-11T08:00:00.000Z')).toBe(false);
  });
});

describe('many cases in a short time', () => {
  const openings = (n: number, spreadMinutes: number, actor = 'dir'): CaseOpening[] =>
    Array.from({ length: n }, (_, i) => ({ actorUserId: actor, caseId: `case-${i}`, occurredAt: minutes(TUESDAY_10, (i * spreadMinutes) / Math.max(1, n - 1)) }));

  it('names its thresholds: 10 cases within 15 minutes', () => {
    expect([BULK_CASE_COUNT, BULK_WINDOW_MINUTES]).toEqual([10, 15]);
  });

  it(`flags ${BULK_CASE_COUNT} different cases within ${BULK_WINDOW_MINUTES} minutes, with the count`, () => {
    expect(bulkAround(openings(10, 14), 'dir', TUESDAY_10)).toBe(10);
    expect(bulkAround(openings(12, 10), 'dir', minutes(TUESDAY_10, 10))).toBe(12);
  });

  it('does not flag nine cases, ten spread over more than the window, or one case opened many times', () => {
    expect(bulkAround(openings(9, 5), 'dir', TUESDAY_10)).toBeNull();
    expect(bulkAround(openings(10, 20), 'dir', TUESDAY_10)).toBeNull();
    const sameCase = Array.from({ length: 20 }, (_, i) => ({ actorUserId: 'dir', caseId: 'one', occurredAt: minutes(TUESDAY_10, i) }));
    expect(bulkAround(sameCase, 'dir', TUESDAY_10)).toBeNull();
  });

  it('counts only the person’s own openings', () => {
    const mixed = [...openings(5, 5, 'dir'), ...openings(10, 5, 'someone-else')];
    expect(bulkAround(mixed, 'dir', TUESDAY_10)).toBeNull();
  });

  it('asks the database for one merged window per stretch of a person’s openings', () => {
    const windows = bulkWindows([
      { actorUserId: 'dir', occurredAt: TUESDAY_10 },
      { actorUserId: 'dir', occurredAt: minutes(TUESDAY_10, 20) },
      { actorUserId: 'dir', occurredAt: minutes(TUESDAY_10, 120) },
      { actorUserId: 'ib', occurredAt: TUESDAY_10 },
    ]);
    expect(windows).toEqual([
      { actorUserId: 'dir', from: minutes(TUESDAY_10, -15), until: minutes(TUESDAY_10, 35) },
      { actorUserId: 'dir', from: minutes(TUESDAY_10, 105), until: minutes(TUESDAY_10, 135) },
      { actorUserId: 'ib', from: minutes(TUESDAY_10, -15), until: minutes(TUESDAY_10, 15) },
    ]);
  });
});

describe('the flags of one access', () => {
  it('flags nothing for a team member reading in school hours', () => {
    expect(kinds(event())).toEqual([]);
    expect(kinds(event({ actorUserId: 'teacher' }))).toEqual([]);
  });

  it('flags someone not on the team at that moment, but not the one who started the case', () => {
    expect(kinds(event({ actorUserId: 'other-teacher' }))).toEqual(['not-on-team']);
    const startedByOutsider = context({ startedBy: 'other-teacher' });
    expect(kinds(event({ actorUserId: 'other-teacher' }), startedByOutsider)).toEqual([]);
    const teacherLeft = context({ team: [{ userId: 'teacher', from: '2026-11-20T08:00:00.000Z', until: '2026-11-23T08:00:00.000Z' }], startedBy: 'x' });
    expect(kinds(event({ actorUserId: 'teacher' }), teacherLeft)).toEqual(['not-on-team']);
  });

  it('does not flag the board on the staff route, nor directie reading the access log itself', () => {
    expect(kinds(event({ actorUserId: 'board' }), context({ entitledUserIds: ['board'] }))).toEqual([]);
    expect(kinds(event({ actorUserId: 'director', action: 'case.access-log.read' }))).toEqual([]);
  });

  it('flags emergency access, and the reads made through it afterwards', () => {
    const withBreakGlass = context({ breakGlass: [{ userId: 'ib2', openedAt: TUESDAY_10 }] });
    expect(flagsOf(event({ actorUserId: 'ib2', action: 'case.break-glass' }), withBreakGlass)).toEqual([{ kind: 'not-on-team' }, { kind: 'break-glass', how: 'opened' }]);
    expect(flagsOf(event({ actorUserId: 'ib2', occurredAt: minutes(TUESDAY_10, 1) }), withBreakGlass)).toEqual([{ kind: 'not-on-team' }, { kind: 'break-glass', how: 'through' }]);
  });

  it('flags a read in a bulk of cases, and not a write', () => {
    const many = Array.from({ length: 11 }, (_, i) => ({ actorUserId: 'ib', caseId: `c${i}`, occurredAt: minutes(TUESDAY_10, i) }));
    expect(flagsOf(event(), context({ openings: many }))).toEqual([{ kind: 'bulk', cases: 11 }]);
    expect(kinds(event({ action: 'case.entry.record' }), context({ openings: many }))).toEqual([]);
  });

  it('flags access outside school hours, whoever it is', () => {
    expect(flagsOf(event({ occurredAt: '2026-11-24T21:15:00.000Z' }), context())).toEqual([{ kind: 'outside-school-hours', reason: 'late' }]);
  });
});

describe('the access log: readable lines', () => {
  it('says in plain terms what each case action is, with a fallback for actions it does not know', () => {
    expect(['case.start', 'case.read', 'case.entry.record', 'case.entry.correct', 'case.team.update', 'case.decide', 'case.break-glass', 'case.weigh', 'case.report', 'case.risk-index', 'case.close', 'case.reopen', 'case.access-log.read'].map(accessActionKey)).toEqual([
      'start', 'read', 'record', 'correct', 'team', 'decide', 'break-glass', 'weigh', 'report', 'risk-index', 'close', 'reopen', 'access-log',
    ]);
    expect(accessActionKey('case.something-new')).toBe('other');
    expect(accessActionKey('constructor')).toBe('other');
  });

  it('collapses one person’s reads of a day into one line with a count, newest line first', () => {
    const events = [
      event({ id: 1, occurredAt: TUESDAY_10 }),
      event({ id: 2, occurredAt: minutes(TUESDAY_10, 30) }),
      event({ id: 3, occurredAt: minutes(TUESDAY_10, 60) }),
      event({ id: 4, occurredAt: minutes(TUESDAY_10, 24 * 60) }),
      event({ id: 5, occurredAt: minutes(TUESDAY_10, 5), action: 'case.entry.record', entryKind: 'signal' }),
      event({ id: 6, occurredAt: minutes(TUESDAY_10, 10), actorUserId: 'teacher', actorRole: 'teacher' }),
    ];
    const lines = accessLog(events, context());
    expect(lines.map((l) => [l.actorUserId, l.actionKey, l.day, l.count])).toEqual([
      ['ib', 'read', '2026-11-25', 1],
      ['ib', 'read', '2026-11-24', 3],
      ['teacher', 'read', '2026-11-24', 1],
      ['ib', 'record', '2026-11-24', 1],
    ]);
    expect(lines[1]).toMatchObject({ firstAt: TUESDAY_10, lastAt: minutes(TUESDAY_10, 60), entryKind: null, flags: [] });
    expect(lines[3]!.entryKind).toBe('signal');
  });

  it('keeps a flagged read on a line of its own, so the filter finds it', () => {
    const lines = accessLog([event({ id: 1 }), event({ id: 2, occurredAt: '2026-11-24T20:00:00.000Z' })], context());
    expect(lines.map((l) => [l.count, l.flags.map((f) => f.kind)])).toEqual([
      [1, ['outside-school-hours']],
      [1, []],
    ]);
    expect(lines.filter(isUnusual)).toHaveLength(1);
  });

  it('groups by the school’s day: 00:30 in Amsterdam is the next day, not the UTC one', () => {
    const lines = accessLog([event({ id: 1, occurredAt: '2026-11-24T23:30:00.000Z' })], context());
    expect(lines[0]!.day).toBe('2026-11-25');
  });
});

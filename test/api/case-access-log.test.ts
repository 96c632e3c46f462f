import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../../src/cli/demo/demo-board.js';
import { newTotpSecret } from '../../src/server/auth/totp.js';
import { createAccount } from '../../src/server/people/accounts.js';
import { SecretBox } from '../../src/server/security/secret-box.js';
import { ENGINES } from '../support/databases.js';
import { account, createDemoApp, elevate, KOMPAS, REGENBOOG, signInAs, userIdOf, type DemoApp } from '../support/demo-app.js';
import { addPupil } from '../support/pupil-fixtures.js';
import type { Session } from '../support/test-app.js';

const DESCRIPTION = 'Blauwe plek van ongeveer 4 cm op de linkerbovenarm. Finn zei: "Ik ben gevallen."';
const BREAK_GLASS_REASON = 'Casushouder ziek, moeder belt met een acute vraag';

const signal = (overrides: Record<string, unknown> = {}) => ({
  observedOn: '2026-11-23',
  observedTime: '08:40',
  place: 'klaslokaal',
  observedBy: 'Sanne de Wit',
  source: 'own-observation',
  sourceDetail: null,
  description: DESCRIPTION,
  counterIndications: null,
  signalItemIds: [],
  bodyMap: [],
  ...overrides,
});

/** A second IB'er at De Regenboog, new this year and on none of its cases. */
async function addSecondIb(t: DemoApp): Promise<DemoAccount> {
  const school = (await t.ctx.repos.boards.findSchoolByName(REGENBOOG))!;
  const person = { email: 'ib2.regenboog@meldpad.test', password: 'Vlinder-Kompas-Zeilboot-2026', totpSecret: newTotpSecret() };
  const now = t.clock.now();
  await t.ctx.db.kysely.transaction().execute(async (tx) => {
    const userId = await createAccount(t.ctx.repos, { boardId: school.boardId, email: person.email, name: 'Noor Visser', password: person.password, memberships: [{ schoolId: school.id, role: 'ib' }] }, now, tx);
    await t.ctx.repos.users.confirmTotp(userId, new SecretBox(t.ctx.secretsKey, 'totp-secret').seal(person.totpSecret), 0, now, tx);
  });
  return { ...person, role: 'ib', school: REGENBOOG, schools: [REGENBOOG] };
}

type Line = { actor: { userId: string | null; name: string | null; role: string | null }; action: string; actionKey: string; entryKind: string | null; count: number; day: string; flags: { kind: string; how?: string; reason?: string; cases?: number }[] };

describe.each(ENGINES)('who saw this file (%s)', (engine) => {
  let t: DemoApp;
  let finn: string;
  let teacher: Session;
  let ib: Session;
  let ibId: string;
  let caseId: string;

  beforeEach(async () => {
    t = await createDemoApp(engine, {}, { pupilsPerSchool: 0 });
    // Tuesday 24 November 2026, 10:00 in Amsterdam: a school day.
    t.clock.advance(Date.parse('2026-11-24T09:00:00Z') - t.clock.now().getTime());
    finn = await addPupil(t, REGENBOOG, 'Groep 3 Vossen', { callName: 'Finn', surnamePrefix: 'de', surname: 'Vries', pupilNumber: '4102' });
    teacher = await signInAs(t, account(t, 'teacher'));
    const started = await teacher.post(`/api/pupils/${finn}/cases`, { worry: 'home-situation', firstSignal: signal() });
    expect(started.statusCode, started.body).toBe(201);
    caseId = started.json().id;
    ib = await signInAs(t, account(t, 'ib'));
    ibId = await userIdOf(t, account(t, 'ib'));
    const teacherId = await userIdOf(t, account(t, 'teacher'));
    const team = await ib.put(`/api/cases/${caseId}/team`, { members: [{ userId: ibId, teamRole: 'ib' }, { userId: teacherId, teamRole: 'teacher' }], casushouderId: ibId });
    expect(team.statusCode, team.body).toBe(200);
  });
  afterEach(async () => t.close());

  async function logOf(session: Session): Promise<{ lines: Line[]; rules: Record<string, number> }> {
    const response = await session.get(`/api/cases/${caseId}/access-log`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  it('shows the casushouder every person who opened the file and what they did, and flags the break-glass read of an IB’er not on the team', async () => {
    await teacher.get(`/api/cases/${caseId}`);
    await teacher.get(`/api/cases/${caseId}`);
    await ib.get(`/api/cases/${caseId}`);
    const noorAccount = await addSecondIb(t);
    const noor = await signInAs(t, noorAccount);
    const noorId = await userIdOf(t, noorAccount);
    expect((await noor.get(`/api/cases/${caseId}`)).statusCode).toBe(403);
    await elevate(t, noor, noorAccount);
    expect((await noor.post(`/api/cases/${caseId}/break-glass`, { reason: BREAK_GLASS_REASON })).statusCode).toBe(200);
    expect((await noor.get(`/api/cases/${caseId}`)).statusCode).toBe(200);

    const { lines, rules } = await logOf(ib);
    expect(rules).toEqual({ bulkCaseCount: 10, bulkWindowMinutes: 15, schoolDayStartsHour: 7, schoolDayEndsHour: 19 });
    const noorLines = lines.filter((l) => l.actor.userId === noorId);
    expect(noorLines.map((l) => [l.actor.name, l.actor.role, l.actionKey, l.flags])).toEqual([
      ['Noor Visser', 'ib', 'read', [{ kind: 'not-on-team' }, { kind: 'break-glass', how: 'through' }]],
      ['Noor Visser', 'ib', 'break-glass', [{ kind: 'not-on-team' }, { kind: 'break-glass', how: 'opened' }]],
    ]);
    // The teacher who started it and is on the team: two reads on one line, nothing flagged.
    const teacherRead = lines.find((l) => l.actor.name === 'Sanne de Wit' && l.actionKey === 'read')!;
    expect([teacherRead.count, teacherRead.day, teacherRead.flags]).toEqual([2, '2026-11-24', []]);
    const recorded = lines.find((l) => l.actor.name === 'Sanne de Wit' && l.actionKey === 'record')!;
    expect([recorded.entryKind, recorded.flags]).toEqual(['signal', []]);
    expect(lines.find((l) => l.actionKey === 'start')?.actor.name).toBe('Sanne de Wit');
    expect(lines.find((l) => l.actionKey === 'team')?.actor).toEqual({ userId: ibId, name: 'Yasmina El Amrani', role: 'ib' });
    expect(lines.filter((l) => l.flags.length > 0).every((l) => l.actor.userId === noorId)).toBe(true);
  });

  it('tells nothing of what the file says: names, roles, actions and times only', async () => {
    const directorAccount = account(t, 'director');
    const director = await signInAs(t, directorAccount);
    await elevate(t, director, directorAccount);
    await director.post(`/api/cases/${caseId}/break-glass`, { reason: BREAK_GLASS_REASON });
    const response = await ib.get(`/api/cases/${caseId}/access-log`);
    for (const secret of [DESCRIPTION, 'Blauwe plek', BREAK_GLASS_REASON, 'Finn', 'Vries', 'klaslokaal', finn]) expect(response.body).not.toContain(secret);
    const body = response.json() as { lines: Record<string, unknown>[] };
    expect(Object.keys(body).sort()).toEqual(['lines', 'rules']);
    for (const line of body.lines) expect(Object.keys(line).sort()).toEqual(['action', 'actionKey', 'actor', 'count', 'day', 'entryKind', 'firstAt', 'flags', 'lastAt', 'outcome']);
  });

  it('is for the casushouder and directie only: a teacher on the team, another IB’er, the administrator, another school and the board get not found', async () => {
    expect((await teacher.get(`/api/cases/${caseId}/access-log`)).statusCode).toBe(404);
    const noor = await signInAs(t, await addSecondIb(t));
    expect((await noor.get(`/api/cases/${caseId}/access-log`)).statusCode).toBe(404);
    expect((await (await signInAs(t, account(t, 'administrator'))).get(`/api/cases/${caseId}/access-log`)).statusCode).toBe(404);
    expect((await (await signInAs(t, account(t, 'ib', KOMPAS))).get(`/api/cases/${caseId}/access-log`)).statusCode).toBe(404);
    expect((await (await signInAs(t, account(t, 'director', KOMPAS))).get(`/api/cases/${caseId}/access-log`)).statusCode).toBe(404);
    expect((await (await signInAs(t, account(t, 'board', null))).get(`/api/cases/${caseId}/access-log`)).statusCode).toBe(404);
    expect((await teacher.get('/api/cases/no-such-case/access-log')).statusCode).toBe(404);
    // The case page says so too, so the page shows the section only to those who may.
    expect((await teacher.get(`/api/cases/${caseId}`)).json().abilities['case.access-log']).toBe(false);
    expect((await ib.get(`/api/cases/${caseId}`)).json().abilities['case.access-log']).toBe(true);
  });

  it('lets directie of the school see it without being on the team, and audits every reading of the list', async () => {
    const director = await signInAs(t, account(t, 'director'));
    const directorId = await userIdOf(t, account(t, 'director'));
    expect((await director.get(`/api/cases/${caseId}`)).statusCode).toBe(403);
    // The emergency-access page asks whether to offer the list: yes for directie, not found for the team's teacher.
    expect((await director.get(`/api/cases/${caseId}/access-log/available`)).json()).toEqual({ available: true });
    expect((await teacher.get(`/api/cases/${caseId}/access-log/available`)).statusCode).toBe(404);
    await logOf(director);
    const { lines } = await logOf(ib);
    expect(lines.find((l) => l.actor.userId === directorId)).toMatchObject({ actionKey: 'access-log', count: 1, flags: [] });
    const events = (await t.ctx.repos.audit.latest(50)).filter((e) => e.action === 'case.access-log.read' && e.caseId === caseId);
    expect(events.map((e) => [e.actorUserId, e.pupilId])).toEqual([
      [ibId, finn],
      [directorId, finn],
    ]);
  });

  it('flags access outside school hours: in the evening, at the weekend and on a public holiday', async () => {
    // Each time a fresh sign-in: the earlier session has ended by then.
    const at = async (iso: string, who: DemoAccount) => {
      t.clock.advance(Date.parse(iso) - t.clock.now().getTime());
      const session = await signInAs(t, who);
      expect((await session.get(`/api/cases/${caseId}`)).statusCode).toBe(200);
      return session;
    };
    await at('2026-11-24T20:30:00Z', account(t, 'teacher')); // 21:30 on Tuesday
    await at('2026-11-28T10:00:00Z', account(t, 'ib')); // Saturday
    const ibAgain = await at('2026-12-25T10:00:00Z', account(t, 'ib')); // Christmas Day
    const { lines } = await logOf(ibAgain);
    const outside = lines.filter((l) => l.actionKey === 'read').map((l) => [l.actor.name, l.day, l.flags]);
    expect(outside).toEqual([
      ['Yasmina El Amrani', '2026-12-25', [{ kind: 'outside-school-hours', reason: 'holiday', holiday: 'eerste-kerstdag' }]],
      ['Yasmina El Amrani', '2026-11-28', [{ kind: 'outside-school-hours', reason: 'weekend', holiday: null }]],
      ['Sanne de Wit', '2026-11-24', [{ kind: 'outside-school-hours', reason: 'late', holiday: null }]],
    ]);
  });

  it('flags a read that was one of many cases opened in a short time, counting the other cases from the audit trail', async () => {
    const director = await signInAs(t, account(t, 'director'));
    const directorId = await userIdOf(t, account(t, 'director'));
    await elevate(t, director, account(t, 'director'));
    await director.post(`/api/cases/${caseId}/break-glass`, { reason: BREAK_GLASS_REASON });
    // Nine other cases opened in the next ten minutes (as the audit trail records them).
    for (let i = 0; i < 9; i++) {
      t.clock.advance(60_000);
      await t.ctx.repos.audit.append({ occurredAt: t.clock.now(), action: 'case.read', outcome: 'success', actorUserId: directorId, actorRole: 'director', caseId: `other-case-${i}` });
    }
    // Twenty minutes later the same person reads this case again: no longer within the quarter of an hour.
    t.clock.advance(20 * 60_000);
    expect((await director.get(`/api/cases/${caseId}`)).statusCode).toBe(200);
    // Someone else's reading of many cases does not count for the director.
    for (let i = 0; i < 12; i++) await t.ctx.repos.audit.append({ occurredAt: t.clock.now(), action: 'case.read', outcome: 'success', actorUserId: ibId, actorRole: 'ib', caseId: `ib-case-${i}` });
    const { lines } = await logOf(await signInAs(t, account(t, 'ib')));
    const directorLines = lines.filter((l) => l.actor.userId === directorId).map((l) => [l.actionKey, l.flags.map((f) => (f.kind === 'bulk' ? `bulk:${f.cases}` : f.kind))]);
    expect(directorLines).toEqual([
      ['read', ['not-on-team', 'break-glass']],
      ['break-glass', ['not-on-team', 'break-glass', 'bulk:10']],
    ]);
  });

  it('on the staff route: the board sees who opened it; the IB’er and directie, who may not know it exists, get not found', async () => {
    const staffCase = await teacher.post(`/api/pupils/${finn}/cases`, { worry: 'staff-member', firstSignal: signal({ source: 'child-told' }) });
    const staffCaseId = staffCase.json().id;
    const board = await signInAs(t, account(t, 'board', null));
    await board.get(`/api/cases/${staffCaseId}`);
    const response = await board.get(`/api/cases/${staffCaseId}/access-log`);
    expect(response.statusCode, response.body).toBe(200);
    const lines = (response.json() as { lines: Line[] }).lines;
    expect(lines.map((l) => [l.actor.name, l.actionKey, l.flags])).toEqual([
      ['Anneloes Vermeulen', 'read', []],
      // Started with its first signal in one request: the signal's event came last.
      ['Sanne de Wit', 'record', []],
      ['Sanne de Wit', 'start', []],
    ]);
    expect((await ib.get(`/api/cases/${staffCaseId}/access-log`)).statusCode).toBe(404);
    expect((await (await signInAs(t, account(t, 'director'))).get(`/api/cases/${staffCaseId}/access-log`)).statusCode).toBe(404);
    expect((await teacher.get(`/api/cases/${staffCaseId}/access-log`)).statusCode).toBe(404);
  });
});

import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/cases/working-days.js';
import { addYears } from '../../src/domain/retention/due-date.js';
import { KEPT_CASE_TABLES } from '../../src/db/repositories/case-destruction-repository.js';
import { notify } from '../../src/server/notifications/notify.js';
import { schoolDate } from '../../src/server/pupils/school-date.js';
import { dailyKey, ensureRetentionSchedule } from '../../src/server/retention/daily-job.js';
import { ENGINES } from '../support/databases.js';
import { account, createDemoApp, elevate, KOMPAS, REGENBOOG, signInAs, userIdOf, type DemoApp } from '../support/demo-app.js';
import { Session } from '../support/test-app.js';

const DAY = 24 * 60 * 60 * 1000;

describe.each(ENGINES)('retention: terms, due cases, legal holds and destruction (%s)', (engine) => {
  let t: DemoApp;
  let schoolId: string;
  let boardId: string;
  let ibId: string;
  let directorId: string;
  let teacherId: string;
  let groupId: string;
  let counter = 0;

  beforeAll(async () => {
    t = await createDemoApp(engine, {}, { pupilsPerSchool: 0 });
    const school = (await t.ctx.repos.boards.findSchoolByName(REGENBOOG))!;
    schoolId = school.id;
    boardId = school.boardId;
    ibId = await userIdOf(t, account(t, 'ib'));
    directorId = await userIdOf(t, account(t, 'director'));
    teacherId = await userIdOf(t, account(t, 'teacher'));
    groupId = (await t.ctx.repos.groups.list({ schoolId, userId: '' }))[0]!.id;
    await t.ctx.db.kysely.deleteFrom('notifications').execute();
  });
  afterAll(async () => t.close());

  const today = () => schoolDate(t.clock.now());

  /**
   * A closed meldcode case with everything a case can have: an entry with two versions, a team, an
   * emergency access, a notification, a pending reminder and a lifted hold. Its pupil left on
   * `leftOn` (null: still at school).
   */
  async function closedCase(leftOn: string | null, options: { closedDaysAgo?: number } = {}) {
    const n = counter++;
    const pupilId = randomUUID();
    const scope = { schoolId, userId: ibId };
    await t.ctx.repos.pupils.create(scope, pupilId, { pupilNumber: `R${n}-${engine}`, givenNames: 'Bewaar', callName: `Bewaar${n}`, surnamePrefix: null, surname: `Termijn${n}`, dateOfBirth: '2012-05-01', sex: null, groupId, enrolledOn: null }, t.clock.now());
    if (leftOn) await t.ctx.repos.pupils.setLeft(scope, pupilId, leftOn, t.clock.now());
    const protocol = await t.ctx.repos.protocols.current(scope, t.clock.now());
    const caseId = randomUUID();
    const startedAt = new Date(t.clock.now().getTime() - 900 * DAY).toISOString();
    const closedAt = new Date(t.clock.now().getTime() - (options.closedDaysAgo ?? 800) * DAY).toISOString();
    await t.ctx.repos.cases.create({ id: caseId, schoolId, boardId, pupilId, route: 'meldcode', protocolVersionId: protocol.id, step: 3, phase: 'open', startedBy: teacherId, startedAt });
    await t.ctx.repos.cases.addTeamMembers(caseId, [{ userId: ibId, teamRole: 'ib' }, { userId: teacherId, teamRole: 'teacher' }], ibId, startedAt);
    const entryId = randomUUID();
    const signal = { observedOn: startedAt.slice(0, 10), observedTime: null, place: null, observedBy: 'leerkracht', source: 'own-observation', sourceDetail: null, description: `Geheime zin ${n} over het kind.`, counterIndications: null, signalItemIds: [], bodyMap: [] };
    await t.ctx.repos.cases.addEntryVersion({ id: randomUUID(), caseId, schoolId, entryId, version: 1, kind: 'signal', body: signal, recordedBy: teacherId, recordedAt: startedAt, correctionReason: null });
    await t.ctx.repos.cases.addEntryVersion({ id: randomUUID(), caseId, schoolId, entryId, version: 2, kind: 'signal', body: { ...signal, description: `Verbeterde zin ${n}.` }, recordedBy: teacherId, recordedAt: startedAt, correctionReason: 'typfout' });
    await t.ctx.repos.cases.addBreakGlass({ id: randomUUID(), caseId, userId: directorId, reason: 'nood', openedAt: startedAt });
    await notify(t.ctx, { userId: ibId, schoolId, kind: 'case.started', caseId });
    await t.ctx.jobs.schedule({ kind: 'notification.due', payload: { userId: ibId, schoolId, kind: 'agreement.due', caseId, subjectId: entryId, dueOn: addDays(today(), 400) }, runAt: new Date(t.clock.now().getTime() + 400 * DAY), dedupeKey: `agreement:${entryId}:x` });
    await t.ctx.repos.retention.setHold({ id: randomUUID(), caseId, schoolId, ground: 'complaint', setBy: ibId, at: startedAt });
    await t.ctx.repos.retention.liftHold(caseId, ibId, startedAt);
    await t.ctx.repos.cases.setProgress(caseId, { step: 3, phase: 'closed', casushouderId: ibId }, closedAt);
    await t.ctx.repos.cases.setClosedAt(caseId, closedAt);
    return { caseId, pupilId, entryId, name: `Bewaar${n} Termijn${n}` };
  }

  /** Every row anywhere that still names the case (the audit trail and the destruction record excepted). */
  async function rowsNaming(caseId: string): Promise<Record<string, number>> {
    const found: Record<string, number> = {};
    const tables = await t.ctx.db.kysely.introspection.getTables();
    for (const table of tables) {
      if (KEPT_CASE_TABLES.includes(table.name)) continue;
      for (const column of table.columns.filter((c) => ['case_id', 'subject_id'].includes(c.name) || (table.name === 'cases' && c.name === 'id'))) {
        const result = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table.name)} where ${sql.ref(column.name)} = ${caseId}`.execute(t.ctx.db.kysely);
        const n = Number(result.rows[0]?.n ?? 0);
        if (n > 0) found[`${table.name}.${column.name}`] = n;
      }
    }
    const jobs = await t.ctx.db.kysely.selectFrom('jobs').select('payload').where('payload', 'like', `%${caseId}%`).execute();
    if (jobs.length > 0) found['jobs.payload'] = jobs.length;
    return found;
  }

  it('answers 401 to anyone not signed in', async () => {
    expect((await new Session(t).get('/api/retention')).statusCode).toBe(401);
  });

  it("keeps the default of two years until directie records another term, with who and when", async () => {
    const ib = await signInAs(t, account(t, 'ib'));
    const before = (await ib.get('/api/retention')).json();
    expect(before.term).toEqual({ years: 2, isDefault: true, setBy: null, setAt: null });
    expect(before.abilities).toEqual({ setTerm: false, destroy: true });
    expect((await ib.put('/api/retention/term', { years: 3 })).statusCode).toBe(404);

    const director = await signInAs(t, account(t, 'director'));
    const refused = await director.put('/api/retention/term', { years: 0 });
    expect([refused.statusCode, refused.json().error.field]).toEqual([400, 'years']);
    const set = await director.put('/api/retention/term', { years: 3 });
    expect(set.statusCode).toBe(200);
    expect(set.json().term).toMatchObject({ years: 3, isDefault: false, setBy: { userId: directorId, name: 'Marieke Jansen' } });
    expect((await ib.get('/api/retention')).json().term.years).toBe(3);
    expect(await t.ctx.repos.audit.latest(5)).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'retention.term.update', subjectId: '3', actorUserId: directorId })]));
    await director.put('/api/retention/term', { years: 2 });
  });

  it("lists what is due and what falls due within a month; a pupil who has not left, or a held case, is not listed", async () => {
    const due = await closedCase(addYears(addDays(today(), -10), -2));
    const upcoming = await closedCase(addYears(addDays(today(), 20), -2));
    const later = await closedCase(addYears(addDays(today(), 60), -2));
    const stillHere = await closedCase(null);
    const held = await closedCase(addYears(addDays(today(), -100), -2));
    await t.ctx.repos.retention.setHold({ id: randomUUID(), caseId: held.caseId, schoolId, ground: 'court-proceedings', setBy: directorId, at: t.clock.now().toISOString() });

    const ib = await signInAs(t, account(t, 'ib'));
    const body = (await ib.get('/api/retention')).json();
    const dueIds = body.due.map((d: { caseId: string }) => d.caseId);
    const upcomingIds = body.upcoming.map((d: { caseId: string }) => d.caseId);
    expect(dueIds).toContain(due.caseId);
    expect(body.due.find((d: { caseId: string }) => d.caseId === due.caseId)).toMatchObject({ pupilName: due.name, dueOn: addDays(today(), -10), escalated: false, escalateOn: addDays(today(), 20) });
    expect(upcomingIds).toEqual([upcoming.caseId]);
    for (const hidden of [later, stillHere, held]) expect([...dueIds, ...upcomingIds]).not.toContain(hidden.caseId);
    expect(body.heldCount).toBe(1);
    expect(body.pupilNotLeftCount).toBe(1);
    // Never anything written in the case.
    expect(JSON.stringify(body)).not.toContain('Geheime zin');

    expect((await (await signInAs(t, account(t, 'teacher'))).get('/api/retention')).statusCode).toBe(404);
    expect((await (await signInAs(t, account(t, 'administrator'))).get('/api/retention')).statusCode).toBe(404);

    // The case page says where each stands.
    expect((await ib.get(`/api/cases/${stillHere.caseId}/retention`)).json()).toMatchObject({ status: 'pupil-not-left', dueOn: null, termYears: 2 });
    expect((await ib.get(`/api/cases/${upcoming.caseId}/retention`)).json()).toMatchObject({ status: 'upcoming', dueOn: addDays(today(), 20) });
    expect((await ib.get(`/api/cases/${held.caseId}/retention`)).json()).toMatchObject({ status: 'held', hold: { ground: 'court-proceedings', setBy: { userId: directorId } } });
  });

  it('destroys a due case only with a fresh code, completely, in one go, leaving a record without content', async () => {
    const c = await closedCase(addYears(addDays(today(), -40), -2));
    const who = account(t, 'ib');
    const ib = await signInAs(t, who);
    expect(Object.keys(await rowsNaming(c.caseId)).sort()).toEqual(['case_break_glass.case_id', 'case_entries.case_id', 'case_legal_holds.case_id', 'case_team_members.case_id', 'cases.id', 'jobs.payload', 'notifications.case_id'].sort());

    const withoutCode = await ib.post(`/api/retention/cases/${c.caseId}/destroy`, {});
    expect([withoutCode.statusCode, withoutCode.json().error.code]).toEqual([403, 'elevation-required']);
    expect((await rowsNaming(c.caseId))['cases.id']).toBe(1);

    await elevate(t, ib, who);
    const destroyed = await ib.post(`/api/retention/cases/${c.caseId}/destroy`, {});
    expect(destroyed.statusCode).toBe(200);
    expect(await rowsNaming(c.caseId)).toEqual({});
    expect(await t.ctx.repos.caseDestruction.remaining(c.caseId)).toEqual(expect.objectContaining({ cases: 0, case_entries: 0 }));
    expect((await ib.get(`/api/cases/${c.caseId}`)).statusCode).toBe(404);

    const record = (await ib.get('/api/retention')).json().destructions.find((d: { caseId: string }) => d.caseId === c.caseId);
    expect(record).toMatchObject({ closedOn: expect.any(String), dueOn: addDays(today(), -40), termYears: 2, termSetBy: { userId: directorId }, confirmedBy: { userId: ibId }, destroyedAt: destroyed.json().destroyedAt });
    const stored = await t.ctx.db.kysely.selectFrom('case_destructions').selectAll().where('case_id', '=', c.caseId).executeTakeFirstOrThrow();
    expect(Object.keys(stored).sort()).toEqual(['board_id', 'case_id', 'closed_on', 'confirmed_by', 'destroyed_at', 'due_on', 'route', 'school_id', 'started_on', 'term_set_at', 'term_set_by', 'term_years']);
    expect(await t.ctx.repos.audit.latest(3)).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'case.destroy', caseId: c.caseId, actorUserId: ibId, outcome: 'success' })]));

    // One code, one destruction: the next case asks for a fresh code again.
    const next = await closedCase(addYears(addDays(today(), -40), -2));
    const again = await ib.post(`/api/retention/cases/${next.caseId}/destroy`, {});
    expect([again.statusCode, again.json().error.code]).toEqual([403, 'elevation-required']);
    await elevate(t, ib, who);
    expect((await ib.post(`/api/retention/cases/${next.caseId}/destroy`, {})).statusCode).toBe(200);
    // Gone is gone: a second confirmation finds nothing.
    await elevate(t, ib, who);
    expect((await ib.post(`/api/retention/cases/${next.caseId}/destroy`, {})).statusCode).toBe(404);
  });

  it('refuses what is not due, and what a legal hold keeps, until the hold is lifted', async () => {
    const who = account(t, 'ib');
    const ib = await signInAs(t, who, { elevated: true });
    const notDue = await closedCase(addYears(addDays(today(), 20), -2));
    const notDueAnswer = await ib.post(`/api/retention/cases/${notDue.caseId}/destroy`, {});
    expect([notDueAnswer.statusCode, notDueAnswer.json().error.code]).toEqual([409, 'retention-not-due']);

    const c = await closedCase(addYears(addDays(today(), -40), -2));
    // The teacher on the team may not set a hold; the casushouder (the IB'er) may, with a ground from the list only.
    const teacher = await signInAs(t, account(t, 'teacher'));
    expect((await teacher.post(`/api/cases/${c.caseId}/legal-hold`, { ground: 'complaint' })).statusCode).toBe(404);
    expect((await ib.post(`/api/cases/${c.caseId}/legal-hold`, { ground: 'de vader dreigt' })).statusCode).toBe(400);
    const set = await ib.post(`/api/cases/${c.caseId}/legal-hold`, { ground: 'veilig-thuis-request' });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ status: 'held', hold: { ground: 'veilig-thuis-request', setBy: { userId: ibId } } });
    expect((await ib.post(`/api/cases/${c.caseId}/legal-hold`, { ground: 'complaint' })).statusCode).toBe(409);

    const list = (await ib.get('/api/retention')).json();
    expect(list.due.map((d: { caseId: string }) => d.caseId)).not.toContain(c.caseId);
    const refused = await ib.post(`/api/retention/cases/${c.caseId}/destroy`, {});
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'retention-held']);
    expect((await rowsNaming(c.caseId))['case_entries.case_id']).toBe(2);

    const lifted = await ib.post(`/api/cases/${c.caseId}/legal-hold/lift`, {});
    expect(lifted.json()).toMatchObject({ status: 'due', hold: null });
    expect((await ib.get('/api/retention')).json().due.map((d: { caseId: string }) => d.caseId)).toContain(c.caseId);
    expect(await t.ctx.repos.audit.latest(4)).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'case.legal-hold.lift', caseId: c.caseId })]));
  });

  it("notifies the IB'ers of what is due once, raises it to directie after 30 days, and runs again the next day", async () => {
    await t.ctx.db.kysely.deleteFrom('notifications').execute();
    // Everything due from earlier tests is cleared away: this test counts its own case.
    for (const c of await t.ctx.repos.retention.closedCases(schoolId)) await t.ctx.db.kysely.transaction().execute((tx) => t.ctx.repos.caseDestruction.destroy(c.caseId, tx).then(() => undefined));
    const c = await closedCase(addYears(addDays(today(), -5), -2));

    await ensureRetentionSchedule(t.ctx);
    expect(await t.ctx.repos.jobs.findByDedupeKey(dailyKey(addDays(today(), 1)))).toMatchObject({ status: 'pending' });
    // Today's round is due at 07:00 Amsterdam or at once: move past it.
    t.clock.advance(DAY);
    await t.ctx.jobs.runDueOnce();
    await t.ctx.jobs.runDueOnce();
    const rows = () => t.ctx.db.kysely.selectFrom('notifications').selectAll().where('kind', 'like', 'retention.%').execute();
    let sent = await rows();
    expect(sent.map((n) => [n.user_id, n.kind, n.subject_id, n.case_id])).toEqual([[ibId, 'retention.due', c.caseId, null]]);
    expect(sent[0]!.due_on).toBe(addDays(schoolDate(new Date(t.clock.now().getTime() - DAY)), -5));

    // The next days: nothing new until 30 days after it fell due; then directie hears of it, once.
    t.clock.advance(DAY);
    await t.ctx.jobs.runDueOnce();
    expect((await rows()).length).toBe(1);
    t.clock.advance(24 * DAY);
    await t.ctx.jobs.runDueOnce();
    sent = await rows();
    expect(sent.filter((n) => n.kind === 'retention.escalated').map((n) => [n.user_id, n.subject_id])).toEqual([[directorId, c.caseId]]);
    t.clock.advance(DAY);
    await t.ctx.jobs.runDueOnce();
    expect((await rows()).length).toBe(2);
    // Each round scheduled the next day's (one job per day, by its key).
    expect(await t.ctx.repos.jobs.findByDedupeKey(dailyKey(addDays(today(), 1)))).toMatchObject({ status: 'pending', kind: 'retention.daily' });

    // The notification is the IB'er's to read, and a destruction removes it.
    const who = account(t, 'ib');
    const ib = await signInAs(t, who, { elevated: true });
    const listed = (await ib.get('/api/notifications')).json().notifications.map((n: { kind: string }) => n.kind);
    expect(listed).toContain('retention.due');
    expect((await ib.post(`/api/retention/cases/${c.caseId}/destroy`, {})).statusCode).toBe(200);
    expect(await rows()).toEqual([]);
  });
});

describe.each(ENGINES)('retention in the demo (%s)', (engine) => {
  let t: DemoApp;
  beforeAll(async () => {
    t = await createDemoApp(engine, {}, { cases: true });
  });
  afterAll(async () => t.close());

  it("shows a new user of Het Kompas one closed case due for destruction and one due within the month", async () => {
    const ib = await signInAs(t, account(t, 'ib', KOMPAS));
    const body = (await ib.get('/api/retention')).json();
    expect(body.due.map((d: { pupilName: string }) => d.pupilName)).toEqual(['Jesse Brouwer']);
    expect(body.upcoming.map((d: { pupilName: string }) => d.pupilName)).toEqual(['Lotte Verhoeven']);
    expect(body.due[0]).toMatchObject({ escalated: true });
  });
});

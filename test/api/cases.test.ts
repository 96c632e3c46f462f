import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { account, createDemoApp, elevate, KOMPAS, REGENBOOG, signInAs, userIdOf, type DemoApp } from '../support/demo-app.js';
import { addHousehold, addPupil } from '../support/pupil-fixtures.js';
import type { Session } from '../support/test-app.js';

const signal = (overrides: Record<string, unknown> = {}) => ({
  observedOn: '2026-11-19',
  observedTime: '08:40',
  place: 'klaslokaal',
  observedBy: 'Sanne de Wit',
  source: 'own-observation',
  sourceDetail: null,
  description: 'Blauwe plek van ongeveer 4 cm op de linkerbovenarm. Finn zei: "Ik ben gevallen."',
  counterIndications: null,
  signalItemIds: [],
  bodyMap: [{ side: 'front', x: 0.3, y: 0.3, type: 'bruise', colour: 'blauw', sizeCm: 4, description: 'linkerbovenarm' }],
  ...overrides,
});

describe.each(ENGINES)('the case: starting it, need to know, recording and escalating (%s)', (engine) => {
  let t: DemoApp;
  let finn: string;
  let guardianIds: string[];
  let teacher: Session;
  beforeEach(async () => {
    t = await createDemoApp(engine, {}, { pupilsPerSchool: 0 });
    t.clock.advance(Date.parse('2026-11-20T10:00:00Z') - t.clock.now().getTime());
    finn = await addPupil(t, REGENBOOG, 'Groep 3 Vossen', { callName: 'Finn', surnamePrefix: 'de', surname: 'Vries', pupilNumber: '4102' });
    const tess = await addPupil(t, REGENBOOG, 'Groep 7 Herten', { callName: 'Tess', surnamePrefix: 'de', surname: 'Vries', pupilNumber: '4104' });
    const levi = await addPupil(t, KOMPAS, 'Groep 5 Reigers', { callName: 'Levi', surnamePrefix: 'de', surname: 'Vries', pupilNumber: '9001' });
    guardianIds = await addHousehold(t, [finn, tess, levi], [{ name: 'Johan de Vries' }, { name: 'Marloes Bakker' }]);
    teacher = await signInAs(t, account(t, 'teacher'));
  });
  afterEach(async () => t.close());

  async function startCase(worry = 'home-situation', body = signal()): Promise<string> {
    const response = await teacher.post(`/api/pupils/${finn}/cases`, { worry, firstSignal: body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id;
  }

  it('starts a meldcode case with its first signal, puts the IB\'er on it and notifies them at once', async () => {
    const caseId = await startCase();
    const page = (await teacher.get(`/api/cases/${caseId}`)).json();
    expect(page.case).toMatchObject({ route: 'meldcode', step: 2, phase: 'open', protocolVersion: 1, casushouder: null, startedBy: { name: 'Sanne de Wit' } });
    expect(page.team).toEqual([{ userId: await userIdOf(t, account(t, 'ib')), name: 'Yasmina El Amrani', teamRole: 'aandachtsfunctionaris', isCasushouder: false }]);
    expect(page.entries.map((e: { kind: string }) => e.kind)).toEqual(['case-started', 'signal']);
    expect(page.entries[1].current.body.bodyMap).toHaveLength(1);
    expect(page.steps.map((s: { id: string }) => s.id)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
    expect(page.steps[1].tasks.find((task: { id: string }) => task.id === 's2.beschrijf').status).toEqual({ state: 'recorded', count: 1 });
    expect(page.standingReminder).toBe('Zorg dat het voor de leerling veilig en leuk blijft op school');
    expect(page.safety).toEqual({ veiligThuisPhone: expect.any(String), veiligThuisRegion: expect.anything(), emergencyPhone: '112' });
    expect(page.siblings).toEqual([
      { kind: 'same-school', pupilId: expect.any(String), displayName: 'Tess de Vries', groupName: 'Groep 7 Herten' },
      { kind: 'other-school', schoolName: KOMPAS },
    ]);
    const ib = await signInAs(t, account(t, 'ib'));
    const notifications = (await ib.get('/api/notifications')).json();
    expect(notifications.notifications.map((n: { kind: string; caseId: string }) => [n.kind, n.caseId])).toEqual([['case.started', caseId]]);
    expect((await ib.get(`/api/cases/${caseId}`)).statusCode).toBe(200);
    expect((await ib.get('/api/cases')).json().cases.map((c: { id: string }) => c.id)).toEqual([caseId]);
  });

  it('says that something between pupils is not a meldcode case, and records nothing', async () => {
    const response = await teacher.post(`/api/pupils/${finn}/cases`, { worry: 'between-pupils', firstSignal: signal() });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('not-a-meldcode-case');
    expect((await teacher.get('/api/cases/mine')).json().cases).toEqual([]);
  });

  it('keeps the case from everyone not on it: another teacher, the SMW, the administrator, the other school (404); directie gets emergency access', async () => {
    const caseId = await startCase();
    const colleague = await signInAs(t, t.accounts.find((a) => a.email.startsWith('leerkracht2.regenboog'))!);
    expect((await colleague.get(`/api/cases/${caseId}`)).statusCode).toBe(404);
    expect((await colleague.post(`/api/cases/${caseId}/entries`, { kind: 'task', body: { taskId: 's2.notitie', outcome: 'done', note: null } })).statusCode).toBe(404);
    expect((await (await signInAs(t, account(t, 'smw'), { school: REGENBOOG })).get(`/api/cases/${caseId}`)).statusCode).toBe(404);
    expect((await (await signInAs(t, account(t, 'administrator'))).get(`/api/cases/${caseId}`)).statusCode).toBe(404);
    expect((await (await signInAs(t, account(t, 'ib', KOMPAS))).get(`/api/cases/${caseId}`)).statusCode).toBe(404);
    expect((await (await signInAs(t, account(t, 'board', null))).get(`/api/cases/${caseId}`)).statusCode).toBe(404);
    const director = await signInAs(t, account(t, 'director'));
    const denied = await director.get(`/api/cases/${caseId}`);
    expect([denied.statusCode, denied.json().error.code]).toEqual([403, 'break-glass-available']);
    // The pupil's other cases list never names a case one may not open.
    expect((await colleague.get(`/api/pupils/${finn}/cases`)).json().cases).toEqual([]);
    expect((await teacher.get(`/api/pupils/${finn}/cases`)).json().cases.map((c: { id: string }) => c.id)).toEqual([caseId]);
  });

  it('audits every read of a case, not only the writes', async () => {
    const caseId = await startCase();
    await teacher.get(`/api/cases/${caseId}`);
    await teacher.get(`/api/cases/${caseId}`);
    const events = (await t.ctx.repos.audit.latest(100)).filter((e) => e.caseId === caseId);
    expect(events.filter((e) => e.action === 'case.read')).toHaveLength(2);
    expect(events.filter((e) => e.action === 'case.start')).toHaveLength(1);
    expect(events.every((e) => e.pupilId === finn)).toBe(true);
  });

  it('refuses what cannot be right, with the field named, and keeps what was saved', async () => {
    const caseId = await startCase();
    const post = (body: unknown) => teacher.post(`/api/cases/${caseId}/entries`, body);
    const codeOf = async (body: unknown) => {
      const r = await post(body);
      return [r.statusCode, r.json().error.code, r.json().error.field];
    };
    expect(await codeOf({ kind: 'signal', body: signal({ signalItemIds: ['bestaat.niet'] }) })).toEqual([400, 'unknown-signal-item', 'signalItemIds']);
    expect(await codeOf({ kind: 'task', body: { taskId: 's2.gesprek-ouder', outcome: 'not-applicable', note: '' } })).toEqual([400, 'reason-required', 'note']);
    expect(await codeOf({ kind: 'task', body: { taskId: 's9.verzonnen', outcome: 'done', note: null } })).toEqual([400, 'unknown-task', 'taskId']);
    expect(
      await codeOf({ kind: 'veilig-thuis-advice', body: { calledOn: '2026-11-20', calledBy: 'Yasmina El Amrani', advisorName: null, advice: 'Advies: praat met Finn over thuis.' } }),
    ).toEqual([400, 'name-in-anonymous-advice', 'advice']);
    expect(
      await codeOf({ kind: 'parent-conversation', body: { heldOn: '2026-11-20', heldBy: 'Sanne de Wit', present: null, summary: 'Gesprek.', agreements: null, guardianIds: ['iemand-anders'] } }),
    ).toEqual([400, 'unknown-guardian', 'guardianIds']);
    expect((await post({ kind: 'signal', body: signal({ description: '' }) })).statusCode).toBe(400);
    expect((await teacher.post(`/api/cases/${caseId}/entries`, { kind: 'case-started', body: {} })).statusCode).toBe(400);
    const ok = await post({ kind: 'parent-conversation', body: { heldOn: '2026-11-20', heldBy: 'Sanne de Wit', present: null, summary: 'Moeder vertelde dat Finn slecht slaapt.', agreements: null, guardianIds: [guardianIds[1]] } });
    expect(ok.statusCode).toBe(201);
    expect((await teacher.get(`/api/cases/${caseId}`)).json().entries).toHaveLength(3);
  });

  it('corrects an entry as a new version with who, when and why; the earlier text stays', async () => {
    const caseId = await startCase();
    const page = (await teacher.get(`/api/cases/${caseId}`)).json();
    const signalEntry = page.entries.find((e: { kind: string }) => e.kind === 'signal');
    t.clock.advance(60_000);
    const corrected = await teacher.put(`/api/cases/${caseId}/entries/${signalEntry.entryId}`, { body: signal({ description: 'Blauwe plek van ongeveer 5 cm op de linkerbovenarm.' }), reason: 'maat verkeerd genoteerd' });
    expect(corrected.json()).toEqual({ version: 2 });
    const after = (await teacher.get(`/api/cases/${caseId}`)).json().entries.find((e: { entryId: string }) => e.entryId === signalEntry.entryId);
    expect(after.current).toMatchObject({ version: 2, correctionReason: 'maat verkeerd genoteerd', recordedBy: { name: 'Sanne de Wit' } });
    expect(after.history.map((v: { version: number; body: { description: string } }) => [v.version, v.body.description.slice(0, 30)])).toEqual([[1, 'Blauwe plek van ongeveer 4 cm ']]);
    const withoutReason = await teacher.put(`/api/cases/${caseId}/entries/${signalEntry.entryId}`, { body: signal(), reason: '' });
    expect(withoutReason.statusCode).toBe(400);
    const started = page.entries.find((e: { kind: string }) => e.kind === 'case-started');
    expect((await teacher.put(`/api/cases/${caseId}/entries/${started.entryId}`, { body: {}, reason: 'x' })).json().error.code).toBe('entry-not-correctable');
  });

  it('escalates: the IB\'er forms the team and becomes casushouder; the teacher cannot; the SMW then sees the pupil', async () => {
    const caseId = await startCase();
    const ibId = await userIdOf(t, account(t, 'ib'));
    const smwId = await userIdOf(t, account(t, 'smw'));
    const teacherId = await userIdOf(t, account(t, 'teacher'));
    const team = { members: [{ userId: ibId, teamRole: 'ib' }, { userId: smwId, teamRole: 'smw' }, { userId: teacherId, teamRole: 'teacher' }], casushouderId: ibId };
    expect((await teacher.put(`/api/cases/${caseId}/team`, team)).statusCode).toBe(404);
    const ib = await signInAs(t, account(t, 'ib'));
    const candidates = (await ib.get(`/api/cases/${caseId}/team-candidates`)).json();
    expect(candidates.proposedCasushouderId).toBe(ibId);
    expect(candidates.candidates.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['Kees Doğan', 'Sanne de Wit', 'Marieke Jansen']));
    expect((await ib.put(`/api/cases/${caseId}/team`, { ...team, casushouderId: teacherId })).json().error.code).toBe('team-casushouder-role');
    expect((await ib.put(`/api/cases/${caseId}/team`, team)).statusCode).toBe(200);
    const page = (await ib.get(`/api/cases/${caseId}`)).json();
    expect(page.case).toMatchObject({ step: 3, casushouder: { name: 'Yasmina El Amrani' } });
    expect(page.entries.at(-1).kind).toBe('team-change');
    const smw = await signInAs(t, account(t, 'smw'), { school: REGENBOOG });
    expect((await smw.get(`/api/cases/${caseId}`)).statusCode).toBe(200);
    expect((await smw.get(`/api/pupils/${finn}`)).statusCode).toBe(200);
    expect((await smw.get('/api/notifications')).json().notifications.map((n: { kind: string }) => n.kind)).toEqual(['case.team-added']);
    // The casushouder's account cannot be switched off while the case has no successor.
    const admin = await signInAs(t, account(t, 'administrator'), { elevated: true });
    const refused = await admin.post(`/api/staff/${ibId}/deactivate`, {});
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'casushouder-has-open-cases']);
    expect(refused.json().error.message).toContain('1 lopende casus');
    await ib.put(`/api/cases/${caseId}/team`, { ...team, casushouderId: smwId });
    expect((await admin.post(`/api/staff/${ibId}/deactivate`, {})).statusCode).toBe(200);
  });

  it('decides "no report now" only with monitoring agreements, which become notifications to their owner when due', async () => {
    const caseId = await startCase();
    const ibId = await userIdOf(t, account(t, 'ib'));
    const teacherId = await userIdOf(t, account(t, 'teacher'));
    const ib = await signInAs(t, account(t, 'ib'));
    const early = await ib.post(`/api/cases/${caseId}/decision`, { decision: 'no-report-now', reasoning: 'Zorgen, geen acuut gevaar.', monitoring: [{ what: 'Welbevinden volgen', ownerUserId: teacherId, dueOn: '2026-12-04' }] });
    expect(early.json().error.code).toBe('decision-not-escalated');
    await ib.put(`/api/cases/${caseId}/team`, { members: [{ userId: ibId, teamRole: 'ib' }, { userId: teacherId, teamRole: 'teacher' }], casushouderId: ibId });
    const withoutMonitoring = await ib.post(`/api/cases/${caseId}/decision`, { decision: 'no-report-now', reasoning: 'Zorgen, geen acuut gevaar.', monitoring: [] });
    expect([withoutMonitoring.statusCode, withoutMonitoring.json().error.code]).toEqual([400, 'decision-monitoring-required']);
    expect((await teacher.post(`/api/cases/${caseId}/decision`, { decision: 'report-now', reasoning: 'x', monitoring: [] })).statusCode).toBe(404);
    const decided = await ib.post(`/api/cases/${caseId}/decision`, { decision: 'no-report-now', reasoning: 'Zorgen, geen acuut gevaar.', monitoring: [{ what: 'Welbevinden volgen', ownerUserId: teacherId, dueOn: '2026-12-04' }] });
    expect(decided.statusCode).toBe(200);
    const page = (await ib.get(`/api/cases/${caseId}`)).json();
    expect(page.case).toMatchObject({ step: 3, phase: 'monitoring' });
    expect(page.entries.filter((e: { kind: string }) => e.kind === 'agreement')[0].current.body).toMatchObject({ purpose: 'monitoring', dueOn: '2026-12-04' });
    expect(page.steps[2].tasks.find((task: { id: string }) => task.id === 's3.geen-melding').status.state).toBe('recorded');

    await t.ctx.jobs.runDueOnce();
    const count = async (session: Session) => (await session.get('/api/notifications')).json().notifications.filter((n: { kind: string }) => n.kind === 'monitoring.due');
    expect(await count(teacher)).toEqual([]);
    t.clock.advance(Date.parse('2026-12-04T06:00:00Z') - t.clock.now().getTime());
    await t.ctx.jobs.runDueOnce();
    // Two weeks on, the teacher signs in again and finds the reminder.
    expect((await count(await signInAs(t, account(t, 'teacher')))).map((n: { caseId: string; dueOn: string }) => [n.caseId, n.dueOn])).toEqual([[caseId, '2026-12-04']]);
  });

  it('"report now" records the reasoning and moves the case to step 5', async () => {
    const caseId = await startCase();
    const ibId = await userIdOf(t, account(t, 'ib'));
    const ib = await signInAs(t, account(t, 'ib'));
    await ib.put(`/api/cases/${caseId}/team`, { members: [{ userId: ibId, teamRole: 'ib' }], casushouderId: ibId });
    expect((await ib.post(`/api/cases/${caseId}/decision`, { decision: 'report-now', reasoning: 'Het kind vertelt over geweld thuis; acuut onveilig.' })).statusCode).toBe(200);
    const page = (await ib.get(`/api/cases/${caseId}`)).json();
    expect(page.case).toMatchObject({ step: 5, phase: 'open' });
    expect(page.entries.at(-1).current.body).toMatchObject({ decision: 'report-now', reasoning: 'Het kind vertelt over geweld thuis; acuut onveilig.' });
  });

  it('breaks the glass for directie with a reason and a fresh code, and shows it to the casushouder', async () => {
    const caseId = await startCase();
    const ibId = await userIdOf(t, account(t, 'ib'));
    const ib = await signInAs(t, account(t, 'ib'));
    await ib.put(`/api/cases/${caseId}/team`, { members: [{ userId: ibId, teamRole: 'ib' }], casushouderId: ibId });
    const director = await signInAs(t, account(t, 'director'));
    const needsCode = await director.post(`/api/cases/${caseId}/break-glass`, { reason: 'IB ziek, moeder belt met acute vraag' });
    expect([needsCode.statusCode, needsCode.json().error.code]).toEqual([403, 'elevation-required']);
    expect((await director.post(`/api/cases/${caseId}/break-glass`, { reason: '' })).statusCode).toBe(400);
    await elevate(t, director, account(t, 'director'));
    expect((await director.post(`/api/cases/${caseId}/break-glass`, { reason: 'IB ziek, moeder belt met acute vraag' })).statusCode).toBe(200);
    expect((await director.get(`/api/cases/${caseId}`)).statusCode).toBe(200);
    const page = (await ib.get(`/api/cases/${caseId}`)).json();
    expect(page.breakGlass).toEqual([{ user: { userId: await userIdOf(t, account(t, 'director')), name: 'Marieke Jansen' }, reason: 'IB ziek, moeder belt met acute vraag', openedAt: expect.any(String) }]);
    expect((await ib.get('/api/notifications')).json().notifications.map((n: { kind: string }) => n.kind)).toContain('case.break-glass');
    expect((await t.ctx.repos.audit.latest(20)).some((e) => e.action === 'case.break-glass' && e.caseId === caseId)).toBe(true);
  });

  it('keeps a staff-route case to who raised it and the board: not on pupil pages, school lists or the IB\'er\'s notifications', async () => {
    const caseId = await startCase('staff-member', signal({ description: 'Finn vertelde dat een meester hem na de gymles vasthield en pijn deed.', source: 'child-told', bodyMap: [] }));
    const board = await signInAs(t, account(t, 'board', null));
    const page = (await board.get(`/api/cases/${caseId}`)).json();
    expect(page.case.route).toBe('staff');
    expect(page.steps).toEqual([]);
    expect(page.duties.map((d: { id: string }) => d.id)).toEqual(['staff.inform-board', 'staff.vertrouwensinspecteur', 'staff.police', 'staff.pupil-safety']);
    expect((await board.get('/api/board/cases')).json().cases.map((c: { id: string }) => c.id)).toEqual([caseId]);
    expect((await board.get('/api/notifications')).statusCode).toBeLessThan(500);
    expect((await teacher.get(`/api/cases/${caseId}`)).statusCode).toBe(200);
    const ib = await signInAs(t, account(t, 'ib'));
    expect((await ib.get(`/api/cases/${caseId}`)).statusCode).toBe(404);
    expect((await ib.get('/api/cases')).json().cases).toEqual([]);
    expect((await ib.get(`/api/pupils/${finn}/cases`)).json().cases).toEqual([]);
    expect((await ib.get('/api/notifications')).json().notifications).toEqual([]);
    const director = await signInAs(t, account(t, 'director'), { elevated: true });
    expect((await director.get(`/api/cases/${caseId}`)).statusCode).toBe(404);
    expect((await director.post(`/api/cases/${caseId}/break-glass`, { reason: 'nieuwsgierig' })).statusCode).toBe(404);
    // The board adds the director to the team; then, and only then, the director sees it.
    const directorId = await userIdOf(t, account(t, 'director'));
    const boardId = await userIdOf(t, account(t, 'board', null));
    expect((await board.put(`/api/cases/${caseId}/team`, { members: [{ userId: boardId, teamRole: 'board' }, { userId: directorId, teamRole: 'director' }], casushouderId: null })).statusCode).toBe(200);
    expect((await director.get(`/api/cases/${caseId}`)).statusCode).toBe(200);
    expect((await board.post(`/api/cases/${caseId}/entries`, { kind: 'task', body: { taskId: 'staff.vertrouwensinspecteur', outcome: 'done', note: 'Overlegd op 20 november.' } })).statusCode).toBe(201);
    expect((await board.post(`/api/cases/${caseId}/entries`, { kind: 'task', body: { taskId: 's2.notitie', outcome: 'done', note: null } })).json().error.code).toBe('unknown-task');
  });

  it('closes a case with a reason from the list, keeps it read-only, and reopens it with a reason', async () => {
    const caseId = await startCase();
    const ibId = await userIdOf(t, account(t, 'ib'));
    const ib = await signInAs(t, account(t, 'ib'));
    await ib.put(`/api/cases/${caseId}/team`, { members: [{ userId: ibId, teamRole: 'ib' }], casushouderId: ibId });
    expect((await teacher.post(`/api/cases/${caseId}/close`, { reason: 'concerns-resolved' })).statusCode).toBe(404);
    const bare = await ib.post(`/api/cases/${caseId}/close`, { reason: 'suspicion-unfounded' });
    expect([bare.statusCode, bare.json().error.code, bare.json().error.field]).toEqual([400, 'close-explanation-required', 'explanation']);
    expect((await ib.post(`/api/cases/${caseId}/close`, { reason: 'suspicion-unfounded', explanation: 'De plek kwam van de gymles; moeder en gymdocent bevestigen het.' })).statusCode).toBe(200);
    const closed = (await ib.get(`/api/cases/${caseId}`)).json();
    expect(closed.case.phase).toBe('closed');
    expect(closed.abilities).toMatchObject({ 'case.write': false, 'case.close': false, 'case.reopen': true });
    expect(closed.entries.at(-1).current.body).toEqual({ reason: 'suspicion-unfounded', explanation: 'De plek kwam van de gymles; moeder en gymdocent bevestigen het.' });
    const write = await teacher.post(`/api/cases/${caseId}/entries`, { kind: 'task', body: { taskId: 's2.notitie', outcome: 'done', note: null } });
    expect([write.statusCode, write.json().error.code]).toEqual([409, 'case-closed']);
    expect((await ib.post(`/api/cases/${caseId}/close`, { reason: 'concerns-resolved' })).statusCode).toBe(409);
    expect((await ib.post(`/api/cases/${caseId}/reopen`, { reason: '' })).statusCode).toBe(400);
    expect((await ib.post(`/api/cases/${caseId}/reopen`, { reason: 'Nieuwe signalen na de vakantie.' })).statusCode).toBe(200);
    const reopened = (await ib.get(`/api/cases/${caseId}`)).json();
    expect([reopened.case.phase, reopened.case.step, reopened.entries.at(-1).kind]).toEqual(['open', 3, 'case-reopened']);
    expect((await ib.post(`/api/cases/${caseId}/reopen`, { reason: 'nog eens' })).json().error.code).toBe('case-not-closed');
  });

  it('walks the afwegingskader: each answer with reasoning, the path explained, going back kept in the file', async () => {
    const caseId = await startCase();
    const ibId = await userIdOf(t, account(t, 'ib'));
    const ib = await signInAs(t, account(t, 'ib'));
    const answer = (question: string, value: string, extra: Record<string, unknown> = {}) =>
      ib.post(`/api/cases/${caseId}/weighing`, { question, answer: value, reasoning: `Afweging ${question}`, answeredOn: '2026-11-20', participants: ['Yasmina El Amrani', 'Kees Doğan'], veiligThuisTookPart: false, ...extra });
    expect((await answer('q1', 'yes')).json().error.code).toBe('decision-not-escalated');
    await ib.put(`/api/cases/${caseId}/team`, { members: [{ userId: ibId, teamRole: 'ib' }], casushouderId: ibId });
    expect((await teacher.post(`/api/cases/${caseId}/weighing`, { question: 'q1', answer: 'yes', reasoning: 'x', answeredOn: '2026-11-20', participants: ['x'], veiligThuisTookPart: false })).statusCode).toBe(404);
    const codeOf = async (r: Promise<{ json: () => { error: { code: string; field?: string } } }>) => {
      const e = (await r).json().error;
      return [e.code, e.field];
    };
    expect(await codeOf(answer('q2', 'no'))).toEqual(['weighing-not-answerable-now', 'question']);
    expect((await answer('q1', 'yes')).statusCode).toBe(201);
    expect(await codeOf(answer('q2', 'yes'))).toEqual(['weighing-unsafety-kind-required', 'unsafety']);
    expect((await answer('q2', 'no')).statusCode).toBe(201);
    expect(await codeOf(answer('q3', 'yes'))).toEqual(['weighing-term-required', 'termUntil']);
    expect(await codeOf(answer('q3', 'yes', { termUntil: '2027-01-15', answeredOn: '2026-12-01' }))).toEqual(['weighing-date-in-future', 'answeredOn']);
    expect((await answer('q3', 'yes', { termUntil: '2027-01-15' })).statusCode).toBe(201);
    expect((await answer('q4', 'yes', { termUntil: '2027-01-15' })).statusCode).toBe(201);
    let page = (await ib.get(`/api/cases/${caseId}`)).json();
    expect(page.case).toMatchObject({ step: 5, phase: 'open' });
    expect(page.weighing).toMatchObject({ next: 'q5', outcome: { kind: 'help-started', termUntil: '2027-01-15' }, reportRequired: false });
    expect(page.weighing.path.map((a: { question: string; answer: string }) => `${a.question}:${a.answer}`)).toEqual(['q1:yes', 'q2:no', 'q3:yes', 'q4:yes']);
    expect(page.weighing.path[0].explanation.nl.length).toBeGreaterThan(10);
    expect((await answer('q5', 'yes')).statusCode).toBe(201);
    page = (await ib.get(`/api/cases/${caseId}`)).json();
    expect([page.case.step, page.case.phase, page.weighing.outcome.kind, page.weighing.next]).toEqual([6, 'monitoring', 'aftercare', null]);

    // Going back: Q2 answered again with doubt, which counts as yes and calls for a report.
    expect((await answer('q2', 'doubt', { unsafety: 'structural' })).statusCode).toBe(201);
    page = (await ib.get(`/api/cases/${caseId}`)).json();
    expect(page.weighing.path.map((a: { question: string; answer: string }) => `${a.question}:${a.answer}`)).toEqual(['q1:yes', 'q2:doubt']);
    expect(page.weighing.superseded.map((a: { question: string; answer: string }) => `${a.question}:${a.answer}`)).toEqual(['q2:no', 'q3:yes', 'q4:yes', 'q5:yes']);
    expect(page.weighing).toMatchObject({ reportRequired: true, next: 'q3', nextTogetherWithVeiligThuis: true, outcome: { kind: 'report' } });
    expect(page.entries.filter((e: { kind: string }) => e.kind === 'weighing-answer')).toHaveLength(6);
  });

  it('enters step 3\'s "report at once" into the afwegingskader as Q1 and Q2 yes', async () => {
    const caseId = await startCase();
    const ibId = await userIdOf(t, account(t, 'ib'));
    const ib = await signInAs(t, account(t, 'ib'));
    await ib.put(`/api/cases/${caseId}/team`, { members: [{ userId: ibId, teamRole: 'ib' }], casushouderId: ibId });
    await ib.post(`/api/cases/${caseId}/decision`, { decision: 'report-now', reasoning: 'Het kind vertelt over slaan met een riem.' });
    const weighing = (await ib.get(`/api/cases/${caseId}`)).json().weighing;
    expect(weighing.path.map((a: { question: string; answer: string; fromEscalation: boolean }) => [a.question, a.answer, a.fromEscalation])).toEqual([
      ['q1', 'yes', true],
      ['q2', 'yes', true],
    ]);
    expect(weighing.path[1].reasoning).toBe('Het kind vertelt over slaan met een riem.');
    expect(weighing).toMatchObject({ reportRequired: true, next: 'q3', nextTogetherWithVeiligThuis: true });
  });

  it('checks the file before a report: what the meldcode expects and lacks needs a reason, unless the child is in acute danger', async () => {
    const caseId = await startCase();
    const ibId = await userIdOf(t, account(t, 'ib'));
    const ib = await signInAs(t, account(t, 'ib'));
    await ib.put(`/api/cases/${caseId}/team`, { members: [{ userId: ibId, teamRole: 'ib' }, { userId: await userIdOf(t, account(t, 'teacher')), teamRole: 'teacher' }], casushouderId: ibId });
    const report = {
      reportedOn: '2026-11-20',
      how: 'phone',
      reference: 'VT-2026-118',
      whatReported: 'Finn had een blauwe plek van 4 cm op de linkerbovenarm en zei: "Ik ben gevallen." Hij is waarschijnlijk mishandeld.',
      anonymityRequested: false,
      parentsInformed: false,
      informExceptionGround: null,
      acute: false,
    };
    expect((await teacher.post(`/api/cases/${caseId}/report/check`, report)).statusCode).toBe(404);
    const check = (await ib.post(`/api/cases/${caseId}/report/check`, report)).json();
    expect(check.findings.map((f: { code: string }) => f.code)).toEqual(['parent-conversation-missing', 'parents-not-informed', 'no-consultation', 'interpretive-language']);
    expect(check.findings[3].matches.map((m: { word: string }) => m.word)).toEqual(expect.arrayContaining(['waarschijnlijk', 'mishandeld']));
    const noGround = await ib.post(`/api/cases/${caseId}/report`, report);
    expect([noGround.json().error.code, noGround.json().error.field]).toEqual(['report-inform-ground-required', 'informExceptionGround']);
    const withGround = { ...report, informExceptionGround: 'danger-to-child-or-family' };
    const unexplained = await ib.post(`/api/cases/${caseId}/report`, withGround);
    expect([unexplained.statusCode, unexplained.json().error.code]).toEqual([400, 'procedural-reasons-required']);
    const reasons = { 'parent-conversation-missing': 'Vader is gewelddadig; een gesprek brengt Finn in gevaar.', 'no-consultation': 'Advies gevraagd aan de IB\'er, nog niet vastgelegd.', 'interpretive-language': 'De woorden zijn van de leerkracht; zo doorgegeven.' };
    const saved = await ib.post(`/api/cases/${caseId}/report`, { ...withGround, proceedReasons: reasons });
    expect(saved.statusCode).toBe(201);
    const page = (await ib.get(`/api/cases/${caseId}`)).json();
    const entry = page.entries.find((e: { kind: string }) => e.kind === 'report');
    expect(entry.current.body).toMatchObject({ reference: 'VT-2026-118', informExceptionGround: 'danger-to-child-or-family', findings: ['parent-conversation-missing', 'no-consultation', 'interpretive-language'] });
    expect(entry.current.body.proceedReasons).toHaveLength(3);
    expect(page.case.step).toBe(5);

    // Five working days without feedback: the casushouder is reminded; feedback ends the wait.
    t.clock.advance(Date.parse('2026-11-27T06:00:00Z') - t.clock.now().getTime());
    await t.ctx.jobs.runDueOnce();
    const ibAgain = await signInAs(t, account(t, 'ib'));
    expect((await ibAgain.get('/api/notifications')).json().notifications.map((n: { kind: string }) => n.kind)).toContain('report.feedback-due');
    expect((await ibAgain.post(`/api/cases/${caseId}/report-feedback`, { receivedOn: '2026-11-27', feedback: 'Veilig Thuis start een onderzoek.' })).statusCode).toBe(201);

    // An acute report goes at once, whatever the check finds.
    const acute = await ibAgain.post(`/api/cases/${caseId}/report`, { ...withGround, reportedOn: '2026-11-27', acute: true });
    expect(acute.statusCode).toBe(201);
  });

  it('plans and records the conversation with the parents, or records on which of the three grounds it is not held', async () => {
    const caseId = await startCase();
    const ibId = await userIdOf(t, account(t, 'ib'));
    const ib = await signInAs(t, account(t, 'ib'));
    await ib.put(`/api/cases/${caseId}/team`, { members: [{ userId: ibId, teamRole: 'ib' }, { userId: await userIdOf(t, account(t, 'teacher')), teamRole: 'teacher' }], casushouderId: ibId });
    const post = (kind: string, body: unknown) => ib.post(`/api/cases/${caseId}/entries`, { kind, body });
    const codeOf = async (kind: string, body: unknown) => {
      const e = (await post(kind, body)).json().error;
      return [e.code, e.field];
    };
    const plan = {
      answers: { trust: 'yes', alone: 'no', 'safe-staff-during': 'yes', 'safe-staff-after': 'yes', 'safe-child-during': 'yes', 'safe-child-after': 'unknown' },
      teacherToolsAndExperience: 'Weinig ervaring met zulke gesprekken.',
      kind: 'suspicion',
      holders: [{ userId: ibId, role: 'ib' }],
      reasoning: 'IB voert het gesprek; de leerkracht blijft neutraal.',
      plannedOn: '2026-11-24',
      interpreterNeeded: false,
      interpreterArranged: false,
      childDisclosed: false,
      safetyAgreementsPlanned: false,
    };
    expect(await codeOf('parent-conversation-plan', plan)).toEqual(['parent-plan-alone-not-possible', 'holders']);
    const smwId = await userIdOf(t, account(t, 'smw'));
    const together = { ...plan, holders: [{ userId: ibId, role: 'ib' }, { userId: smwId, role: 'smw' }] };
    expect(await codeOf('parent-conversation-plan', { ...together, answers: { ...plan.answers, 'safe-child-after': 'no' } })).toEqual(['parent-plan-not-safe', 'answers.safe-child-after']);
    expect((await post('parent-conversation-plan', together)).statusCode).toBe(201);

    const record = {
      heldOn: '2026-11-20',
      heldBy: 'Yasmina El Amrani',
      present: 'moeder, IB, SMW',
      summary: 'Zorgen besproken.',
      agreements: null,
      guardianIds: [guardianIds[0]],
      step4: { concernsDiscussed: 'De blauwe plek en het terugtrekken in de klas.', missingInformationAsked: 'Gevraagd naar de val.', zienswijze: '', helpOffered: 'Opvoedondersteuning via het wijkteam.', helpResponse: 'accepted', informedAboutFurtherCourse: true, informedAboutRiskIndex: true },
    };
    expect(await codeOf('parent-conversation', record)).toEqual(['parent-record-part-missing', 'step4.zienswijze']);
    expect((await post('parent-conversation', { ...record, step4: { ...record.step4, zienswijze: 'Moeder: "Hij valt zo vaak, hij is een wildebras."' } })).statusCode).toBe(201);

    const notHeld = { ground: 'parents-unreachable', reasoning: 'Vader en moeder reageren niet.', reconsiderOn: '2026-11-27', attempts: [{ on: '2026-11-18', means: 'phone' }] };
    expect(await codeOf('parent-conversation-not-held', notHeld)).toEqual(['parent-not-held-too-few-attempts', 'attempts']);
    expect((await post('parent-conversation-not-held', { ...notHeld, attempts: [...notHeld.attempts, { on: '2026-11-19', means: 'letter' }] })).statusCode).toBe(201);
    expect(await codeOf('parent-conversation-not-held', { ...notHeld, ground: null })).toEqual(['parent-not-held-ground-required', 'ground']);

    // On the date set to look again, the casushouder is reminded.
    t.clock.advance(Date.parse('2026-11-27T06:00:00Z') - t.clock.now().getTime());
    await t.ctx.jobs.runDueOnce();
    const ibLater = await signInAs(t, account(t, 'ib'));
    expect((await ibLater.get('/api/notifications')).json().notifications.map((n: { kind: string; dueOn: string }) => [n.kind, n.dueOn])).toContainEqual(['parent-conversation.reconsider', '2026-11-27']);

    // With the conversation held, the procedural check before a report no longer names it.
    const check = (await ibLater.post(`/api/cases/${caseId}/report/check`, { reportedOn: '2026-11-20', how: 'phone', whatReported: 'Feiten.', anonymityRequested: false, parentsInformed: true, parentsInformedOn: '2026-11-20', acute: false })).json();
    expect(check.findings.map((f: { code: string }) => f.code)).not.toContain('parent-conversation-missing');
  });

  it('records the verwijsindex registration by the casushouder, without content, active two years with a reminder before it lapses', async () => {
    const caseId = await startCase();
    const ibId = await userIdOf(t, account(t, 'ib'));
    const ib = await signInAs(t, account(t, 'ib'));
    expect((await ib.post(`/api/cases/${caseId}/risk-index-registration`, { registeredOn: '2026-11-20' })).statusCode).toBe(404);
    await ib.put(`/api/cases/${caseId}/team`, { members: [{ userId: ibId, teamRole: 'ib' }, { userId: await userIdOf(t, account(t, 'teacher')), teamRole: 'teacher' }], casushouderId: ibId });
    expect((await teacher.post(`/api/cases/${caseId}/risk-index-registration`, { registeredOn: '2026-11-20' })).statusCode).toBe(404);
    expect((await ib.post(`/api/cases/${caseId}/risk-index-registration`, { registeredOn: '2026-12-20' })).json().error.code).toBe('date-in-future');
    const saved = await ib.post(`/api/cases/${caseId}/risk-index-registration`, { registeredOn: '2026-11-20' });
    expect(saved.json()).toMatchObject({ activeUntil: '2028-11-20' });
    const entry = (await ib.get(`/api/cases/${caseId}`)).json().entries.find((e: { kind: string }) => e.kind === 'risk-index-registration');
    expect(Object.keys(entry.current.body).sort()).toEqual(['activeUntil', 'registeredOn', 'reminderOn']);
    t.clock.advance(Date.parse(`${entry.current.body.reminderOn}T06:00:00Z`) - t.clock.now().getTime());
    await t.ctx.jobs.runDueOnce();
    const later = await signInAs(t, account(t, 'ib'));
    expect((await later.get('/api/notifications')).json().notifications.map((n: { kind: string; dueOn: string }) => [n.kind, n.dueOn])).toContainEqual(['risk-index.lapsing', '2028-11-20']);
  });

  it('keeps a case in aftercare open until its last review is held; reviews remind the casushouder', async () => {
    const caseId = await startCase();
    const ibId = await userIdOf(t, account(t, 'ib'));
    const teacherId = await userIdOf(t, account(t, 'teacher'));
    const ib = await signInAs(t, account(t, 'ib'));
    await ib.put(`/api/cases/${caseId}/team`, { members: [{ userId: ibId, teamRole: 'ib' }, { userId: teacherId, teamRole: 'teacher' }], casushouderId: ibId });
    const answer = (question: string, value: string, extra: Record<string, unknown> = {}) =>
      ib.post(`/api/cases/${caseId}/weighing`, { question, answer: value, reasoning: 'Afweging.', answeredOn: '2026-11-20', participants: ['Yasmina El Amrani'], veiligThuisTookPart: false, ...extra });
    for (const [q, a, extra] of [['q1', 'yes', {}], ['q2', 'no', {}], ['q3', 'yes', { termUntil: '2027-01-15' }], ['q4', 'yes', { termUntil: '2027-01-15' }], ['q5', 'yes', {}]] as const) expect((await answer(q, a, extra)).statusCode).toBe(201);
    const post = (kind: string, body: unknown) => ib.post(`/api/cases/${caseId}/entries`, { kind, body });
    expect((await teacher.post(`/api/cases/${caseId}/entries`, { kind: 'monitoring-note', body: { observedOn: '2026-11-20', observation: 'Lacht weer in de kring.', wellbeing: 'good' } })).statusCode).toBe(201);
    expect((await post('contact-matrix', { contacts: [{ partner: 'veilig-thuis', ownerUserId: ibId }, { partner: 'wijkteam', ownerUserId: 'iemand-anders' }] })).json().error).toMatchObject({ code: 'unknown-agreement-owner', field: 'contacts.1.ownerUserId' });
    expect((await post('contact-matrix', { contacts: [{ partner: 'veilig-thuis', ownerUserId: ibId }] })).statusCode).toBe(201);
    const review = await post('aftercare-review', { dueOn: '2026-12-18' });
    expect(review.statusCode).toBe(201);
    const refused = await ib.post(`/api/cases/${caseId}/close`, { reason: 'aftercare-completed' });
    expect([refused.statusCode, refused.json().error.code]).toEqual([400, 'close-aftercare-pending']);
    const reviewId = review.json().entryId;
    const noOutcome = await ib.put(`/api/cases/${caseId}/entries/${reviewId}`, { body: { dueOn: '2026-12-18', heldOn: '2026-11-20' }, reason: 'evaluatie gehouden' });
    expect(noOutcome.json().error).toMatchObject({ code: 'aftercare-review-outcome-required', field: 'outcome' });
    expect((await ib.put(`/api/cases/${caseId}/entries/${reviewId}`, { body: { dueOn: '2026-12-18', heldOn: '2026-11-20', outcome: 'Het gaat goed; hulp loopt.' }, reason: 'evaluatie gehouden' })).statusCode).toBe(200);
    expect((await ib.post(`/api/cases/${caseId}/close`, { reason: 'aftercare-completed' })).statusCode).toBe(200);

    // A planned review becomes a notification to the casushouder on its day, unless it was held.
    const second = await signInAs(t, account(t, 'ib'));
    await second.post(`/api/cases/${caseId}/reopen`, { reason: 'Nieuwe evaluatie nodig.' });
    await second.post(`/api/cases/${caseId}/entries`, { kind: 'aftercare-review', body: { dueOn: '2026-12-04' } });
    t.clock.advance(Date.parse('2026-12-04T06:00:00Z') - t.clock.now().getTime());
    await t.ctx.jobs.runDueOnce();
    const later = await signInAs(t, account(t, 'ib'));
    expect((await later.get('/api/notifications')).json().notifications.map((n: { kind: string }) => n.kind)).toContain('aftercare.review-due');
  });

  it('records the step-5 assessment of risk, nature and severity, with the field named when it is incomplete', async () => {
    const caseId = await startCase();
    const ibId = await userIdOf(t, account(t, 'ib'));
    const ib = await signInAs(t, account(t, 'ib'));
    await ib.put(`/api/cases/${caseId}/team`, { members: [{ userId: ibId, teamRole: 'ib' }], casushouderId: ibId });
    const assessment = { natures: ['physical', 'other'], otherNature: null, severity: 'serious', risk: 'structural', reasoning: 'Herhaald letsel met wisselende uitleg.', assessedOn: '2026-11-20', participants: ['Yasmina El Amrani'] };
    const incomplete = await ib.post(`/api/cases/${caseId}/entries`, { kind: 'risk-assessment', body: assessment });
    expect(incomplete.json().error).toMatchObject({ code: 'risk-assessment-invalid', field: 'otherNature' });
    expect((await ib.post(`/api/cases/${caseId}/entries`, { kind: 'risk-assessment', body: { ...assessment, otherNature: 'Opsluiten in de kamer' } })).statusCode).toBe(201);
  });
});

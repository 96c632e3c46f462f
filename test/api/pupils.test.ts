import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { account, createDemoApp, KOMPAS, REGENBOOG, signInAs, type DemoApp } from '../support/demo-app.js';
import { addHousehold, addPupil } from '../support/pupil-fixtures.js';

describe.each(ENGINES)('pupils, their families and the preventive layer (%s)', (engine) => {
  let t: DemoApp;
  let finn: string;
  let tess: string;
  let levi: string;
  let guardianIds: string[];
  beforeEach(async () => {
    // No demo pupils: these tests make the few they need, so that searches find only those.
    t = await createDemoApp(engine, {}, { pupilsPerSchool: 0 });
    t.clock.advance(Date.parse('2026-11-20T10:00:00Z') - t.clock.now().getTime());
    finn = await addPupil(t, REGENBOOG, 'Groep 3 Vossen', { callName: 'Finn', surnamePrefix: 'de', surname: 'Vries', pupilNumber: '4102' });
    tess = await addPupil(t, REGENBOOG, 'Groep 7 Herten', { callName: 'Tess', surnamePrefix: 'de', surname: 'Vries', pupilNumber: '4104' });
    levi = await addPupil(t, KOMPAS, 'Groep 5 Reigers', { callName: 'Levi', surnamePrefix: 'de', surname: 'Vries', pupilNumber: '9001' });
    await addPupil(t, REGENBOOG, 'Groep 4 Egels', { callName: 'Elif', surname: 'Doğan', pupilNumber: '4110' });
    guardianIds = await addHousehold(t, [finn, tess, levi], [{ name: 'J. de Vries', phone: '06-10007919', email: 'ouder1a@mail.example' }, { name: 'M. de Vries', hasAuthority: false }]);
  });
  afterEach(async () => t.close());

  it('lets any member of staff find a pupil by name, prefix, folded accents or number — name and group only', async () => {
    const smw = await signInAs(t, account(t, 'smw'), { school: REGENBOOG });
    const search = async (query: string) => (await smw.post('/api/pupils/search', { query })).json().pupils.map((p: { displayName: string }) => p.displayName);
    expect(await search('vries')).toEqual(['Finn de Vries', 'Tess de Vries']);
    expect(await search('de vr')).toEqual(['Finn de Vries', 'Tess de Vries']);
    expect(await search('fi')).toEqual(['Finn de Vries']);
    expect(await search('dogan')).toEqual(['Elif Doğan']);
    expect(await search('410')).toEqual(['Finn de Vries', 'Tess de Vries']);
    expect(await search('4110')).toEqual(['Elif Doğan']);
    expect(await search('levi')).toEqual([]);
    const hit = (await smw.post('/api/pupils/search', { query: 'finn' })).json().pupils[0];
    expect(hit).toEqual({ id: finn, displayName: 'Finn de Vries', groupName: 'Groep 3 Vossen', pupilNumber: '4102', leftOn: null });
  });

  it('shows the full page to the pupil\'s own teacher, the IB\'er and directie, and 404 to other teachers, the SMW and the administrator', async () => {
    const ownTeacher = await signInAs(t, account(t, 'teacher'));
    const page = await ownTeacher.get(`/api/pupils/${finn}`);
    expect(page.statusCode).toBe(200);
    expect(page.json().pupil).toMatchObject({ displayName: 'Finn de Vries', groupName: 'Groep 3 Vossen', pupilNumber: '4102' });
    expect(page.json().guardians.map((g: { name: string; hasAuthority: boolean }) => [g.name, g.hasAuthority])).toEqual([
      ['J. de Vries', true],
      ['M. de Vries', false],
    ]);
    expect((await ownTeacher.get(`/api/pupils/${tess}`)).statusCode).toBe(404);
    for (const role of ['ib', 'director'] as const) expect((await (await signInAs(t, account(t, role))).get(`/api/pupils/${tess}`)).statusCode).toBe(200);
    expect((await (await signInAs(t, account(t, 'smw'), { school: REGENBOOG })).get(`/api/pupils/${finn}`)).statusCode).toBe(404);
    expect((await (await signInAs(t, account(t, 'administrator'))).get(`/api/pupils/${finn}`)).statusCode).toBe(404);
    expect((await (await signInAs(t, account(t, 'ib', KOMPAS))).get(`/api/pupils/${finn}`)).statusCode).toBe(404);
    const events = await t.ctx.repos.audit.latest(50);
    expect(events.filter((e) => e.action === 'pupil.read' && e.pupilId === tess)).toHaveLength(2);
  });

  it('shows a sibling at another school of the board only as "a sibling attends school X"', async () => {
    const ib = await signInAs(t, account(t, 'ib'));
    const page = (await ib.get(`/api/pupils/${finn}`)).json();
    expect(page.siblings).toEqual([
      { kind: 'same-school', pupilId: tess, displayName: 'Tess de Vries', groupName: 'Groep 7 Herten' },
      { kind: 'other-school', schoolName: KOMPAS },
    ]);
    expect(JSON.stringify(page)).not.toContain('Levi');
    expect(JSON.stringify(page)).not.toContain(levi);
  });

  it('records the start-of-year talk and shows the overview change, per group', async () => {
    const teacher = await signInAs(t, account(t, 'teacher'));
    const before = (await teacher.get('/api/preventive/overview')).json();
    expect(before.schoolYear).toBe('2026-2027');
    // Sanne de Wit teaches groups 3 and 4: she sees those, not group 7.
    expect(before.groups.map((g: { groupName: string; toDo: number }) => [g.groupName, g.toDo])).toEqual([
      ['Groep 3 Vossen', 1],
      ['Groep 4 Egels', 1],
    ]);
    const saved = await teacher.put(`/api/pupils/${finn}/start-of-year-talk`, { heldOn: '2026-09-08', guardianIds: [guardianIds[0]], notes: 'Kennismaking verliep goed.' });
    expect(saved.statusCode).toBe(200);
    expect((await teacher.put(`/api/pupils/${finn}/start-of-year-talk`, { heldOn: '2027-01-08', guardianIds: [], notes: null })).json().error.code).toBe('date-in-future');
    expect((await teacher.put(`/api/pupils/${finn}/start-of-year-talk`, { heldOn: '2026-09-08', guardianIds: ['someone-else'], notes: null })).json().error.code).toBe('unknown-guardian');
    expect((await teacher.put(`/api/pupils/${tess}/start-of-year-talk`, { heldOn: '2026-09-08', guardianIds: [], notes: null })).statusCode).toBe(404);
    const after = (await teacher.get('/api/preventive/overview')).json();
    expect(after.groups[0]).toMatchObject({ groupName: 'Groep 3 Vossen', done: 1, toDo: 0, pupils: [{ id: finn, heldOn: '2026-09-08' }] });
    const ibOverview = (await (await signInAs(t, account(t, 'ib'))).get('/api/preventive/overview')).json();
    expect(ibOverview.groups.map((g: { groupName: string }) => g.groupName)).toEqual(['Groep 3 Vossen', 'Groep 4 Egels', 'Groep 7 Herten']);
    const page = (await teacher.get(`/api/pupils/${finn}`)).json();
    expect(page.startOfYearTalk).toMatchObject({ heldOn: '2026-09-08', staffName: 'Sanne de Wit', guardianIds: [guardianIds[0]] });
    expect((await teacher.post(`/api/pupils/${finn}/parent-contacts`, { contactedOn: '2026-11-02', kind: 'phone', notes: null })).statusCode).toBe(201);
    expect((await teacher.get(`/api/pupils/${finn}`)).json().parentContacts).toEqual([expect.objectContaining({ kind: 'phone', contactedOn: '2026-11-02', staffName: 'Sanne de Wit' })]);
  });

  it('lets the administrator and IB\'er add, correct, move and mark a pupil as left — never delete', async () => {
    const admin = await signInAs(t, account(t, 'administrator'));
    const groups = (await admin.get('/api/groups')).json().groups as { id: string; name: string }[];
    const body = { pupilNumber: '5001', givenNames: 'Noah Jan', callName: 'Noah', surnamePrefix: '', surname: 'Bakker', dateOfBirth: '2019-02-03', sex: 'm', groupId: groups[0]!.id, enrolledOn: '2023-08-21' };
    const created = await admin.post('/api/pupils', body);
    expect(created.statusCode).toBe(201);
    expect((await admin.post('/api/pupils', body)).json().error.code).toBe('pupil-number-taken');
    expect((await admin.post('/api/pupils', { ...body, pupilNumber: '5002', dateOfBirth: '03-02-2019' })).json().error.field).toBe('dateOfBirth');
    const { id } = created.json();
    expect((await admin.put(`/api/pupils/${id}`, { ...body, groupId: groups[1]!.id })).statusCode).toBe(200);
    expect((await admin.post(`/api/pupils/${id}/leave`, { leftOn: '2026-11-15' })).statusCode).toBe(200);
    expect((await admin.post('/api/pupils/search', { query: 'noah' })).json().pupils).toEqual([]);
    const ib = await signInAs(t, account(t, 'ib'));
    expect((await ib.get(`/api/pupils/${id}`)).json().pupil).toMatchObject({ leftOn: '2026-11-15', groupId: groups[1]!.id });
    expect((await (await signInAs(t, account(t, 'teacher'))).post('/api/pupils', { ...body, pupilNumber: '5003' })).statusCode).toBe(404);
    const actions = (await t.ctx.repos.audit.latest(30)).filter((e) => e.pupilId === id).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['pupils.create', 'pupils.update', 'pupils.leave']));
  });

  it("gives the administrator a pupil's administrative details for the correction form, audited — nothing about the family", async () => {
    const admin = await signInAs(t, account(t, 'administrator'));
    const record = await admin.get(`/api/pupils/${finn}/record`);
    expect(record.statusCode).toBe(200);
    expect(record.json()).toEqual({
      pupil: {
        id: finn,
        displayName: 'Finn de Vries',
        pupilNumber: '4102',
        givenNames: 'Finn',
        callName: 'Finn',
        surnamePrefix: 'de',
        surname: 'Vries',
        dateOfBirth: '2018-03-10',
        sex: null,
        groupId: expect.any(String),
        groupName: 'Groep 3 Vossen',
        enrolledOn: '2022-08-22',
        leftOn: null,
      },
    });
    expect(record.body).not.toContain('J. de Vries');
    expect(record.body).not.toContain(tess);
    // The full page stays closed to the administrator; the record is for whoever manages pupils.
    expect((await admin.get(`/api/pupils/${finn}`)).statusCode).toBe(404);
    expect((await (await signInAs(t, account(t, 'ib'))).get(`/api/pupils/${finn}/record`)).statusCode).toBe(200);
    for (const role of ['teacher', 'director'] as const) expect((await (await signInAs(t, account(t, role))).get(`/api/pupils/${finn}/record`)).statusCode).toBe(404);
    expect((await (await signInAs(t, account(t, 'smw'), { school: REGENBOOG })).get(`/api/pupils/${finn}/record`)).statusCode).toBe(404);
    // Another school's pupil, or none at all: not found.
    expect((await admin.get(`/api/pupils/${levi}/record`)).statusCode).toBe(404);
    expect((await admin.get('/api/pupils/no-such-pupil/record')).statusCode).toBe(404);
    const reads = (await t.ctx.repos.audit.latest(50)).filter((e) => e.action === 'pupils.record.read');
    expect(reads.map((e) => e.pupilId)).toEqual([finn, finn]);
  });

  it('finds pupils who left only when asked, with their leaving date, so that one can be made current again', async () => {
    const admin = await signInAs(t, account(t, 'administrator'));
    const search = async (query: string, includeLeft?: boolean) =>
      (await admin.post('/api/pupils/search', includeLeft === undefined ? { query } : { query, includeLeft })).json().pupils.map((p: { displayName: string; leftOn: string | null }) => [p.displayName, p.leftOn]);
    expect((await admin.post(`/api/pupils/${finn}/leave`, { leftOn: '2026-11-19' })).statusCode).toBe(200);
    expect(await search('vries')).toEqual([['Tess de Vries', null]]);
    expect(await search('vries', false)).toEqual([['Tess de Vries', null]]);
    expect(await search('vries', true)).toEqual([
      ['Finn de Vries', '2026-11-19'],
      ['Tess de Vries', null],
    ]);
    expect(await search('4102', true)).toEqual([['Finn de Vries', '2026-11-19']]);
    expect((await admin.post('/api/pupils/search', { query: 'vries', includeLeft: 'ja' })).statusCode).toBe(400);
    // A teacher may look for a pupil who left too: name, group and leaving date, as for anyone found.
    const teacher = await signInAs(t, account(t, 'teacher'));
    expect((await teacher.post('/api/pupils/search', { query: 'finn', includeLeft: true })).json().pupils).toEqual([
      { id: finn, displayName: 'Finn de Vries', groupName: 'Groep 3 Vossen', pupilNumber: '4102', leftOn: '2026-11-19' },
    ]);

    expect((await admin.post(`/api/pupils/${finn}/leave`, { leftOn: null })).statusCode).toBe(200);
    expect(await search('vries')).toEqual([
      ['Finn de Vries', null],
      ['Tess de Vries', null],
    ]);
    const actions = (await t.ctx.repos.audit.latest(30)).filter((e) => e.pupilId === finn).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['pupils.leave', 'pupils.return']));
  });

  it('keeps a pupil current until the day after the leaving date: in search, the overview and as a sibling', async () => {
    const admin = await signInAs(t, account(t, 'administrator'));
    // Today (20 November) is Finn's last day; Elif leaves at Christmas.
    const elif = (await admin.post('/api/pupils/search', { query: 'elif' })).json().pupils[0].id as string;
    expect((await admin.post(`/api/pupils/${finn}/leave`, { leftOn: '2026-11-20' })).statusCode).toBe(200);
    expect((await admin.post(`/api/pupils/${elif}/leave`, { leftOn: '2026-12-23' })).statusCode).toBe(200);

    const look = async () => {
      const teacher = await signInAs(t, account(t, 'teacher'));
      const ib = await signInAs(t, account(t, 'ib'));
      const overview = (await teacher.get('/api/preventive/overview')).json() as { groups: { groupName: string; pupils: { id: string }[] }[] };
      return {
        found: (await teacher.post('/api/pupils/search', { query: 'vries' })).json().pupils.map((p: { id: string }) => p.id),
        elifFound: (await teacher.post('/api/pupils/search', { query: 'dogan' })).json().pupils.map((p: { leftOn: string | null }) => p.leftOn),
        inOverview: overview.groups.flatMap((g) => g.pupils.map((p) => p.id)),
        siblingsOfTess: (await ib.get(`/api/pupils/${tess}`)).json().siblings.map((s: { pupilId?: string; kind: string }) => s.pupilId ?? s.kind),
      };
    };
    expect(await look()).toEqual({ found: [finn, tess], elifFound: [null], inOverview: [finn, elif], siblingsOfTess: [finn, 'other-school'] });

    // The next day Finn has left; Elif is still here.
    t.clock.advance(24 * 60 * 60 * 1000);
    expect(await look()).toEqual({ found: [tess], elifFound: [null], inOverview: [elif], siblingsOfTess: ['other-school'] });

    // After Christmas Elif has left too.
    t.clock.advance(Date.parse('2026-12-24T10:00:00Z') - t.clock.now().getTime());
    expect(await look()).toEqual({ found: [tess], elifFound: [], inOverview: [], siblingsOfTess: ['other-school'] });
  });

  it('files a talk or contact by the school year of its own date: 31 July under the year before, 1 August under the new one', async () => {
    t.clock.advance(Date.parse('2026-08-03T10:00:00Z') - t.clock.now().getTime());
    const teacher = await signInAs(t, account(t, 'teacher'));
    expect((await teacher.put(`/api/pupils/${finn}/start-of-year-talk`, { heldOn: '2026-07-31', guardianIds: [], notes: null })).statusCode).toBe(200);
    expect((await teacher.post(`/api/pupils/${finn}/parent-contacts`, { contactedOn: '2026-07-31', kind: 'phone', notes: null })).statusCode).toBe(201);
    let page = (await teacher.get(`/api/pupils/${finn}`)).json();
    expect(page).toMatchObject({ schoolYear: '2026-2027', startOfYearTalk: null, parentContacts: [] });
    const heldOn = async () => (await teacher.get('/api/preventive/overview')).json().groups[0].pupils.find((p: { id: string }) => p.id === finn).heldOn;
    expect(await heldOn()).toBeNull();

    expect((await teacher.put(`/api/pupils/${finn}/start-of-year-talk`, { heldOn: '2026-08-01', guardianIds: [], notes: null })).statusCode).toBe(200);
    expect((await teacher.post(`/api/pupils/${finn}/parent-contacts`, { contactedOn: '2026-08-01', kind: 'message', notes: null })).statusCode).toBe(201);
    page = (await teacher.get(`/api/pupils/${finn}`)).json();
    expect(page.startOfYearTalk).toMatchObject({ heldOn: '2026-08-01' });
    expect(page.parentContacts.map((c: { contactedOn: string }) => c.contactedOn)).toEqual(['2026-08-01']);
    expect(await heldOn()).toBe('2026-08-01');
    // The talk of the year before was kept under that year, not replaced.
    const scope = { schoolId: (await t.ctx.repos.boards.findSchoolByName(REGENBOOG))!.id, userId: '' };
    expect((await t.ctx.repos.preventive.talks(scope, '2025-2026', [finn])).map((talk) => talk.heldOn)).toEqual(['2026-07-31']);
    expect((await t.ctx.repos.preventive.talks(scope, '2026-2027', [finn])).map((talk) => talk.heldOn)).toEqual(['2026-08-01']);
  });

  it('says in /api/auth/me who manages pupils and who keeps the overview of start-of-year talks', async () => {
    const abilitiesOf = async (role: 'teacher' | 'ib' | 'director' | 'administrator') => {
      const me = (await (await signInAs(t, account(t, role))).get('/api/auth/me')).json();
      return [me.abilities['pupils.manage'], me.abilities['preventive.overview']];
    };
    expect(await abilitiesOf('teacher')).toEqual([false, true]);
    expect(await abilitiesOf('ib')).toEqual([true, true]);
    expect(await abilitiesOf('director')).toEqual([false, true]);
    expect(await abilitiesOf('administrator')).toEqual([true, false]);
    const smw = (await (await signInAs(t, account(t, 'smw'), { school: REGENBOOG })).get('/api/auth/me')).json();
    expect([smw.abilities['pupils.manage'], smw.abilities['preventive.overview']]).toEqual([false, false]);
    const board = (await (await signInAs(t, account(t, 'board', null))).get('/api/auth/me')).json();
    expect([board.abilities['pupils.manage'], board.abilities['preventive.overview']]).toEqual([false, false]);
  });

  it('answers an invalid body with 400 before deciding on access, the same for a pupil one may not see as for none', async () => {
    const teacher = await signInAs(t, account(t, 'teacher'));
    const invalid = { heldOn: 'gisteren', guardianIds: [], notes: null };
    const hidden = await teacher.put(`/api/pupils/${tess}/start-of-year-talk`, invalid);
    const absent = await teacher.put('/api/pupils/no-such-pupil/start-of-year-talk', invalid);
    const own = await teacher.put(`/api/pupils/${finn}/start-of-year-talk`, invalid);
    expect([hidden.statusCode, absent.statusCode, own.statusCode]).toEqual([400, 400, 400]);
    expect(hidden.json()).toEqual(absent.json());
    expect(hidden.json()).toEqual(own.json());
    // With a valid body the pupil one may not see is not found, like one that does not exist.
    const valid = { heldOn: '2026-09-08', guardianIds: [], notes: null };
    expect((await teacher.put(`/api/pupils/${tess}/start-of-year-talk`, valid)).statusCode).toBe(404);
  });
});

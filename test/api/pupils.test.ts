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
    expect(Object.keys(hit).sort()).toEqual(['displayName', 'groupName', 'id', 'pupilNumber']);
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
});

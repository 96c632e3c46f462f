import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { account, createDemoApp, elevate, KOMPAS, REGENBOOG, signInAs, type DemoApp } from '../support/demo-app.js';
import { addHousehold } from '../support/pupil-fixtures.js';
import type { Session } from '../support/test-app.js';

const signal = (description: string, overrides: Record<string, unknown> = {}) => ({
  observedOn: '2026-11-19',
  observedTime: null,
  place: 'klaslokaal',
  observedBy: 'Sanne de Wit',
  source: 'own-observation',
  sourceDetail: null,
  description,
  counterIndications: null,
  signalItemIds: [],
  bodyMap: [],
  ...overrides,
});

const FIRST = 'Inzage-een: blauwe plek op de linkerarm gezien bij binnenkomst.';
const WITHHELD = 'Inzage-twee: de buurvrouw vertelde dat zij geschreeuw hoorde.';
const THIRD = 'Inzage-drie: kwam zonder jas en zonder ontbijt naar school.';
const STAFF = 'Inzage-personeel: vertelde dat een meester hem hardhandig vastpakte.';

describe.each(ENGINES)('access requests: what the school holds about a pupil, exported with parts withheld (%s)', (engine) => {
  let t: DemoApp;
  let pupilId: string;
  let otherPupilId: string;
  let guardianIds: string[];
  let caseId: string;
  let otherCaseId: string;
  let staffCaseId: string;
  let entryIds: string[];
  let ib: Session;
  let teacher: Session;

  beforeAll(async () => {
    // Enough demo pupils that the demo teacher's group has two.
    t = await createDemoApp(engine, {}, { pupilsPerSchool: 40 });
    t.clock.advance(Date.parse('2026-11-20T10:00:00Z') - t.clock.now().getTime());
    // Two demo pupils of the demo teacher's group: one whose file is asked for, one whose case must stay out of it.
    const school = (await t.ctx.repos.boards.findSchoolByName(REGENBOOG))!;
    const scope = { schoolId: school.id, userId: '' };
    const group = (await t.ctx.repos.groups.list(scope)).find((g) => g.name === 'Groep 3 Vossen')!;
    const pupils = await t.ctx.repos.pupils.inGroups(scope, [group.id], '2026-11-20');
    [pupilId, otherPupilId] = [pupils[0]!.id, pupils[1]!.id];
    guardianIds = await addHousehold(t, [pupilId], [{ name: 'Inzage Ouder' }]);

    teacher = await signInAs(t, account(t, 'teacher'));
    const started = await teacher.post(`/api/pupils/${pupilId}/cases`, { worry: 'home-situation', firstSignal: signal(FIRST) });
    expect(started.statusCode, started.body).toBe(201);
    caseId = started.json().id;
    for (const description of [WITHHELD, THIRD]) {
      const recorded = await teacher.post(`/api/cases/${caseId}/entries`, { kind: 'signal', body: signal(description) });
      expect(recorded.statusCode, recorded.body).toBe(201);
    }
    const talk = await teacher.put(`/api/pupils/${pupilId}/start-of-year-talk`, { heldOn: '2026-09-10', guardianIds, notes: 'Inzage-startgesprek: afspraken over huiswerk.' });
    expect(talk.statusCode, talk.body).toBe(200);
    otherCaseId = (await teacher.post(`/api/pupils/${otherPupilId}/cases`, { worry: 'home-situation', firstSignal: signal('Inzage-ander: iets over een andere leerling.') })).json().id;
    const staffCase = await teacher.post(`/api/pupils/${pupilId}/cases`, { worry: 'staff-member', firstSignal: signal(STAFF, { source: 'child-told' }) });
    expect(staffCase.statusCode, staffCase.body).toBe(201);
    staffCaseId = staffCase.json().id;

    ib = await signInAs(t, account(t, 'ib'));
    entryIds = ((await ib.get(`/api/cases/${caseId}`)).json().entries as { entryId: string }[]).map((e) => e.entryId);
  });
  afterAll(async () => t.close());

  it('is hidden from a teacher of the pupil, as if it did not exist', async () => {
    expect((await teacher.get(`/api/pupils/${pupilId}/access-requests`)).statusCode).toBe(404);
    const registered = await teacher.post(`/api/pupils/${pupilId}/access-requests`, { capacity: 'parent', guardianId: guardianIds[0], requesterName: null, receivedOn: '2026-11-18' });
    expect([registered.statusCode, registered.json().error.code]).toEqual([404, 'not-found']);
    const page = (await teacher.get(`/api/pupils/${pupilId}`)).json();
    expect(page.abilities['pupil.access-request.list']).toBe(false);
    expect((await ib.get(`/api/pupils/${pupilId}`)).json().abilities['pupil.access-request.list']).toBe(true);
  });

  it('registers the request, withholds one entry on a ground, and exports every other entry with only the ground in its place', async () => {
    const registered = await ib.post(`/api/pupils/${pupilId}/access-requests`, { capacity: 'parent', guardianId: guardianIds[0], requesterName: null, receivedOn: '2026-11-18' });
    expect(registered.statusCode, registered.body).toBe(200);
    const requestId = registered.json().id as string;
    // The pupil's own teacher, even with a fresh code, finds no such request.
    await elevate(t, teacher, account(t, 'teacher'));
    for (const [method, path] of [['GET', `/api/access-requests/${requestId}`], ['POST', `/api/access-requests/${requestId}/file`], ['POST', `/api/access-requests/${requestId}/export`], ['PUT', `/api/access-requests/${requestId}/withholdings`]] as const) {
      const response = await teacher.request(method, path, method === 'GET' ? undefined : method === 'PUT' ? { withholdings: [] } : {});
      expect([path, response.statusCode]).toEqual([path, 404]);
    }

    // Without a fresh code, neither the whole file nor the export.
    for (const path of [`/api/access-requests/${requestId}/file`, `/api/access-requests/${requestId}/export`]) {
      const refused = await ib.post(path, {});
      expect([path, refused.statusCode, refused.json().error.code]).toEqual([path, 403, 'elevation-required']);
    }
    expect(await t.ctx.repos.accessRequests.find({ schoolId: (await t.ctx.repos.boards.findSchoolByName(REGENBOOG))!.id, userId: '' }, requestId)).toMatchObject({ exportedAt: null });

    const withheldEntry = entryIds[2]!; // the second signal: the first entry is "case started", then the first signal
    const saved = await ib.put(`/api/access-requests/${requestId}/withholdings`, { withholdings: [{ caseId, entryId: withheldEntry, ground: 'rights-of-others' }] });
    expect(saved.statusCode, saved.body).toBe(200);

    await elevate(t, ib, account(t, 'ib'));
    const file = await ib.post(`/api/access-requests/${requestId}/file`, {});
    expect(file.statusCode, file.body).toBe(200);
    expect(file.body).toContain(WITHHELD); // the handler sees everything, to choose
    expect(file.json().cases.map((c: { id: string }) => c.id)).toEqual([caseId]);

    const exported = await ib.post(`/api/access-requests/${requestId}/export`, {});
    expect(exported.statusCode, exported.body).toBe(200);
    const doc = exported.json();
    expect(doc.pupil.id).toBe(pupilId);
    expect(doc.guardians.map((g: { name: string }) => g.name)).toContain('Inzage Ouder');
    expect(doc.request.withholdings).toBeUndefined();
    expect(doc.startOfYearTalks.map((talk: { notes: string; staff: { name: string } }) => talk.notes)).toEqual(['Inzage-startgesprek: afspraken over huiswerk.']);
    expect(doc.request).toMatchObject({ capacity: 'parent', requesterName: 'Inzage Ouder', receivedOn: '2026-11-18' });
    expect(doc.cases).toHaveLength(1);
    const [theCase] = doc.cases;
    expect(theCase.kind).toBe('included');
    expect(theCase.case.id).toBe(caseId);
    const parts = theCase.entries as ({ kind: 'included'; entry: { entryId: string; firstRecordedBy: { name: string } } } | { kind: 'withheld'; ground: string; basis: string })[];
    expect(parts.map((p) => (p.kind === 'included' ? p.entry.entryId : 'withheld'))).toEqual(entryIds.map((id) => (id === withheldEntry ? 'withheld' : id)));
    expect(parts.find((p) => p.kind === 'withheld')).toEqual({ kind: 'withheld', ground: 'rights-of-others', basis: expect.stringContaining('art. 15 lid 4') });
    // Which staff recorded what, and when.
    expect(parts.filter((p) => p.kind === 'included').every((p) => p.entry.firstRecordedBy.name.length > 0)).toBe(true);
    expect(exported.body).toContain(FIRST);
    expect(exported.body).toContain(THIRD);
    expect(exported.body).not.toContain(WITHHELD);
    expect(exported.body).not.toContain(withheldEntry);
    // Staff-route cases are the board's, and another pupil's case is not this pupil's.
    expect(exported.body).not.toContain(STAFF);
    expect(exported.body).not.toContain(staffCaseId);
    expect(exported.body).not.toContain(otherCaseId);

    // The request and what was withheld stay on record, by id and ground only.
    const stored = (await ib.get(`/api/pupils/${pupilId}/access-requests`)).json().requests;
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ id: requestId, exportedBy: { name: (await t.ctx.repos.users.findByEmail(account(t, 'ib').email))!.name }, withholdings: [{ caseId, entryId: withheldEntry, ground: 'rights-of-others' }] });
    expect(stored[0].exportedAt).not.toBeNull();
    const rows = await t.ctx.db.kysely.selectFrom('access_request_withholdings').selectAll().where('access_request_id', '=', requestId).execute();
    expect(rows.map((r) => [r.case_id, r.entry_id, r.ground])).toEqual([[caseId, withheldEntry, 'rights-of-others']]);
    const requestRows = await t.ctx.db.kysely.selectFrom('access_requests').selectAll().where('id', '=', requestId).execute();
    expect(JSON.stringify(requestRows)).not.toMatch(/Inzage-/);

    // Audited with the pupil's id (and each case's), ids only.
    const events = await t.ctx.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'pupil.access-request.export').execute();
    expect(events.map((e) => [e.pupil_id, e.case_id, e.subject_id])).toEqual([
      [pupilId, null, requestId],
      [pupilId, caseId, requestId],
    ]);

    // What was handed over is fixed.
    const late = await ib.put(`/api/access-requests/${requestId}/withholdings`, { withholdings: [] });
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'access-request-exported']);
  });

  it("refuses to withhold a part that is not in this pupil's file", async () => {
    const requestId = (await ib.post(`/api/pupils/${pupilId}/access-requests`, { capacity: 'pupil', guardianId: null, requesterName: null, receivedOn: '2026-11-19' })).json().id;
    for (const withholding of [
      { caseId: otherCaseId, entryId: null, ground: 'child-protection' },
      { caseId: staffCaseId, entryId: null, ground: 'child-protection' },
    ]) {
      const refused = await ib.put(`/api/access-requests/${requestId}/withholdings`, { withholdings: [withholding] });
      expect([refused.statusCode, refused.json().error.code]).toEqual([400, 'access-request-withholding-not-in-file']);
    }
    const wrongEntry = await ib.put(`/api/access-requests/${requestId}/withholdings`, { withholdings: [{ caseId, entryId: 'not-an-entry', ground: 'child-protection' }] });
    expect([wrongEntry.statusCode, wrongEntry.json().error.code]).toEqual([400, 'access-request-withholding-entry-not-in-case']);
    const badGround = await ib.put(`/api/access-requests/${requestId}/withholdings`, { withholdings: [{ caseId, entryId: null, ground: 'personal-work-notes' }] });
    expect(badGround.statusCode).toBe(400);
    expect((await ib.get(`/api/access-requests/${requestId}`)).json().request.withholdings).toEqual([]);
  });

  it('withholds a whole case: the export says only that a case was withheld, and on which ground', async () => {
    const requestId = (await ib.post(`/api/pupils/${pupilId}/access-requests`, { capacity: 'other', guardianId: null, requesterName: 'mr. A. Jansen, advocaat', receivedOn: '2026-11-19' })).json().id;
    expect((await ib.put(`/api/access-requests/${requestId}/withholdings`, { withholdings: [{ caseId, entryId: null, ground: 'child-protection' }] })).statusCode).toBe(200);
    await elevate(t, ib, account(t, 'ib'));
    const exported = await ib.post(`/api/access-requests/${requestId}/export`, {});
    expect(exported.json().cases).toEqual([{ kind: 'withheld', ground: 'child-protection', basis: expect.stringContaining('art. 41') }]);
    expect(exported.body).not.toContain(caseId);
    expect(exported.body).not.toMatch(/Inzage-(een|twee|drie)/);
  });

  it('answers a request with a bad requester or a date to come with a message a person can act on', async () => {
    const otherGuardian = (await addHousehold(t, [otherPupilId], [{ name: 'Andere Ouder' }]))[0];
    const cases = [
      [{ capacity: 'parent', guardianId: otherGuardian, requesterName: null, receivedOn: '2026-11-19' }, 'access-request-guardian-not-of-pupil'],
      [{ capacity: 'other', guardianId: null, requesterName: '', receivedOn: '2026-11-19' }, 'access-request-name-required'],
      [{ capacity: 'pupil', guardianId: null, requesterName: null, receivedOn: '2027-01-01' }, 'access-request-received-in-future'],
    ] as const;
    for (const [body, code] of cases) {
      const response = await ib.post(`/api/pupils/${pupilId}/access-requests`, body);
      expect([response.statusCode, response.json().error.code]).toEqual([400, code]);
      expect(response.json().error.message).not.toMatch(/Inzage/);
    }
  });

  it("is not reachable from another school, by the request's id or the pupil's", async () => {
    const requestId = (await ib.post(`/api/pupils/${pupilId}/access-requests`, { capacity: 'pupil', guardianId: null, requesterName: null, receivedOn: '2026-11-19' })).json().id;
    const kompas = await signInAs(t, account(t, 'ib', KOMPAS), { elevated: true, school: KOMPAS });
    for (const [method, path] of [
      ['GET', `/api/access-requests/${requestId}`],
      ['POST', `/api/access-requests/${requestId}/file`],
      ['POST', `/api/access-requests/${requestId}/export`],
      ['GET', `/api/pupils/${pupilId}/access-requests`],
    ] as const) {
      const response = await kompas.request(method, path, method === 'POST' ? {} : undefined);
      expect([path, response.statusCode]).toEqual([path, 404]);
    }
  });
});

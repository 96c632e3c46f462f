import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMeldpad } from '../support/cli.js';
import { ENGINES } from '../support/databases.js';
import { account, createDemoApp, elevate, REGENBOOG, signInAs, userIdOf, type DemoApp } from '../support/demo-app.js';
import { addHousehold, addPupil } from '../support/pupil-fixtures.js';
import type { Session } from '../support/test-app.js';

const signal = (description: string, overrides: Record<string, unknown> = {}) => ({
  observedOn: '2026-11-19',
  observedTime: '08:40',
  place: 'klaslokaal',
  observedBy: 'Sanne de Wit',
  source: 'own-observation',
  sourceDetail: null,
  description,
  counterIndications: null,
  signalItemIds: [],
  bodyMap: [{ side: 'front', x: 0.3, y: 0.3, type: 'bruise', colour: 'blauw-paars', sizeCm: 4, description: 'linkerbovenarm' }],
  ...overrides,
});

const FIRST = 'Blauwe plek van ongeveer 4 cm op de bovenarm; Sanne de Wit zag het bij binnenkomst.';
const CORRECTED = 'Blauwe plek van ongeveer 5 cm op de linkerbovenarm, gezien bij binnenkomst.';
const SECOND = 'Kwam drie dagen zonder jas en zonder ontbijt naar school.';
const DECISION = 'De signalen zijn ernstig genoeg om het afwegingskader zorgvuldig te doorlopen; nu geen melding.';
const WEIGHING = 'Het vermoeden blijft na het gesprek met Yasmina El Amrani en de consultatie bestaan.';
const STAFF_NAMES = ['Sanne de Wit', 'Yasmina El Amrani', 'Marieke Jansen', 'Bilal Öztürk'];

/** The text of a PDF, page by page, as a reader would copy it. */
async function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

/** The environment a child `meldpad` needs to open the test's database. */
function cliEnv(t: DemoApp): Record<string, string> {
  const { config } = t.ctx;
  if (config.masterKey.kind !== 'env') throw new Error('the test app is given its key');
  return { DATA_DIR: config.dataDir, DATABASE_URL: config.database.kind === 'sqlite' ? config.database.file : config.database.url, MASTER_KEY: config.masterKey.value };
}

describe.each(ENGINES)('the dossier PDF: exported with a fresh code, checked against the audit chain (%s)', (engine) => {
  let t: DemoApp;
  let caseId: string;
  let pupilId: string;
  let ib: Session;
  let teacher: Session;
  const folder = mkdtempSync(path.join(tmpdir(), 'meldpad-dossier-'));

  beforeAll(async () => {
    t = await createDemoApp(engine, {}, { pupilsPerSchool: 0 });
    t.clock.advance(Date.parse('2026-11-20T10:00:00Z') - t.clock.now().getTime());
    pupilId = await addPupil(t, REGENBOOG, 'Groep 3 Vossen', { callName: 'Doğan', surname: 'Şahin', pupilNumber: '7001' });
    await addHousehold(t, [pupilId], [{ name: 'Łukasz Wójcik', hasAuthority: true }]);
    teacher = await signInAs(t, account(t, 'teacher'));
    const started = await teacher.post(`/api/pupils/${pupilId}/cases`, { worry: 'home-situation', firstSignal: signal(FIRST) });
    expect(started.statusCode, started.body).toBe(201);
    caseId = started.json().id;
    expect((await teacher.post(`/api/cases/${caseId}/entries`, { kind: 'signal', body: signal(SECOND, { bodyMap: [] }) })).statusCode).toBe(201);

    ib = await signInAs(t, account(t, 'ib'));
    const ibId = await userIdOf(t, account(t, 'ib'));
    const teacherId = await userIdOf(t, account(t, 'teacher'));
    const page = (await ib.get(`/api/cases/${caseId}`)).json();
    const firstSignal = page.entries.find((e: { kind: string }) => e.kind === 'signal').entryId;
    const corrected = await teacher.put(`/api/cases/${caseId}/entries/${firstSignal}`, { body: signal(CORRECTED), reason: 'De maat en de arm waren niet goed genoteerd.' });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const team = await ib.put(`/api/cases/${caseId}/team`, { members: [{ userId: ibId, teamRole: 'ib' }, { userId: teacherId, teamRole: 'teacher' }], casushouderId: ibId });
    expect(team.statusCode, team.body).toBe(200);
    const consultation = await ib.post(`/api/cases/${caseId}/entries`, { kind: 'consultation', body: { heldOn: '2026-11-20', withRole: 'expert', withName: 'Jeugdarts GGD', outcome: 'Advies: het gesprek met de ouders voorbereiden.' } });
    expect(consultation.statusCode, consultation.body).toBe(201);
    const decided = await ib.post(`/api/cases/${caseId}/decision`, { decision: 'no-report-now', reasoning: DECISION, monitoring: [{ what: 'Dagelijks kijken hoe het gaat', ownerUserId: teacherId, dueOn: '2026-11-27' }] });
    expect(decided.statusCode, decided.body).toBe(200);
    const weighed = await ib.post(`/api/cases/${caseId}/weighing`, { question: 'q1', answer: 'yes', reasoning: WEIGHING, answeredOn: '2026-11-20', participants: ['Yasmina El Amrani', 'Sanne de Wit'], veiligThuisTookPart: false });
    expect(weighed.statusCode, weighed.body).toBe(201);
  });
  afterAll(async () => t.close());

  it('asks for a fresh code: without one the answer is 403 elevation-required and nothing is recorded', async () => {
    const response = await ib.post(`/api/cases/${caseId}/exports/pdf`, { variant: 'full' });
    expect([response.statusCode, response.json().error.code]).toEqual([403, 'elevation-required']);
    expect(await t.ctx.db.kysely.selectFrom('dossier_exports').selectAll().execute()).toEqual([]);
  });

  it('is not for the teacher on the case (404, as if it did not exist)', async () => {
    await elevate(t, teacher, account(t, 'teacher'));
    const response = await teacher.post(`/api/cases/${caseId}/exports/pdf`, { variant: 'full' });
    expect([response.statusCode, response.json().error.code]).toEqual([404, 'not-found']);
  });

  it('exports the whole case with a code: signals with the correction, decisions, Unicode names, confidential and numbered pages; the chain records it', async () => {
    await elevate(t, ib, account(t, 'ib'));
    const response = await ib.post(`/api/cases/${caseId}/exports/pdf`, { variant: 'full' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const code = String(response.headers['x-meldpad-verification-code']);
    expect(code).toMatch(/^MP-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(response.headers['content-disposition']).toContain(`attachment; filename="dossier-${code}.pdf"`);
    expect(String(response.headers['content-disposition'])).not.toMatch(/Do|ahin/);
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    for (const expected of ['Doğan Şahin', 'Łukasz Wójcik', 'OBS De Regenboog', 'Groep 3 Vossen', CORRECTED, FIRST, 'De maat en de arm waren niet goed genoteerd.', SECOND, DECISION, 'Nu geen melding', WEIGHING, 'Lichaamskaart', 'Blauwe plek', 'Jeugdarts GGD', 'Yasmina El Amrani', 'Sanne de Wit']) {
      expect(text.replace(/\s+/g, ' '), expected).toContain(expected.replace(/\s+/g, ' '));
    }
    const pages = Number(/pagina 1 van (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(text.match(/VERTROUWELIJK/g)?.length).toBeGreaterThanOrEqual(pages);
    expect(text.match(new RegExp(`Verificatiecode ${code}`, 'g'))?.length).toBeGreaterThanOrEqual(pages);
    expect(text).toContain(`pagina ${pages} van ${pages}`);

    const sha256 = (await import('node:crypto')).createHash('sha256').update(pdf).digest('hex');
    const [record] = await t.ctx.db.kysely.selectFrom('dossier_exports').selectAll().execute();
    expect(record).toMatchObject({ case_id: caseId, variant: 'full', exported_by: await userIdOf(t, account(t, 'ib')), sha256 });
    expect(code.replace(/^MP-|-/g, '')).toBe(record!.id);
    const events = (await t.ctx.repos.audit.latest(10)).filter((e) => e.action.startsWith('case.export.pdf'));
    expect(events.map((e) => [e.action, e.subjectId, e.caseId, e.pupilId])).toEqual([
      ['case.export.pdf.digest', sha256, caseId, pupilId],
      ['case.export.pdf', record!.id, caseId, pupilId],
    ]);
    expect((await t.ctx.repos.audit.verifyChain()).problem).toBeNull();
    writeFileSync(path.join(folder, 'full.pdf'), pdf);

    // One code, one export: the same elevation does not serve a second.
    const again = await ib.post(`/api/cases/${caseId}/exports/pdf`, { variant: 'full' });
    expect([again.statusCode, again.json().error.code]).toEqual([403, 'elevation-required']);
  });

  it('leaves out every staff name in the variant for outside the school, naming each by role', async () => {
    await elevate(t, ib, account(t, 'ib'));
    const response = await ib.post(`/api/cases/${caseId}/exports/pdf`, { variant: 'without-staff-names' });
    expect(response.statusCode, response.body).toBe(200);
    const text = (await pdfText(response.rawPayload)).replace(/\s+/g, ' ');
    for (const name of STAFF_NAMES) expect(text, name).not.toContain(name);
    expect(text).toContain('Doğan Şahin');
    expect(text).toContain("IB'er");
    expect(text).toContain('leerkracht');
    expect(text).toContain('Blauwe plek van ongeveer 4 cm op de bovenarm; leerkracht zag het bij binnenkomst.');
    expect(text).toContain(DECISION);
    expect(text).toContain('Dossier zonder namen van medewerkers');
    writeFileSync(path.join(folder, 'anonymous.pdf'), response.rawPayload);
  });

  it('meldpad verify-pdf says the exported file matches, and that a file with one byte changed does not', async () => {
    const file = path.join(folder, 'full.pdf');
    const ok = runMeldpad(['verify-pdf', file], cliEnv(t));
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/MATCHES \/ KOMT OVEREEN/);
    expect(ok.stdout).toContain(caseId);
    expect(ok.stdout).toContain("IB'er");

    const bytes = Buffer.from((await import('node:fs')).readFileSync(file));
    // One byte in the middle of the file (inside a compressed stream): still a file that names its export.
    const at = Math.floor(bytes.length / 2);
    bytes[at] = bytes[at]! ^ 0x01;
    const changed = path.join(folder, 'changed.pdf');
    writeFileSync(changed, bytes);
    const bad = runMeldpad(['verify-pdf', changed], cliEnv(t));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/DOES NOT MATCH \/ KOMT NIET OVEREEN/);
  });

  it('on the staff route: the board exports (with a code), the school\'s IB\'er cannot', async () => {
    const staffCase = await teacher.post(`/api/pupils/${pupilId}/cases`, { worry: 'staff-member', firstSignal: signal('Vertelde dat een meester hem hardhandig vastpakte.', { source: 'child-told', bodyMap: [] }) });
    expect(staffCase.statusCode, staffCase.body).toBe(201);
    const staffCaseId = staffCase.json().id;
    await elevate(t, ib, account(t, 'ib'));
    expect((await ib.post(`/api/cases/${staffCaseId}/exports/pdf`, { variant: 'full' })).statusCode).toBe(404);
    const board = await signInAs(t, account(t, 'board', null));
    expect((await board.get(`/api/cases/${staffCaseId}`)).json().abilities['case.export']).toBe(true);
    expect((await board.post(`/api/cases/${staffCaseId}/exports/pdf`, { variant: 'full' })).json().error.code).toBe('elevation-required');
    await elevate(t, board, account(t, 'board', null));
    const exported = await board.post(`/api/cases/${staffCaseId}/exports/pdf`, { variant: 'without-staff-names' });
    expect(exported.statusCode, exported.body).toBe(200);
    const text = (await pdfText(exported.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain('Dossier personeelsroute');
    expect(text).toContain('Vertelde dat een meester hem hardhandig vastpakte.');
    expect(text).not.toContain('Sanne de Wit');
    const events = (await t.ctx.repos.audit.latest(5)).filter((e) => e.action === 'case.export.pdf');
    expect(events[0]).toMatchObject({ caseId: staffCaseId, actorRole: 'board' });
  });

  it('the check in the app answers the same for the IB\'er, and stores nothing of the file', async () => {
    const bytes = (await import('node:fs')).readFileSync(path.join(folder, 'full.pdf'));
    const check = (body: Buffer) => t.app.inject({ method: 'POST', url: '/api/exports/verify', headers: { cookie: ib.cookie!, 'content-type': 'application/pdf' }, payload: body });
    const ok = await check(bytes);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ result: 'match', export: { caseId, variant: 'full', exportedByRole: 'ib' } });
    const changed = Buffer.from(bytes);
    changed[100] = changed[100]! ^ 0x01;
    const bad = await check(changed);
    expect(bad.json().result).toMatch(/altered|unknown/);
    expect((await check(Buffer.from('%PDF-1.4 niets'))).json().result).toBe('unknown');
    const teacherCheck = await t.app.inject({ method: 'POST', url: '/api/exports/verify', headers: { cookie: teacher.cookie!, 'content-type': 'application/pdf' }, payload: bytes });
    expect(teacherCheck.statusCode).toBe(404);
  });
});

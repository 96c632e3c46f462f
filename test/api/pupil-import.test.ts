import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createAccount } from '../../src/server/people/accounts.js';
import { schoolDate } from '../../src/server/pupils/school-date.js';
import { ROOT } from '../support/cli.js';
import { ENGINES } from '../support/databases.js';
import { account, createDemoApp, REGENBOOG, signInAs, type DemoApp } from '../support/demo-app.js';
import { signIn, type Session } from '../support/test-app.js';

// The fictional samples beside the repository; a missing file fails the suite (readFileSync throws).
const SAMPLES = path.resolve(ROOT, '..', 'shared', 'data');
const CSV_SAMPLE = readFileSync(path.join(SAMPLES, 'pupils-sample.csv'));
const EDEX_SAMPLE = readFileSync(path.join(SAMPLES, 'edex-sample.xml'));

const HEADER = 'Leerlingnummer;Roepnaam;Tussenvoegsel;Achternaam;Geboortedatum;Geslacht;Groep;Naam ouder/verzorger 1;Telefoon ouder/verzorger 1;E-mail ouder/verzorger 1;Gezag ouder/verzorger 1';
const file = (content: string | Buffer, fileName = 'leerlingen.csv') => ({ fileName, contentBase64: Buffer.from(content).toString('base64') });
const csv = (...lines: string[]) => [HEADER, ...lines].join('\r\n');
const row = (n: number, name = `Kind${n}`, extra = '') => `${n};${name};;Achternaam${n};01-02-2018;V;Groep 3;Ouder ${n};06-1000${n};ouder${n}@mail.example;ja${extra}`;

describe.each(ENGINES)('importing pupils (%s)', (engine) => {
  let t: DemoApp;
  let admin: Session;
  let schoolId: string;
  /** The demo board's other schools have guardians already. */
  let boardGuardians: number;
  // A school of the demo board without pupils yet, and its administrator.
  beforeEach(async () => {
    t = await createDemoApp(engine);
    const board = (await t.ctx.repos.boards.findSchoolByName(REGENBOOG))!.boardId;
    schoolId = randomUUID();
    const password = 'Zeilboot-Paraplu-Kwast-81';
    await t.ctx.db.kysely.transaction().execute(async (tx) => {
      await t.ctx.repos.boards.createSchool({ id: schoolId, boardId: board, name: 'OBS De Proeftuin', at: t.clock.now() }, tx);
      await createAccount(t.ctx.repos, { boardId: board, email: 'beheer@proeftuin.example', name: 'Fenna Beheer', password, memberships: [{ schoolId, role: 'administrator' }] }, t.clock.now(), tx);
    });
    admin = (await signIn(t, 'beheer@proeftuin.example', password)).session;
    boardGuardians = await count('guardians');
  });
  afterEach(async () => t.close());

  const pupils = () => t.ctx.db.kysely.selectFrom('pupils').selectAll().where('school_id', '=', schoolId).orderBy('pupil_number').execute();
  const count = async (table: 'guardians' | 'households' | 'household_pupils' | 'household_guardians' | 'groups') =>
    Number((await t.ctx.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('analyses the sample spreadsheet: semicolons, recognised headers, a preview, no problems', async () => {
    const response = await admin.post('/api/pupils/import/analyse', file(CSV_SAMPLE));
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ format: 'csv', encoding: 'utf-8', separator: 'semicolon', rowCount: 28, problems: [] });
    expect(body.mapping).toMatchObject({ pupilNumber: 0, callName: 1, surname: 3, dateOfBirth: 4, guardian2Authority: 14 });
    expect(body.preview).toHaveLength(20);
    expect(body.preview[0]).toEqual(expect.objectContaining({ row: 2, values: expect.objectContaining({ pupilNumber: '4101', dateOfBirth: '02-11-2019' }) }));
    expect(await pupils()).toEqual([]);
  });

  it('imports the sample spreadsheet with guardians and households; siblings share one; re-importing changes nothing', async () => {
    const dry = await admin.post('/api/pupils/import/dry-run', file(CSV_SAMPLE));
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ applied: false, counts: { added: 28, changed: 0, markedAsLeft: 0 }, needsConfirmation: false, problems: [] });
    expect(await pupils()).toEqual([]);
    expect(await count('guardians')).toBe(boardGuardians);

    const first = await admin.post('/api/pupils/import', file(CSV_SAMPLE));
    expect(first.statusCode).toBe(200);
    const report = first.json();
    expect(report).toMatchObject({ applied: true, counts: { added: 28 }, guardians: { added: 49, changed: 0 } });
    expect(report.groupsCreated).toEqual(['Groep 1/2 Otters', 'Groep 3 Vossen', 'Groep 4 Egels', 'Groep 5 Bevers', 'Groep 6 Zwanen', 'Groep 7 Herten', 'Groep 8 Dolfijnen']);
    const stored = await pupils();
    expect(stored).toHaveLength(28);
    const finn = stored.find((p) => p.pupil_number === '4102')!;
    expect(finn).toMatchObject({ call_name: 'Finn', surname_prefix: 'de', surname: 'Vries', date_of_birth: '2020-09-07', sex: 'm', left_on: null, source: 'csv' });
    expect(finn.search_text).toContain(' finn ');
    const groups = await t.ctx.repos.groups.list({ schoolId, userId: '' });
    expect(groups.find((g) => g.name === 'Groep 1/2 Otters')!.yearGroups).toEqual([1, 2]);

    // 4102 Finn and 4104 Tess de Vries share M. de Vries (ouder1b ≠ ouder3b: not the same e-mail) — so give them one:
    const siblings = csv(row(1, 'Anna', ';'), row(2, 'Bram', ';').replace('ouder2@', 'ouder1@').replace('Ouder 2', 'Ouder 1').replace('06-10002', '06-10001'));
    const sameParent = await admin.post('/api/pupils/import', { ...file(siblings), confirmLeaving: true });
    expect(sameParent.statusCode).toBe(200);
    const [anna, bram] = (await pupils()).filter((p) => p.pupil_number === '1' || p.pupil_number === '2');
    const households = await t.ctx.db.kysely.selectFrom('household_pupils').selectAll().where('pupil_id', 'in', [anna!.id, bram!.id]).execute();
    expect(households).toHaveLength(2);
    expect(households[0]!.household_id).toBe(households[1]!.household_id);

    // The sample again: the 28 come back, 1 and 2 leave; then once more, and nothing changes at all.
    await admin.post('/api/pupils/import', { ...file(CSV_SAMPLE), confirmLeaving: true });
    const before = await pupils();
    const counts = [await count('guardians'), await count('households'), await count('household_pupils'), await count('household_guardians'), await count('groups')];
    t.clock.advance(60_000);
    const again = await admin.post('/api/pupils/import', file(CSV_SAMPLE));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ counts: { added: 0, changed: 0, returned: 0, markedAsLeft: 0, unchanged: 28 }, guardians: { added: 0, changed: 0 }, householdsAdded: 0, groupsCreated: [] });
    expect(await pupils()).toEqual(before);
    expect([await count('guardians'), await count('households'), await count('household_pupils'), await count('household_guardians'), await count('groups')]).toEqual(counts);
    const events = (await t.ctx.repos.audit.latest(10)).filter((e) => e.action === 'pupils.import');
    expect(events[0]).toMatchObject({ schoolId, pupilId: null, outcome: 'success' });
  });

  it('marks a pupil missing from a later file as left, never deletes them; a returning pupil is no longer left', async () => {
    const all = Array.from({ length: 40 }, (_, i) => row(i + 1));
    expect((await admin.post('/api/pupils/import', file(csv(...all)))).statusCode).toBe(200);
    const without = await admin.post('/api/pupils/import', file(csv(...all.slice(0, 39))));
    expect(without.statusCode).toBe(200);
    expect(without.json()).toMatchObject({ counts: { markedAsLeft: 1 }, markedAsLeft: [{ pupilNumber: '40', name: 'Kind40 Achternaam40' }] });
    const left = (await pupils()).find((p) => p.pupil_number === '40')!;
    expect(left.left_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await pupils()).toHaveLength(40);
    const back = await admin.post('/api/pupils/import', file(csv(...all)));
    expect(back.json()).toMatchObject({ counts: { returned: 1, markedAsLeft: 0 } });
    expect((await pupils()).find((p) => p.pupil_number === '40')!.left_on).toBeNull();
  });

  it('keeps a leaving date still to come when the pupil is in the file, and brings it forward when they are not', async () => {
    const all = Array.from({ length: 40 }, (_, i) => row(i + 1));
    expect((await admin.post('/api/pupils/import', file(csv(...all)))).statusCode).toBe(200);
    const later = new Date(t.clock.now().getTime() + 30 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const idOf = async (number: string) => (await pupils()).find((p) => p.pupil_number === number)!.id;
    expect((await admin.post(`/api/pupils/${await idOf('39')}/leave`, { leftOn: later })).statusCode).toBe(200);
    expect((await admin.post(`/api/pupils/${await idOf('40')}/leave`, { leftOn: later })).statusCode).toBe(200);
    const again = await admin.post('/api/pupils/import', file(csv(...all.slice(0, 39))));
    expect(again.json()).toMatchObject({ counts: { returned: 0, markedAsLeft: 1, unchanged: 39 } });
    const after = await pupils();
    expect(after.find((p) => p.pupil_number === '39')!.left_on).toBe(later);
    expect(after.find((p) => p.pupil_number === '40')!.left_on).toBe(schoolDate(t.clock.now()));
  });

  it('asks for confirmation (409) when more than 5 % would be marked as left, then imports when confirmed', async () => {
    const all = Array.from({ length: 20 }, (_, i) => row(i + 1));
    await admin.post('/api/pupils/import', file(csv(...all)));
    const dry = await admin.post('/api/pupils/import/dry-run', file(csv(...all.slice(0, 18))));
    expect(dry.json()).toMatchObject({ needsConfirmation: true, counts: { markedAsLeft: 2 }, activeCount: 20 });
    const refused = await admin.post('/api/pupils/import', file(csv(...all.slice(0, 18))));
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'confirm-leaving' }, leaving: { markedAsLeft: 2, activeCount: 20, percentage: 10 } });
    expect(refused.json().error.message).toContain('bewaartermijn');
    expect((await pupils()).filter((p) => p.left_on !== null)).toEqual([]);
    const confirmed = await admin.post('/api/pupils/import', { ...file(csv(...all.slice(0, 18))), confirmLeaving: true });
    expect(confirmed.statusCode).toBe(200);
    expect((await pupils()).filter((p) => p.left_on !== null).map((p) => p.pupil_number)).toEqual(['19', '20']);
  });

  it('imports EDEX: groups merged (1/2), teachers get their groups by e-mail, 1 = boy and 2 = girl', async () => {
    const school = (await t.ctx.repos.boards.findSchool(schoolId))!;
    const marieke = await t.ctx.db.kysely.transaction().execute((tx) =>
      createAccount(t.ctx.repos, { boardId: school.boardId, email: 'marieke.peeters@school.example', name: 'Marieke Peeters', password: 'Zeilboot-Paraplu-Kwast-81', memberships: [{ schoolId, role: 'teacher' }] }, t.clock.now(), tx),
    );
    const analysed = (await admin.post('/api/pupils/import/analyse', file(EDEX_SAMPLE, 'export.xml'))).json();
    expect(analysed).toMatchObject({ format: 'edex', rowCount: 28, problems: [], edex: { groups: 7, teachers: 5 } });
    const response = await admin.post('/api/pupils/import', file(EDEX_SAMPLE, 'export.xml'));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ counts: { added: 28 }, teachers: { linked: 1 } });
    expect(response.json().teachers.unmatched).toEqual(['hatice.aksoy@school.example', 'tom.berg@school.example', 'anouk.koster@school.example', 'karim.haddou@school.example']);
    const groups = await t.ctx.repos.groups.list({ schoolId, userId: '' });
    const otters = groups.find((g) => g.name === 'Groep 1/2 Otters')!;
    expect(otters.yearGroups).toEqual([1, 2]);
    expect(otters.teacherIds).toEqual([marieke]);
    expect(groups.filter((g) => g.teacherIds.includes(marieke)).map((g) => g.name)).toEqual(['Groep 1/2 Otters']);
    const levi = (await pupils()).find((p) => p.pupil_number === '4103')!;
    expect(levi).toMatchObject({ sex: 'f', surname_prefix: 'van den', enrolled_on: '2023-08-01', source: 'edex' });
    // The spreadsheet of the same pupils after the EDEX file: only guardians are new.
    const csvAfter = (await admin.post('/api/pupils/import', file(CSV_SAMPLE))).json();
    expect(csvAfter).toMatchObject({ counts: { added: 0, changed: 0, unchanged: 28 }, guardians: { added: 49 } });
    expect((await admin.post('/api/pupils/import', file(EDEX_SAMPLE, 'export.xml'))).json()).toMatchObject({ counts: { unchanged: 28 }, teachers: { linked: 0 } });
  });

  it('tolerates namespaces, unknown elements and another order in EDEX', async () => {
    const xml = `<?xml version="1.0"?>
<ex:EDEX xmlns:ex="urn:edex"><ex:extra><iets>x</iets></ex:extra>
  <ex:leerlingen><ex:leerling key="9"><ex:roepnaam>Ada</ex:roepnaam><ex:onbekend>?</ex:onbekend><ex:achternaam>Lovelace</ex:achternaam><ex:groep key="g"/><ex:geboortedatum>2018-12-10</ex:geboortedatum></ex:leerling></ex:leerlingen>
  <ex:groepen><ex:groep key="g"><ex:jaargroep>3</ex:jaargroep><ex:naam>Groep 3</ex:naam></ex:groep></ex:groepen>
</ex:EDEX>`;
    const response = await admin.post('/api/pupils/import', file(xml, 'x.xml'));
    expect(response.statusCode).toBe(200);
    expect((await pupils())[0]).toMatchObject({ pupil_number: '9', call_name: 'Ada', surname: 'Lovelace', date_of_birth: '2018-12-10' });
  });

  it('reads comma separators, UTF-8 with BOM and Windows-1252 files, dd-mm-jjjj dates and empty lines', async () => {
    const comma = 'Leerlingnummer,Roepnaam,Achternaam,Geboortedatum\n1,Şevval,Doğan,2-3-2018\n\n2,"Anne, Marie",Jansen,2018-03-02\n';
    const c = (await admin.post('/api/pupils/import/analyse', file(comma))).json();
    expect(c).toMatchObject({ separator: 'comma', rowCount: 2, problems: [] });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(comma)]);
    expect((await admin.post('/api/pupils/import/analyse', file(bom))).json()).toMatchObject({ encoding: 'utf-8-bom', mapping: { pupilNumber: 0 }, problems: [] });
    const latin = Buffer.from('Leerlingnummer;Roepnaam;Achternaam\r\n5;Zoë;Müller\r\n6;José;Çelik\r\n', 'latin1');
    expect((await admin.post('/api/pupils/import/analyse', file(latin))).json()).toMatchObject({ encoding: 'windows-1252' });
    expect((await admin.post('/api/pupils/import', file(latin))).statusCode).toBe(200);
    expect((await pupils()).map((p) => `${p.call_name} ${p.surname}`)).toEqual(['Zoë Müller', 'José Çelik']);
  });

  it('names row and field of each problem in Dutch (or English), and a failing row stores nothing', async () => {
    const bad = csv(row(1), row(2).replace('01-02-2018', '31-02-2019'), row(1, 'Dubbel'));
    const analysed = (await admin.post('/api/pupils/import/analyse', file(bad))).json();
    expect(analysed.problems.map((p: { message: string }) => p.message)).toEqual([
      "Rij 3, veld Geboortedatum: '31-02-2019' is geen geldige datum (gebruik dd-mm-jjjj).",
      'Rij 4, veld Leerlingnummer: leerlingnummer 1 staat ook in rij 2; elk leerlingnummer mag maar één keer voorkomen.',
    ]);
    const english = (await admin.post('/api/pupils/import/dry-run', file(bad), { 'accept-language': 'en' })).json();
    expect(english.problems[0].message).toBe("Row 3, field Date of birth: '31-02-2019' is not a valid date (use dd-mm-yyyy).");
    const refused = await admin.post('/api/pupils/import', file(bad));
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: { code: 'import-has-problems' }, problems: [{ row: 3, field: 'dateOfBirth' }, { row: 4, field: 'pupilNumber' }] });
    expect(await pupils()).toEqual([]);
    expect(await count('guardians')).toBe(boardGuardians);
  });

  it('names missing columns, and takes a mapping chosen by the person', async () => {
    const odd = 'Nummer leerling;Familienaam;Naam kind\n1;Jansen;Piet\n';
    const analysed = (await admin.post('/api/pupils/import/analyse', file(odd))).json();
    expect(analysed.problems.map((p: { field: string; code: string }) => [p.field, p.code])).toEqual([
      ['pupilNumber', 'missing-column'],
      ['callName', 'missing-column'],
    ]);
    expect(analysed.problems[0].message).toBe('Rij 1, veld Leerlingnummer: deze kolom ontbreekt. Voeg de kolom toe of kies bij "Kolommen" welke kolom dit is.');
    const response = await admin.post('/api/pupils/import', { ...file(odd), mapping: { pupilNumber: 0, surname: 1, callName: 2 } });
    expect(response.statusCode).toBe(200);
    expect((await pupils())[0]).toMatchObject({ call_name: 'Piet', given_names: 'Piet', surname: 'Jansen' });
  });

  it('imports a 5 MB file, and refuses a file that is neither EDEX nor CSV with a message to act on', async () => {
    // Exports carry many columns Meldpad does not use: 2,000 pupils with a long note make 5 MB.
    const lines = [`${HEADER};Notities`];
    for (let n = 1; n <= 2000; n++) lines.push(`${row(n)};${'opmerking '.repeat(262)}`);
    const big = lines.join('\r\n');
    expect(Buffer.byteLength(big)).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    const dry = await admin.post('/api/pupils/import/dry-run', file(big));
    expect(dry.statusCode).toBe(200);
    expect(dry.json().counts.added).toBe(lines.length - 1);

    const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]);
    const neither = await admin.post('/api/pupils/import/analyse', file(xlsx, 'leerlingen.xlsx'));
    expect(neither.statusCode).toBe(400);
    expect(neither.json().error).toMatchObject({ code: 'import-not-recognised' });
    expect(neither.json().error.message).toContain('CSV');
    const letter = await admin.post('/api/pupils/import/analyse', file('Beste ouders,\n\nVolgende week is de schoolreis.\n'));
    expect(letter.json().error.code).toBe('import-not-recognised');
    const otherXml = await admin.post('/api/pupils/import/analyse', file('<?xml version="1.0"?><factuur><bedrag>12</bedrag></factuur>', 'f.xml'));
    expect(otherXml.json().error.code).toBe('import-not-edex');
    const broken = await admin.post('/api/pupils/import/analyse', file('<EDEX><leerlingen><leerling>', 'b.xml'));
    expect(broken.json().error.code).toBe('import-xml-broken');
  });

  it('answers two imports of one new file at the same moment without a 500: the pupils exist once', async () => {
    const body = file(csv(row(7001), row(7002), row(7003)));
    const [a, b] = await Promise.all([admin.post('/api/pupils/import', body), admin.post('/api/pupils/import', body)]);
    for (const response of [a, b]) expect([200, 409]).toContain(response.statusCode);
    if (b.statusCode === 409) expect(b.json().error.code).toBe('import-conflict');
    expect((await pupils()).map((p) => p.pupil_number)).toEqual(['7001', '7002', '7003']);
  });

  it('lets only the administrator and the IB\'er import; the others get 404', async () => {
    for (const role of ['teacher', 'smw', 'director'] as const) {
      const session = await signInAs(t, account(t, role), { school: REGENBOOG });
      const response = await session.post('/api/pupils/import/dry-run', file(CSV_SAMPLE));
      expect([role, response.statusCode]).toEqual([role, 404]);
    }
    const ib = await signInAs(t, account(t, 'ib'), { school: REGENBOOG });
    expect((await ib.post('/api/pupils/import/dry-run', file(CSV_SAMPLE))).statusCode).toBe(200);
  });
});

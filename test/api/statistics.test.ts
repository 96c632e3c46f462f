import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schoolYearOf } from '../../src/domain/pupils/school-year.js';
import { schoolDate } from '../../src/server/pupils/school-date.js';
import { ENGINES } from '../support/databases.js';
import { account, createDemoApp, KOMPAS, REGENBOOG, signInAs, type DemoApp } from '../support/demo-app.js';

type Count = number | '< 5' | '×';

/** The CSV's rows as objects, read back with the same semicolons and BOM a spreadsheet sees. */
function readCsv(body: string): Record<string, string>[] {
  expect(body.startsWith('\uFEFF')).toBe(true);
  return parse(body.slice(1), { delimiter: ';', columns: true }) as Record<string, string>[];
}

describe.each(ENGINES)('Cijfers meldcode: the figures of a school year (%s)', (engine) => {
  let t: DemoApp;
  let year: string;
  beforeAll(async () => {
    t = await createDemoApp(engine, {}, { pupilsPerSchool: 40, cases: true });
    year = schoolYearOf(schoolDate(t.clock.now())).label;
  });
  afterAll(async () => t.close());

  it("gives the school's IB'er the figures of the demo cases, exactly, and leaves the staff-route case out", async () => {
    const ib = await signInAs(t, account(t, 'ib'));
    const response = await ib.get(`/api/statistics?schoolYear=${year}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.schoolYear.label).toBe(year);
    expect(body.schoolYears[0]).toBe(year);
    expect(body.school.name).toBe(REGENBOOG);
    const f = body.figures;
    // Nine meldcode cases, one closed as unfounded; the staff-route case (the tenth) is the board's.
    expect([f.casesStarted, f.casesClosed]).toEqual([9, 1]);
    expect(f.closedByReason).toEqual({ 'suspicion-unfounded': 1, 'concerns-resolved': 0, 'aftercare-completed': 0, 'reported-and-handed-over': 0, 'pupil-left-school': 0, other: 0 });
    expect([f.adviceRequests, f.reports, f.riskIndexRegistrations]).toEqual([2, 1, 1]);
    expect(f.signalsByCategory.physical).toEqual({ signals: 4, cases: 4 });
    expect(f.signalsByCategory.neglect).toEqual({ signals: 3, cases: 2 });
    expect(f.signalsByCategory.behaviour).toEqual({ signals: 3, cases: 3 });
    expect(f.signalsByCategory['witnessing-violence']).toEqual({ signals: 2, cases: 2 });
    expect(f.signalsByCategory.school).toEqual({ signals: 2, cases: 2 });
    expect(f.signalsByCategory.fgm).toEqual({ signals: 0, cases: 0 });
    // Days from the first signal, as the demo recorded them.
    expect(f.durations.consultation).toEqual({ count: 3, medianDays: 2, minDays: 1, maxDays: 5 });
    expect(f.durations['veilig-thuis-advice']).toEqual({ count: 2, medianDays: 7.5, minDays: 7, maxDays: 8 });
    expect(f.durations['parent-conversation']).toEqual({ count: 3, medianDays: 10, minDays: 8, maxDays: 10 });
    expect(f.durations.weighing).toEqual({ count: 2, medianDays: 12, minDays: 12, maxDays: 12 });
    expect(f.durations.report).toEqual({ count: 1, medianDays: 1, minDays: 1, maxDays: 1 });
    expect(f.durations['risk-index-registration']).toEqual({ count: 1, medianDays: 9, minDays: 9, maxDays: 9 });
    expect(f.durations.closed).toEqual({ count: 1, medianDays: 9, minDays: 9, maxDays: 9 });
  });

  it('names no pupil, holds no pupil id and no text of a case', async () => {
    const director = await signInAs(t, account(t, 'director'));
    const body = (await director.get(`/api/statistics?schoolYear=${year}`)).body;
    const pupils = await t.ctx.db.kysely.selectFrom('pupils').select(['id', 'call_name', 'surname']).execute();
    for (const p of pupils) {
      expect(body).not.toContain(p.id);
      expect(body).not.toContain(`"${p.call_name}`);
    }
    const caseIds = await t.ctx.db.kysely.selectFrom('cases').select('id').execute();
    for (const c of caseIds) expect(body).not.toContain(c.id);
    expect(body).not.toContain('blauwe plek');
  });

  it('gives an earlier school year without these cases as zeros', async () => {
    const ib = await signInAs(t, account(t, 'ib'));
    const first = Number(year.slice(0, 4)) - 3;
    const f = (await ib.get(`/api/statistics?schoolYear=${first}-${first + 1}`)).json().figures;
    expect([f.casesStarted, f.casesClosed, f.reports]).toEqual([0, 0, 0]);
    expect(f.durations.consultation.medianDays).toBeNull();
  });

  it('answers a school year that is not one with a message, not a 500', async () => {
    const ib = await signInAs(t, account(t, 'ib'));
    for (const bad of ['2026-2028', 'dit-jaar', '2026']) {
      const response = await ib.get(`/api/statistics?schoolYear=${encodeURIComponent(bad)}`);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toContain('2026-2027');
    }
  });

  it('exports the same figures as CSV with a BOM, for Excel', async () => {
    const ib = await signInAs(t, account(t, 'ib'));
    const response = await ib.get(`/api/statistics/statistics.csv?schoolYear=${year}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain(`attachment; filename="cijfers-meldcode-${year}.csv"`);
    const rows = readCsv(response.body);
    const row = (part: string, subject: string) => rows.find((r) => r['Onderdeel'] === part && r['Onderwerp'] === subject)!;
    expect(row('Casussen', 'Gestart')['Aantal']).toBe('9');
    expect(row('Reden van afsluiten', 'Vermoeden onterecht gebleken')['Aantal']).toBe('1');
    expect(row('Veilig Thuis', 'Meldingen')['Aantal']).toBe('1');
    expect(row('Verwijsindex', 'Registraties')['Aantal']).toBe('1');
    expect(rows.find((r) => r['Onderdeel'] === 'Signalen per categorie' && r['Onderwerp']!.startsWith('A. '))!['Aantal']).toBe('4');
    const advice = row('Tijd vanaf eerste signaal', 'Advies Veilig Thuis');
    expect([advice['Aantal'], advice['Mediaan (dagen)'], advice['Kortst (dagen)'], advice['Langst (dagen)']]).toEqual(['2', '7,5', '7', '8']);
    expect(rows.every((r) => r['School'] === REGENBOOG && r['Schooljaar'] === year)).toBe(true);
  });

  it("gives the board every school's figures with small numbers as \"< 5\", and no total that gives one away", async () => {
    const board = await signInAs(t, account(t, 'board', null));
    const response = await board.get(`/api/statistics/board?schoolYear=${year}`);
    expect(response.statusCode).toBe(200);
    const body = response.json() as { schools: { name: string; figures: Record<string, unknown> }[]; total: Record<string, unknown>; staffRoute: { casesStarted: Count; casesClosed: Count } };
    expect(body.schools.map((s) => s.name).sort()).toEqual([KOMPAS, REGENBOOG].sort());
    const of = (name: string) => body.schools.find((s) => s.name === name)!.figures as { casesStarted: Count; reports: Count; casesClosed: Count };
    // Kompas started 1 case: "< 5". With the total (10) shown, Regenboog's 9 would give the 1 away, so it is hidden too.
    expect(of(KOMPAS).casesStarted).toBe('< 5');
    expect(of(REGENBOOG).casesStarted).toBe('×');
    expect((body.total as { casesStarted: Count }).casesStarted).toBe(10);
    expect(of(REGENBOOG).reports).toBe('< 5');
    // The staff-route case counts only here, on its own line.
    expect(body.staffRoute).toEqual({ casesStarted: '< 5', casesClosed: '< 5' });
    // No number below 5 anywhere in the board's answer, and no median or range over fewer than five cases.
    const numbers: number[] = [];
    const walk = (value: unknown, key = ''): void => {
      if (typeof value === 'number' && !/Days$/.test(key)) numbers.push(value);
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
    };
    walk({ schools: body.schools.map((s) => s.figures), total: body.total, staffRoute: body.staffRoute });
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers.every((n) => n >= 5)).toBe(true);
    const durations = (of(REGENBOOG) as unknown as { durations: Record<string, { count: Count; medianDays: number | null }> }).durations;
    for (const d of Object.values(durations)) if (typeof d.count !== 'number') expect(d.medianDays).toBeNull();
  });

  it('puts the same hidden numbers in the board\'s CSV', async () => {
    const board = await signInAs(t, account(t, 'board', null));
    const json = (await board.get(`/api/statistics/board?schoolYear=${year}`)).json();
    const response = await board.get(`/api/statistics/board/statistics.csv?schoolYear=${year}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('attachment');
    const rows = readCsv(response.body);
    const count = (school: string, part: string, subject: string) => rows.find((r) => r['School'] === school && r['Onderdeel'] === part && r['Onderwerp'] === subject)!['Aantal'];
    expect(count(KOMPAS, 'Casussen', 'Gestart')).toBe('< 5');
    expect(count(REGENBOOG, 'Casussen', 'Gestart')).toBe('×');
    expect(count('Alle scholen', 'Casussen', 'Gestart')).toBe(String(json.total.casesStarted));
    expect(count('Alle scholen', 'Personeelsroute (bestuur)', 'Gestart')).toBe('< 5');
    for (const r of rows) if (/^\d+$/.test(r['Aantal']!)) expect(Number(r['Aantal'])).toBeGreaterThanOrEqual(5);
  });

  it('is "not found" for a teacher, for directie on the board\'s figures, and for the board on a school\'s', async () => {
    const teacher = await signInAs(t, account(t, 'teacher'));
    for (const url of ['/api/statistics', '/api/statistics/statistics.csv', '/api/statistics/board', '/api/statistics/board/statistics.csv']) expect((await teacher.get(url)).statusCode).toBe(404);
    const director = await signInAs(t, account(t, 'director'));
    expect((await director.get('/api/statistics')).statusCode).toBe(200);
    expect((await director.get('/api/statistics/board')).statusCode).toBe(404);
    const board = await signInAs(t, account(t, 'board', null));
    expect((await board.get('/api/statistics')).statusCode).toBe(404);
  });

  it('audits each read with the action and the school, nothing more', async () => {
    const director = await signInAs(t, account(t, 'director'));
    await director.get(`/api/statistics?schoolYear=${year}`);
    await director.get(`/api/statistics/statistics.csv?schoolYear=${year}`);
    const regenboog = (await t.ctx.repos.boards.findSchoolByName(REGENBOOG))!.id;
    const events = (await t.ctx.repos.audit.latest(20)).filter((e) => e.action.startsWith('statistics.'));
    const mine = events.filter((e) => e.schoolId === regenboog && (e.action === 'statistics.school' || e.action === 'statistics.school.csv'));
    expect(mine.map((e) => e.action)).toEqual(expect.arrayContaining(['statistics.school', 'statistics.school.csv']));
    for (const e of mine) expect([e.pupilId, e.caseId, e.subjectId]).toEqual([null, null, null]);
  });

  it('offers the Cijfers page to those who may open it', async () => {
    const me = async (who: Parameters<typeof signInAs>[1]) => (await (await signInAs(t, who)).get('/api/auth/me')).json().abilities;
    expect(await me(account(t, 'ib'))).toMatchObject({ 'statistics.school': true, 'statistics.board': false });
    expect(await me(account(t, 'teacher'))).toMatchObject({ 'statistics.school': false, 'statistics.board': false });
    expect(await me(account(t, 'board', null))).toMatchObject({ 'statistics.school': false, 'statistics.board': true });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { account, createDemoApp, REGENBOOG, signInAs, userIdOf, type DemoApp } from '../support/demo-app.js';
import { addPupil } from '../support/pupil-fixtures.js';

const signal = {
  observedOn: '2026-11-19',
  observedTime: '08:40',
  place: 'klaslokaal',
  observedBy: 'Sanne de Wit',
  source: 'own-observation',
  sourceDetail: null,
  description: 'Blauwe plek op de arm.',
  counterIndications: null,
  signalItemIds: [],
  bodyMap: [],
};

describe.each(ENGINES)('the home page per role (%s)', (engine) => {
  let t: DemoApp;
  let caseId: string;
  beforeEach(async () => {
    t = await createDemoApp(engine, {}, { pupilsPerSchool: 0 });
    t.clock.advance(Date.parse('2026-11-20T09:00:00Z') - t.clock.now().getTime());
    const finn = await addPupil(t, REGENBOOG, 'Groep 3 Vossen', { callName: 'Finn', surnamePrefix: 'de', surname: 'Vries', pupilNumber: '4102' });
    const teacher = await signInAs(t, account(t, 'teacher'));
    caseId = (await teacher.post(`/api/pupils/${finn}/cases`, { worry: 'home-situation', firstSignal: signal })).json().id;
    const ib = await signInAs(t, account(t, 'ib'));
    const ibId = await userIdOf(t, account(t, 'ib'));
    const teacherId = await userIdOf(t, account(t, 'teacher'));
    await ib.put(`/api/cases/${caseId}/team`, { members: [{ userId: ibId, teamRole: 'ib' }, { userId: teacherId, teamRole: 'teacher' }], casushouderId: ibId });
    const decided = await ib.post(`/api/cases/${caseId}/decision`, {
      decision: 'no-report-now',
      reasoning: 'Zorgen, geen acuut gevaar.',
      monitoring: [
        { what: 'Welbevinden volgen', ownerUserId: teacherId, dueOn: '2026-12-04' },
        { what: 'Gesprek met de ouders plannen', ownerUserId: ibId, dueOn: '2026-11-27' },
      ],
    });
    expect(decided.statusCode, decided.body).toBe(200);
    // Ten days on: the IB'er's agreement is overdue, the teacher's monitoring moment is near.
    t.clock.advance(10 * 24 * 60 * 60 * 1000);
  });
  afterEach(async () => t.close());

  it("shows the teacher their pupil with a concern, their monitoring moment due and the start-of-year talks to do", async () => {
    const home = (await (await signInAs(t, account(t, 'teacher'))).get('/api/home')).json();
    expect(home.sections).toEqual(['my-concerns', 'my-due', 'start-of-year-talks']);
    expect(home.myConcerns.map((c: { id: string }) => c.id)).toEqual([caseId]);
    expect(home.myDue).toEqual([{ caseId, kind: 'monitoring', dueOn: '2026-12-04', overdue: false, pupilName: 'Finn de Vries', groupName: 'Groep 3 Vossen', ownerName: null }]);
    expect(home.startOfYearTalks).toMatchObject({ schoolYear: '2026-2027', toDo: 1, pupils: 1 });
    expect(home.schoolDue).toBeUndefined();
  });

  it("shows the IB'er the school's cases by step and everything due, overdue first, with whose it is", async () => {
    const home = (await (await signInAs(t, account(t, 'ib'))).get('/api/home')).json();
    const nameOf = async (role: 'ib' | 'teacher') => (await t.ctx.repos.users.findByEmail(account(t, role).email))!.name;
    expect(home.sections).toEqual(['my-due', 'cases-by-step', 'school-due', 'destruction-due']);
    expect(home.casesByStep).toMatchObject({ byStep: [], monitoring: 1 });
    expect(home.schoolDue.map((d: { kind: string; dueOn: string; overdue: boolean; ownerName: string }) => [d.dueOn, d.overdue, d.ownerName])).toEqual([
      ['2026-11-27', true, await nameOf('ib')],
      ['2026-12-04', false, await nameOf('teacher')],
    ]);
    expect(home.myDue.map((d: { dueOn: string }) => d.dueOn)).toEqual(['2026-11-27']);
    expect(home.destructionDue).toEqual({ due: 0, upcoming: 0 });
  });

  it('gives directie counts and emergency accesses, never a pupil name', async () => {
    const director = account(t, 'director');
    const session = await signInAs(t, director, { elevated: true });
    const home = (await session.get('/api/home')).json();
    expect(home.sections).toEqual(['my-due', 'school-overview', 'break-glass']);
    expect(home.schoolOverview).toEqual({ open: 0, monitoring: 1, byStep: [], overdue: 1, dueSoon: 1 });
    expect(JSON.stringify(home)).not.toContain('Vries');
    expect(home.breakGlass).toEqual([]);
  });

  it("gives the board its figures per school, no names; an administrator's home holds no case at all", async () => {
    const board = (await (await signInAs(t, account(t, 'board', null))).get('/api/home')).json();
    expect(board.sections).toEqual(['board-figures', 'staff-route-cases']);
    expect(board.boardFigures.schools).toEqual([{ schoolId: expect.any(String), name: REGENBOOG, open: '< 5', monitoring: '< 5' }]);
    expect(JSON.stringify(board.boardFigures)).not.toContain('Vries');
    const admin = (await (await signInAs(t, account(t, 'administrator'))).get('/api/home')).json();
    expect(admin.sections).toEqual([]);
    expect(Object.keys(admin).sort()).toEqual(['sections', 'today']);
  });

  it('audits reading the home page, and answers 401 without a session', async () => {
    await (await signInAs(t, account(t, 'teacher'))).get('/api/home');
    expect((await t.ctx.repos.audit.latest(5)).map((e) => e.action)).toContain('home.read');
    expect((await t.app.inject({ method: 'GET', url: '/api/home' })).statusCode).toBe(401);
  });
});

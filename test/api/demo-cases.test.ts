import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { account, createDemoApp, KOMPAS, REGENBOOG, signInAs, type DemoApp } from '../support/demo-app.js';

describe.each(ENGINES)('the demo: cases in every state of steps 1–3 (%s)', (engine) => {
  let t: DemoApp;
  beforeAll(async () => {
    t = await createDemoApp(engine, {}, { pupilsPerSchool: 200, cases: true });
  });
  afterAll(async () => t.close());

  it('gives the IB\'er of De Regenboog cases in every step, in aftercare and closed — never the staff-route one', async () => {
    const ib = await signInAs(t, account(t, 'ib'));
    const cases = (await ib.get('/api/cases')).json().cases as { route: string; step: number; phase: string }[];
    expect(cases.every((c) => c.route === 'meldcode')).toBe(true);
    expect(cases.map((c) => `${c.step}:${c.phase}`).sort()).toEqual(['2:closed', '2:open', '2:open', '3:monitoring', '3:open', '4:open', '5:open', '5:open', '6:monitoring']);
    const kompas = await signInAs(t, account(t, 'ib', KOMPAS));
    // One fresh case, and two closed ones of pupils who left (for Bewaartermijnen).
    expect((await kompas.get('/api/cases')).json().cases.map((c: { step: number; phase: string }) => `${c.step}:${c.phase}`).sort()).toEqual(['2:closed', '2:closed', '2:open']);
  });

  it('shows each case in full to its team, with a body map, the advice of Veilig Thuis and monitoring agreements', async () => {
    const ib = await signInAs(t, account(t, 'ib'));
    const kinds = new Set<string>();
    for (const c of (await ib.get('/api/cases')).json().cases as { id: string }[]) {
      const page = await ib.get(`/api/cases/${c.id}`);
      expect(page.statusCode).toBe(200);
      for (const e of page.json().entries as { kind: string }[]) kinds.add(e.kind);
    }
    expect([...kinds].sort()).toEqual([
      'aftercare-review', 'agreement', 'case-closed', 'case-started', 'consultation', 'contact-matrix', 'escalation-decision', 'kindcheck', 'monitoring-note',
      'parent-conversation', 'parent-conversation-plan', 'pupil-conversation', 'report', 'report-feedback', 'risk-index-registration', 'signal', 'task', 'team-change',
      'veilig-thuis-advice', 'weighing-answer',
    ]);
    // Each case's weighing replays: one ends in aftercare, one calls for the report, one waits for Q4.
    const weighings = [];
    for (const c of (await ib.get('/api/cases')).json().cases as { id: string }[]) weighings.push((await ib.get(`/api/cases/${c.id}`)).json().weighing);
    expect(weighings.map((w) => w.outcome.kind)).toEqual(expect.arrayContaining(['aftercare', 'report']));
    expect(weighings.map((w) => w.next)).toContain('q4');
  });

  it('keeps the staff-route case to the board and the teacher who raised it', async () => {
    const board = await signInAs(t, account(t, 'board', null));
    const staffCases = (await board.get('/api/board/cases')).json().cases as { id: string; schoolName: string }[];
    expect(staffCases.map((c) => c.schoolName)).toEqual([REGENBOOG]);
    expect((await board.get(`/api/cases/${staffCases[0]!.id}`)).statusCode).toBe(200);
    for (const role of ['ib', 'director', 'teacher'] as const) expect((await (await signInAs(t, account(t, role))).get(`/api/cases/${staffCases[0]!.id}`)).statusCode).toBe(404);
    const raiser = await signInAs(t, t.accounts.find((a) => a.email.startsWith('leerkracht2.regenboog'))!);
    expect((await raiser.get(`/api/cases/${staffCases[0]!.id}`)).statusCode).toBe(200);
  });
});

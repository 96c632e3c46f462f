import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoardScaleDemo, type BoardScaleReport } from '../../src/cli/demo/board-scale.js';
import { ENGINES } from '../support/databases.js';
import { signInAs, type DemoApp } from '../support/demo-app.js';
import { createTestApp } from '../support/test-app.js';

// The board-scale demo (issue 9) on a small board: the same generator, a fraction of the numbers.
describe.each(ENGINES)('meldpad demo --scale board, at a small scale (%s)', (engine) => {
  let t: DemoApp;
  let report: BoardScaleReport;
  beforeAll(async () => {
    const app = await createTestApp(engine);
    report = await createBoardScaleDemo(app.ctx, { schools: 3, pupils: 600, cases: 120, entriesPerCase: 40, auditEvents: 6_000 });
    t = Object.assign(app, { accounts: report.accounts });
  }, 120_000);
  afterAll(async () => t.close());

  const who = (role: string) => t.accounts.find((a) => a.role === role)!;

  it('writes the numbers asked for, and real accounts for the first school, one SMW and the board', () => {
    expect(report.counts).toMatchObject({ schools: 3, cases: 120, auditEvents: 6_000 });
    expect(report.counts.pupils).toBeGreaterThanOrEqual(600);
    // About forty entry versions a case.
    expect(report.counts.entries / report.counts.cases).toBeGreaterThan(30);
    expect(report.counts.entries / report.counts.cases).toBeLessThan(50);
    expect(t.accounts.map((a) => a.role).sort()).toEqual(['administrator', 'board', 'director', 'ib', 'smw', 'teacher']);
  });

  it("gives the IB'er cases in every step, in monitoring and closed, each of which opens in full", async () => {
    const ib = await signInAs(t, who('ib'));
    const cases = (await ib.get('/api/cases')).json().cases as { id: string; step: number; phase: string }[];
    expect(new Set(cases.map((c) => `${c.step}:${c.phase}`))).toEqual(new Set(['2:open', '3:open', '3:monitoring', '4:open', '5:open', '6:open', '6:monitoring', '6:closed']));
    for (const c of cases) {
      const page = await ib.get(`/api/cases/${c.id}`);
      expect(page.statusCode).toBe(200);
      // The sealed entries open: every body is the kind's record, not ciphertext.
      expect(page.json().entries.length).toBeGreaterThan(10);
      expect(JSON.stringify(page.json().entries)).not.toContain('c1.');
    }
    const home = (await ib.get('/api/home')).json();
    expect(home.schoolDue.length).toBeGreaterThan(0);
    expect((await ib.post('/api/pupils/search', { query: 'n' })).json().pupils.length).toBeGreaterThan(0);
  });

  it("lists a teacher's cases: those they started (step 2, not yet on the team) and those they are on", async () => {
    const teacher = await signInAs(t, who('teacher'));
    const mine = (await teacher.get('/api/cases/mine')).json().cases as { step: number }[];
    expect(mine.some((c) => c.step === 2)).toBe(true);
    expect(mine.some((c) => c.step > 2)).toBe(true);
  });

  it('chains every audit event: the whole chain verifies', async () => {
    const chain = await t.ctx.repos.audit.verifyChain();
    expect(chain.problem).toBeNull();
    expect(chain.checked).toBeGreaterThanOrEqual(6_000);
  });
});

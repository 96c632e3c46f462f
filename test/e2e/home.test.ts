import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/browser.js';
import { KOMPAS, REGENBOOG } from '../support/demo-app.js';
import { screenshots, useMeldpadInBrowser } from '../support/e2e-harness.js';
import { chromiumAvailable } from '../support/environment.js';

const shot = screenshots('home-');
const HOUR = 60 * 60_000;

describe.skipIf(!chromiumAvailable())('the home page per role, and reminders by mail', () => {
  const e2e = useMeldpadInBrowser({ prefix: 'meldpad-e2e-home-', env: { JOBS_POLL_MS: '200' } });
  const { account, newPage, signIn } = e2e;

  /** The demo's monitoring agreement due today: its case, its pupil and the teacher who owns it. */
  async function dueMonitoringMoment() {
    const ctx = e2e.meldpad.ctx;
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(e2e.clock.now());
    const school = (await ctx.repos.boards.findSchoolByName(REGENBOOG))!.id;
    const cases = await ctx.db.kysely.selectFrom('cases').innerJoin('pupils', 'pupils.id', 'cases.pupil_id').select(['cases.id', 'pupils.call_name']).where('cases.school_id', '=', school).where('cases.phase', '=', 'monitoring').execute();
    const entries = await ctx.repos.cases.currentEntriesForCases(cases.map((c) => c.id), ['agreement']);
    for (const c of cases) {
      const due = (entries.get(c.id) ?? []).map((e) => e.body as { purpose: string; dueOn: string; ownerUserId: string }).find((b) => b.purpose === 'monitoring' && b.dueOn === today);
      if (due) {
        const owner = (await ctx.repos.users.findById(due.ownerUserId))!;
        return { callName: c.call_name, teacher: e2e.accounts.find((a) => a.email === owner.email)! };
      }
    }
    throw new Error('the demo has no monitoring moment due today');
  }

  it("shows a due monitoring moment on the teacher's home page, and mails it without content", async () => {
    const { callName, teacher } = await dueMonitoringMoment();
    const page = await newPage();
    await signIn(page, teacher);
    const myDue = page.getByTestId('home-my-due');
    await expect.poll(() => myDue.textContent()).toContain('Monitoringsmoment');
    expect(await myDue.textContent()).toContain(callName);
    expect(await page.getByTestId('home-cases').textContent()).toContain(callName);
    await expectAccessible(page, "the teacher's home page");
    await shot(page, 'teacher');

    // The reminder became a notification; by default it goes out in the next morning's digest.
    e2e.clock.advance(30 * HOUR);
    await expect.poll(() => e2e.mails.filter((m) => m.to.includes(teacher.email)).length, { timeout: 15_000 }).toBeGreaterThan(0);
    const mail = e2e.mails.find((m) => m.to.includes(teacher.email))!;
    expect(mail.subject).toMatch(/^Meldpad: \d+ nieuwe? berichte?n?$/);
    expect(mail.text).toContain('voor u klaar in Meldpad');
    expect(mail.text).toContain('/berichten');
    expect(mail.text).not.toContain(callName);
    e2e.clock.advance(-30 * HOUR);
  });

  it('lets a person choose at once, daily or no mail on Berichten', async () => {
    const page = await newPage();
    await signIn(page, account('smw'));
    await page.goto(`${e2e.url}/berichten`);
    const settings = page.getByTestId('mail-settings');
    await expect.poll(() => settings.getByLabel('Eén keer per dag').isChecked()).toBe(true);
    await settings.getByLabel('Direct').check();
    await expect.poll(() => page.getByTestId('mail-settings-saved').count()).toBe(1);
    await page.reload();
    await expect.poll(() => page.getByTestId('mail-settings').getByLabel('Direct').isChecked()).toBe(true);
    await expectAccessible(page, 'Berichten with the mail settings');
    await shot(page, 'mail-settings');
  });

  it("gives the IB'er the school's cases by step and what is due, directie counts only, the board its schools", async () => {
    const ib = await newPage();
    await signIn(ib, account('ib'));
    await expect.poll(() => ib.getByTestId('home-cases-by-step').count()).toBe(1);
    await expect.poll(() => ib.getByTestId('home-school-due').getByTestId('due-item').count()).toBeGreaterThan(0);
    await expectAccessible(ib, "the IB'er's home page");
    await shot(ib, 'ib');

    const director = await newPage();
    await signIn(director, account('director'));
    await expect.poll(() => director.getByTestId('home-school-overview').count()).toBe(1);
    expect(await director.getByTestId('home-break-glass').count()).toBe(1);
    await expectAccessible(director, "directie's home page");
    await shot(director, 'director');

    const board = await newPage();
    await signIn(board, e2e.accounts.find((a) => a.role === 'board')!);
    const figures = board.getByTestId('home-board-figures');
    await expect.poll(() => figures.count()).toBe(1);
    expect(await figures.textContent()).toContain(REGENBOOG);
    expect(await figures.textContent()).toContain(KOMPAS);
    // The staff-route case is the board's: on its home page, and on no school's.
    expect(await board.getByTestId('home-staff-route').locator('li').count()).toBeGreaterThan(0);
    expect(await ib.getByTestId('home-staff-route').count()).toBe(0);
    await expectAccessible(board, "the board's home page");
    await shot(board, 'board');
  });
});

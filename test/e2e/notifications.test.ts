import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { notify } from '../../src/server/notifications/notify.js';
import { expectAccessible } from '../support/browser.js';
import { REGENBOOG } from '../support/demo-app.js';
import { screenshots, useMeldpadInBrowser } from '../support/e2e-harness.js';
import { chromiumAvailable } from '../support/environment.js';

const shot = screenshots('notifications-');

/** Today as the school counts it, yyyy-mm-dd. */
function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

describe.skipIf(!chromiumAvailable())('notifications (berichten) in the browser', () => {
  const startedCase = randomUUID();
  const agreementCase = randomUUID();
  let scope: { schoolId: string; userId: string };
  const e2e = useMeldpadInBrowser({
    prefix: 'meldpad-e2e-notifications-',
    env: { JOBS_POLL_MS: '200' },
    seed: async (ctx, clock) => {
      const schoolId = (await ctx.repos.boards.findSchoolByName(REGENBOOG))!.id;
      // The accounts are returned only after seeding: here the demo's addresses find them.
      const ib = (await ctx.repos.users.findByEmail('ib.regenboog@demo.meldpad.example'))!;
      const teacher = (await ctx.repos.users.findByEmail('leerkracht.regenboog@demo.meldpad.example'))!;
      scope = { schoolId, userId: ib.id };
      // The demo's own cases notified the IB'er already (and may have reminders due): run those and
      // mark them read, so that what this test adds is all that is unread.
      await ctx.jobs.runDueOnce();
      await ctx.repos.notifications.markAllRead(scope, clock.now());
      // One notification written at once (as "a case was started" is), a day earlier.
      clock.advance(-24 * 60 * 60_000);
      await notify(ctx, { userId: ib.id, schoolId, kind: 'case.started', caseId: startedCase });
      clock.advance(24 * 60 * 60_000);
      // One that becomes due through the job runner: the server's runner turns it into a notification.
      await ctx.jobs.schedule({
        kind: 'notification.due',
        payload: { userId: ib.id, schoolId, kind: 'agreement.due', caseId: agreementCase, subjectId: randomUUID(), dueOn: today() },
        runAt: new Date(clock.now().getTime() - 1000),
        dedupeKey: `agreement.due:${agreementCase}`,
      });
      // Someone else's: never on the IB'er's page.
      await notify(ctx, { userId: teacher.id, schoolId, kind: 'case.team-added', caseId: randomUUID() });
    },
  });
  const { account, newPage, signIn } = e2e;

  function bell(page: Page) {
    return page.getByTestId('notification-bell');
  }

  function items(page: Page) {
    return page.getByTestId('notification');
  }

  function unreadItems(page: Page) {
    return page.locator('[data-testid="notification"][data-unread="true"]');
  }

  it('shows the IB\'er\'s unread count in the header, lists them, opens one and marks all read', async () => {
    // The server's runner has turned the due job into a notification.
    await expect.poll(() => e2e.meldpad.ctx.repos.notifications.unreadCount(scope), { timeout: 10_000 }).toBe(2);

    const page = await newPage();
    await signIn(page, account('ib'));
    await expect.poll(() => bell(page).getAttribute('aria-label')).toBe('Berichten, 2 ongelezen');
    expect(await page.getByRole('link', { name: 'Berichten, 2 ongelezen' }).count()).toBe(1);
    await expectAccessible(page, 'home page with the notification bell');
    await shot(page, 'header');

    await bell(page).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Berichten');
    await expect.poll(() => unreadItems(page).count()).toBe(2);
    // Newest first: today's reminder, then yesterday's new case; below them what was read before.
    expect(await unreadItems(page).allTextContents()).toEqual([expect.stringContaining('Een afspraak is vandaag verlopen.'), expect.stringContaining('Er is een nieuwe casus gestart.')]);
    expect(await items(page).first().getAttribute('data-unread')).toBe('true');
    // The teacher's notification is not the IB'er's.
    expect(await page.getByText('U bent toegevoegd aan het team van een casus.').count()).toBe(0);
    expect(await page.getByTestId('notifications-summary').textContent()).toBe('2 ongelezen');
    await expectAccessible(page, 'notifications page with unread ones');
    await shot(page, 'page-unread');

    // Opening one marks it read and goes to its case.
    const read = page.waitForResponse((response) => response.url().endsWith('/read') && response.request().method() === 'POST');
    await unreadItems(page).filter({ hasText: 'Er is een nieuwe casus gestart.' }).getByRole('link').click();
    expect((await read).status()).toBe(200);
    await page.waitForURL(`${e2e.url}/casussen/${startedCase}`);
    expect(await e2e.meldpad.ctx.repos.notifications.unreadCount(scope)).toBe(1);

    await page.goto(`${e2e.url}/berichten`);
    await expect.poll(() => bell(page).getAttribute('aria-label')).toBe('Berichten, 1 ongelezen');
    await expect.poll(() => unreadItems(page).allTextContents()).toEqual([expect.stringContaining('Een afspraak is vandaag verlopen.')]);

    await page.getByRole('button', { name: 'Alles gelezen' }).click();
    await expect.poll(() => bell(page).getAttribute('aria-label')).toBe('Berichten');
    await expect.poll(() => page.getByTestId('notifications-summary').textContent()).toBe('Geen ongelezen berichten');
    expect(await unreadItems(page).count()).toBe(0);
    expect(await items(page).count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByRole('button', { name: 'Alles gelezen' }).isDisabled()).toBe(true);
    expect(await e2e.meldpad.ctx.repos.notifications.unreadCount(scope)).toBe(0);
    await expectAccessible(page, 'notifications page, all read');
    await shot(page, 'page-read');

    expect(e2e.pageErrors.flat()).toEqual([]);
  });
});


import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'otplib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../../src/cli/demo/demo-board.js';
import { notify } from '../../src/server/notifications/notify.js';
import { startMeldpad, type RunningMeldpad } from '../../src/server/start.js';
import { expectAccessible, launchChromium, watchForPageErrors } from '../support/browser.js';
import { REGENBOOG } from '../support/demo-app.js';
import { demoAccount, seedDemo } from '../support/e2e-demo.js';
import { chromiumAvailable } from '../support/environment.js';
import { TestClock } from '../support/test-app.js';

/** Where to save screenshots of each state, when asked (SCREENSHOT_DIR=…); otherwise none are taken. */
const SCREENSHOT_DIR = process.env['SCREENSHOT_DIR']?.trim() || null;

/** Today as the school counts it, yyyy-mm-dd. */
function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

describe.skipIf(!chromiumAvailable())('notifications (berichten) in the browser', () => {
  let dataDir: string;
  let meldpad: RunningMeldpad;
  let browser: Browser;
  let accounts: DemoAccount[] = [];
  const clock = new TestClock();
  const contexts: BrowserContext[] = [];
  const pageErrors: string[][] = [];
  const startedCase = randomUUID();
  const agreementCase = randomUUID();
  let scope: { schoolId: string; userId: string };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'meldpad-e2e-notifications-'));
    accounts = await seedDemo(dataDir, clock, async (ctx) => {
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
    });
    meldpad = await startMeldpad({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', JOBS_POLL_MS: '200' }, { now: clock.now });
    browser = await launchChromium();
    if (SCREENSHOT_DIR) mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await meldpad?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function nextCode(secret: string): Promise<string> {
    clock.advance(30_000);
    return generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });
  }

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nl-NL' });
    contexts.push(context);
    const page = await context.newPage();
    pageErrors.push(watchForPageErrors(page));
    return page;
  }

  async function shot(page: Page, name: string): Promise<void> {
    if (SCREENSHOT_DIR) await page.screenshot({ path: path.join(SCREENSHOT_DIR, `notifications-${name}.png`), fullPage: true });
  }

  async function signIn(page: Page, who: DemoAccount): Promise<void> {
    await page.goto(`${meldpad.url}/login`);
    await page.getByLabel('E-mailadres').fill(who.email);
    await page.getByLabel('Wachtwoord').fill(who.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/login/code');
    await page.getByLabel('Code uit de app').fill(await nextCode(who.totpSecret));
    await page.getByTestId('code-submit').click();
    await page.waitForURL(`${meldpad.url}/`);
    await expect.poll(() => page.getByTestId('home-heading').count()).toBe(1);
  }

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
    await expect.poll(() => meldpad.ctx.repos.notifications.unreadCount(scope), { timeout: 10_000 }).toBe(2);

    const page = await newPage();
    await signIn(page, demoAccount(accounts, 'ib', REGENBOOG));
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
    await page.waitForURL(`${meldpad.url}/casussen/${startedCase}`);
    expect(await meldpad.ctx.repos.notifications.unreadCount(scope)).toBe(1);

    await page.goto(`${meldpad.url}/berichten`);
    await expect.poll(() => bell(page).getAttribute('aria-label')).toBe('Berichten, 1 ongelezen');
    await expect.poll(() => unreadItems(page).allTextContents()).toEqual([expect.stringContaining('Een afspraak is vandaag verlopen.')]);

    await page.getByRole('button', { name: 'Alles gelezen' }).click();
    await expect.poll(() => bell(page).getAttribute('aria-label')).toBe('Berichten');
    await expect.poll(() => page.getByTestId('notifications-summary').textContent()).toBe('Geen ongelezen berichten');
    expect(await unreadItems(page).count()).toBe(0);
    expect(await items(page).count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByRole('button', { name: 'Alles gelezen' }).isDisabled()).toBe(true);
    expect(await meldpad.ctx.repos.notifications.unreadCount(scope)).toBe(0);
    await expectAccessible(page, 'notifications page, all read');
    await shot(page, 'page-read');

    expect(pageErrors.flat()).toEqual([]);
  });
});


import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'otplib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../../src/cli/demo/demo-board.js';
import { startMeldpad, type RunningMeldpad } from '../../src/server/start.js';
import { expectAccessible, launchChromium, watchForPageErrors } from '../support/browser.js';
import { demoAccount, seedDemo } from '../support/e2e-demo.js';
import { chromiumAvailable } from '../support/environment.js';
import { TestClock } from '../support/test-app.js';

const SCHOOL = 'OBS De Regenboog';
const SCREENSHOT_DIR = process.env['SCREENSHOT_DIR']?.trim() || null;
const HEADER = 'Leerlingnummer;Roepnaam;Tussenvoegsel;Achternaam;Geboortedatum;Geslacht;Groep;Naam ouder/verzorger 1;E-mail ouder/verzorger 1';
const BAD = [HEADER, '9001;Ada;;Lovelace;10-12-2018;V;Groep 3 Vossen;B. Lovelace;b.lovelace@mail.example', '9002;Bram;de;Boer;31-02-2019;M;Groep 3 Vossen;C. de Boer;c.deboer@mail.example'].join('\r\n');
const FIXED = BAD.replace('31-02-2019', '28-02-2019');

describe.skipIf(!chromiumAvailable())('importing pupils in the browser', () => {
  let dataDir: string;
  let meldpad: RunningMeldpad;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[] = [];
  let accounts: DemoAccount[] = [];
  const clock = new TestClock();

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'meldpad-e2e-import-'));
    accounts = await seedDemo(dataDir, clock);
    meldpad = await startMeldpad({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, { now: clock.now });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    pageErrors = watchForPageErrors(page);
    if (SCREENSHOT_DIR) mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await meldpad?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function shot(name: string): Promise<void> {
    if (SCREENSHOT_DIR) await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  }

  async function choose(content: string): Promise<void> {
    await page.getByTestId('import-file').setInputFiles({ name: 'leerlingen.csv', mimeType: 'text/csv', buffer: Buffer.from(content) });
    await page.getByTestId('import-check').click();
    await expect.poll(() => page.getByTestId('import-report').isVisible()).toBe(true);
  }

  it('the administrator imports a file with an error, sees row and field, fixes it, imports it and sees the report', async () => {
    const admin = demoAccount(accounts, 'administrator', SCHOOL);
    await page.goto(`${meldpad.url}/login`);
    await page.getByLabel('E-mailadres').fill(admin.email);
    await page.getByLabel('Wachtwoord').fill(admin.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/login/code');
    clock.advance(30_000);
    await page.getByLabel('Code uit de app').fill(await generate({ secret: admin.totpSecret, epoch: Math.floor(clock.now().getTime() / 1000) }));
    await page.getByTestId('code-submit').click();
    await page.waitForURL(`${meldpad.url}/`);

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Leerlingen importeren', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Leerlingen importeren');
    expect(await page.textContent('main')).toContain('Meldpad schrijft nooit iets terug naar de leerlingadministratie');
    await expectAccessible(page, 'import page');
    await shot('import-start');

    // A file with an error: the row and the field are named, and there is no import button.
    await choose(BAD);
    const analysis = page.getByTestId('import-analysis');
    expect(await analysis.textContent()).toContain('CSV (spreadsheet)');
    expect(await analysis.textContent()).toContain('puntkomma (;)');
    expect(await page.getByLabel('Geboortedatum', { exact: true }).inputValue()).toBe('4');
    const problems = page.getByTestId('import-problems');
    expect(await problems.textContent()).toContain("Rij 3, veld Geboortedatum: '31-02-2019' is geen geldige datum (gebruik dd-mm-jjjj).");
    await expect.poll(() => page.getByTestId('import-run').count()).toBe(0);
    await expectAccessible(page, 'import with a problem');
    await shot('import-problem');

    // The fixed file: no problems; the demo pupils missing from it ask for confirmation first.
    await choose(FIXED);
    await expect.poll(() => page.getByTestId('import-problems').count()).toBe(0);
    expect(await page.getByTestId('import-count-added').textContent()).toContain('2');
    await expectAccessible(page, 'import dry run');
    await shot('import-dry-run');
    await page.getByTestId('import-run').click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('Een onvolledig exportbestand zou de bewaartermijn van deze leerlingen laten ingaan');
    await expectAccessible(page, 'confirmation');
    await shot('import-confirm');
    await dialog.getByRole('button', { name: 'Ja, importeren' }).click();

    const done = page.getByTestId('import-done');
    await expect.poll(() => done.isVisible()).toBe(true);
    expect(await page.textContent('main')).toContain('De leerlingen zijn geïmporteerd.');
    expect(await done.getByTestId('import-count-added').textContent()).toContain('2');
    await expectAccessible(page, 'import report');
    await shot('import-done');
    expect(pageErrors).toEqual([]);
  });
});

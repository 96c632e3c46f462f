import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/browser.js';
import { useMeldpadInBrowser } from '../support/e2e-harness.js';
import { chromiumAvailable } from '../support/environment.js';

const ADMIN = { name: 'Ruud Verbeek', email: 'ruud.verbeek@school.example', password: 'Zeilboot-Paraplu-Kwast-81' };

describe.skipIf(!chromiumAvailable())('first run in the browser: setup, sign-out, sign-in with TOTP', () => {
  // An empty Meldpad: no demo. Its log is kept, to check what it never says.
  const e2e = useMeldpadInBrowser({ prefix: 'meldpad-e2e-', demo: false, env: { LOG_LEVEL: 'info' }, captureLogs: true, locale: null });
  let totpSecret = '';
  let recoveryCodes: string[] = [];

  /** The TOTP code on the server's clock, one time step after the last one used. */
  function nextCode(): Promise<string> {
    return e2e.nextCode(totpSecret);
  }

  async function newPage(): Promise<{ page: Page; errors: string[] }> {
    const page = await e2e.newPage();
    return { page, errors: e2e.errorsOf(page) };
  }

  it('a newcomer sets up the school with the printed link, enrols a second factor and reaches home (Dutch)', async () => {
    expect(e2e.meldpad.setupLink).toMatch(/\/setup#token=/);
    const { page, errors } = await newPage();

    await page.goto(`${e2e.url}/setup`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Inrichtingslink nodig');
    await expectAccessible(page, 'setup without token');

    await page.goto(e2e.meldpad.setupLink!);
    await expect.poll(() => page.title()).toContain('Meldpad inrichten');
    await expectAccessible(page, 'setup form');
    await page.getByLabel('Naam van het bestuur of de stichting').fill('Stichting Fictief Onderwijs Maasstad');
    await page.getByLabel('Naam van de eerste school').fill('OBS De Regenboog');
    await page.getByLabel('Volledige naam').fill(ADMIN.name);
    await page.getByLabel('E-mailadres').fill(ADMIN.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill('welkom12345678');
    await page.getByLabel('Herhaal het wachtwoord').fill('welkom12345678');
    await page.getByTestId('setup-submit').click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Kies een sterker wachtwoord');
    await expectAccessible(page, 'setup form with a refused password');

    await page.getByLabel('Wachtwoord', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Herhaal het wachtwoord').fill(ADMIN.password);
    await page.getByTestId('setup-submit').click();
    await page.waitForURL('**/login');
    await expect.poll(() => page.getByText('Meldpad is ingericht').count()).toBe(1);
    await expectAccessible(page, 'sign-in page');

    await page.getByLabel('E-mailadres').fill(ADMIN.email);
    await page.getByLabel('Wachtwoord').fill(ADMIN.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/login/enrol');
    const secretText = page.getByTestId('totp-secret');
    await expect.poll(() => secretText.textContent()).toMatch(/[A-Z2-7]{4}/);
    totpSecret = (await secretText.textContent())!.replace(/\s/g, '');
    await expect.poll(() => page.getByRole('img', { name: /QR/ }).count()).toBe(1);
    await expectAccessible(page, 'enrolment page');

    await page.getByLabel('Code uit de app').fill('000000');
    await page.getByTestId('code-submit').click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Deze code klopt niet');
    await page.getByLabel('Code uit de app').fill(await nextCode());
    await page.getByTestId('code-submit').click();
    const codes = page.getByTestId('recovery-codes');
    await expect.poll(() => codes.locator('li').count()).toBe(10);
    recoveryCodes = (await codes.locator('li').allTextContents()).map((c) => c.trim());
    await expectAccessible(page, 'recovery codes');
    await page.getByTestId('recovery-codes-saved').click();

    await page.waitForURL(`${e2e.url}/`);
    await expect.poll(() => page.getByTestId('home-heading').textContent()).toBe('Welkom, Ruud');
    expect(await page.getByTestId('current-user').textContent()).toContain(ADMIN.name);
    expect(await page.getByTestId('current-school').textContent()).toContain('OBS De Regenboog');
    expect(await page.getByText('Direct gevaar?').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'home page');
    await page.screenshot({ path: path.join(e2e.dataDir, 'home-nl.png') });

    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');
    await page.goto(`${e2e.url}/`);
    await page.waitForURL('**/login');

    await page.getByLabel('E-mailadres').fill(ADMIN.email);
    await page.getByLabel('Wachtwoord').fill(ADMIN.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/login/code');
    await expectAccessible(page, 'code page');
    await page.getByLabel('Code uit de app').fill(await nextCode());
    await page.getByTestId('code-submit').click();
    await page.waitForURL(`${e2e.url}/`);
    await expect.poll(() => page.getByTestId('home-heading').textContent()).toBe('Welkom, Ruud');
    expect(errors).toEqual([]);
  });

  it('works the same in English, and signs in with a recovery code', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${e2e.url}/login`);
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectAccessible(page, 'sign-in page in English');

    await page.getByLabel('Email address').fill(ADMIN.email);
    await page.getByLabel('Password').fill('Not-The-Right-Password-1');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('The e-mail address or the password is not correct.');

    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/login/code');
    await page.getByLabel('Code from the app').fill(await nextCode());
    await page.getByTestId('code-submit').click();
    await page.waitForURL(`${e2e.url}/`);
    await expect.poll(() => page.getByTestId('home-heading').textContent()).toBe('Welcome, Ruud');
    expect(await page.getByText('Immediate danger?').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'home page in English');

    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');
    await page.getByLabel('Email address').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/login/code');
    await page.getByTestId('use-recovery-code').click();
    await page.getByLabel('Recovery code').fill('AAAAA-BBBBB');
    await page.getByTestId('code-submit').click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('This code is not correct');
    await expectAccessible(page, 'recovery code form with an error');
    await page.getByLabel('Recovery code').fill(recoveryCodes[0]!);
    await page.getByTestId('code-submit').click();
    await expect.poll(() => page.getByText('You have 9 left').count()).toBe(1);
    await expectAccessible(page, 'recovery code used');

    await page.goto(`${e2e.url}/bestaat-niet`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
    await expectAccessible(page, 'page not found');
    expect(errors).toEqual([]);
  });

  it('kept names, passwords and codes out of the server log', () => {
    const all = e2e.logs.join('');
    expect(all.length).toBeGreaterThan(0);
    expect(totpSecret).not.toBe('');
    for (const secret of [ADMIN.password, ADMIN.email, 'Ruud', totpSecret, 'token=']) expect(all).not.toContain(secret);
  });
});

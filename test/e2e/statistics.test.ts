import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/browser.js';
import { KOMPAS, REGENBOOG } from '../support/demo-app.js';
import { screenshots, useMeldpadInBrowser } from '../support/e2e-harness.js';
import { chromiumAvailable } from '../support/environment.js';

const shot = screenshots('statistics-');

describe.skipIf(!chromiumAvailable())('Cijfers meldcode in the browser', () => {
  const e2e = useMeldpadInBrowser({ prefix: 'meldpad-e2e-statistics-', viewport: { width: 1366, height: 768 } });

  async function openCijfers(page: Page): Promise<void> {
    await page.getByRole('navigation').getByRole('link', { name: 'Cijfers' }).click();
    await page.getByTestId('statistics-kpis').waitFor();
  }

  it('directie opens Cijfers, sees the school year\'s figures with charts and tables, and downloads them as CSV', async () => {
    const page = await e2e.newPage();
    await e2e.signIn(page, e2e.account('director', REGENBOOG));
    await openCijfers(page);
    expect(await e2e.heading(page)).toBe('Cijfers meldcode');

    const kpis = page.getByTestId('statistics-kpis');
    const kpi = async (label: string) => (await kpis.locator('div', { has: page.locator('dt', { hasText: label }) }).locator('dd').textContent())?.trim();
    expect(await kpi('Casussen gestart')).toBe('9');
    expect(await kpi('Casussen afgesloten')).toBe('1');
    expect(await kpi('Meldingen Veilig Thuis')).toBe('1');
    expect(await kpi('Adviesvragen Veilig Thuis')).toBe('2');

    const physical = page.getByTestId('statistics-signals').getByRole('row', { name: /^A\. / });
    expect((await physical.locator('td').allTextContents()).map((s) => s.trim())).toEqual(['4', '4']);
    const unfounded = page.getByTestId('statistics-closed').getByRole('row', { name: /Vermoeden onterecht gebleken/ });
    expect((await unfounded.locator('td').textContent())?.trim()).toBe('1');
    const advice = page.getByTestId('statistics-durations').getByRole('row', { name: /Advies Veilig Thuis/ });
    expect((await advice.locator('td').allTextContents()).map((s) => s.trim())).toEqual(['2', '7,5 dagen', '7 dagen', '8 dagen']);

    await expectAccessible(page, 'the school\'s figures');
    await shot(page, 'school');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('statistics-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^cijfers-meldcode-\d{4}-\d{4}\.csv$/);
    const csv = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(`;${REGENBOOG};Casussen;Gestart;9;`);
    expect(csv).toContain(';Reden van afsluiten;Vermoeden onterecht gebleken;1;');
    expect(csv).toContain(';Tijd vanaf eerste signaal;Advies Veilig Thuis;2;7,5;7;8');

    // An earlier school year: nothing yet, and the page says so in zeros rather than failing.
    const year = page.getByLabel('Schooljaar');
    const options = await year.locator('option').allTextContents();
    await year.selectOption(options[1]!);
    await expect.poll(async () => kpi('Casussen gestart')).toBe('0');
    expect(e2e.errorsOf(page)).toEqual([]);
  });

  it('the board sees every school with small numbers as "< 5"; a teacher has no Cijfers at all', async () => {
    const board = await e2e.newPage();
    await e2e.signIn(board, e2e.accounts.find((a) => a.role === 'board')!);
    await openCijfers(board);
    const cases = board.getByTestId('statistics-board-cases');
    const header = (await cases.locator('thead th').allTextContents()).map((s) => s.trim());
    expect(header).toEqual(expect.arrayContaining([REGENBOOG, KOMPAS, 'Alle scholen']));
    const started = (await cases.getByRole('row', { name: /^Casussen gestart/ }).locator('td').allTextContents()).map((s) => s.trim());
    expect(started).toContain('< 5');
    expect(started).not.toContain('1');
    expect((await board.getByTestId('statistics-staff-route').locator('td').first().textContent())?.trim()).toBe('< 5');
    await expectAccessible(board, "the board's figures");
    await shot(board, 'board');
    expect(e2e.errorsOf(board)).toEqual([]);

    const teacher = await e2e.newPage();
    await e2e.signIn(teacher, e2e.account('teacher', REGENBOOG));
    expect(await teacher.getByRole('navigation').getByRole('link', { name: 'Cijfers' }).count()).toBe(0);
  });
});

import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/browser.js';
import { screenshots, useMeldpadInBrowser } from '../support/e2e-harness.js';
import { chromiumAvailable } from '../support/environment.js';

const SCHOOL = 'OBS De Regenboog';
const HEADER = 'Leerlingnummer;Roepnaam;Tussenvoegsel;Achternaam;Geboortedatum;Geslacht;Groep;Naam ouder/verzorger 1;E-mail ouder/verzorger 1';
const BAD = [HEADER, '9001;Ada;;Lovelace;10-12-2018;V;Groep 3 Vossen;B. Lovelace;b.lovelace@mail.example', '9002;Bram;de;Boer;31-02-2019;M;Groep 3 Vossen;C. de Boer;c.deboer@mail.example'].join('\r\n');
const FIXED = BAD.replace('31-02-2019', '28-02-2019');

const shot = screenshots();

describe.skipIf(!chromiumAvailable())('importing pupils in the browser', () => {
  const e2e = useMeldpadInBrowser({ prefix: 'meldpad-e2e-import-', locale: null });
  let page: Page;

  beforeAll(async () => {
    page = await e2e.newPage();
  });

  async function choose(content: string): Promise<void> {
    await page.getByTestId('import-file').setInputFiles({ name: 'leerlingen.csv', mimeType: 'text/csv', buffer: Buffer.from(content) });
    await page.getByTestId('import-check').click();
    await expect.poll(() => page.getByTestId('import-report').isVisible()).toBe(true);
  }

  it('the administrator imports a file with an error, sees row and field, fixes it, imports it and sees the report', async () => {
    await e2e.signIn(page, e2e.account('administrator', SCHOOL));

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Leerlingen importeren', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Leerlingen importeren');
    expect(await page.textContent('main')).toContain('Meldpad schrijft nooit iets terug naar de leerlingadministratie');
    await expectAccessible(page, 'import page');
    await shot(page, 'import-start');

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
    await shot(page, 'import-problem');

    // The fixed file: no problems; the demo pupils missing from it ask for confirmation first.
    await choose(FIXED);
    await expect.poll(() => page.getByTestId('import-problems').count()).toBe(0);
    expect(await page.getByTestId('import-count-added').textContent()).toContain('2');
    await expectAccessible(page, 'import dry run');
    await shot(page, 'import-dry-run');
    await page.getByTestId('import-run').click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('Een onvolledig exportbestand zou de bewaartermijn van deze leerlingen laten ingaan');
    await expectAccessible(page, 'confirmation');
    await shot(page, 'import-confirm');
    await dialog.getByRole('button', { name: 'Ja, importeren' }).click();

    const done = page.getByTestId('import-done');
    await expect.poll(() => done.isVisible()).toBe(true);
    expect(await page.textContent('main')).toContain('De leerlingen zijn geïmporteerd.');
    expect(await done.getByTestId('import-count-added').textContent()).toContain('2');
    await expectAccessible(page, 'import report');
    await shot(page, 'import-done');
    expect(e2e.errorsOf(page)).toEqual([]);
  });
});

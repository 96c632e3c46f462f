import { readFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/browser.js';
import { REGENBOOG } from '../support/demo-app.js';
import { screenshots, useMeldpadInBrowser } from '../support/e2e-harness.js';
import { chromiumAvailable } from '../support/environment.js';

const shot = screenshots('dossier-pdf-');

/** The words of a text as a PDF reader gives them back (line breaks become spaces). */
const words = (text: string) => text.replace(/\s+/g, ' ').trim();

describe.skipIf(!chromiumAvailable())('the dossier PDF: the IB’er exports a demo case and checks the file', () => {
  let caseId = '';
  let pupilName = '';
  const signals: string[] = [];
  const decisions: string[] = [];
  const e2e = useMeldpadInBrowser({
    prefix: 'meldpad-e2e-dossier-pdf-',
    viewport: { width: 1366, height: 900 },
    seed: async (ctx) => {
      const school = (await ctx.repos.boards.findSchoolByName(REGENBOOG))!;
      const scope = { schoolId: school.id, userId: '' };
      const ib = (await ctx.repos.staff.list(scope)).find((m) => m.roles.includes('ib'))!;
      // A demo case of De Regenboog with Yasmina El Amrani on its team, with signals and a decision.
      for (const c of await ctx.repos.cases.listForSchool(scope)) {
        if (!c.teamUserIds.includes(ib.userId) || c.route !== 'meldcode') continue;
        const versions = await ctx.repos.cases.entryVersions(c.id);
        const decided = versions.filter((v) => v.kind === 'escalation-decision');
        if (decided.length === 0) continue;
        caseId = c.id;
        pupilName = c.pupilName;
        for (const v of versions) if (v.kind === 'signal') signals.push(String((v.body as { description: string }).description));
        for (const v of decided) decisions.push(String((v.body as { reasoning: string }).reasoning));
        break;
      }
      if (!caseId) throw new Error("the demo has no case with the IB'er on its team and a decision");
    },
  });
  const { account, nextCode, newPage, signIn } = e2e;
  let ib: Page;
  let pdfPath = '';

  it('a. the IB’er exports the whole case as a PDF with a code; the file holds the signals and decisions', async () => {
    ib = await newPage();
    await signIn(ib, account('ib', REGENBOOG));
    await ib.goto(`${e2e.url}/casussen/${caseId}`);
    await expect.poll(() => ib.getByTestId('case-heading').count()).toBe(1);
    const panel = ib.getByTestId('export-pdf');
    await panel.scrollIntoViewIfNeeded();
    expect(await panel.getByRole('heading', { level: 2 }).textContent()).toBe('Dossier als PDF');
    await panel.screenshot({ path: '/tmp/dossier-pdf-panel.png' });

    await panel.getByRole('button', { name: 'Exporteren als PDF' }).click();
    const dialog = ib.getByTestId('export-pdf-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    // Without a code the dialog says what is missing and sends nothing.
    await dialog.getByTestId('export-pdf-submit').click();
    await expect.poll(() => dialog.getByText('Vul de zes cijfers uit uw app in.').count()).toBe(1);
    await expectAccessible(ib, 'the export dialog');
    await dialog.screenshot({ path: '/tmp/dossier-pdf-dialog.png' });
    await shot(ib, 'dialog', false);

    await dialog.getByTestId('export-pdf-code').fill(await nextCode(account('ib', REGENBOOG).totpSecret));
    const [download] = await Promise.all([ib.waitForEvent('download'), dialog.getByTestId('export-pdf-submit').click()]);
    const fileName = download.suggestedFilename();
    expect(fileName).toMatch(/^dossier-MP-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\.pdf$/);
    for (const part of pupilName.split(' ')) expect(fileName).not.toContain(part);
    pdfPath = '/tmp/dossier-pdf-demo.pdf';
    await download.saveAs(pdfPath);
    await expect.poll(() => panel.getByTestId('export-pdf-done').count()).toBe(1);
    expect(await panel.getByTestId('export-pdf-done').textContent()).toContain(fileName.slice('dossier-'.length, -'.pdf'.length));
    await panel.screenshot({ path: '/tmp/dossier-pdf-done.png' });

    const parser = new PDFParse({ data: new Uint8Array(readFileSync(pdfPath)) });
    const text = words((await parser.getText()).text);
    await parser.destroy();
    expect(text).toContain(pupilName);
    expect(text).toContain('VERTROUWELIJK');
    expect(text).toMatch(/pagina 1 van \d+/);
    expect(signals.length).toBeGreaterThan(0);
    for (const signal of signals) expect(text, signal).toContain(words(signal));
    for (const decision of decisions) expect(text, decision).toContain(words(decision));
    expect(e2e.errorsOf(ib)).toEqual([]);
  });

  it('b. “PDF controleren” says the downloaded file matches what was exported', async () => {
    await ib.goto(`${e2e.url}/pdf-controleren`);
    await expect.poll(() => ib.getByTestId('verify-pdf-page').count()).toBe(1);
    await ib.getByTestId('verify-pdf-file').setInputFiles({ name: 'dossier.pdf', mimeType: 'application/pdf', buffer: readFileSync(pdfPath) });
    await ib.getByTestId('verify-pdf-submit').click();
    const answer = ib.getByTestId('verify-pdf-answer');
    await expect.poll(() => answer.count()).toBe(1);
    expect(await answer.getAttribute('data-result')).toBe('match');
    expect(await answer.textContent()).toContain('komt precies overeen');
    await expectAccessible(ib, 'the check of a PDF');
    await ib.screenshot({ path: '/tmp/dossier-pdf-verify.png', fullPage: true });
    await shot(ib, 'verify');

    // One byte changed: no longer the exported file.
    const changed = Buffer.from(readFileSync(pdfPath));
    changed[changed.length - 40] = changed[changed.length - 40]! ^ 0x01;
    await ib.getByTestId('verify-pdf-file').setInputFiles({ name: 'dossier.pdf', mimeType: 'application/pdf', buffer: changed });
    await ib.getByTestId('verify-pdf-submit').click();
    await expect.poll(() => answer.getAttribute('data-result')).not.toBe('match');
    await ib.screenshot({ path: '/tmp/dossier-pdf-verify-changed.png', fullPage: true });
    expect(e2e.errorsOf(ib)).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/browser.js';
import { screenshots, useMeldpadInBrowser } from '../support/e2e-harness.js';
import { chromiumAvailable } from '../support/environment.js';
import { samplePng, sampleHtml } from '../support/sample-files.js';

/** The limit this suite runs with: small, so that "too large" needs no big file. */
const MAX = 512 * 1024;
const pageShot = screenshots('attachments-');
const SCREENSHOT_DIR = process.env['SCREENSHOT_DIR']?.trim() || null;

/** The whole page, and the signal up close, when screenshots are asked for (SCREENSHOT_DIR). */
async function shot(page: Page, name: string): Promise<void> {
  await pageShot(page, name);
  if (SCREENSHOT_DIR) await page.locator('[data-testid="timeline-entry"][data-kind="signal"]').first().screenshot({ path: path.join(SCREENSHOT_DIR, `attachments-${name}-signal.png`) });
}

describe.skipIf(!chromiumAvailable())('attachments on a signal, in the case page', () => {
  let yasmina: Page; // the IB'er
  let caseId: string;
  const e2e = useMeldpadInBrowser({ prefix: 'meldpad-e2e-attachments-', viewport: { width: 1366, height: 768 }, env: { ATTACHMENT_MAX_BYTES: String(MAX) } });
  const { account, newPage, signIn } = e2e;

  function signalEntry(page: Page): Locator {
    return page.locator('[data-testid="timeline-entry"][data-kind="signal"]').first();
  }

  /** A demo case the IB'er may write on, with a signal in its timeline. */
  async function demoCaseWithSignal(page: Page): Promise<string> {
    const list = await page.request.get(`${e2e.url}/api/cases`);
    expect(list.status()).toBe(200);
    for (const c of ((await list.json()) as { cases: { id: string; phase: string }[] }).cases.filter((x) => x.phase !== 'closed')) {
      const got = await page.request.get(`${e2e.url}/api/cases/${c.id}`);
      if (got.status() !== 200) continue;
      const data = (await got.json()) as { abilities: Record<string, boolean>; entries: { kind: string }[] };
      if (data.abilities['case.write'] && data.entries.some((e) => e.kind === 'signal')) return c.id;
    }
    throw new Error('the demo has no open case with a signal that the IB’er may write on');
  }

  async function chooseFile(entry: Locator, name: string, mimeType: string, buffer: Buffer): Promise<void> {
    const add = entry.getByTestId('attachment-add');
    if ((await add.getAttribute('open')) === null) await add.locator('summary').click();
    await entry.getByTestId('attachment-file').setInputFiles({ name, mimeType, buffer });
  }

  it('the IB’er adds a PNG to a signal on a demo case, sees it listed and downloads the same file', async () => {
    yasmina = await newPage();
    await signIn(yasmina, account('ib'));
    caseId = await demoCaseWithSignal(yasmina);
    await yasmina.goto(`${e2e.url}/casussen/${caseId}`);
    await expect.poll(() => yasmina.getByTestId('case-heading').count()).toBe(1);
    const entry = signalEntry(yasmina);
    await entry.scrollIntoViewIfNeeded();
    await expect.poll(() => entry.getByTestId('attachments').isVisible()).toBe(true);

    await entry.getByTestId('attachment-add').locator('summary').click();
    const form = entry.getByTestId('attachment-add');
    expect(await form.innerText()).toContain('Een foto (JPEG, PNG, WebP of HEIC) of een PDF van hoogstens 512 kB');
    await shot(yasmina, 'form');
    await expectAccessible(yasmina, 'the case page with the form to add an attachment');

    const png = samplePng(300 * 1024);
    await chooseFile(entry, 'blauwe plek arm.png', 'image/png', png);
    await entry.getByTestId('attachment-submit').click();
    const link = entry.getByTestId('attachment-link');
    await expect.poll(() => link.count()).toBe(1);
    expect(await link.innerText()).toBe('blauwe plek arm.png');
    expect(await entry.getByTestId('attachment').innerText()).toMatch(/PNG, 300 kB · toegevoegd door Yasmina El Amrani op/);
    await entry.scrollIntoViewIfNeeded();
    await shot(yasmina, 'listed');
    await expectAccessible(yasmina, 'the case page with an attachment listed');

    const [download] = await Promise.all([yasmina.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('blauwe plek arm.png');
    const saved = await download.path();
    expect(readFileSync(saved).equals(png)).toBe(true);
    expect(e2e.errorsOf(yasmina)).toEqual([]);
  });

  it('says plainly when a file is too large or not a photo or PDF, and stores nothing', async () => {
    const entry = signalEntry(yasmina);
    await chooseFile(entry, 'grote scan.png', 'image/png', samplePng(MAX + 50 * 1024));
    const problem = entry.getByTestId('attachment-problem');
    await expect.poll(() => problem.count()).toBe(1);
    expect(await problem.innerText()).toMatch(/^Dit bestand is 562 kB; een bijlage mag hoogstens 512 kB zijn\./);
    expect(await entry.getByTestId('attachment-submit').isDisabled()).toBe(true);
    await shot(yasmina, 'too-large');

    // A web page dressed up as a photo: the browser believes the name, Meldpad looks at the content.
    await chooseFile(entry, 'foto.png', 'image/png', sampleHtml);
    await entry.getByTestId('attachment-submit').click();
    const alert = entry.getByRole('alert');
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.innerText()).toContain('Dit soort bestand kan niet als bijlage worden opgeslagen');
    await shot(yasmina, 'refused');
    await expectAccessible(yasmina, 'the case page with a refused attachment');
    expect(await entry.getByTestId('attachment-link').count()).toBe(1);
    const stored = await e2e.meldpad.ctx.db.kysely.selectFrom('case_attachments').select('id').execute();
    expect(stored).toHaveLength(1);
  });
});

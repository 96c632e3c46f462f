import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { isWorkingDay } from '../../src/domain/cases/working-days.js';
import { newTotpSecret } from '../../src/server/auth/totp.js';
import { createAccount } from '../../src/server/people/accounts.js';
import { SecretBox } from '../../src/server/security/secret-box.js';
import { expectAccessible } from '../support/browser.js';
import { REGENBOOG } from '../support/demo-app.js';
import { screenshots, useMeldpadInBrowser } from '../support/e2e-harness.js';
import { chromiumAvailable } from '../support/environment.js';

const shot = screenshots('access-log-');
const REASON = 'Yasmina is ziek en de moeder belt nu met een acute vraag over thuis.';

/** A second IB'er at De Regenboog, new this year and on none of the demo's cases. */
const NOOR = { email: 'ib2.regenboog@meldpad.test', password: 'Vlinder-Kompas-Zeilboot-2026', totpSecret: newTotpSecret(), name: 'Noor Visser' };

/** Noon (UTC) of the next Dutch working day: school hours whatever the season, so only what the test does is flagged. */
function nextSchoolDayNoon(now: Date): number {
  for (let day = 1; ; day++) {
    const date = new Date(now.getTime() + day * 86_400_000).toISOString().slice(0, 10);
    if (isWorkingDay(date)) return Date.parse(`${date}T11:00:00Z`);
  }
}

describe.skipIf(!chromiumAvailable())('who saw this file: the casushouder sees an emergency access flagged', () => {
  let caseId = '';
  let pupilName = '';
  const e2e = useMeldpadInBrowser({
    prefix: 'meldpad-e2e-access-log-',
    // A laptop at school: 1366 × 768, a Dutch browser.
    viewport: { width: 1366, height: 768 },
    seed: async (ctx, clock) => {
      clock.advance(nextSchoolDayNoon(clock.now()) - clock.now().getTime());
      const school = (await ctx.repos.boards.findSchoolByName(REGENBOOG))!;
      const now = clock.now();
      await ctx.db.kysely.transaction().execute(async (tx) => {
        const userId = await createAccount(ctx.repos, { boardId: school.boardId, email: NOOR.email, name: NOOR.name, password: NOOR.password, memberships: [{ schoolId: school.id, role: 'ib' }] }, now, tx);
        await ctx.repos.users.confirmTotp(userId, new SecretBox(ctx.secretsKey, 'totp-secret').seal(NOOR.totpSecret), 0, now, tx);
      });
      // A demo case of De Regenboog that Yasmina El Amrani runs as casushouder, without directie on its team.
      const scope = { schoolId: school.id, userId: '' };
      const directie = (await ctx.repos.staff.list(scope)).filter((m) => m.roles.includes('director')).map((m) => m.userId);
      const demoCase = (await ctx.repos.cases.listForSchool(scope)).find((c) => c.casushouderName === 'Yasmina El Amrani' && c.phase !== 'closed' && !c.teamUserIds.some((id) => directie.includes(id)));
      if (!demoCase) throw new Error('the demo has no open case with Yasmina as casushouder and directie off the team');
      caseId = demoCase.id;
      pupilName = demoCase.pupilName;
    },
  });
  const { account, nextCode, newPage, heading, signIn } = e2e;
  let yasmina: Page;

  it('a. an IB’er who is not on the case opens it through emergency access, and does not see who saw it', async () => {
    const noor = await newPage();
    await signIn(noor, NOOR);
    await noor.goto(`${e2e.url}/casussen/${caseId}`);
    await expect.poll(() => noor.getByTestId('break-glass-page').count()).toBe(1);
    await noor.getByTestId('break-glass-reason').fill(REASON);
    await noor.getByTestId('break-glass-submit').click();
    await expect.poll(() => noor.getByTestId('elevate-dialog').isVisible()).toBe(true);
    await noor.getByTestId('elevate-code').fill(await nextCode(NOOR.totpSecret));
    await noor.getByTestId('elevate-submit').click();
    await expect.poll(() => noor.getByTestId('case-heading').count()).toBe(1);
    expect(await heading(noor)).toBe(pupilName);
    // Not the casushouder, not directie: the section is not there (the page's ability says so).
    expect(await noor.getByTestId('access-log').count()).toBe(0);
    expect((await noor.request.get(`${e2e.url}/api/cases/${caseId}/access-log`)).status()).toBe(404);
    await noor.goto(`${e2e.url}/`);
  });

  it('b. the casushouder opens "Wie heeft dit dossier ingezien" and finds Noor Visser flagged, with the reasons in words', async () => {
    yasmina = await newPage();
    await signIn(yasmina, account('ib', REGENBOOG));
    await yasmina.goto(`${e2e.url}/casussen/${caseId}`);
    await expect.poll(() => yasmina.getByTestId('case-heading').count()).toBe(1);
    const panel = yasmina.getByTestId('access-log');
    await panel.scrollIntoViewIfNeeded();
    expect(await panel.getByRole('heading', { level: 2 }).textContent()).toBe('Wie heeft dit dossier ingezien');
    // Reading the list is recorded, so it loads when asked for.
    expect(await panel.getByTestId('access-log-table').count()).toBe(0);
    await panel.getByRole('button', { name: 'Toon wie het dossier inzag' }).click();
    await expect.poll(() => panel.getByTestId('access-log-table').count()).toBe(1);

    const noorLines = panel.getByTestId('access-log-line').filter({ hasText: NOOR.name });
    expect(await noorLines.count()).toBe(2);
    const texts = await noorLines.allTextContents();
    expect(texts[0]).toContain('opende het dossier');
    expect(texts[0]).toContain('Via noodtoegang, niet via het team');
    expect(texts[1]).toContain('opende het dossier met noodtoegang');
    for (const text of texts) {
      expect(text).toContain("Intern begeleider (IB'er)");
      expect(text).toContain('Opvallend:');
      expect(text).toContain('Zat op dat moment niet in het interventieteam');
    }
    expect(await noorLines.first().getAttribute('data-unusual')).toBe('true');
    // Her own reading just now: on the team, in school hours, nothing to flag.
    const own = panel.getByTestId('access-log-line').filter({ hasText: 'Yasmina El Amrani' }).filter({ hasText: 'opende het dossier' });
    expect(await own.count()).toBe(1);
    expect(await own.getAttribute('data-unusual')).toBe('false');
    // The list tells who and what, never what the file says or why the glass was broken.
    expect(await panel.textContent()).not.toContain(REASON);
    await panel.screenshot({ path: '/tmp/access-log-panel.png' });
    await yasmina.screenshot({ path: '/tmp/access-log-viewport.png' });
    await shot(yasmina, 'panel');
    await expectAccessible(yasmina, 'case page with who saw this file');
  });

  it('c. "alleen opvallende toegang" leaves only the flagged lines', async () => {
    const panel = yasmina.getByTestId('access-log');
    const all = await panel.getByTestId('access-log-line').count();
    await panel.getByLabel('Alleen opvallende toegang').check();
    await expect.poll(() => panel.getByTestId('access-log-line').count()).toBeLessThan(all);
    const unusual = await panel.getByTestId('access-log-line').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unusual')));
    expect(unusual.length).toBeGreaterThanOrEqual(2);
    expect(unusual.every((u) => u === 'true')).toBe(true);
    expect(await panel.getByTestId('access-log-count').textContent()).toContain(`van ${all} regels`);
    await panel.screenshot({ path: '/tmp/access-log-panel-unusual.png' });
    await shot(yasmina, 'unusual-only');
    await expectAccessible(yasmina, 'who saw this file, unusual access only');
  });

  it('e. the same list in English', async () => {
    await yasmina.getByRole('button', { name: 'English' }).click();
    const panel = yasmina.getByTestId('access-log');
    await expect.poll(() => panel.getByRole('heading', { level: 2 }).textContent()).toBe('Who has seen this file');
    const noorLine = panel.getByTestId('access-log-line').filter({ hasText: NOOR.name }).filter({ hasText: 'opened the file through emergency access' });
    expect(await noorLine.textContent()).toContain('Was not on the intervention team at the time');
    await panel.screenshot({ path: '/tmp/access-log-panel-en.png' });
    await yasmina.getByRole('button', { name: 'Nederlands' }).click();
  });

  it('d. directie, not on the team, finds the list below the emergency-access page without breaking the glass', async () => {
    const marieke = await newPage();
    await signIn(marieke, account('director', REGENBOOG));
    await marieke.goto(`${e2e.url}/casussen/${caseId}`);
    await expect.poll(() => marieke.getByTestId('break-glass-page').count()).toBe(1);
    await expect.poll(() => marieke.getByTestId('access-log').count()).toBe(1);
    const panel = marieke.getByTestId('access-log');
    await panel.getByRole('button', { name: 'Toon wie het dossier inzag' }).click();
    await expect.poll(() => panel.getByTestId('access-log-table').count()).toBe(1);
    expect(await panel.getByTestId('access-log-line').filter({ hasText: NOOR.name }).count()).toBe(2);
    // Still no content of the case on the page.
    expect(await marieke.locator('main').textContent()).not.toContain(pupilName);
    await expectAccessible(marieke, 'emergency-access page with who saw this file');
    await shot(marieke, 'directie');
    await panel.screenshot({ path: '/tmp/access-log-directie.png' });
  });
});

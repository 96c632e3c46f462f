import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/cases/working-days.js';
import { addYears } from '../../src/domain/retention/due-date.js';
import type { AppContext } from '../../src/server/app-context.js';
import { schoolDate } from '../../src/server/pupils/school-date.js';
import { expectAccessible } from '../support/browser.js';
import { REGENBOOG } from '../support/demo-app.js';
import { dutch } from '../support/e2e-cases.js';
import { screenshots, useMeldpadInBrowser } from '../support/e2e-harness.js';
import { chromiumAvailable } from '../support/environment.js';
import { addPupil } from '../support/pupil-fixtures.js';

const shot = screenshots('retention-');

// Names no demo pupil has.
const DUE = { callName: 'Roos', surname: 'Bewaartermijn', pupilNumber: '88001' };
const UPCOMING = { callName: 'Ties', surname: 'Bewaartermijn', pupilNumber: '88002' };
const SECRET_SENTENCE = 'Roos vertelde over ruzie thuis bij het ontbijt.';

/** A closed meldcode case about a pupil who left on `leftOn`, with the IB'er as casushouder. */
async function closedCase(ctx: AppContext, pupilId: string, leftOn: string, options: { description: string }): Promise<string> {
  const school = (await ctx.repos.boards.findSchoolByName(REGENBOOG))!;
  const ib = (await ctx.repos.users.findByEmail('ib.regenboog@demo.meldpad.example'))!;
  const teacher = (await ctx.repos.users.findByEmail('leerkracht.regenboog@demo.meldpad.example'))!;
  const scope = { schoolId: school.id, userId: ib.id };
  const now = ctx.now();
  await ctx.repos.pupils.setLeft(scope, pupilId, leftOn, now);
  const protocol = await ctx.repos.protocols.current(scope, now);
  const caseId = randomUUID();
  const startedAt = new Date(now.getTime() - 1000 * 86_400_000).toISOString();
  const closedAt = new Date(now.getTime() - 900 * 86_400_000).toISOString();
  await ctx.repos.cases.create({ id: caseId, schoolId: school.id, boardId: school.boardId, pupilId, route: 'meldcode', protocolVersionId: protocol.id, step: 3, phase: 'open', startedBy: teacher.id, startedAt });
  await ctx.repos.cases.addTeamMembers(caseId, [{ userId: ib.id, teamRole: 'ib' }, { userId: teacher.id, teamRole: 'teacher' }], ib.id, startedAt);
  await ctx.repos.cases.addEntryVersion({
    id: randomUUID(),
    caseId,
    schoolId: school.id,
    entryId: randomUUID(),
    version: 1,
    kind: 'signal',
    body: { observedOn: startedAt.slice(0, 10), observedTime: null, place: null, observedBy: 'Sanne de Wit', source: 'own-observation', sourceDetail: null, description: options.description, counterIndications: null, signalItemIds: [], bodyMap: [] },
    recordedBy: teacher.id,
    recordedAt: startedAt,
    correctionReason: null,
  });
  await ctx.repos.cases.addEntryVersion({ id: randomUUID(), caseId, schoolId: school.id, entryId: randomUUID(), version: 1, kind: 'case-closed', body: { reason: 'concerns-resolved', explanation: null }, recordedBy: ib.id, recordedAt: closedAt, correctionReason: null });
  await ctx.repos.cases.setProgress(caseId, { step: 3, phase: 'closed', casushouderId: ib.id }, closedAt);
  await ctx.repos.cases.setClosedAt(caseId, closedAt);
  return caseId;
}

describe.skipIf(!chromiumAvailable())('Bewaartermijnen: the IB\'er confirms a destruction in the browser', () => {
  let dueCaseId = '';
  let upcomingCaseId = '';
  let dueOn = '';
  const e2e = useMeldpadInBrowser({
    prefix: 'meldpad-e2e-retention-',
    viewport: { width: 1366, height: 768 },
    seed: async (ctx, clock) => {
      const t = { ctx, clock } as never;
      const today = schoolDate(clock.now());
      dueOn = addDays(today, -40);
      const duePupil = await addPupil(t, REGENBOOG, 'Groep 3 Vossen', DUE);
      dueCaseId = await closedCase(ctx, duePupil, addYears(dueOn, -2), { description: SECRET_SENTENCE });
      const upcomingPupil = await addPupil(t, REGENBOOG, 'Groep 4 Egels', UPCOMING);
      upcomingCaseId = await closedCase(ctx, upcomingPupil, addYears(addDays(today, 14), -2), { description: 'Ties kwam twee keer zonder jas.' });
    },
  });
  const { account, newPage, signIn } = e2e;
  let ib: Page;

  function dueRows(page: Page) {
    return page.getByTestId('retention-due-item');
  }

  it("shows the IB'er what is due and what falls due within a month, from the main menu", async () => {
    ib = await newPage();
    await signIn(ib, account('ib'));
    await ib.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Bewaartermijnen', exact: true }).click();
    await expect.poll(() => e2e.heading(ib)).toBe('Bewaartermijnen');
    await expect.poll(() => ib.getByTestId('retention-term-current').textContent()).toBe('Afgesloten casussen worden bewaard tot twee jaar nadat de leerling de school verliet.');
    const row = ib.locator(`[data-testid="retention-due-item"][data-case-id="${dueCaseId}"]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByRole('rowheader').textContent()).toBe('Roos Bewaartermijn');
    expect(await row.textContent()).toContain(dutch(dueOn));
    expect(await ib.getByTestId('retention-upcoming-item').allTextContents()).toEqual([expect.stringContaining('Ties Bewaartermijn')]);
    // Directie records the term; the IB'er reads it.
    expect(await ib.getByTestId('retention-term-save').count()).toBe(0);
    expect(await ib.getByTestId('retention-page').textContent()).not.toContain(SECRET_SENTENCE);
    await expectAccessible(ib, 'Bewaartermijnen');
    await shot(ib, 'page');
  });

  it('confirms the destruction with a fresh code; the case is gone and a record without content remains', async () => {
    const before = await dueRows(ib).count();
    await ib.locator(`[data-testid="retention-due-item"][data-case-id="${dueCaseId}"]`).getByTestId('retention-destroy').click();
    const dialog = ib.getByTestId('destroy-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByRole('heading').textContent()).toBe('Casus van Roos Bewaartermijn vernietigen');
    // Without the check and a code nothing happens, and the dialog says why.
    await ib.getByTestId('destroy-submit').click();
    await expect.poll(() => dialog.textContent()).toContain('Bevestig eerst dat u dit heeft nagegaan.');
    // Both problems at once, the first field in error focused.
    expect(await dialog.textContent()).toContain('Vul de zes cijfers uit uw app in.');
    await expect.poll(() => ib.getByTestId('destroy-check').evaluate((input) => input === input.ownerDocument.activeElement)).toBe(true);
    await expectAccessible(ib, 'destroy dialog with a problem');
    await ib.getByTestId('destroy-check').check();
    await ib.getByTestId('destroy-code').fill('000000');
    await ib.getByTestId('destroy-submit').click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('Deze code klopt niet');
    expect((await ib.request.get(`${e2e.url}/api/cases/${dueCaseId}`)).status()).toBe(200);
    await shot(ib, 'dialog');

    await ib.getByTestId('destroy-code').fill(await e2e.nextCode(account('ib').totpSecret));
    await ib.getByTestId('destroy-submit').click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => ib.getByRole('status').filter({ hasText: 'is vernietigd' }).textContent()).toBe('De casus van Roos Bewaartermijn is vernietigd.');
    await expect.poll(() => dueRows(ib).count()).toBe(before - 1);
    const record = ib.getByTestId('retention-destruction');
    await expect.poll(() => record.count()).toBe(1);
    expect(await ib.getByTestId('retention-destructions').locator('thead').textContent()).toContain('Vernietigd op');
    expect(await record.textContent()).toContain(dutch(dueOn));
    expect(await record.textContent()).toContain('Yasmina El Amrani');
    expect(await record.textContent()).not.toContain('Roos');
    await expectAccessible(ib, 'Bewaartermijnen after a destruction');
    await shot(ib, 'destroyed');

    // Gone for everyone, in every table.
    expect((await ib.request.get(`${e2e.url}/api/cases/${dueCaseId}`)).status()).toBe(404);
    expect(await e2e.meldpad.ctx.repos.caseDestruction.remaining(dueCaseId)).toEqual(expect.objectContaining({ cases: 0, case_entries: 0, case_team_members: 0 }));
  });

  it('shows the retention status on the case page, where the casushouder sets a legal hold', async () => {
    await ib.goto(`${e2e.url}/casussen/${upcomingCaseId}`);
    const panel = ib.getByTestId('case-retention');
    await expect.poll(() => panel.isVisible()).toBe(true);
    await expect.poll(() => ib.getByTestId('case-retention-status').getAttribute('data-status')).toBe('upcoming');
    await ib.getByTestId('case-legal-hold-open').click();
    await ib.getByTestId('case-legal-hold-submit').click();
    await expect.poll(() => panel.textContent()).toContain('Kies een reden.');
    await panel.getByLabel('Klacht').check();
    await expectAccessible(ib, 'legal hold form');
    await ib.getByTestId('case-legal-hold-submit').click();
    await expect.poll(() => ib.getByTestId('case-retention-status').getAttribute('data-status')).toBe('held');
    expect(await ib.getByTestId('case-legal-hold-on').textContent()).toContain('Reden: klacht. Ingesteld door Yasmina El Amrani');
    await panel.scrollIntoViewIfNeeded();
    await shot(ib, 'case-panel', false);

    // Held: no longer on the list of what falls due.
    await ib.goto(`${e2e.url}/bewaartermijnen`);
    await expect.poll(() => ib.getByTestId('retention-kept').textContent()).toContain('bewaarplicht');
    await expect.poll(() => ib.getByTestId('retention-upcoming-item').count()).toBe(0);
  });

  it('lets directie record the term the privacy officer chose, with who and when', async () => {
    const director = await newPage();
    await signIn(director, account('director'));
    await director.goto(`${e2e.url}/bewaartermijnen`);
    await expect.poll(() => director.getByTestId('retention-term-years').isVisible()).toBe(true);
    await director.getByTestId('retention-term-years').fill('0');
    await director.getByTestId('retention-term-save').click();
    await expect.poll(() => director.getByTestId('retention-term').textContent()).toContain('Vul een heel aantal jaren in, van 1 tot en met 20.');
    await director.getByTestId('retention-term-years').fill('5');
    await director.getByTestId('retention-term-save').click();
    await expect.poll(() => director.getByTestId('retention-term-current').textContent()).toBe('Afgesloten casussen worden bewaard tot 5 jaar nadat de leerling de school verliet.');
    expect(await director.getByTestId('retention-term').textContent()).toContain('Vastgelegd door Marieke Jansen op');
    // Five years: nothing of this school is due or upcoming any more.
    await expect.poll(() => director.getByTestId('retention-upcoming').textContent()).toContain('De komende maand komt geen casus aan de beurt.');
    await expectAccessible(director, 'Bewaartermijnen for directie');
    await shot(director, 'directie');
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/browser.js';
import { REGENBOOG } from '../support/demo-app.js';
import { schoolDay, startCase } from '../support/e2e-cases.js';
import { useMeldpadInBrowser } from '../support/e2e-harness.js';
import { chromiumAvailable } from '../support/environment.js';
import { addHousehold, addPupil } from '../support/pupil-fixtures.js';

const KEPT = 'Mila kwam drie dagen achter elkaar zonder ontbijt en zonder jas naar school.';
const WITHHELD = 'De buurvrouw belde de school en vertelde dat zij vannacht geschreeuw hoorde.';
const SHOTS = process.env['SCREENSHOT_DIR']?.trim() || null;

describe.skipIf(!chromiumAvailable())("an access request (inzage): the IB'er exports what the school holds about a pupil", () => {
  let pupilId = '';
  let caseId = '';
  let yasmina: Page; // the IB'er
  const e2e = useMeldpadInBrowser({
    prefix: 'meldpad-e2e-access-request-',
    viewport: { width: 1366, height: 900 },
    seed: async (ctx, clock) => {
      const t = { ctx, clock } as never;
      pupilId = await addPupil(t, REGENBOOG, 'Groep 3 Vossen', { callName: 'Mila', surname: 'Inzageverzoek', pupilNumber: '89301' });
      await addHousehold(t, [pupilId], [{ name: 'Ingrid Inzageverzoek' }, { name: 'Karim Inzageverzoek' }]);
    },
  });
  const { account, newPage, signIn, nextCode } = e2e;

  async function shot(page: Page, name: string) {
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/access-request-${name}.png`, fullPage: true });
  }

  it('a. the teacher records two signals about Mila; only the IB\'er sees the way to an access request', async () => {
    const sanne = await newPage();
    await signIn(sanne, account('teacher'));
    caseId = await startCase(e2e.url, sanne, pupilId, { source: 'own-observation', description: KEPT });
    const second = await sanne.request.post(`${e2e.url}/api/cases/${caseId}/entries`, {
      headers: { Origin: e2e.url },
      data: {
        kind: 'signal',
        body: { observedOn: schoolDay(), observedTime: null, place: null, observedBy: 'Sanne de Wit', source: 'other-told', sourceDetail: 'buurvrouw', description: WITHHELD, counterIndications: null, signalItemIds: [], bodyMap: [] },
      },
    });
    expect(second.status(), await second.text()).toBe(201);
    await sanne.goto(`${e2e.url}/leerlingen/${pupilId}`);
    await expect.poll(() => sanne.getByTestId('pupil-heading').count()).toBe(1);
    expect(await sanne.getByTestId('access-request-link').count()).toBe(0);
  });

  it('b. the IB\'er registers the request of Mila\'s mother from the pupil page', async () => {
    yasmina = await newPage();
    await signIn(yasmina, account('ib'));
    await yasmina.goto(`${e2e.url}/leerlingen/${pupilId}`);
    await expect.poll(() => yasmina.getByTestId('access-request-link').count()).toBe(1);
    await shot(yasmina, 'pupil-page');
    await yasmina.getByTestId('access-request-link').click();
    await expect.poll(() => yasmina.getByTestId('access-requests-page').count()).toBe(1);
    expect(await yasmina.getByTestId('access-earlier').textContent()).toContain('Er zijn nog geen inzageverzoeken');
    expect(new URL(yasmina.url()).pathname).toBe(`/leerlingen/${pupilId}/inzageverzoeken`);

    // Nothing chosen: the page says what is missing.
    await yasmina.getByTestId('access-register-submit').click();
    await expect.poll(() => yasmina.getByText('Kies wie het verzoek doet.').count()).toBe(1);
    await yasmina.getByRole('radio', { name: 'Ouder', exact: true }).check();
    await yasmina.getByTestId('access-guardian').selectOption({ label: 'Ingrid Inzageverzoek' });
    await expectAccessible(yasmina, 'access request registration');
    await shot(yasmina, 'register');
    await yasmina.getByTestId('access-register-submit').click();
    await expect.poll(() => yasmina.getByTestId('access-request-page').count()).toBe(1);
    expect(await yasmina.getByTestId('access-request-heading').textContent()).toBe('Inzageverzoek — Mila Inzageverzoek');
    expect(await yasmina.locator('main').textContent()).toContain('Ouder — Ingrid Inzageverzoek');
  });

  it('c. looking at the file asks for a fresh code; she withholds the neighbour\'s account on the rights of others', async () => {
    await yasmina.getByTestId('access-open-file').click();
    await expect.poll(() => yasmina.getByTestId('elevate-dialog').isVisible()).toBe(true);
    await yasmina.getByTestId('elevate-code').fill(await nextCode(account('ib').totpSecret));
    await yasmina.getByTestId('elevate-submit').click();
    await expect.poll(() => yasmina.getByTestId('file-case').count()).toBe(1);
    const entries = yasmina.getByTestId('file-entry');
    const withheld = entries.filter({ hasText: WITHHELD });
    expect(await withheld.count()).toBe(1);
    await withheld.locator('select').selectOption({ label: 'Rechten van anderen' });
    await expect.poll(() => yasmina.getByTestId('access-withheld-count').textContent()).toBe('Er wordt 1 onderdeel achtergehouden.');
    expect(await withheld.textContent()).toContain('wie een zorg meldde');
    await expectAccessible(yasmina, 'access request file with a part withheld');
    await shot(yasmina, 'file');
  });

  it('d. exporting asks for a code again once the first has lapsed; the overview holds the marker, not the text', async () => {
    e2e.clock.advance(6 * 60_000); // the fresh code of step c lasts five minutes
    await yasmina.getByTestId('access-export-button').click();
    await expect.poll(() => yasmina.getByTestId('elevate-dialog').isVisible()).toBe(true);
    await yasmina.getByTestId('elevate-code').fill(await nextCode(account('ib').totpSecret));
    await yasmina.getByTestId('elevate-submit').click();

    await expect.poll(() => yasmina.getByTestId('access-overview').count()).toBe(1);
    expect(await yasmina.getByTestId('access-overview-heading').textContent()).toBe('Inzageverzoek — overzicht van gegevens');
    const overview = (await yasmina.getByTestId('access-overview').textContent()) ?? '';
    expect(overview).toContain(KEPT);
    expect(overview).not.toContain(WITHHELD);
    expect(overview).toContain('Ingrid Inzageverzoek');
    const marker = yasmina.getByTestId('withheld-marker');
    expect(await marker.count()).toBe(1);
    expect(await marker.textContent()).toContain('Hier is een vastlegging achtergehouden.');
    expect(await marker.textContent()).toContain('Grond: Rechten van anderen (AVG art. 15 lid 4');
    expect(await yasmina.getByTestId('access-overview-footer').textContent()).toContain('Yasmina El Amrani');
    expect(new URL(yasmina.url()).pathname).toBe(`/inzageverzoeken/${new URL(yasmina.url()).pathname.split('/')[2]}/overzicht`);
    await expectAccessible(yasmina, 'access request overview');
    await shot(yasmina, 'overview');

    const download = yasmina.waitForEvent('download');
    await yasmina.getByTestId('access-download').click();
    const json = JSON.parse(await (await (await download).createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8')));
    expect(json.cases[0].entries.some((e: { kind: string; ground?: string }) => e.kind === 'withheld' && e.ground === 'rights-of-others')).toBe(true);
    expect(JSON.stringify(json)).not.toContain(WITHHELD);
  });

  it('e. the request is on record: exported, with what was withheld on which ground', async () => {
    await yasmina.getByRole('link', { name: 'Terug naar het verzoek' }).click();
    await expect.poll(() => yasmina.getByTestId('access-withheld-recorded').count()).toBe(1);
    expect(await yasmina.getByTestId('access-withheld-recorded').textContent()).toContain('Eén vastlegging — Rechten van anderen');
    await expectAccessible(yasmina, 'an exported access request');
    await shot(yasmina, 'exported');
    await yasmina.getByRole('link', { name: 'Terug naar de inzageverzoeken' }).click();
    const row = yasmina.getByTestId('access-request-row');
    await expect.poll(() => row.count()).toBe(1);
    // The list may show what it had cached for a moment, until its refetch answers.
    await expect.poll(() => row.textContent()).toContain('1 vastlegging — Rechten van anderen');
    expect(await row.textContent()).toContain('Yasmina El Amrani');
    await expectAccessible(yasmina, 'access requests with an exported one');
    await shot(yasmina, 'list');
    expect(e2e.errorsOf(yasmina)).toEqual([]);
  });
});

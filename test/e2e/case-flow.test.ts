import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/browser.js';
import { KOMPAS, REGENBOOG } from '../support/demo-app.js';
import { useMeldpadInBrowser } from '../support/e2e-harness.js';
import { chromiumAvailable } from '../support/environment.js';
import { addHousehold, addPupil } from '../support/pupil-fixtures.js';

// Names no demo pupil has, so the test holds whether or not the demo board comes with pupils.
const LOTTE = 'Lotte Vermeer'; // Groep 3 Vossen: Sanne de Wit's pupil, the case is about her
const PARENT = 'J. Vermeer';
const FIRST_DESCRIPTION = 'Lotte had een blauwe plek van ongeveer 3 cm op haar linker bovenarm. Ze zei: "Ik ben gevallen."';
const CORRECTED_DESCRIPTION = 'Lotte had een blauwe plek van ongeveer 3 cm op haar linker bovenarm, aan de binnenkant. Ze zei: "Ik ben gevallen."';

/** Today, and a date some days ahead, as the school counts them (yyyy-mm-dd). */
function schoolDay(offsetDays = 0): string {
  const date = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

describe.skipIf(!chromiumAvailable())('the case page in the browser: team, advice, decision, timeline, corrections and emergency access', () => {
  let lotteId = '';
  let caseId = '';
  let sanne: Page;
  let yasmina: Page;
  const e2e = useMeldpadInBrowser({
    prefix: 'meldpad-e2e-case-',
    // A laptop at school: 1366 × 768, a Dutch browser.
    viewport: { width: 1366, height: 768 },
    seed: async (ctx, clock) => {
      const t = { ctx, clock } as never;
      lotteId = await addPupil(t, REGENBOOG, 'Groep 3 Vossen', { callName: 'Lotte', surname: 'Vermeer', pupilNumber: '77001' });
      const daan = await addPupil(t, REGENBOOG, 'Groep 7 Herten', { callName: 'Daan', surname: 'Vermeer', pupilNumber: '77002' });
      const mila = await addPupil(t, KOMPAS, 'Groep 5 Reigers', { callName: 'Mila', surname: 'Vermeer', pupilNumber: '97001' });
      await addHousehold(t, [lotteId, daan, mila], [{ name: PARENT, phone: '06-11112222' }, { name: 'S. Vermeer-Kok' }]);
    },
  });
  const { account, nextCode, newPage, heading, signIn } = e2e;

  async function openCase(page: Page): Promise<void> {
    await page.goto(`${e2e.url}/casussen/${caseId}`);
    await expect.poll(() => page.getByTestId('case-heading').count()).toBe(1);
    expect(await heading(page)).toBe(LOTTE);
  }

  function step(page: Page, number: number) {
    return page.locator(`[data-testid="case-step"][data-step="${number}"]`);
  }

  function task(page: Page, taskId: string) {
    return page.locator(`[data-testid="case-task"][data-task-id="${taskId}"]`);
  }

  function timelineEntries(page: Page, kind?: string) {
    return page.locator(kind ? `[data-testid="timeline-entry"][data-kind="${kind}"]` : '[data-testid="timeline-entry"]');
  }

  async function expandStep(page: Page, number: number): Promise<void> {
    const toggle = step(page, number).getByTestId('case-step-toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
  }

  it('a. the teacher starts a case with a signal and a body-map mark, and sees it on the case page', async () => {
    sanne = await newPage();
    await signIn(sanne, account('teacher'));
    // Started through the API, as the browser's own session: the new-case page has its own test.
    const started = await sanne.request.post(`${e2e.url}/api/pupils/${lotteId}/cases`, {
      headers: { Origin: e2e.url },
      data: {
        worry: 'home-situation',
        firstSignal: {
          observedOn: schoolDay(),
          observedTime: '08:40',
          place: 'In de klas, bij binnenkomst',
          observedBy: 'Sanne de Wit',
          source: 'own-observation',
          sourceDetail: null,
          description: FIRST_DESCRIPTION,
          counterIndications: 'Ze speelt veel buiten en klimt graag.',
          signalItemIds: ['physical.bruises-unusual-places'],
          bodyMap: [{ side: 'front', x: 0.28, y: 0.3, type: 'bruise', colour: 'blauw', sizeCm: 3, description: 'linker bovenarm' }],
        },
      },
    });
    expect(started.status(), await started.text()).toBe(201);
    caseId = ((await started.json()) as { id: string }).id;

    await openCase(sanne);
    expect(await sanne.getByTestId('case-route').textContent()).toBe('Meldcode');
    expect(await sanne.getByTestId('case-step-now').textContent()).toBe('Stap 2: In kaart brengen van signalen');
    expect(await sanne.getByTestId('case-phase').textContent()).toBe('Open');
    expect(await sanne.getByTestId('case-protocol').textContent()).toBe('versie 1');
    // Always in view: the school's reminder, Veilig Thuis of the region, 112.
    expect(await sanne.getByTestId('case-reminder').textContent()).toBe('Zorg dat het voor de leerling veilig en leuk blijft op school');
    expect(await sanne.getByTestId('case-band').textContent()).toContain('112');
    expect(await sanne.getByTestId('case-band-veilig-thuis').textContent()).toMatch(/Veilig Thuis .*0800-2000/);

    // Step 2 is open and its first task counts the signal; step 3 waits, closed.
    expect(await step(sanne, 2).getByTestId('case-step-toggle').getAttribute('aria-expanded')).toBe('true');
    expect(await step(sanne, 3).getByTestId('case-step-toggle').getAttribute('aria-expanded')).toBe('false');
    expect(await task(sanne, 's2.beschrijf').getAttribute('data-state')).toBe('recorded');
    expect(await task(sanne, 's2.beschrijf').getByTestId('task-status').textContent()).toBe('1 keer vastgelegd');
    expect(await step(sanne, 2).textContent()).toContain('Doe de stappen die nodig zijn.');

    // The timeline: the case started, the signal with its body map.
    await expect.poll(() => timelineEntries(sanne).count()).toBe(2);
    const signal = timelineEntries(sanne, 'signal');
    expect(await signal.textContent()).toContain(FIRST_DESCRIPTION);
    expect(await signal.textContent()).toContain('Eigen waarneming');
    await expect.poll(() => signal.getByTestId('entry-body-map').count()).toBe(1);
    // The teacher keeps a neutral role: she does not form the team or decide.
    expect(await task(sanne, 's3.team').getByTestId('task-form-open').count()).toBe(0);
    await expectAccessible(sanne, 'case page for the teacher');
  });

  it('b. the teacher records the kindcheck, with a sibling at another school named only by that school', async () => {
    const kindcheck = task(sanne, 's2.kindcheck');
    await kindcheck.getByTestId('task-form-open').click();
    const form = sanne.getByTestId('kindcheck-form');
    await expect.poll(() => form.count()).toBe(1);
    expect(await form.getByTestId('case-siblings').textContent()).toContain('Daan Vermeer');
    expect(await form.getByTestId('case-sibling-other-school').textContent()).toBe(`Een broer of zus zit op ${KOMPAS}`);
    expect(await form.textContent()).not.toContain('Mila');

    // Without an outcome the form says so at the question, and keeps what was typed.
    await form.getByLabel('Welke kinderen heeft u bekeken?').fill('Daan (groep 7) en een zusje op een andere school.');
    await form.getByTestId('kindcheck-form-save').click();
    await expect.poll(() => form.textContent()).toContain('Kies de uitkomst van de kindcheck.');
    expect(await form.getByLabel('Welke kinderen heeft u bekeken?').inputValue()).toBe('Daan (groep 7) en een zusje op een andere school.');
    await expectAccessible(sanne, 'kindcheck form with a missing outcome');

    await form.getByLabel('Ouder met een verslaving (alcohol of drugs), of die onder invloed op school komt').check();
    await form.getByLabel('Geen zorg over andere kinderen').check();
    await form.getByTestId('kindcheck-form-save').click();
    await expect.poll(() => kindcheck.getAttribute('data-state')).toBe('recorded');
    await expect.poll(() => timelineEntries(sanne, 'kindcheck').count()).toBe(1);
    expect(await timelineEntries(sanne, 'kindcheck').textContent()).toContain('Ouder met een verslaving');

    // A short conversation with the pupil, in her own words.
    const talk = task(sanne, 's2.gesprek-leerling');
    await talk.getByTestId('task-form-open').click();
    const talkForm = sanne.getByTestId('pupil-conversation-form');
    expect(await talkForm.getByLabel('Gevoerd door').inputValue()).toBe('Sanne de Wit');
    await talkForm.getByLabel('Wat is er gezegd?').fill('Lotte zei: "Ik ben van de trap gevallen." Verder wilde ze er niet over praten.');
    await talkForm.getByTestId('pupil-conversation-form-save').click();
    await expect.poll(() => talk.getAttribute('data-state')).toBe('recorded');
    expect(await talk.textContent()).toContain('Vastgelegd. U ziet het in de tijdlijn.');
    await expect.poll(() => timelineEntries(sanne, 'pupil-conversation').count()).toBe(1);

    // Marking a task "not applicable" needs the reason.
    const note = task(sanne, 's2.notitie');
    await note.getByTestId('task-na-open').click();
    await sanne.getByTestId('task-not-applicable-form-save').click();
    await expect.poll(() => sanne.getByTestId('task-not-applicable-form').textContent()).toContain('Vul de reden in');
    await sanne.getByTestId('task-note').fill('De school gebruikt geen leerlingvolgsysteem voor deze notities.');
    await sanne.getByTestId('task-not-applicable-form-save').click();
    await expect.poll(() => note.getAttribute('data-state')).toBe('not-applicable');
    expect(await note.getByTestId('task-status').textContent()).toContain('Niet van toepassing volgens Sanne de Wit');
  });

  it('c. the IB’er is notified, opens the case from the message and forms the team, with herself as the proposed casushouder', async () => {
    yasmina = await newPage();
    await signIn(yasmina, account('ib'));
    // The IB'er (aandachtsfunctionaris) was told at once: the newest message is this case.
    await expect.poll(async () => Number(await yasmina.getByTestId('notification-bell').getAttribute('data-unread'))).toBeGreaterThan(0);
    await yasmina.getByTestId('notification-bell').click();
    await yasmina.waitForURL('**/berichten');
    const newest = yasmina.getByTestId('notification').first();
    expect([await newest.getAttribute('data-kind'), await newest.getAttribute('data-unread')]).toEqual(['case.started', 'true']);
    await newest.getByRole('link').click();
    await yasmina.waitForURL(`**/casussen/${caseId}`);
    await expect.poll(() => yasmina.getByTestId('case-heading').count()).toBe(1);
    expect(await heading(yasmina)).toBe(LOTTE);
    await expandStep(yasmina, 3);
    const team = task(yasmina, 's3.team');
    await team.getByTestId('task-form-open').click();
    const form = yasmina.getByTestId('team-form');
    await expect.poll(() => form.getByRole('checkbox').count()).toBeGreaterThan(2);
    // The school's principles are right there where the team divides the work.
    expect(await form.getByTestId('case-principles').textContent()).toContain('Laat de leerkracht een zo neutraal mogelijke rol spelen');
    // IB'er, SMW and the teacher who signalled are proposed; directie only when the team wants to.
    expect(await form.getByRole('checkbox', { name: /Yasmina El Amrani/ }).isChecked()).toBe(true);
    expect(await form.getByRole('checkbox', { name: /Kees Doğan/ }).isChecked()).toBe(true);
    expect(await form.getByRole('checkbox', { name: /Sanne de Wit/ }).isChecked()).toBe(true);
    expect(await form.getByRole('checkbox', { name: /Marieke Jansen/ }).isChecked()).toBe(false);
    const proposed = form.getByRole('radio', { name: /Yasmina El Amrani/ });
    expect(await proposed.isChecked()).toBe(true);
    expect(await form.textContent()).toContain('voorgesteld (IB is aandachtsfunctionaris)');
    await expectAccessible(yasmina, 'team form');
    await team.screenshot({ path: '/tmp/case-team-form.png' });
    await form.getByTestId('team-form-save').click();

    await expect.poll(() => yasmina.getByTestId('case-casushouder').textContent()).toBe('Yasmina El Amrani');
    expect(await yasmina.getByTestId('case-step-now').textContent()).toBe('Stap 3: Schaal de casus op (maak een interventieteam)');
    const members = team.getByTestId('team-member');
    await expect.poll(() => members.count()).toBe(3);
    expect(await team.locator('[data-testid="team-member"][data-name="Yasmina El Amrani"]').textContent()).toContain('casushouder');
    expect(await team.getAttribute('data-state')).toBe('recorded');
  });

  it('d. the IB’er logs the anonymous advice of Veilig Thuis; a name in it is refused at the field', async () => {
    const advice = task(yasmina, 's3.advies-vt');
    await advice.getByTestId('task-form-open').click();
    const form = yasmina.getByTestId('advice-form');
    expect(await form.getByTestId('advice-anonymous').textContent()).toContain('Noem geen naam van het kind of de ouders: het advies is anoniem.');
    await form.getByLabel('Naam van de adviseur').fill('Mevrouw De Groot');
    const text = 'Advies: signalen blijven volgen, gesprek met moeder Vermeer aangaan.';
    await form.getByTestId('advice-text').fill(text);
    await form.getByTestId('advice-form-save').click();
    // The server refuses the name; the message stands beside the field, and the text stays.
    await expect.poll(() => form.getByTestId('advice-text').getAttribute('aria-invalid')).toBe('true');
    expect(await form.textContent()).toContain('Het advies van Veilig Thuis is anoniem: haal de naam van de leerling of een ouder uit deze tekst.');
    expect(await form.getByTestId('advice-text').inputValue()).toBe(text);
    await expect.poll(() => form.getByTestId('advice-text').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await expectAccessible(yasmina, 'advice form with a name refused');
    await form.screenshot({ path: '/tmp/case-advice-form.png' });

    await form.getByTestId('advice-text').fill('Advies: signalen blijven volgen en over twee weken opnieuw bespreken. Nu nog geen melding nodig.');
    await form.getByTestId('advice-form-save').click();
    await expect.poll(() => advice.getAttribute('data-state')).toBe('recorded');
    await expect.poll(() => timelineEntries(yasmina, 'veilig-thuis-advice').count()).toBe(1);
  });

  it('e. the team divides the work; an agreement can be marked done in the timeline', async () => {
    const division = task(yasmina, 's3.taakverdeling');
    await division.getByTestId('task-form-open').click();
    const form = yasmina.getByTestId('agreement-form');
    expect(await form.getByTestId('case-principles').count()).toBe(1);
    await form.getByLabel('Wat is de afspraak?').fill('Kees voert het gesprek met de ouders, samen met Yasmina.');
    await form.getByLabel('Wie doet het?').selectOption({ label: 'Kees Doğan' });
    await form.getByLabel('Uiterlijk op').fill(schoolDay(7));
    await form.getByTestId('agreement-form-save').click();
    await expect.poll(() => division.getByTestId('agreements-task-division').textContent()).toContain('Kees voert het gesprek');
    expect(await division.getByTestId('agreements-task-division').textContent()).toContain('Loopt');

    const entry = timelineEntries(yasmina, 'agreement');
    await entry.getByTestId('agreement-done').click();
    await expect.poll(() => division.getByTestId('agreements-task-division').textContent()).toContain('Afgerond');
    expect(await entry.getByTestId('entry-correction').textContent()).toContain('reden: afgerond');
  });

  it('f. the casushouder decides "no report now", with a monitoring agreement', async () => {
    const noReport = task(yasmina, 's3.geen-melding');
    await noReport.getByTestId('task-form-open').click();
    const form = yasmina.getByTestId('decision-form');
    expect(await form.getByRole('radio', { name: /Nu geen melding/ }).isChecked()).toBe(true);
    // Reasoning and an agreement are required.
    await form.getByTestId('decision-form-save').click();
    await expect.poll(() => form.textContent()).toContain('Schrijf op waarom u dit besluit neemt.');
    expect(await form.textContent()).toContain('Schrijf op wat er afgesproken is.');
    await expectAccessible(yasmina, 'decision form with problems');
    await form.screenshot({ path: '/tmp/case-decision-form.png' });

    // "Direct melden" says where the case goes.
    // Each answer is a card: a click anywhere on it chooses it.
    await form.locator('label', { hasText: 'Direct melden' }).click();
    expect(await form.getByTestId('decision-report-note').textContent()).toContain('De casus gaat naar stap 5');
    await form.locator('label', { hasText: 'Nu geen melding' }).click();
    expect(await form.getByRole('radio', { name: /Nu geen melding/ }).isChecked()).toBe(true);

    await form.getByTestId('decision-reasoning').fill('Eén signaal met een verklaring; Veilig Thuis adviseert te blijven volgen.');
    await form.getByLabel('Afspraak 1: wat').fill('Sanne let dagelijks op Lotte en noteert nieuwe signalen.');
    await form.getByLabel('Afspraak 1: wie').selectOption({ label: 'Sanne de Wit' });
    await form.getByLabel('Afspraak 1: uiterlijk op').fill(schoolDay(14));
    await form.getByTestId('decision-form-save').click();

    await expect.poll(() => yasmina.getByTestId('case-phase').textContent()).toBe('Monitoren');
    const summary = yasmina.getByTestId('decision-summary');
    expect(await summary.textContent()).toContain('Nu geen melding');
    expect(await summary.getByTestId('agreements-monitoring').textContent()).toContain('Sanne let dagelijks op Lotte');
    // Decided: no second decision form.
    expect(await noReport.getByTestId('task-form-open').count()).toBe(0);
  });

  it('g. the timeline shows all of it, and the filter narrows it', async () => {
    const kinds = await timelineEntries(yasmina).evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')));
    // In the order they happened; what was recorded in the same moment (the case and its first signal,
    // the decision and its agreement) in either order.
    expect(kinds.slice(0, 2).sort()).toEqual(['case-started', 'signal']);
    expect(kinds.slice(2, 8)).toEqual(['kindcheck', 'pupil-conversation', 'task', 'team-change', 'veilig-thuis-advice', 'agreement']);
    expect(kinds.slice(8).sort()).toEqual(['agreement', 'escalation-decision']);
    expect(await timelineEntries(yasmina, 'team-change').textContent()).toContain('Kees Doğan');

    const filter = yasmina.getByTestId('timeline-filter');
    await filter.getByRole('button', { name: /Advies Veilig Thuis/ }).click();
    await expect.poll(() => timelineEntries(yasmina).count()).toBe(1);
    expect(await filter.getByRole('button', { name: /Advies Veilig Thuis/ }).getAttribute('aria-pressed')).toBe('true');
    await filter.getByRole('button', { name: /Afspraak/ }).click();
    await expect.poll(() => timelineEntries(yasmina).count()).toBe(3);
    expect(await yasmina.getByTestId('timeline-count').textContent()).toBe('3 van 10 items');
    await expectAccessible(yasmina, 'timeline filtered');
    await filter.getByRole('button', { name: 'Alles' }).click();
    await expect.poll(() => timelineEntries(yasmina).count()).toBe(10);
  });

  it('h. a correction of the signal shows who corrected it and why, with the earlier version', async () => {
    const signal = timelineEntries(yasmina, 'signal');
    await signal.getByTestId('entry-correct').click();
    const form = signal.getByTestId('signal-form');
    const description = form.getByLabel('Beschrijving', { exact: true });
    await expect.poll(() => description.count()).toBe(1);
    expect(await description.inputValue()).toBe(FIRST_DESCRIPTION);
    await description.fill(CORRECTED_DESCRIPTION);
    // The reason is required.
    await form.getByTestId('signal-form-save').click();
    await expect.poll(() => form.textContent()).toContain('Vul de reden van de correctie in.');
    await form.getByTestId('correction-reason').fill('Plaats van de plek nauwkeuriger beschreven, na navraag bij Sanne.');
    await form.getByTestId('signal-form-save').click();

    await expect.poll(() => signal.getByTestId('entry-correction').count()).toBe(1);
    expect(await signal.getByTestId('entry-correction').textContent()).toMatch(/^Gecorrigeerd door Yasmina El Amrani op .* — reden: Plaats van de plek nauwkeuriger beschreven/);
    expect(await signal.textContent()).toContain(CORRECTED_DESCRIPTION);
    const history = signal.getByTestId('entry-history');
    await history.locator(':scope > summary').click();
    expect(await history.textContent()).toContain(FIRST_DESCRIPTION);
    expect(await history.textContent()).toContain('Versie 1, vastgelegd door Sanne de Wit');
    await expectAccessible(yasmina, 'case page after the correction');
  });

  it('i. a teacher who is not on the case finds nothing at its address', async () => {
    const bilal = await newPage();
    const other = e2e.accounts.find((a) => a.role === 'teacher' && a.email.startsWith('leerkracht2.'))!;
    await signIn(bilal, other);
    await bilal.goto(`${e2e.url}/casussen/${caseId}`);
    await expect.poll(() => heading(bilal)).toBe('Pagina niet gevonden');
    expect(await bilal.locator('main').textContent()).not.toContain('Lotte');
  });

  it('j. the director opens the case through emergency access, with a reason and a fresh code', async () => {
    const director = account('director');
    const marieke = await newPage();
    await signIn(marieke, director);
    await marieke.goto(`${e2e.url}/casussen/${caseId}`);
    await expect.poll(() => marieke.getByTestId('break-glass-page').count()).toBe(1);
    expect(await heading(marieke)).toBe('Inzage in noodgeval');
    expect(await marieke.locator('main').textContent()).toContain('U staat niet op deze casus.');
    expect(await marieke.locator('main').textContent()).not.toContain('Lotte');
    await expectAccessible(marieke, 'emergency access page');

    await marieke.getByTestId('break-glass-submit').click();
    await expect.poll(() => marieke.getByTestId('break-glass-reason').getAttribute('aria-invalid')).toBe('true');
    await marieke.getByTestId('break-glass-reason').fill('De casushouder is ziek en de moeder belt nu over een incident thuis.');
    await marieke.getByTestId('break-glass-submit').click();
    await expect.poll(() => marieke.getByTestId('elevate-dialog').isVisible()).toBe(true);
    await marieke.getByTestId('elevate-code').fill(await nextCode(director.totpSecret));
    await marieke.getByTestId('elevate-submit').click();

    await expect.poll(() => marieke.getByTestId('case-heading').count()).toBe(1);
    expect(await heading(marieke)).toBe(LOTTE);
    expect(await marieke.getByTestId('break-glass-banner').textContent()).toContain('Marieke Jansen');
    await expect.poll(() => timelineEntries(marieke, 'break-glass').count()).toBe(1);
  });

  it('k. the casushouder sees the emergency-access banner; axe finds nothing on the case page and the print view', async () => {
    await yasmina.reload();
    await expect.poll(() => yasmina.getByTestId('break-glass-banner').count()).toBe(1);
    const banner = yasmina.getByTestId('break-glass-banner');
    expect(await banner.textContent()).toContain('Marieke Jansen');
    expect(await banner.textContent()).toContain('Reden: De casushouder is ziek en de moeder belt nu over een incident thuis.');
    expect(await banner.textContent()).toContain('U bent casushouder.');
    await expectAccessible(yasmina, 'case page with the emergency-access banner');
    await yasmina.screenshot({ path: '/tmp/case-page.png' });
    await yasmina.screenshot({ path: '/tmp/case-page-full.png', fullPage: true });
    await step(yasmina, 3).screenshot({ path: '/tmp/case-step3.png' });
    await yasmina.getByTestId('timeline').screenshot({ path: '/tmp/case-timeline.png' });

    await yasmina.getByTestId('case-print-link').click();
    await expect.poll(() => yasmina.getByTestId('case-print').count()).toBe(1);
    expect(await heading(yasmina)).toBe(`Dossier meldcode: ${LOTTE}`);
    const print = yasmina.getByTestId('case-print');
    expect(await print.textContent()).toContain(REGENBOOG);
    expect(await print.textContent()).toContain('Stappenplanversie 1');
    expect(await print.textContent()).toContain(FIRST_DESCRIPTION);
    expect(await print.textContent()).toContain(CORRECTED_DESCRIPTION);
    expect(await print.textContent()).toContain('Niet van toepassing volgens Sanne de Wit');
    expect(await yasmina.getByTestId('case-print-footer').textContent()).toMatch(/^Afgedrukt op .* door Yasmina El Amrani\.$/);
    await expectAccessible(yasmina, 'print view');
    await yasmina.screenshot({ path: '/tmp/case-print.png' });
    await yasmina.screenshot({ path: '/tmp/case-print-full.png', fullPage: true });

    // "Afdrukken" asks the browser to print; on paper the navigation is gone.
    // Strings, not functions: the test suite compiles without the DOM library.
    await yasmina.evaluate('window.printed = false; window.print = () => { window.printed = true; };');
    await yasmina.getByTestId('case-print-button').click();
    expect(await yasmina.evaluate<boolean>('window.printed')).toBe(true);
    await yasmina.emulateMedia({ media: 'print' });
    expect(await yasmina.locator('.shell-side').isVisible()).toBe(false);
    expect(await yasmina.getByTestId('case-print-button').isVisible()).toBe(false);
    await yasmina.screenshot({ path: '/tmp/case-print-paper.png', fullPage: true });
    await yasmina.emulateMedia({ media: 'screen' });

    // The same case in English.
    await yasmina.getByTestId('case-print-footer').waitFor();
    await yasmina.goto(`${e2e.url}/casussen/${caseId}`);
    await yasmina.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => yasmina.getByTestId('case-phase').textContent()).toBe('Monitoring');
    expect(await yasmina.getByTestId('break-glass-banner').textContent()).toContain('You are the case holder.');
    await expectAccessible(yasmina, 'case page in English');
    await yasmina.screenshot({ path: '/tmp/case-page-en.png', fullPage: true });
    await yasmina.getByRole('button', { name: 'Nederlands' }).click();

    expect(e2e.pageErrors.flat()).toEqual([]);
  });

  it('l. the casushouder closes the case as an unfounded suspicion, with what showed it; it is read-only until reopened', async () => {
    await yasmina.goto(`${e2e.url}/casussen/${caseId}`);
    await expect.poll(() => yasmina.getByTestId('case-phase').textContent()).toBe('Monitoren');
    await yasmina.getByTestId('case-close-open').click();
    const form = yasmina.getByTestId('case-close-form');
    await form.getByLabel('Vermoeden onterecht gebleken').check();
    await form.getByRole('button', { name: 'Casus afsluiten' }).click();
    // This reason needs words: the file must say what showed the suspicion was unfounded.
    await expect.poll(() => form.locator('.field-error').count()).toBeGreaterThan(0);
    await yasmina.getByTestId('case-close-explanation').fill('De plek kwam van een val bij de gymles; de gymdocent zag het gebeuren.');
    await form.getByRole('button', { name: 'Casus afsluiten' }).click();
    await expect.poll(() => yasmina.getByTestId('case-closed').count()).toBe(1);
    expect(await yasmina.getByTestId('case-closed').textContent()).toContain('Vermoeden onterecht gebleken — De plek kwam van een val bij de gymles');
    expect(await yasmina.getByTestId('case-phase').textContent()).toBe('Gesloten');
    // Read-only: no recording, no team changes, no corrections.
    expect(await yasmina.getByTestId('task-form-open').count()).toBe(0);
    expect(await yasmina.getByRole('button', { name: 'Corrigeren' }).count()).toBe(0);
    await expectAccessible(yasmina, 'closed case');

    await yasmina.getByTestId('case-reopen-open').click();
    await yasmina.getByTestId('case-reopen-reason').fill('Moeder meldt nieuwe zorgen na de kerstvakantie.');
    await yasmina.getByRole('button', { name: 'Heropenen' }).click();
    await expect.poll(() => yasmina.getByTestId('case-phase').textContent()).toBe('Open');
    expect(await yasmina.getByTestId('case-closed').count()).toBe(0);
    const timeline = await yasmina.getByTestId('timeline').textContent();
    expect(timeline).toContain('Casus afgesloten');
    expect(timeline).toContain('Casus heropend');
    expect(e2e.pageErrors.flat()).toEqual([]);
  });
});

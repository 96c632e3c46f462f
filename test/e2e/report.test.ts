import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { INFORM_EXCEPTION_GROUND_LABELS } from '../../src/domain/cases/procedural-check.js';
import { expectAccessible } from '../support/browser.js';
import { REGENBOOG } from '../support/demo-app.js';
import { decideToReport, dutch, formTeam, openCaseStep, schoolDay, startCase } from '../support/e2e-cases.js';
import { useMeldpadInBrowser } from '../support/e2e-harness.js';
import { chromiumAvailable } from '../support/environment.js';
import { addPupil } from '../support/pupil-fixtures.js';

// Names no demo pupil has, so the test holds whether or not the demo board comes with pupils.
const PUPILS = [
  { key: 'reasons', callName: 'Mila', surname: 'Melding', pupilNumber: '89001', group: 'Groep 3 Vossen' },
  { key: 'acute', callName: 'Daan', surname: 'Melding', pupilNumber: '89002', group: 'Groep 4 Egels' },
] as const;
type CaseKey = (typeof PUPILS)[number]['key'];

// Facts only: no word the factual-language check would mark, so the check finds what the file lacks.
const WHAT_REPORTED =
  'Op maandag had Mila een blauwe plek van ongeveer 4 cm op haar linker bovenarm. Zij vertelde de leerkracht dat haar vader haar daar had vastgepakt. Op woensdag kwam zij zonder jas en zonder ontbijt op school.';

describe.skipIf(!chromiumAvailable())('the report to Veilig Thuis in step 5 of the case page', () => {
  const pupilIds = new Map<CaseKey, string>();
  const caseIds = new Map<CaseKey, string>();
  let sanne: Page; // the teacher who signalled, on the team
  let yasmina: Page; // the IB'er, casushouder
  const e2e = useMeldpadInBrowser({
    prefix: 'meldpad-e2e-report-',
    // A laptop at school: 1366 × 768, a Dutch browser.
    viewport: { width: 1366, height: 768 },
    seed: async (ctx, clock) => {
      const t = { ctx, clock } as never;
      for (const pupil of PUPILS) {
        pupilIds.set(pupil.key, await addPupil(t, REGENBOOG, pupil.group, { callName: pupil.callName, surname: pupil.surname, pupilNumber: pupil.pupilNumber }));
      }
    },
  });
  const { account, newPage, signIn } = e2e;

  async function openCase(page: Page, key: CaseKey): Promise<void> {
    await openCaseStep(e2e.url, page, caseIds.get(key), 5, 'report-panel');
  }

  function panel(page: Page): Locator {
    return page.getByTestId('report-panel');
  }

  /** Scrolls an element's top to just below the band that stays in view at the top of the page. */
  async function scrollToTop(target: Locator): Promise<void> {
    await target.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await target.page().evaluate('window.scrollBy(0, -90)');
  }

  function form(page: Page): Locator {
    return panel(page).getByTestId('report-form');
  }

  /** The fields every report needs, as a person fills them in. */
  async function fillReport(page: Page, options: { how: 'Telefonisch' | 'Via het meldformulier'; reference?: string; parents: { on: string } | { ground: string } }): Promise<void> {
    const f = form(page);
    await f.getByRole('radio', { name: options.how }).check();
    if (options.reference) await f.getByTestId('report-reference').fill(options.reference);
    await f.getByTestId('report-what').fill(WHAT_REPORTED);
    if ('on' in options.parents) {
      await f.getByRole('radio', { name: /^Ja, de ouders wisten/ }).check();
      await f.getByTestId('report-parents-informed-on').fill(options.parents.on);
    } else {
      await f.getByRole('radio', { name: 'Nee', exact: true }).check();
      await f.getByRole('radio', { name: options.parents.ground }).check();
    }
  }

  it('a. the teacher starts two cases; the IB’er forms the team as casushouder and decides to report', async () => {
    sanne = await newPage();
    await signIn(sanne, account('teacher'));
    yasmina = await newPage();
    await signIn(yasmina, account('ib'));
    for (const pupil of PUPILS) {
      const caseId = await startCase(e2e.url, sanne, pupilIds.get(pupil.key)!, {
        source: 'child-told',
        description: `${pupil.callName} vertelde dat vader hem of haar thuis vastpakt; er was een blauwe plek op de bovenarm.`,
      });
      caseIds.set(pupil.key, caseId);
      await formTeam(e2e.url, yasmina, caseId, ['Yasmina El Amrani', 'Sanne de Wit'], { casushouder: 'Yasmina El Amrani' });
      await decideToReport(e2e.url, yasmina, caseId, `${pupil.callName} vertelt dat vader hem of haar vastpakt; er is een blauwe plek gezien.`);
    }
  });

  it('b. without a parent conversation or consultation the check lists both; without reasons nothing is saved; with them the report is saved', async () => {
    await openCase(yasmina, 'reasons');
    expect(await panel(yasmina).getByTestId('report-none').textContent()).toContain('Er is nog geen melding vastgelegd.');
    await panel(yasmina).getByTestId('report-open').click();
    const f = form(yasmina);
    await expect.poll(() => f.count()).toBe(1);
    // The acute box comes first and has the focus; the date is today.
    await expect.poll(() => f.getByTestId('report-acute').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(await f.getByTestId('report-reported-on').inputValue()).toBe(schoolDay());
    expect(await f.textContent()).toContain('Dan houdt de controle de melding nooit tegen');

    // Saying nothing: each required field says so at its place.
    expect(await f.getByTestId('report-form-submit').textContent()).toBe('Controleren');
    await f.getByTestId('report-form-submit').click();
    await expect.poll(() => f.getByTestId('report-what').getAttribute('aria-invalid')).toBe('true');
    expect(await f.textContent()).toContain('Kies hoe er gemeld is.');
    expect(await f.textContent()).toContain('Kies ja of nee.');
    expect(await f.getByTestId('report-check').count()).toBe(0);

    // "Nee" asks the ground, with the domain's labels.
    const ground = INFORM_EXCEPTION_GROUND_LABELS['danger-to-child-or-family'].nl;
    await fillReport(yasmina, { how: 'Telefonisch', reference: 'VT-2026-0412', parents: { ground } });
    for (const label of Object.values(INFORM_EXCEPTION_GROUND_LABELS)) expect(await f.getByRole('radio', { name: label.nl }).count()).toBe(1);
    // The text is factual: no hint.
    expect(await f.locator('.factual-hint').count()).toBe(0);

    // Controleren: the check lists what the file lacks, each with how to mend it.
    await f.getByTestId('report-form-submit').click();
    const check = f.getByTestId('report-check');
    await expect.poll(() => check.count()).toBe(1);
    const findings = check.getByTestId('report-finding');
    expect(await findings.evaluateAll((items) => items.map((i) => i.getAttribute('data-code')))).toEqual(['parent-conversation-missing', 'no-consultation']);
    const text = await check.textContent();
    expect(text).toContain('Geen gesprek met de ouders vastgelegd');
    expect(text).toContain('Er is geen gesprek met de ouders vastgelegd, en ook geen grond om het niet te voeren.');
    expect(text).toContain('Leg het gesprek met de ouders vast');
    expect(text).toContain('Er is geen overleg vastgelegd: geen collegiale consultatie en geen advies van Veilig Thuis.');
    expect(text).toContain('vraag anoniem advies bij Veilig Thuis');
    expect(text).toContain('De meldcode verwacht 2 dingen die het dossier nog niet laat zien.');
    await expect.poll(() => check.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(await f.getByTestId('report-form-submit').textContent()).toBe('Melding opslaan');
    await expectAccessible(yasmina, 'report form with the check');

    // At a laptop's size: the form, and the checklist from its top, below the band that stays in view.
    await scrollToTop(f);
    await yasmina.screenshot({ path: '/tmp/report-form.png' });
    await f.screenshot({ path: '/tmp/report-form-full.png' });
    await scrollToTop(check);
    await yasmina.screenshot({ path: '/tmp/report.png' });

    // Saving without reasons: each reason is asked at its field, and nothing typed is lost.
    await f.getByTestId('report-form-submit').click();
    await expect.poll(() => findings.nth(0).getByTestId('report-finding-reason').getAttribute('aria-invalid')).toBe('true');
    expect(await findings.nth(1).getByTestId('report-finding-reason').getAttribute('aria-invalid')).toBe('true');
    expect(await check.textContent()).toContain('Schrijf op waarom u toch meldt, of vul dit eerst aan in het dossier.');
    await expect.poll(() => findings.nth(0).getByTestId('report-finding-reason').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(await f.getByTestId('report-what').inputValue()).toBe(WHAT_REPORTED);
    expect(await f.getByTestId('report-reference').inputValue()).toBe('VT-2026-0412');
    expect(await panel(yasmina).getByTestId('report-item').count()).toBe(0);
    await expectAccessible(yasmina, 'report form with missing reasons');

    // The server agrees: without a reason per finding it saves nothing.
    const refused = await yasmina.request.post(`${e2e.url}/api/cases/${caseIds.get('reasons')}/report`, {
      headers: { Origin: e2e.url },
      data: {
        reportedOn: schoolDay(),
        how: 'phone',
        reference: null,
        whatReported: WHAT_REPORTED,
        anonymityRequested: false,
        anonymityReason: null,
        parentsInformed: false,
        parentsInformedOn: null,
        informExceptionGround: 'danger-to-child-or-family',
        acute: false,
        proceedReasons: {},
      },
    });
    expect(refused.status()).toBe(400);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('procedural-reasons-required');

    // With a reason for each point, the report is saved.
    const reasonConversation = 'Vader heeft Mila vastgepakt na een gesprek op school; een gesprek nu brengt haar in gevaar.';
    const reasonConsultation = 'De IB’er is zelf casushouder; Veilig Thuis wordt bij de melding om advies gevraagd.';
    await findings.nth(0).getByTestId('report-finding-reason').fill(reasonConversation);
    await findings.nth(1).getByTestId('report-finding-reason').fill(reasonConsultation);
    await f.getByTestId('report-form-submit').click();
    await expect.poll(() => panel(yasmina).getByTestId('report-item').count()).toBe(1);
    // The form closes as the refreshed case arrives, a moment after the report shows.
    await expect.poll(() => form(yasmina).count()).toBe(0);
    expect(await panel(yasmina).getByRole('status').textContent()).toContain('De melding is vastgelegd.');

    // The report summarised: date, how, reference, who, anonymity, parents and the ground.
    const item = panel(yasmina).getByTestId('report-item');
    expect(await item.getByRole('heading', { level: 5 }).textContent()).toBe(`Melding van ${dutch(schoolDay())}`);
    const facts = await item.getByTestId('report-facts').textContent();
    expect(facts).toContain('Telefonisch');
    expect(facts).toContain('VT-2026-0412');
    expect(facts).toContain('Yasmina El Amrani');
    expect(facts).toContain('Niet gevraagd');
    expect(facts).toContain(ground);
    expect(await item.getByTestId('report-feedback-none').textContent()).toContain('Nog geen terugkoppeling van Veilig Thuis');
    // The check and the reasons, one click away.
    await item.getByTestId('report-details').locator(':scope > summary').click();
    const reasons = item.getByTestId('report-reasons');
    expect(await reasons.locator('li').evaluateAll((items) => items.map((i) => i.getAttribute('data-code')))).toEqual(['parent-conversation-missing', 'no-consultation']);
    expect(await reasons.textContent()).toContain(reasonConversation);
    expect(await reasons.textContent()).toContain(reasonConsultation);
    await expectAccessible(yasmina, 'report panel with a report');
    await scrollToTop(panel(yasmina));
    await yasmina.screenshot({ path: '/tmp/report-saved.png' });

    // In the timeline, with the reasons to go on.
    const entry = yasmina.locator('[data-testid="timeline-entry"][data-kind="report"]');
    await expect.poll(() => entry.count()).toBe(1);
    const entryText = await entry.textContent();
    expect(entryText).toContain('Melding Veilig Thuis');
    expect(entryText).toContain(WHAT_REPORTED);
    expect(entryText).toContain('Geen gesprek met de ouders vastgelegd');
    expect(entryText).toContain(reasonConversation);
    expect(entryText).toContain(reasonConsultation);
    expect(entryText).toContain(ground);
    await entry.screenshot({ path: '/tmp/report-timeline.png' });
  });

  it('c. an acute report saves at once, without reasons', async () => {
    await openCase(yasmina, 'acute');
    await panel(yasmina).getByTestId('report-open').click();
    const f = form(yasmina);
    await f.getByTestId('report-acute').check();
    expect(await f.getByTestId('report-form-submit').textContent()).toBe('Melding opslaan');
    await fillReport(yasmina, { how: 'Via het meldformulier', parents: { on: schoolDay() } });
    await f.getByTestId('report-anonymity').check();
    // Anonymity asks its reason.
    await f.getByTestId('report-form-submit').click();
    await expect.poll(() => f.getByTestId('report-anonymity-reason').getAttribute('aria-invalid')).toBe('true');
    expect(await f.textContent()).toContain('Vul in waarom om anonimiteit is gevraagd.');
    await f.getByTestId('report-anonymity-reason').fill('Vader heeft de leerkracht eerder bedreigd.');
    await f.getByTestId('report-form-submit').click();
    await expect.poll(() => panel(yasmina).getByTestId('report-item').count()).toBe(1);
    const item = panel(yasmina).getByTestId('report-item');
    expect(await item.textContent()).toContain('Acuut gevaar');
    const facts = await item.getByTestId('report-facts').textContent();
    expect(facts).toContain('Via het meldformulier');
    expect(facts).toContain('Geen kenmerk vastgelegd');
    expect(facts).toContain('Vader heeft de leerkracht eerder bedreigd.');
    expect(facts).toContain(`Ja, op ${dutch(schoolDay())}`);
    // The check's findings are kept with the report, without reasons.
    await item.getByTestId('report-details').locator(':scope > summary').click();
    const reasons = item.getByTestId('report-reasons');
    expect(await reasons.locator('li').evaluateAll((items) => items.map((i) => i.getAttribute('data-code')))).toEqual(['parent-conversation-missing', 'no-consultation']);
    expect(await reasons.textContent()).toContain('Geen reden gegeven (acuut gevaar)');
    const entry = yasmina.locator('[data-testid="timeline-entry"][data-kind="report"]');
    await expect.poll(() => entry.count()).toBe(1);
    expect(await entry.textContent()).toContain('Ja: de controle hield de melding niet tegen');
    await expectAccessible(yasmina, 'acute report saved');
  });

  it('d. the feedback from Veilig Thuis is recorded under the report', async () => {
    await openCase(yasmina, 'reasons');
    const item = panel(yasmina).getByTestId('report-item');
    await item.getByTestId('report-feedback-open').click();
    const f = item.getByTestId('report-feedback-form');
    await expect.poll(() => f.count()).toBe(1);
    expect(await f.getByTestId('report-feedback-received-on').inputValue()).toBe(schoolDay());
    await f.getByTestId('report-feedback-form-save').click();
    await expect.poll(() => f.getByTestId('report-feedback-text').getAttribute('aria-invalid')).toBe('true');
    expect(await f.textContent()).toContain('Vul de terugkoppeling in.');
    await expectAccessible(yasmina, 'feedback form with a missing text');
    const feedback = 'Veilig Thuis start een onderzoek en neemt binnen twee weken contact op met de ouders. De school houdt Mila in de gaten en meldt nieuwe signalen.';
    await f.getByTestId('report-feedback-text').fill(feedback);
    await f.getByTestId('report-feedback-form-save').click();
    await expect.poll(() => item.getByTestId('report-feedback-item').count()).toBe(1);
    expect(await item.getByTestId('report-feedback-none').count()).toBe(0);
    expect(await item.getByTestId('report-feedback-item').textContent()).toContain(feedback);
    expect(await item.getByTestId('report-feedback-item').textContent()).toContain(`Ontvangen op ${dutch(schoolDay())} · vastgelegd door Yasmina El Amrani`);
    expect(await item.getByTestId('report-feedback-open').textContent()).toBe('Nog een terugkoppeling vastleggen');
    const entry = yasmina.locator('[data-testid="timeline-entry"][data-kind="report-feedback"]');
    await expect.poll(() => entry.count()).toBe(1);
    expect(await entry.textContent()).toContain(feedback);
    await expectAccessible(yasmina, 'report with its feedback');
    await scrollToTop(panel(yasmina));
    await yasmina.screenshot({ path: '/tmp/report-feedback.png' });

    // In English, the panel and the domain's ground follow the language.
    await yasmina.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => panel(yasmina).getByRole('heading', { level: 4 }).textContent()).toBe('Report to Veilig Thuis');
    expect(await item.getByTestId('report-facts').textContent()).toContain(INFORM_EXCEPTION_GROUND_LABELS['danger-to-child-or-family'].en);
    expect(await item.getByTestId('report-feedback-open').textContent()).toBe('Record more feedback');
    await yasmina.getByRole('button', { name: 'Nederlands' }).click();
    await expect.poll(() => panel(yasmina).getByRole('heading', { level: 4 }).textContent()).toBe('Melding bij Veilig Thuis');
  });

  it('e. the teacher on the case sees the report, but no form to report', async () => {
    await openCase(sanne, 'reasons');
    const item = panel(sanne).getByTestId('report-item');
    expect(await item.count()).toBe(1);
    expect(await item.getByTestId('report-facts').textContent()).toContain('VT-2026-0412');
    expect(await item.getByTestId('report-feedback-item').count()).toBe(1);
    expect(await panel(sanne).getByTestId('report-open').count()).toBe(0);
    expect(await panel(sanne).getByTestId('report-form').count()).toBe(0);
    await expectAccessible(sanne, 'report for the teacher');

    // The server agrees: the teacher cannot report, nor run the check.
    const refused = await sanne.request.post(`${e2e.url}/api/cases/${caseIds.get('reasons')}/report/check`, {
      headers: { Origin: e2e.url },
      data: {
        reportedOn: schoolDay(),
        how: 'phone',
        whatReported: WHAT_REPORTED,
        anonymityRequested: false,
        parentsInformed: true,
        parentsInformedOn: schoolDay(),
        acute: true,
      },
    });
    expect([403, 404]).toContain(refused.status());
    expect(e2e.pageErrors.flat()).toEqual([]);
  });
});

import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CONVERSATION_KIND_LABELS, NOT_HOLDING_GROUND_LABELS, PRACTICAL_ADVICE } from '../../src/domain/cases/parent-conversation.js';
import { expectAccessible } from '../support/browser.js';
import { REGENBOOG } from '../support/demo-app.js';
import { formTeam, openCaseStep, schoolDay, startCase } from '../support/e2e-cases.js';
import { useMeldpadInBrowser } from '../support/e2e-harness.js';
import { chromiumAvailable } from '../support/environment.js';
import { addHousehold, addPupil } from '../support/pupil-fixtures.js';

/** The first Friday after today. */
function nextFriday(): string {
  for (let offset = 1; offset <= 7; offset++) {
    const day = schoolDay(offset);
    if (new Date(`${day}T12:00:00Z`).getUTCDay() === 5) return day;
  }
  throw new Error('no Friday in a week');
}

const PUPILS = [
  { key: 'talk', callName: 'Noor', surname: 'Oudergesprek', pupilNumber: '89101', group: 'Groep 3 Vossen' },
  { key: 'unreachable', callName: 'Sem', surname: 'Oudergesprek', pupilNumber: '89102', group: 'Groep 4 Egels' },
] as const;
type CaseKey = (typeof PUPILS)[number]['key'];

const advice = (id: string) => PRACTICAL_ADVICE.find((a) => a.id === id)!.text.nl;
const ZIENSWIJZE = 'Moeder zegt: "Het gaat thuis niet goed sinds papa zijn werk kwijt is. Ik wil hulp, maar ik schaam me."';

describe.skipIf(!chromiumAvailable())('step 4, the conversation with the parents, on the case page', () => {
  const pupilIds = new Map<CaseKey, string>();
  const caseIds = new Map<CaseKey, string>();
  let yasmina: Page; // the IB'er, casushouder
  const e2e = useMeldpadInBrowser({
    prefix: 'meldpad-e2e-parent-conversation-',
    viewport: { width: 1366, height: 768 },
    seed: async (ctx, clock) => {
      const t = { ctx, clock } as never;
      for (const pupil of PUPILS) {
        const id = await addPupil(t, REGENBOOG, pupil.group, { callName: pupil.callName, surname: pupil.surname, pupilNumber: pupil.pupilNumber });
        pupilIds.set(pupil.key, id);
        await addHousehold(t, [id], [{ name: `Ingrid ${pupil.surname}` }, { name: `Karim ${pupil.surname}` }]);
      }
    },
  });
  const { account, newPage, signIn } = e2e;

  async function openStep4(page: Page, key: CaseKey): Promise<void> {
    await openCaseStep(e2e.url, page, caseIds.get(key), 4, 'parent-conversation-panel');
  }

  function panel(page: Page): Locator {
    return page.getByTestId('parent-conversation-panel');
  }

  /** Scrolls an element's top to just below the band that stays in view at the top of the page. */
  async function scrollToTop(target: Locator): Promise<void> {
    await target.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await target.page().evaluate('window.scrollBy(0, -90)');
  }

  async function post(path: string, data: unknown) {
    return yasmina.request.post(`${e2e.url}${path}`, { headers: { Origin: e2e.url }, data });
  }

  it('a. the teacher starts two cases; the IB’er forms the team as casushouder', async () => {
    const sanne = await newPage();
    await signIn(sanne, account('teacher'));
    yasmina = await newPage();
    await signIn(yasmina, account('ib'));
    for (const pupil of PUPILS) {
      const caseId = await startCase(e2e.url, sanne, pupilIds.get(pupil.key)!, {
        source: 'child-told',
        description: `${pupil.callName} vertelde dat het thuis onrustig is en dat er vaak geschreeuwd wordt.`,
      });
      caseIds.set(pupil.key, caseId);
      await formTeam(e2e.url, yasmina, caseId, ['Yasmina El Amrani', 'Sanne de Wit']);
    }
  });

  it('b. the IB’er prepares the talk with the decision aid; a Friday brings the "not on a Friday" note', async () => {
    await openStep4(yasmina, 'talk');
    expect(await panel(yasmina).getByTestId('parent-plan-summary').textContent()).toContain('Het gesprek is nog niet voorbereid.');
    await panel(yasmina).getByTestId('parent-plan-open').click();
    const form = panel(yasmina).getByTestId('parent-plan-form');
    await expect.poll(() => form.count()).toBe(1);
    await expect.poll(() => yasmina.evaluate('document.activeElement?.id')).toBe('parent-plan-answers-trust-yes');

    // Saving nothing: each question asks for its answer, at its place.
    await form.getByTestId('parent-plan-form-save').click();
    await expect.poll(async () => (await form.textContent())?.includes('Kies ja, nee of weet ik nog niet.')).toBe(true);
    expect(await form.textContent()).toContain('Kies wie het gesprek voert.');
    expect(await form.textContent()).toContain('Kies wat voor soort gesprek het wordt.');

    // The school's questions, in its words.
    for (const question of ['Is er een vertrouwensrelatie met de ouders?', 'Kan het gesprek alleen gevoerd worden?', 'Voor het kind, na het gesprek']) {
      expect(await form.textContent()).toContain(question);
    }
    for (const [id, answer] of [
      ['trust', 'yes'],
      ['alone', 'no'],
      ['safe-staff-during', 'yes'],
      ['safe-staff-after', 'yes'],
      ['safe-child-during', 'yes'],
      ['safe-child-after', 'unknown'],
    ] as const) {
      await form.locator(`#parent-plan-answers-${id}-${answer}`).check();
    }
    await form.locator('#parent-plan-teacherToolsAndExperience').fill('Sanne heeft de training gespreksvoering gevolgd.');
    await form.getByRole('radio', { name: CONVERSATION_KIND_LABELS.suspicion.nl }).check();
    await form.getByRole('checkbox', { name: /Yasmina El Amrani/ }).check();
    await form.getByRole('checkbox', { name: /Sanne de Wit/ }).check();
    expect(await form.textContent()).toContain('Samen (2)');
    await form.locator('#parent-plan-reasoning').fill('Moeder heeft een goede band met Sanne; Yasmina leidt het gesprek zodat Sanne neutraal blijft.');

    // A Friday: the advice beside the form marks "not on a Friday", gently.
    const notBeforeWeekend = form.locator('[data-testid="parent-plan-advice-item"][data-advice="not-before-weekend"]');
    expect(await notBeforeWeekend.getAttribute('data-open')).toBe('false');
    await form.getByTestId('parent-plan-date').fill(nextFriday());
    await expect.poll(() => notBeforeWeekend.getAttribute('data-open')).toBe('true');
    expect(await notBeforeWeekend.textContent()).toContain('Let op');
    expect(await form.locator('[data-testid="parent-plan-advice-item"][data-advice="with-colleague"]').getAttribute('data-open')).toBe('false');
    await expectAccessible(yasmina, 'the plan form');
    expect(await form.textContent()).not.toContain('Kies ja, nee of weet ik nog niet.');
    await scrollToTop(form.getByTestId('parent-plan-date'));
    await yasmina.screenshot({ path: '/tmp/parent-conversation.png' });
    await scrollToTop(form);
    await yasmina.screenshot({ path: '/tmp/parent-conversation-form-top.png' });

    // The server checks the same: a plan without holders is no plan.
    const refused = await post(`/api/cases/${caseIds.get('talk')}/entries`, {
      kind: 'parent-conversation-plan',
      body: {
        answers: { trust: 'yes', alone: 'yes', 'safe-staff-during': 'yes', 'safe-staff-after': 'yes', 'safe-child-during': 'yes', 'safe-child-after': 'yes' },
        teacherToolsAndExperience: '',
        kind: 'suspicion',
        holders: [],
        reasoning: 'x',
        plannedOn: null,
        interpreterNeeded: false,
        interpreterArranged: false,
        childDisclosed: false,
        safetyAgreementsPlanned: false,
      },
    });
    expect(refused.status()).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: 'parent-plan-holders-required', field: 'holders' } });

    await form.getByTestId('parent-plan-form-save').click();
    await expect.poll(() => form.count()).toBe(0);
    const summary = panel(yasmina).getByTestId('parent-plan-summary');
    expect(await panel(yasmina).textContent()).toContain('De voorbereiding van het gesprek is opgeslagen.');
    expect(await summary.textContent()).toContain(CONVERSATION_KIND_LABELS.suspicion.nl);
    expect(await summary.textContent()).toContain('Samen (2): Yasmina El Amrani');
    const note = summary.getByTestId('parent-plan-advice-note');
    expect(await note.textContent()).toContain(advice('not-before-weekend'));
    expect(await note.textContent()).toContain('Eén tip wordt in deze voorbereiding nog niet gevolgd.');
  });

  it('c. the IB’er records the conversation with the parents’ zienswijze; the server asks for the verwijsindex part at its field', async () => {
    await panel(yasmina).getByTestId('parent-record-open').click();
    const form = panel(yasmina).getByTestId('parent-record-form');
    await expect.poll(() => form.count()).toBe(1);
    // "Held by" starts with the holders of the plan.
    expect(await form.locator('#parent-record-heldBy').inputValue()).toBe('Yasmina El Amrani, Sanne de Wit');
    await form.getByRole('checkbox', { name: 'Ingrid Oudergesprek' }).check();
    await form.getByTestId('parent-record-summary').fill('Gesprek op school met moeder. Yasmina benoemde wat Noor had verteld.');
    await form.getByTestId('parent-record-concernsDiscussed').fill('Noor vertelde dat er thuis vaak geschreeuwd wordt.');
    await form.getByTestId('parent-record-missingInformationAsked').fill('Gevraagd naar de thuissituatie; vader is sinds twee maanden werkloos.');
    await form.getByTestId('parent-record-zienswijze').fill(ZIENSWIJZE);
    await form.getByTestId('parent-record-helpOffered').fill('Gesprekken met de schoolmaatschappelijk werker.');
    await form.getByRole('radio', { name: 'Ouders denken erover na' }).check();
    await form.getByRole('checkbox', { name: /verdere verloop/ }).check();

    // The school uses a verwijsindex: the server asks for that part, at its box; nothing typed is lost.
    await form.getByTestId('parent-record-form-save').click();
    await expect.poll(() => form.locator('#parent-record-step4-informedAboutRiskIndex').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => yasmina.evaluate('document.activeElement?.id')).toBe('parent-record-step4-informedAboutRiskIndex');
    expect(await form.getByTestId('parent-record-zienswijze').inputValue()).toBe(ZIENSWIJZE);
    await expectAccessible(yasmina, 'the record form with a server error');

    await form.getByRole('checkbox', { name: /verwijsindex/ }).check();
    await form.getByTestId('parent-record-form-save').click();
    await expect.poll(() => form.count()).toBe(0);
    const item = panel(yasmina).getByTestId('parent-record-item');
    expect(await item.count()).toBe(1);
    expect(await item.textContent()).toContain(ZIENSWIJZE);

    // The timeline shows the plan and the conversation, with the step-4 parts.
    const plan = yasmina.locator('[data-testid="timeline-entry"][data-kind="parent-conversation-plan"]');
    expect(await plan.textContent()).toContain('Plan gesprek met ouders');
    expect(await plan.textContent()).toContain(advice('not-before-weekend'));
    const talk = yasmina.locator('[data-testid="timeline-entry"][data-kind="parent-conversation"]');
    expect(await talk.textContent()).toContain('De zienswijze van de ouders, in hun eigen woorden');
    expect(await talk.textContent()).toContain(ZIENSWIJZE);
    expect(await talk.textContent()).toContain('Ouders denken erover na');
    // Both can be corrected, with the form they were made with.
    expect(await plan.getByTestId('entry-correct').count()).toBe(1);
    await talk.getByTestId('entry-correct').click();
    await expect.poll(() => talk.getByTestId('parent-record-form').count()).toBe(1);
    expect(await talk.getByTestId('parent-record-zienswijze').inputValue()).toBe(ZIENSWIJZE);
    await expectAccessible(yasmina, 'step 4 with a plan and a conversation');
    await panel(yasmina).screenshot({ path: '/tmp/parent-conversation-panel.png' });
  });

  it('d. on the second case: "not held" because the parents cannot be reached needs two attempts on different days', async () => {
    await openStep4(yasmina, 'unreachable');
    await panel(yasmina).getByTestId('parent-not-held-open').click();
    const form = panel(yasmina).getByTestId('parent-not-held-form');
    await expect.poll(() => form.count()).toBe(1);
    for (const label of Object.values(NOT_HOLDING_GROUND_LABELS)) expect(await form.getByRole('radio', { name: label.nl }).count()).toBe(1);
    await form.getByRole('radio', { name: NOT_HOLDING_GROUND_LABELS['parents-unreachable'].nl }).check();
    await form.locator('#parent-not-held-attempts-0-on').fill(schoolDay(-3));
    await form.locator('#parent-not-held-attempts-0-means').selectOption('phone');
    await form.locator('#parent-not-held-reasoning').fill('Vader en moeder nemen de telefoon niet op en reageren niet op berichten.');
    await form.locator('#parent-not-held-reconsiderOn').fill(schoolDay(7));

    // One attempt: the message is at the attempts, and the server says the same.
    await form.getByTestId('parent-not-held-form-save').click();
    const error = form.getByTestId('parent-not-held-attempts-error');
    await expect.poll(() => error.count()).toBe(1);
    expect(await error.textContent()).toContain('Er zijn minstens 2 pogingen nodig op verschillende dagen; nu zijn het er 1.');
    await expect.poll(() => yasmina.evaluate('document.activeElement?.id')).toBe('parent-not-held-attempts-0-on');
    const refused = await post(`/api/cases/${caseIds.get('unreachable')}/entries`, {
      kind: 'parent-conversation-not-held',
      body: { ground: 'parents-unreachable', reasoning: 'Niet bereikbaar.', reconsiderOn: schoolDay(7), attempts: [{ on: schoolDay(-3), means: 'phone' }] },
    });
    expect(refused.status()).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: 'parent-not-held-too-few-attempts', field: 'attempts' } });
    await expectAccessible(yasmina, 'the not-held form with too few attempts');

    await form.getByTestId('parent-not-held-add-attempt').click();
    await form.locator('#parent-not-held-attempts-1-on').fill(schoolDay(-1));
    await form.locator('#parent-not-held-attempts-1-means').selectOption('home-visit');
    await form.getByTestId('parent-not-held-form-save').click();
    await expect.poll(() => form.count()).toBe(0);
    const summary = panel(yasmina).getByTestId('parent-not-held-summary');
    expect(await summary.textContent()).toContain(NOT_HOLDING_GROUND_LABELS['parents-unreachable'].nl);

    const entry = yasmina.locator('[data-testid="timeline-entry"][data-kind="parent-conversation-not-held"]');
    expect(await entry.textContent()).toContain('Geen gesprek met ouders');
    expect(await entry.textContent()).toContain('Huisbezoek');
    expect(await entry.textContent()).toContain('Telefoon');
    await expectAccessible(yasmina, 'step 4 with the conversation not held');
  });

  it('e. the casushouder records the verwijsindex registration: the date only, active for two years', async () => {
    await openStep4(yasmina, 'talk');
    const block = yasmina.getByTestId('risk-index');
    expect(await block.textContent()).toContain('Registratie in SISA');
    expect(await block.getByTestId('risk-index-none').count()).toBe(1);
    await block.getByTestId('risk-index-open').click();
    await block.getByTestId('risk-index-date').fill(schoolDay(0));
    await block.getByRole('button', { name: 'Registratie vastleggen' }).click();
    await expect.poll(() => block.getByTestId('risk-index-current').count()).toBe(1);
    const twoYearsOn = `${Number(schoolDay(0).slice(0, 4)) + 2}`;
    expect(await block.getByTestId('risk-index-current').textContent()).toContain(twoYearsOn);
    expect(await yasmina.locator('[data-testid="timeline-entry"][data-kind="risk-index-registration"]').count()).toBe(1);
    await expectAccessible(yasmina, 'step 4 with the verwijsindex registration');
  });
});

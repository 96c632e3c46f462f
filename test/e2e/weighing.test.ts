import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/browser.js';
import { REGENBOOG } from '../support/demo-app.js';
import { decideToReport, dutch, formTeam, openCaseStep, schoolDay, startCase } from '../support/e2e-cases.js';
import { useMeldpadInBrowser } from '../support/e2e-harness.js';
import { chromiumAvailable } from '../support/environment.js';
import { addPupil } from '../support/pupil-fixtures.js';

type Answer = 'Ja' | 'Nee' | 'Twijfel';
const VALUE: Record<Answer, string> = { Ja: 'yes', Nee: 'no', Twijfel: 'doubt' };

/** Each answer is a card: a click anywhere on it chooses it, as a person does. */
async function choose(form: Locator, choice: Answer): Promise<void> {
  await form.locator(`label[for$="-answer-${VALUE[choice]}"]`).click();
  expect(await form.getByRole('radio', { name: new RegExp(`^${choice}(?![a-z])`) }).isChecked()).toBe(true);
}

// Names no demo pupil has, so the test holds whether or not the demo board comes with pupils.
const PUPILS = [
  { key: 'closed', callName: 'Noor', surname: 'Afweging', pupilNumber: '88001', group: 'Groep 3 Vossen' },
  { key: 'help', callName: 'Jesse', surname: 'Afweging', pupilNumber: '88002', group: 'Groep 3 Vossen' },
  { key: 'back', callName: 'Fenna', surname: 'Afweging', pupilNumber: '88003', group: 'Groep 4 Egels' },
  { key: 'escalated', callName: 'Ravi', surname: 'Afweging', pupilNumber: '88004', group: 'Groep 4 Egels' },
] as const;
type CaseKey = (typeof PUPILS)[number]['key'];

describe.skipIf(!chromiumAvailable())('the afwegingskader of step 5 on the case page', () => {
  const pupilIds = new Map<CaseKey, string>();
  const caseIds = new Map<CaseKey, string>();
  let sanne: Page; // the teacher who signalled, on every team
  let yasmina: Page; // the IB'er, casushouder of every case
  const e2e = useMeldpadInBrowser({
    prefix: 'meldpad-e2e-weighing-',
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
    await openCaseStep(e2e.url, page, caseIds.get(key), 5, 'weighing-panel');
  }

  function panel(page: Page): Locator {
    return page.getByTestId('weighing-panel');
  }

  function path(page: Page): Locator {
    return panel(page).getByTestId('weighing-step');
  }

  async function outcome(page: Page): Promise<[string | null, string | null]> {
    const box = panel(page).getByTestId('weighing-outcome');
    return [await box.getAttribute('data-kind'), await box.getByTestId('weighing-outcome-value').textContent()];
  }

  /** Answers the question the form shows, and waits until the path has one more answer in force (going back: until `done`). */
  async function answer(page: Page, choice: Answer, reasoning: string, options: { term?: string; unsafety?: string; done?: () => Promise<boolean> } = {}): Promise<void> {
    const form = panel(page).getByTestId('weighing-form');
    const before = await path(page).count();
    await choose(form, choice);
    if (options.unsafety) await form.getByRole('radio', { name: options.unsafety }).check();
    await form.getByTestId('weighing-reasoning').fill(reasoning);
    if (options.term) await form.getByTestId('weighing-term').fill(options.term);
    await form.getByTestId('weighing-form-save').click();
    if (options.done) await expect.poll(options.done).toBe(true);
    else await expect.poll(() => path(page).count()).toBe(before + 1);
  }

  it('a. the teacher starts four cases; the IB’er forms each team and becomes casushouder', async () => {
    sanne = await newPage();
    await signIn(sanne, account('teacher'));
    yasmina = await newPage();
    await signIn(yasmina, account('ib'));
    for (const pupil of PUPILS) {
      const caseId = await startCase(e2e.url, sanne, pupilIds.get(pupil.key)!, {
        source: 'own-observation',
        description: `${pupil.callName} kwam drie dagen achter elkaar zonder ontbijt en met dezelfde kleren op school.`,
      });
      caseIds.set(pupil.key, caseId);
      await formTeam(e2e.url, yasmina, caseId, ['Yasmina El Amrani', 'Sanne de Wit', 'Kees Doğan']);
    }
    // One case goes straight to a report in step 3.
    await decideToReport(e2e.url, yasmina, caseIds.get('escalated')!, 'Ravi vertelt dat hij thuis met een riem wordt geslagen; er zijn striemen op zijn rug.');
  });

  it('b. Q1 no closes the weighing: no suspicion; reasoning is required at its field', async () => {
    await openCase(yasmina, 'closed');
    expect(await outcome(yasmina)).toEqual(['open', 'Open']);
    expect(await path(yasmina).count()).toBe(0);
    const form = panel(yasmina).getByTestId('weighing-form');
    expect(await form.getByRole('heading', { level: 4 }).textContent()).toBe('Vraag 1 · Vermoeden');
    expect(await form.locator('legend').first().textContent()).toContain('een vermoeden van (dreiging van) huiselijk geweld of kindermishandeling');
    // Q1 takes yes and no only, each saying where it leads.
    expect(await form.getByRole('radio').count()).toBe(2);
    expect(await form.getByRole('radio', { name: /^Nee/ }).getAttribute('aria-describedby')).toBeTruthy();
    expect(await form.textContent()).toContain('de meldcode wordt afgesloten');
    // The team is filled in as participants; the date is today.
    const participants = form.getByTestId('weighing-participants').locator('input');
    expect(await participants.evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value).sort())).toEqual(['Kees Doğan', 'Sanne de Wit', 'Yasmina El Amrani']);
    expect(await form.getByTestId('weighing-answered-on').inputValue()).toBe(schoolDay());

    // Without reasoning the form says so at the field, and keeps the answer chosen.
    await choose(form, 'Nee');
    await form.getByTestId('weighing-form-save').click();
    await expect.poll(() => form.getByTestId('weighing-reasoning').getAttribute('aria-invalid')).toBe('true');
    expect(await form.textContent()).toContain('Schrijf op waarom u dit antwoord geeft.');
    expect(await form.getByRole('radio', { name: /^Nee/ }).isChecked()).toBe(true);
    await expect.poll(() => form.getByTestId('weighing-reasoning').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await expectAccessible(yasmina, 'weighing form with a missing reasoning');

    await form.getByTestId('weighing-reasoning').fill('Het ontbijt bleek geregeld via de naschoolse opvang; moeder had nachtdiensten. Geen vermoeden meer.');
    await form.getByTestId('weighing-form-save').click();
    await expect.poll(() => path(yasmina).count()).toBe(1);
    expect(await outcome(yasmina)).toEqual(['closed-no-suspicion', 'Afgesloten: geen vermoeden']);
    const q1 = path(yasmina).first();
    expect([await q1.getAttribute('data-question'), await q1.getAttribute('data-answer')]).toEqual(['q1', 'no']);
    expect(await q1.getByTestId('weighing-explanation').textContent()).toContain('De meldcode wordt afgesloten');
    expect(await q1.textContent()).toContain('Vastgelegd door Yasmina El Amrani');
    // The weighing has ended: no next question, no form.
    expect(await panel(yasmina).getByTestId('weighing-next').count()).toBe(0);
    expect(await panel(yasmina).getByTestId('weighing-form').count()).toBe(0);
    expect(await panel(yasmina).textContent()).toContain('De afweging is afgerond.');
    await expectAccessible(yasmina, 'weighing closed at Q1');
  });

  it('c. Q1 yes, Q2 no, Q3 and Q4 yes with a term: help started; Q5 yes: aftercare', async () => {
    await openCase(yasmina, 'help');
    await answer(yasmina, 'Ja', 'Drie signalen in een week, en de uitleg van vader sluit niet aan op wat Jesse vertelt.');
    expect(await outcome(yasmina)).toEqual(['open', 'Open']);

    // Q2: three answers, the definitions of acute and structural unsafety and "doubt counts as yes" in its help.
    const form = panel(yasmina).getByTestId('weighing-form');
    expect(await form.getByRole('heading', { level: 4 }).textContent()).toBe('Vraag 2 · Veiligheid');
    expect(await form.getByRole('radio').count()).toBe(3);
    const help = form.getByTestId('weighing-help');
    await help.locator(':scope > summary').click();
    expect(await help.textContent()).toContain('Iemand is in direct lichamelijk gevaar');
    expect(await help.textContent()).toContain('Structurele onveiligheid');
    expect(await help.textContent()).toContain('Twijfel telt als ja');
    // A yes asks which unsafety; a no does not.
    await choose(form, 'Ja');
    await expect.poll(() => form.getByRole('radio', { name: 'Acute onveiligheid' }).count()).toBe(1);
    await expectAccessible(yasmina, 'Q2 with its help open and the kinds of unsafety');
    await form.screenshot({ path: '/tmp/weighing-form-q2.png' });
    await answer(yasmina, 'Nee', 'Er is eten en onderdak; de situatie is zorgelijk maar niet acuut of structureel onveilig.');
    expect(await form.getByRole('radio', { name: 'Acute onveiligheid' }).count()).toBe(0);

    // Q3: what effective help means in a school; a yes needs the term.
    expect(await form.getByRole('heading', { level: 4 }).textContent()).toBe('Vraag 3 · Hulp');
    expect(await form.getByTestId('weighing-help').textContent()).toContain('De groepsleerkracht is niet degene die deze hulp biedt.');
    expect(await form.getByTestId('weighing-term').count()).toBe(0);
    await choose(form, 'Ja');
    await form.getByTestId('weighing-reasoning').fill('De SMW start gesprekken met de ouders; het wijkteam kan ondersteunen.');
    await form.getByTestId('weighing-form-save').click();
    await expect.poll(() => form.getByTestId('weighing-term').getAttribute('aria-invalid')).toBe('true');
    expect(await form.textContent()).toContain('Vul de termijn in.');
    const term3 = schoolDay(42);
    await form.getByTestId('weighing-term').fill(term3);
    await form.getByTestId('weighing-form-save').click();
    await expect.poll(() => path(yasmina).count()).toBe(3);
    expect(await path(yasmina).nth(2).getByTestId('weighing-term-text').textContent()).toBe(`tot en met ${dutch(term3)}`);

    const term4 = schoolDay(56);
    await answer(yasmina, 'Ja', 'Ouders stemmen in met de gesprekken met de SMW en aanmelding bij het wijkteam.', { term: term4 });
    expect(await outcome(yasmina)).toEqual(['help-started', `Hulp gestart tot en met ${dutch(term4)}`]);
    expect(await panel(yasmina).getByTestId('weighing-report-notice').count()).toBe(0);
    expect(await path(yasmina).evaluateAll((items) => items.map((i) => `${i.getAttribute('data-question')}:${i.getAttribute('data-answer')}`))).toEqual([
      'q1:yes',
      'q2:no',
      'q3:yes',
      'q4:yes',
    ]);
    await expectAccessible(yasmina, 'weighing with help started');

    await answer(yasmina, 'Ja', 'Jesse komt weer met ontbijt op school; ouders houden zich aan de afspraken.');
    expect(await outcome(yasmina)).toEqual(['aftercare', 'Nazorg']);
    expect(await path(yasmina).last().getByTestId('weighing-explanation').textContent()).toContain('nazorg met monitoring');
    expect(await panel(yasmina).getByTestId('weighing-form').count()).toBe(0);
    await panel(yasmina).screenshot({ path: '/tmp/weighing-aftercare.png' });
  });

  it('d. going back: Q2 answered again as doubt calls for a report; the earlier answer stays under "Eerdere antwoorden"', async () => {
    await openCase(yasmina, 'back');
    await answer(yasmina, 'Ja', 'Fenna vertelt dat ze thuis vaak alleen is en bang is als vader boos wordt.');
    await answer(yasmina, 'Nee', 'Voorlopig geen aanwijzing voor acute of structurele onveiligheid.');
    expect(await panel(yasmina).getByTestId('weighing-form').getByRole('heading', { level: 4 }).textContent()).toBe('Vraag 3 · Hulp');

    // Q2 may be answered again; Q1 too; the next question (Q3) is the form below.
    const q2 = path(yasmina).nth(1);
    expect(await path(yasmina).getByTestId('weighing-reanswer').count()).toBe(2);
    await q2.getByTestId('weighing-reanswer').click();
    const form = q2.getByTestId('weighing-form');
    await expect.poll(() => form.count()).toBe(1);
    expect(await panel(yasmina).getByTestId('weighing-form').count()).toBe(1);
    expect(await form.getByRole('heading', { level: 4 }).textContent()).toBe('Vraag 2 opnieuw beantwoorden · Veiligheid');
    expect(await form.getByTestId('weighing-going-back').textContent()).toContain('blijven in het dossier, maar tellen niet meer mee');
    await answer(yasmina, 'Twijfel', 'Na een tweede gesprek: Fenna beschrijft dat vader haar vastpakt. Twijfel over de veiligheid thuis.', {
      done: async () => (await path(yasmina).nth(1).getAttribute('data-answer')) === 'doubt',
    });

    expect(await outcome(yasmina)).toEqual(['report', 'Melden']);
    const notice = panel(yasmina).getByTestId('weighing-report-notice');
    expect(await notice.textContent()).toContain('Melden bij Veilig Thuis is nu de stap om te zetten');
    expect(await notice.textContent()).toMatch(/meldt bij Veilig Thuis .*0800-2000/);
    const doubt = path(yasmina).nth(1);
    expect([await doubt.getAttribute('data-answer'), await doubt.getAttribute('data-report')]).toEqual(['doubt', 'true']);
    expect(await doubt.getByTestId('weighing-report-marker').textContent()).toContain('Meldnorm 1: melden bij Veilig Thuis');
    expect(await doubt.getByTestId('weighing-explanation').textContent()).toContain('In het onderwijs telt twijfel als ja');

    // The earlier Q2 answer is kept, behind the disclosure, no longer counting.
    const earlier = panel(yasmina).getByTestId('weighing-superseded');
    expect(await earlier.locator(':scope > summary').textContent()).toBe('Eerdere antwoorden (teruggegaan): 1');
    await earlier.locator(':scope > summary').click();
    const item = earlier.getByTestId('weighing-superseded-item');
    expect([await item.getAttribute('data-question'), await item.getAttribute('data-answer')]).toEqual(['q2', 'no']);
    expect(await item.textContent()).toContain('Voorlopig geen aanwijzing');
    expect(await item.textContent()).toContain('Telt niet meer mee');

    // Q3 is next, together with Veilig Thuis: said in the form, the box ticked already.
    const next = panel(yasmina).getByTestId('weighing-form');
    expect(await next.getByRole('heading', { level: 4 }).textContent()).toBe('Vraag 3 · Hulp');
    expect(await next.textContent()).toContain('samen met Veilig Thuis');
    expect(await next.getByTestId('weighing-veilig-thuis').isChecked()).toBe(true);
    expect(await panel(yasmina).getByTestId('weighing-outcome').textContent()).toContain('samen met Veilig Thuis');
    await expectAccessible(yasmina, 'weighing after going back, report required');

    // The panel from its top, below the band that stays in view.
    await panel(yasmina).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await yasmina.screenshot({ path: '/tmp/weighing.png' });
    await panel(yasmina).screenshot({ path: '/tmp/weighing-panel.png' });

    // In English, the domain's texts follow the language.
    await yasmina.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => doubt.getByTestId('weighing-explanation').textContent()).toContain('In education doubt counts as yes');
    expect(await doubt.getByTestId('weighing-answer').textContent()).toBe('Doubt');
    expect(await panel(yasmina).getByTestId('weighing-outcome-value').textContent()).toBe('Report');
    await expectAccessible(yasmina, 'weighing in English');
    await yasmina.getByRole('button', { name: 'Nederlands' }).click();
    await expect.poll(() => panel(yasmina).getByTestId('weighing-outcome-value').textContent()).toBe('Melden');
  });

  it('e. step 3’s "report at once" stands in the path as Q1 and Q2 yes, marked as from that decision', async () => {
    await openCase(yasmina, 'escalated');
    expect(await path(yasmina).evaluateAll((items) => items.map((i) => `${i.getAttribute('data-question')}:${i.getAttribute('data-answer')}`))).toEqual(['q1:yes', 'q2:yes']);
    for (const step of await path(yasmina).all()) {
      expect(await step.getByTestId('weighing-from-escalation').textContent()).toBe('uit het besluit in stap 3');
      // The decision names its maker by account: the page shows the name.
      expect(await step.getByTestId('weighing-participants-text').textContent()).toBe('Yasmina El Amrani');
      expect(await step.getByTestId('weighing-reasoning-text').textContent()).toContain('met een riem');
    }
    expect(await path(yasmina).nth(1).getByTestId('weighing-explanation').textContent()).toContain('Overgenomen uit het besluit in stap 3');
    expect(await outcome(yasmina)).toEqual(['report', 'Melden']);
    expect(await panel(yasmina).getByTestId('weighing-report-notice').count()).toBe(1);
    const form = panel(yasmina).getByTestId('weighing-form');
    expect(await form.getByRole('heading', { level: 4 }).textContent()).toBe('Vraag 3 · Hulp');
    expect(await form.getByTestId('weighing-veilig-thuis').isChecked()).toBe(true);

    // Answered together with Veilig Thuis: a no at Q3 calls for no second report.
    await answer(yasmina, 'Nee', 'Veilig Thuis neemt de situatie over; de school kan nu geen eigen hulp organiseren.');
    const q3 = path(yasmina).nth(2);
    expect(await q3.getByTestId('weighing-together').textContent()).toBe('samen met Veilig Thuis');
    expect(await q3.getAttribute('data-report')).toBe('false');
    expect(await q3.getByTestId('weighing-participants-text').textContent()).toContain('Veilig Thuis deed mee');
    expect(await panel(yasmina).getByTestId('weighing-report-notice').count()).toBe(0);
    // Q3 comes round again: the earlier Q3 is the next question, not a way back.
    expect(await panel(yasmina).getByTestId('weighing-next').getAttribute('data-question')).toBe('q3');
    expect(await q3.getByTestId('weighing-reanswer').count()).toBe(0);
    await expectAccessible(yasmina, 'weighing from the escalation');
  });

  it('f. the teacher on the team sees the path, but no form and no going back', async () => {
    await openCase(sanne, 'back');
    expect(await path(sanne).count()).toBe(2);
    expect(await outcome(sanne)).toEqual(['report', 'Melden']);
    expect(await panel(sanne).getByTestId('weighing-form').count()).toBe(0);
    expect(await panel(sanne).getByTestId('weighing-reanswer').count()).toBe(0);
    expect(await panel(sanne).getByTestId('weighing-next').textContent()).toContain('De casushouder of de IB’er legt het antwoord vast.');
    expect(await panel(sanne).getByTestId('weighing-report-notice').count()).toBe(1);
    await expectAccessible(sanne, 'weighing for the teacher');

    // The server agrees: for the teacher there is nothing to answer (as with the decision: 404).
    const refused = await sanne.request.post(`${e2e.url}/api/cases/${caseIds.get('back')}/weighing`, {
      headers: { Origin: e2e.url },
      data: { question: 'q3', answer: 'yes', reasoning: 'x', answeredOn: schoolDay(), participants: ['Sanne de Wit'], veiligThuisTookPart: false, termUntil: schoolDay(30) },
    });
    expect(refused.status()).toBe(404);
    expect(e2e.pageErrors.flat()).toEqual([]);
  });
});

import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/browser.js';
import { REGENBOOG } from '../support/demo-app.js';
import { formTeam, openCaseStep, schoolDay, startCase } from '../support/e2e-cases.js';
import { useMeldpadInBrowser } from '../support/e2e-harness.js';
import { chromiumAvailable } from '../support/environment.js';
import { addPupil } from '../support/pupil-fixtures.js';

// A name no demo pupil has, so the test holds whether or not the demo board comes with pupils.
const PUPIL = { callName: 'Mila', surname: 'Nazorg', pupilNumber: '89001', group: 'Groep 3 Vossen' };

describe.skipIf(!chromiumAvailable())('aftercare (step 6) on the case page', () => {
  let pupilId = '';
  let caseId = '';
  let sanne: Page; // the teacher who signalled and keeps monitoring
  let yasmina: Page; // the IB'er, casushouder
  const ids = new Map<string, string>();
  const e2e = useMeldpadInBrowser({
    prefix: 'meldpad-e2e-aftercare-',
    // A laptop at school: 1366 × 768, a Dutch browser.
    viewport: { width: 1366, height: 768 },
    seed: async (ctx, clock) => {
      pupilId = await addPupil({ ctx, clock } as never, REGENBOOG, PUPIL.group, { callName: PUPIL.callName, surname: PUPIL.surname, pupilNumber: PUPIL.pupilNumber });
    },
  });
  const { account, newPage, signIn } = e2e;

  function panel(page: Page): Locator {
    return page.getByTestId('aftercare-panel');
  }

  async function openCase(page: Page): Promise<void> {
    await openCaseStep(e2e.url, page, caseId, 6, 'aftercare-panel');
  }

  it('a. the teacher starts a case; the IB’er forms the team and the afwegingskader ends in aftercare', async () => {
    sanne = await newPage();
    await signIn(sanne, account('teacher'));
    yasmina = await newPage();
    await signIn(yasmina, account('ib'));
    caseId = await startCase(e2e.url, sanne, pupilId, { source: 'own-observation', description: 'Mila komt al een week moe en stil op school en eet haar lunch niet op.' });
    // The IB'er (casushouder), the teacher, and the school social worker who stays involved.
    const people = await formTeam(e2e.url, yasmina, caseId, ['Yasmina El Amrani', 'Sanne de Wit', 'Kees Doğan']);
    for (const p of people) ids.set(p.name, p.userId);

    const term = schoolDay(42);
    const answers: [string, string, Record<string, unknown>][] = [
      ['q1', 'yes', {}],
      ['q2', 'no', {}],
      ['q3', 'yes', { termUntil: term }],
      ['q4', 'yes', { termUntil: term }],
      ['q5', 'yes', {}],
    ];
    for (const [question, answer, extra] of answers) {
      const posted = await yasmina.request.post(`${e2e.url}/api/cases/${caseId}/weighing`, {
        headers: { Origin: e2e.url },
        data: { question, answer, reasoning: `Afweging ${question} met het team.`, answeredOn: schoolDay(), participants: ['Yasmina El Amrani', 'Sanne de Wit'], veiligThuisTookPart: false, ...extra },
      });
      expect(posted.status(), await posted.text()).toBe(201);
    }
    const page = (await (await yasmina.request.get(`${e2e.url}/api/cases/${caseId}`)).json()) as { case: { step: number; phase: string }; weighing: { outcome: { kind: string } } };
    expect(page.case).toMatchObject({ step: 6, phase: 'monitoring' });
    expect(page.weighing.outcome.kind).toBe('aftercare');
  });

  it('b. the teacher records what she sees; the principle "de leerling blijft centraal" is shown', async () => {
    await openCase(sanne);
    expect(await sanne.getByTestId('aftercare-principles').textContent()).toContain('De leerling blijft centraal.');
    expect(await panel(sanne).getByTestId('aftercare-closes').textContent()).toContain('Plan daarom ten minste één evaluatie');
    await panel(sanne).getByTestId('aftercare-monitoring-open').click();
    const form = sanne.getByTestId('monitoring-form');
    expect(await form.getByLabel('Datum van de waarneming').inputValue()).toBe(schoolDay());
    // Nothing chosen: the form says so at the field.
    await form.getByTestId('monitoring-form-save').click();
    await expect.poll(() => form.locator('.field-error').count()).toBe(2);
    await form.getByLabel('Gaat goed').check();
    await form.getByTestId('monitoring-observation').fill('Mila lacht weer in de kring en eet haar lunch op. Ze vertelt uit zichzelf over het weekend.');
    await form.getByTestId('monitoring-form-save').click();
    await expect.poll(() => panel(sanne).getByTestId('aftercare-note').count()).toBe(1);
    const note = panel(sanne).getByTestId('aftercare-note').first();
    expect(await note.getByTestId('wellbeing-badge').textContent()).toBe('Gaat goed');
    expect(await note.textContent()).toContain('Sanne de Wit');
    expect(await panel(sanne).textContent()).toContain('De monitoring is vastgelegd.');
    await expectAccessible(sanne, 'aftercare with a monitoring note, for the teacher');
  });

  it('c. the IB’er records who keeps in touch with whom, an agreement, and plans a review', async () => {
    await openCase(yasmina);
    await panel(yasmina).getByTestId('aftercare-contacts-open').click();
    const form = yasmina.getByTestId('contact-matrix-form');
    await form.locator('#aftercare-contacts-form-contacts-0-partner').selectOption('veilig-thuis');
    await form.locator('#aftercare-contacts-form-contacts-0-ownerUserId').selectOption(ids.get('Yasmina El Amrani')!);
    await form.getByTestId('contact-matrix-add').click();
    await form.locator('#aftercare-contacts-form-contacts-1-partner').selectOption('wijkteam');
    await form.locator('#aftercare-contacts-form-contacts-1-partnerName').fill('Wijkteam Noord');
    // No one chosen for the wijkteam yet: said at the field.
    await form.getByTestId('contact-matrix-form-save').click();
    await expect.poll(() => form.locator('#aftercare-contacts-form-contacts-1-ownerUserId-error').count()).toBe(1);
    await form.locator('#aftercare-contacts-form-contacts-1-ownerUserId').selectOption(ids.get('Kees Doğan')!);
    await expectAccessible(yasmina, 'the contact matrix form');
    await form.screenshot({ path: '/tmp/aftercare-contacts-form.png' });
    await form.getByTestId('contact-matrix-form-save').click();
    await expect.poll(() => panel(yasmina).getByTestId('contact-matrix-row').count()).toBe(2);
    const rows = panel(yasmina).getByTestId('contact-matrix-row');
    expect(await rows.nth(0).textContent()).toBe('Veilig ThuisYasmina El Amrani');
    expect(await rows.nth(1).textContent()).toBe('Wijkteam — Wijkteam NoordKees Doğan');

    await panel(yasmina).getByTestId('aftercare-agreement-open').click();
    const agreement = yasmina.getByTestId('agreement-form');
    await agreement.locator('#aftercare-agreement-what').fill('Ouders en school spreken elke maand kort af hoe het met Mila gaat.');
    await agreement.locator('#aftercare-agreement-ownerUserId').selectOption(ids.get('Sanne de Wit')!);
    await agreement.locator('#aftercare-agreement-dueOn').fill(schoolDay(28));
    await agreement.getByTestId('agreement-form-save').click();
    await expect.poll(() => panel(yasmina).getByTestId('agreements-aftercare').count()).toBe(1);

    await panel(yasmina).getByTestId('aftercare-review-plan-open').click();
    const plan = yasmina.getByTestId('review-plan-form');
    await plan.getByLabel('Datum van de evaluatie').fill(schoolDay());
    await plan.getByTestId('review-plan-form-save').click();
    await expect.poll(() => panel(yasmina).getByTestId('aftercare-review').count()).toBe(1);
    expect(await panel(yasmina).getByTestId('aftercare-review').getAttribute('data-state')).toBe('planned');
    expect(await panel(yasmina).getByTestId('aftercare-closes').textContent()).toContain('De casus blijft open tot de laatste evaluatie is gehouden');
  });

  it('d. closing is refused while the review is pending', async () => {
    await yasmina.getByTestId('case-close-open').click();
    const form = yasmina.getByTestId('case-close-form');
    await form.getByLabel('Afgerond na nazorg').check();
    await form.getByRole('button', { name: 'Casus afsluiten' }).click();
    await expect.poll(() => form.textContent()).toContain('De casus is in nazorg: sluit hem af na de laatste evaluatie.');
    expect(await yasmina.getByTestId('case-closed').count()).toBe(0);
    await expectAccessible(yasmina, 'closing refused in aftercare');
    await form.getByRole('button', { name: 'Annuleren' }).click();
  });

  it('e. the IB’er records the review as held, with its outcome', async () => {
    await panel(yasmina).getByTestId('aftercare-review-record').click();
    const form = yasmina.getByTestId('review-held-form');
    expect(await form.getByLabel('Gehouden op').inputValue()).toBe(schoolDay());
    await form.getByTestId('review-held-form-save').click();
    await expect.poll(() => form.locator('#aftercare-review-held-outcome-error').count()).toBe(1);
    await form.getByTestId('review-outcome').fill('Het gaat goed met Mila. De hulp thuis is afgerond; de nazorg kan stoppen.');
    await expectAccessible(yasmina, 'the review held form');
    await form.getByTestId('review-held-form-save').click();
    await expect.poll(() => panel(yasmina).getByTestId('aftercare-review').getAttribute('data-state')).toBe('held');
    expect(await panel(yasmina).getByTestId('aftercare-review').textContent()).toContain('Het gaat goed met Mila.');
    expect(await panel(yasmina).getByTestId('aftercare-closes').textContent()).toContain('Alle evaluaties zijn gehouden');
    await expectAccessible(yasmina, 'aftercare with everything recorded');
    await panel(yasmina).scrollIntoViewIfNeeded();
    await panel(yasmina).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await yasmina.evaluate('window.scrollBy(0, -90)');
    await yasmina.screenshot({ path: '/tmp/aftercare.png' });
    await panel(yasmina).screenshot({ path: '/tmp/aftercare-panel.png' });
  });

  it('f. the IB’er closes the case after aftercare; the panel is read-only and the timeline shows the route', async () => {
    await yasmina.getByTestId('case-close-open').click();
    const form = yasmina.getByTestId('case-close-form');
    await form.getByLabel('Afgerond na nazorg').check();
    await yasmina.getByTestId('case-close-explanation').fill('Het gaat goed met Mila; de nazorg is afgerond.');
    await form.getByRole('button', { name: 'Casus afsluiten' }).click();
    await expect.poll(() => yasmina.getByTestId('case-closed').count()).toBe(1);
    expect(await yasmina.getByTestId('case-closed').textContent()).toContain('Afgerond na nazorg');

    await openCase(yasmina);
    expect(await panel(yasmina).locator('button').count()).toBe(0);
    expect(await panel(yasmina).textContent()).toContain('De casus is gesloten; de nazorg is alleen nog te lezen.');

    const kinds = await yasmina.getByTestId('timeline-entry').evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')));
    for (const kind of ['case-started', 'team-change', 'weighing-answer', 'monitoring-note', 'contact-matrix', 'agreement', 'aftercare-review', 'case-closed']) expect(kinds, kind).toContain(kind);
    const review = yasmina.locator('[data-testid="timeline-entry"][data-kind="aftercare-review"]');
    expect(await review.getByTestId('entry-correction').textContent()).toContain('evaluatie gehouden');
    expect(await review.textContent()).toContain('Het gaat goed met Mila. De hulp thuis is afgerond');
    const matrix = yasmina.locator('[data-testid="timeline-entry"][data-kind="contact-matrix"]');
    expect(await matrix.getByTestId('contact-matrix-row').count()).toBe(2);
    const note = yasmina.locator('[data-testid="timeline-entry"][data-kind="monitoring-note"]');
    expect(await note.getByTestId('wellbeing-badge').textContent()).toBe('Gaat goed');
    await expectAccessible(yasmina, 'the closed case after aftercare');
    expect(e2e.pageErrors.flat()).toEqual([]);
  });
});

import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/browser.js';
import { REGENBOOG } from '../support/demo-app.js';
import { dutch, formTeam, openCaseStep, schoolDay, startCase } from '../support/e2e-cases.js';
import { useMeldpadInBrowser } from '../support/e2e-harness.js';
import { chromiumAvailable } from '../support/environment.js';
import { addPupil } from '../support/pupil-fixtures.js';

type Answer = 'Ja' | 'Nee' | 'Twijfel';
const VALUE: Record<Answer, string> = { Ja: 'yes', Nee: 'no', Twijfel: 'doubt' };

// Names no demo pupil has, so the test holds whether or not the demo board comes with pupils.
const PUPILS = [
  { key: 'unfounded', callName: 'Lotte', surname: 'Route', pupilNumber: '87001', group: 'Groep 3 Vossen' },
  { key: 'acute', callName: 'Sem', surname: 'Route', pupilNumber: '87002', group: 'Groep 3 Vossen' },
  { key: 'no-help', callName: 'Isa', surname: 'Route', pupilNumber: '87003', group: 'Groep 4 Egels' },
] as const;
type CaseKey = (typeof PUPILS)[number]['key'];

/** What each path writes, so the timeline can be checked for every step's entries. */
const SIGNAL = (name: string) => `${name} kwam drie dagen achter elkaar zonder ontbijt en met dezelfde kleren op school.`;
const WHAT_REPORTED =
  'Op maandag had Sem een blauwe plek van ongeveer 4 cm op zijn linker bovenarm. Hij vertelde de leerkracht dat zijn vader hem daar had vastgepakt. Op woensdag kwam hij zonder jas en zonder ontbijt op school.';

describe.skipIf(!chromiumAvailable())('three routes through the meldcode, each ending in a timeline that shows the whole route', () => {
  const pupilIds = new Map<CaseKey, string>();
  const caseIds = new Map<CaseKey, string>();
  let sanne: Page; // the teacher who signalled, on every team
  let yasmina: Page; // the IB'er, casushouder of every case
  const e2e = useMeldpadInBrowser({
    prefix: 'meldpad-e2e-routes-',
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

  function weighing(page: Page): Locator {
    return page.getByTestId('weighing-panel');
  }

  async function outcomeKind(page: Page): Promise<string | null> {
    return weighing(page).getByTestId('weighing-outcome').getAttribute('data-kind');
  }

  /** Answers the question the weighing form shows, through the form, and waits until the path has one more answer. */
  async function answer(page: Page, choice: Answer, reasoning: string, options: { unsafety?: string } = {}): Promise<void> {
    const form = weighing(page).getByTestId('weighing-form');
    const before = await weighing(page).getByTestId('weighing-step').count();
    await form.locator(`label[for$="-answer-${VALUE[choice]}"]`).click();
    if (options.unsafety) await form.getByRole('radio', { name: options.unsafety }).check();
    await form.getByTestId('weighing-reasoning').fill(reasoning);
    await form.getByTestId('weighing-form-save').click();
    await expect.poll(() => weighing(page).getByTestId('weighing-step').count()).toBe(before + 1);
  }

  /** The timeline's entries: the kinds in order, and all the text. */
  async function timeline(page: Page): Promise<{ kinds: string[]; text: string }> {
    const entries = page.getByTestId('timeline').getByTestId('timeline-entry');
    const kinds = await entries.evaluateAll((items) => items.map((i) => i.getAttribute('data-kind') ?? ''));
    return { kinds, text: (await page.getByTestId('timeline').textContent()) ?? '' };
  }

  it('a. the teacher starts three cases; the IB’er forms each team and becomes casushouder', async () => {
    sanne = await newPage();
    await signIn(sanne, account('teacher'));
    yasmina = await newPage();
    await signIn(yasmina, account('ib'));
    for (const pupil of PUPILS) {
      const caseId = await startCase(e2e.url, sanne, pupilIds.get(pupil.key)!, { source: 'own-observation', description: SIGNAL(pupil.callName) });
      caseIds.set(pupil.key, caseId);
      await formTeam(e2e.url, yasmina, caseId, ['Yasmina El Amrani', 'Sanne de Wit'], { casushouder: 'Yasmina El Amrani' });
    }
  });

  it('b. Q1 no: the casushouder closes the case as "Vermoeden onterecht gebleken"; the timeline shows the whole route', async () => {
    await openCase(yasmina, 'unfounded');
    const q1 = 'Het ontbijt bleek geregeld via de naschoolse opvang; moeder had nachtdiensten. Geen vermoeden meer.';
    await answer(yasmina, 'Nee', q1);
    expect(await outcomeKind(yasmina)).toBe('closed-no-suspicion');

    // Closing, through the form at the bottom of the page: the explanation is required for this reason.
    await yasmina.getByTestId('case-close-open').click();
    const close = yasmina.getByTestId('case-close-form');
    await expect.poll(() => close.count()).toBe(1);
    await close.getByRole('radio', { name: 'Vermoeden onterecht gebleken' }).check();
    await close.getByTestId('case-close-form-save').click();
    await expect.poll(() => close.getByTestId('case-close-explanation').getAttribute('aria-invalid')).toBe('true');
    const explanation = 'Moeder werkte nachtdiensten; de opvang verzorgt het ontbijt. Lotte komt weer verzorgd op school.';
    await close.getByTestId('case-close-explanation').fill(explanation);
    await close.getByTestId('case-close-form-save').click();
    await expect.poll(() => yasmina.getByTestId('case-closed').count()).toBe(1);
    expect(await yasmina.getByTestId('case-closed').textContent()).toContain('Vermoeden onterecht gebleken');

    // The timeline: the signal, the team, the answer to Q1 and the closing with its explanation.
    const { kinds, text } = await timeline(yasmina);
    for (const kind of ['signal', 'weighing-answer', 'case-closed']) expect(kinds).toContain(kind);
    expect(kinds.indexOf('signal')).toBeLessThan(kinds.indexOf('weighing-answer'));
    expect(kinds.indexOf('weighing-answer')).toBeLessThan(kinds.indexOf('case-closed'));
    expect(text).toContain(SIGNAL('Lotte'));
    expect(text).toContain('Yasmina El Amrani');
    expect(text).toContain(q1);
    expect(text).toContain('Vermoeden onterecht gebleken');
    expect(text).toContain(explanation);
    await expectAccessible(yasmina, 'route a: closed as unfounded');
  });

  it('c. Q2 yes (acute): the risk assessment on the way, then the report with the parents informed beforehand', async () => {
    await openCase(yasmina, 'acute');
    const q1 = 'Sem vertelt dat vader hem vastpakt; er is een blauwe plek gezien.';
    const q2 = 'Sem is bang om naar huis te gaan; vader heeft gedreigd hem opnieuw te slaan.';
    await answer(yasmina, 'Ja', q1);
    await answer(yasmina, 'Ja', q2, { unsafety: 'Acute onveiligheid' });
    expect(await outcomeKind(yasmina)).toBe('report');

    // The risk assessment, between the weighing and the report.
    const risk = yasmina.getByTestId('risk-assessment-panel');
    expect(await risk.getByTestId('risk-assessment-none').count()).toBe(1);
    const order = await yasmina
      .locator('[data-testid="case-step"][data-step="5"]')
      .locator('[data-testid="weighing-panel"], [data-testid="risk-assessment-panel"], [data-testid="report-panel"]')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-testid')));
    expect(order).toEqual(['weighing-panel', 'risk-assessment-panel', 'report-panel']);
    await risk.getByTestId('risk-assessment-open').click();
    const form = risk.getByTestId('risk-assessment-form');
    await expect.poll(() => form.count()).toBe(1);
    const participants = form.getByTestId('risk-assessment-participants').locator('input');
    expect(await participants.evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value).sort())).toEqual(['Sanne de Wit', 'Yasmina El Amrani']);
    expect(await form.getByTestId('risk-assessment-assessed-on').inputValue()).toBe(schoolDay());
    // "Anders" asks what it is.
    await form.getByRole('checkbox', { name: 'Lichamelijke mishandeling' }).check();
    await form.getByRole('checkbox', { name: 'Anders, namelijk …' }).check();
    await form.getByRole('radio', { name: 'Zeer ernstig' }).check();
    await form.getByRole('radio', { name: 'Acuut', exact: true }).check();
    const reasoning = 'Blauwe plek op de bovenarm, Sem vertelt over vastpakken en dreigen; hij is bang om naar huis te gaan.';
    await form.getByTestId('risk-assessment-reasoning').fill(reasoning);
    await form.getByTestId('risk-assessment-form-save').click();
    await expect.poll(() => form.getByTestId('risk-assessment-other').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(yasmina, 'risk assessment form with "anders" undescribed');
    await form.getByTestId('risk-assessment-other').fill('Bedreiging met geweld');
    await form.getByTestId('risk-assessment-form-save').click();
    await expect.poll(() => risk.getByTestId('risk-assessment-latest').count()).toBe(1);
    const latest = (await risk.getByTestId('risk-assessment-latest').textContent()) ?? '';
    expect(latest).toContain(`Laatste inschatting, van ${dutch(schoolDay())}`);
    expect(latest).toContain('Lichamelijke mishandeling');
    expect(latest).toContain('Bedreiging met geweld');
    expect(latest).toContain('Zeer ernstig');
    expect(latest).toContain('Acuut');

    // The report: acute, the parents informed beforehand, with the date.
    const report = yasmina.getByTestId('report-panel');
    await report.getByTestId('report-open').click();
    const f = report.getByTestId('report-form');
    await expect.poll(() => f.count()).toBe(1);
    await f.getByTestId('report-acute').check();
    await f.getByRole('radio', { name: 'Telefonisch' }).check();
    await f.getByTestId('report-reference').fill('VT-2026-0777');
    await f.getByTestId('report-what').fill(WHAT_REPORTED);
    await f.getByRole('radio', { name: /^Ja, de ouders wisten/ }).check();
    await f.getByTestId('report-parents-informed-on').fill(schoolDay());
    await f.getByTestId('report-form-submit').click();
    await expect.poll(() => report.getByTestId('report-item').count()).toBe(1);
    const facts = await report.getByTestId('report-item').getByTestId('report-facts').textContent();
    expect(facts).toContain('VT-2026-0777');
    expect(facts).toContain(`Ja, op ${dutch(schoolDay())}`);

    // The timeline: signal, answers, assessment, report.
    const { kinds, text } = await timeline(yasmina);
    for (const kind of ['signal', 'weighing-answer', 'risk-assessment', 'report']) expect(kinds).toContain(kind);
    expect(kinds.filter((k) => k === 'weighing-answer')).toHaveLength(2);
    expect(kinds.indexOf('risk-assessment')).toBeLessThan(kinds.indexOf('report'));
    expect(text).toContain(SIGNAL('Sem'));
    expect(text).toContain(q1);
    expect(text).toContain(q2);
    expect(text).toContain(reasoning);
    expect(text).toContain('Bedreiging met geweld');
    expect(text).toContain(WHAT_REPORTED);
    expect(text).toContain('VT-2026-0777');
    await expectAccessible(yasmina, 'route b: acute report after the risk assessment');

    // The teacher on the team reads the assessment, without a form.
    await openCase(sanne, 'acute');
    const read = sanne.getByTestId('risk-assessment-panel');
    await expect.poll(() => read.getByTestId('risk-assessment-latest').count()).toBe(1);
    expect(await read.getByTestId('risk-assessment-latest').textContent()).toContain('Bedreiging met geweld');
    expect(await read.getByTestId('risk-assessment-open').count()).toBe(0);
  });

  it('d. Q2 no, Q3 no: the report, with a reason for each procedural finding', async () => {
    await openCase(yasmina, 'no-help');
    const answers = [
      'Isa vertelt dat ze thuis vaak alleen is en bang is als vader boos wordt.',
      'Er is eten en onderdak; geen aanwijzing voor acute of structurele onveiligheid.',
      'Ouders wijzen elke vorm van hulp af; de school kan zelf geen passende hulp bieden.',
    ];
    await answer(yasmina, 'Ja', answers[0]!);
    await answer(yasmina, 'Nee', answers[1]!);
    await answer(yasmina, 'Nee', answers[2]!);
    expect(await outcomeKind(yasmina)).toBe('report');

    const report = yasmina.getByTestId('report-panel');
    await report.getByTestId('report-open').click();
    const f = report.getByTestId('report-form');
    await expect.poll(() => f.count()).toBe(1);
    await f.getByRole('radio', { name: 'Via het meldformulier' }).check();
    const what = WHAT_REPORTED.replaceAll('Sem', 'Isa');
    await f.getByTestId('report-what').fill(what);
    await f.getByRole('radio', { name: /^Ja, de ouders wisten/ }).check();
    await f.getByTestId('report-parents-informed-on').fill(schoolDay());
    // Controleren: the findings, each needing a reason.
    await f.getByTestId('report-form-submit').click();
    const check = f.getByTestId('report-check');
    await expect.poll(() => check.count()).toBe(1);
    const findings = check.getByTestId('report-finding');
    const count = await findings.count();
    expect(count).toBeGreaterThan(0);
    const reasons: string[] = [];
    for (let i = 0; i < count; i++) {
      const reason = `Reden ${i + 1}: de ouders weigeren elk gesprek; de IB’er heeft de zorg met het team besproken.`;
      reasons.push(reason);
      await findings.nth(i).getByTestId('report-finding-reason').fill(reason);
    }
    await f.getByTestId('report-form-submit').click();
    await expect.poll(() => report.getByTestId('report-item').count()).toBe(1);

    const { kinds, text } = await timeline(yasmina);
    for (const kind of ['signal', 'weighing-answer', 'report']) expect(kinds).toContain(kind);
    expect(kinds.filter((k) => k === 'weighing-answer')).toHaveLength(3);
    expect(text).toContain(SIGNAL('Isa'));
    for (const a of answers) expect(text).toContain(a);
    expect(text).toContain(what);
    for (const reason of reasons) expect(text).toContain(reason);
    await expectAccessible(yasmina, 'route c: report after Q3 no');
    expect(e2e.pageErrors.flat()).toEqual([]);
  });
});

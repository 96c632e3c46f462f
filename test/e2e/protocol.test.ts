import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/browser.js';
import { useMeldpadInBrowser } from '../support/e2e-harness.js';
import { chromiumAvailable } from '../support/environment.js';

/** The page as the IB'er leaves it, for a person to look at: /tmp/protocol-page.png (and the form beside it). */
const SCREENSHOT = '/tmp/protocol-page.png';
const EDITOR_SCREENSHOT = '/tmp/protocol-editor.png';
const RETIRED_SCREENSHOT = '/tmp/protocol-editor-retired.png';

const OLD_TEXT = 'Beschrijf de signalen zo concreet en feitelijk mogelijk';
const NEW_TEXT = 'Beschrijf de signalen feitelijk: wat zag of hoorde je, wanneer en waar?';
const ADDED = 'Evalueer na zes weken met het interventieteam';
const RETIRED = 'Besluit tot geen melding: maak goede afspraken over de voortgang (monitoren)';

describe.skipIf(!chromiumAvailable())("the school's route (stappenplan) in the browser", () => {
  const e2e = useMeldpadInBrowser({ prefix: 'meldpad-e2e-protocol-' });
  const { account, newPage, signIn, heading } = e2e;
  let ib: Page;
  let ibName = '';

  async function openStappenplan(page: Page): Promise<void> {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Stappenplan', exact: true }).click();
    await expect.poll(() => heading(page)).toBe('Stappenplan');
    await expect.poll(() => page.getByTestId('protocol-version').count()).toBe(1);
  }

  /** The read view's tasks of a step, as shown. */
  function tasksOf(page: Page, stepId: string): Promise<string[]> {
    return page.locator(`[data-testid="protocol-step"][data-step="${stepId}"] .protocol-task-text`).allTextContents();
  }

  function editStep(page: Page, stepId: string) {
    return page.locator(`[data-testid="protocol-edit-step"][data-step="${stepId}"]`);
  }

  function editTask(page: Page, taskId: string) {
    return page.locator(`[data-testid="protocol-edit-task"][data-task="${taskId}"]`);
  }

  async function editTexts(page: Page, stepId: string): Promise<string[]> {
    return editStep(page, stepId)
      .locator('[data-testid="protocol-edit-task"]')
      .evaluateAll((items) => items.map((item) => (item.querySelector('textarea[id$="-text"]') as unknown as { value: string } | null)?.value ?? item.querySelector('s')?.textContent ?? ''));
  }

  it("a. the IB'er reads the school's route: steps, tasks, help texts, the reminder and the principles", async () => {
    ib = await newPage();
    await signIn(ib, account('ib'));
    ibName = (await ib.getByTestId('current-user').textContent()) ?? '';
    await openStappenplan(ib);

    expect(await ib.getByTestId('protocol-version').textContent()).toMatch(/^Versie 1: het standaardstappenplan van Meldpad, in gebruik sinds /);
    expect(await ib.getByTestId('protocol-reminder').textContent()).toContain('Zorg dat het voor de leerling veilig en leuk blijft op school');
    expect(await ib.locator('[data-testid="protocol-step"]').count()).toBe(7);
    expect(await tasksOf(ib, 's2')).toContain(OLD_TEXT);
    expect(await ib.locator('[data-testid="protocol-step"][data-step="s2"] .protocol-step-note').textContent()).toBe('Doe de stappen die nodig zijn.');
    expect(await ib.getByTestId('protocol-principles').textContent()).toContain('Is er een vertrouwensrelatie met de ouders?');

    // Help texts are folded away until asked for.
    const notitie = ib.locator('[data-testid="protocol-task"][data-task="s2.notitie"]');
    await expect.poll(() => notitie.getByText('zie Meldpad', { exact: false }).isVisible()).toBe(false);
    await notitie.getByText('Toelichting').click();
    await expect.poll(() => notitie.getByText('zie Meldpad', { exact: false }).isVisible()).toBe(true);
    await expectAccessible(ib, 'the route, version 1');
  });

  it('b. adapts the route: rewords, moves, adds and retires tasks; an empty task is refused beside its field and nothing typed is lost', async () => {
    await ib.getByTestId('protocol-edit').click();
    await expect.poll(() => ib.getByTestId('protocol-editor').count()).toBe(1);
    expect(await ib.getByTestId('protocol-save').textContent()).toBe('Opslaan als versie 2');

    // Reword the first task of step 2.
    await editTask(ib, 's2.beschrijf').getByLabel('Taak 1', { exact: true }).fill(NEW_TEXT);

    // Move step 4's first task down twice, by keyboard: the focus stays on the moved task's button.
    const down = editTask(ib, 's4.zorgen').getByTestId('protocol-task-down');
    await down.focus();
    await ib.keyboard.press('Enter');
    await expect.poll(() => editTexts(ib, 's4')).toEqual(expect.arrayContaining(['Vraag ontbrekende informatie']));
    expect((await editTexts(ib, 's4')).slice(0, 2)).toEqual(['Vraag ontbrekende informatie', 'Bespreek de zorgen en signalen met de ouders/verzorgers']);
    expect(await editTask(ib, 's4.zorgen').getByTestId('protocol-task-down').evaluate((b) => b === b.ownerDocument.activeElement)).toBe(true);
    await ib.keyboard.press('Enter');
    await expect.poll(async () => (await editTexts(ib, 's4'))[2]).toBe('Bespreek de zorgen en signalen met de ouders/verzorgers');
    await expect.poll(() => ib.locator('form p[role="status"]').textContent()).toContain('staat nu op plaats 3 van 6');

    // Add a task to step 6; the cursor lands in it.
    await editStep(ib, 's6').getByTestId('protocol-task-add').click();
    const added = editStep(ib, 's6').locator('[data-testid="protocol-edit-task"]').last();
    await expect.poll(() => added.locator('textarea').first().evaluate((input) => input === input.ownerDocument.activeElement)).toBe(true);
    await ib.keyboard.type(ADDED);

    // Retire a task of step 3: struck through, with the note that open cases keep their version.
    await editTask(ib, 's3.geen-melding').getByTestId('protocol-task-retire').click();
    await expect.poll(() => editTask(ib, 's3.geen-melding').getAttribute('data-retired')).toBe('true');
    expect(await editTask(ib, 's3.geen-melding').locator('s').textContent()).toBe(RETIRED);
    expect(await editTask(ib, 's3.geen-melding').textContent()).toContain('Casussen die al lopen, houden hun versie');
    await editStep(ib, 's3').screenshot({ path: RETIRED_SCREENSHOT });

    // An empty new task in step 5: refused beside the field, before anything is sent.
    await editStep(ib, 's5').getByTestId('protocol-task-add').click();
    await ib.getByLabel('Wat is er veranderd? (optioneel)').fill('Stap 2 feitelijker; evaluatie in de nazorg');
    await ib.getByTestId('protocol-save').click();
    const empty = editStep(ib, 's5').locator('[data-testid="protocol-edit-task"]').last();
    await expect.poll(() => empty.locator('textarea').first().getAttribute('aria-invalid')).toBe('true');
    expect(await empty.locator('.field-error').textContent()).toBe('Vul de tekst van de taak in.');
    await expect.poll(() => empty.locator('textarea').first().evaluate((input) => input === input.ownerDocument.activeElement)).toBe(true);
    expect(await ib.getByRole('alert').textContent()).toContain('1 veld klopt niet');
    expect(await editTask(ib, 's2.beschrijf').locator('textarea').first().inputValue()).toBe(NEW_TEXT);
    await expectAccessible(ib, 'the route form with a refused field');
    await ib.screenshot({ path: EDITOR_SCREENSHOT, fullPage: false });

    // Never saved, so it may simply go.
    await empty.getByTestId('protocol-task-retire').click();
    await expect.poll(() => editStep(ib, 's5').locator('[data-testid="protocol-edit-task"]').count()).toBe(3);
    await expectAccessible(ib, 'the route form');

    await ib.getByTestId('protocol-save').click();
    await expect.poll(() => ib.getByRole('status').filter({ hasText: 'opgeslagen als versie 2' }).count()).toBe(1);
    await expect.poll(() => ib.getByTestId('protocol-version').textContent()).toMatch(new RegExp(`^Versie 2, opgeslagen door ${ibName} op `));
    expect(await ib.locator('.protocol-change-note').textContent()).toBe('Wat is er veranderd: Stap 2 feitelijker; evaluatie in de nazorg');
    expect(await tasksOf(ib, 's2')).toContain(NEW_TEXT);
    expect(await tasksOf(ib, 's2')).not.toContain(OLD_TEXT);
    expect(await tasksOf(ib, 's3')).not.toContain(RETIRED);
    expect((await tasksOf(ib, 's4')).slice(0, 3)).toEqual(['Vraag ontbrekende informatie', 'Vraag hun zienswijze', 'Bespreek de zorgen en signalen met de ouders/verzorgers']);
    expect((await tasksOf(ib, 's6')).at(-1)).toBe(ADDED);
    await expectAccessible(ib, 'the route, version 2');
    await ib.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('c. opens version 1 from the list of versions and sees the old text, read-only', async () => {
    const rows = ib.locator('[data-testid="protocol-version-row"]');
    await expect.poll(() => rows.count()).toBe(2);
    await ib.getByRole('link', { name: 'Versie 1 bekijken' }).click();
    await expect.poll(() => ib.getByTestId('protocol-old-version').count()).toBe(1);
    expect(ib.url()).toMatch(/\/stappenplan\?versie=1$/);
    expect(await ib.getByTestId('protocol-old-version').textContent()).toContain('U bekijkt versie 1, niet de huidige. Nieuwe casussen volgen versie 2');
    expect(await ib.getByTestId('protocol-version').textContent()).toMatch(/^Versie 1: het standaardstappenplan van Meldpad/);
    expect(await tasksOf(ib, 's2')).toContain(OLD_TEXT);
    expect(await tasksOf(ib, 's3')).toContain(RETIRED);
    expect(await tasksOf(ib, 's6')).not.toContain(ADDED);
    // An old version is there to be read, not changed.
    expect(await ib.getByTestId('protocol-edit').count()).toBe(0);
    await expectAccessible(ib, 'version 1 of the route');

    await ib.getByRole('link', { name: 'Naar de huidige versie' }).click();
    await expect.poll(() => ib.getByTestId('protocol-version').textContent()).toMatch(/^Versie 2/);
  });

  it('d. a teacher reads the new route and has no Aanpassen button', async () => {
    const teacher = await newPage();
    await signIn(teacher, account('teacher'));
    await openStappenplan(teacher);
    await expect.poll(() => teacher.getByTestId('protocol-version').textContent()).toMatch(/^Versie 2, opgeslagen door /);
    expect(await tasksOf(teacher, 's2')).toContain(NEW_TEXT);
    expect((await tasksOf(teacher, 's6')).at(-1)).toBe(ADDED);
    expect(await teacher.getByTestId('protocol-edit').count()).toBe(0);
    expect(await teacher.getByRole('button', { name: 'Aanpassen' }).count()).toBe(0);
    await expectAccessible(teacher, "the route as a teacher sees it");

    // In English, too.
    await teacher.getByTestId('lang-en').click();
    await expect.poll(() => heading(teacher)).toBe('Meldcode route');
    await expect.poll(() => teacher.getByTestId('protocol-version').textContent()).toMatch(/^Version 2, saved by /);
  });

  it('had no script errors and no server errors on any page', () => {
    expect(e2e.pageErrors.flat()).toEqual([]);
  });
});

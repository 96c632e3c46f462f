import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/browser.js';
import { REGENBOOG } from '../support/demo-app.js';
import { useMeldpadInBrowser } from '../support/e2e-harness.js';
import { chromiumAvailable } from '../support/environment.js';
import { addPupil } from '../support/pupil-fixtures.js';

// A name no demo pupil has: Groep 3 Vossen is Sanne de Wit's own group.
const FLOOR = 'Floor Wijnbergen';
/** A laptop screen, as at school. */
const LAPTOP = { width: 1366, height: 768 };

describe.skipIf(!chromiumAvailable())("the teacher's path: raising a concern about a pupil, keyboard only", () => {
  let sanne: Page;
  let floorPath = '';
  let caseId = '';
  const e2e = useMeldpadInBrowser({
    prefix: 'meldpad-e2e-start-case-',
    viewport: LAPTOP,
    seed: async (ctx, clock) => {
      const floor = await addPupil({ ctx, clock } as never, REGENBOOG, 'Groep 3 Vossen', { callName: 'Floor', surname: 'Wijnbergen', pupilNumber: '88001' });
      floorPath = `/leerlingen/${floor}`;
    },
  });
  const { account, newPage, signIn, heading } = e2e;

  function focused(page: Page, selector: string): Promise<boolean> {
    // A string, evaluated in the page: this file is compiled without the DOM's types.
    return page.evaluate<boolean>(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`);
  }

  /** Counts the keys pressed on the keyboard path. */
  const keys = { presses: 0, typed: 0 };

  async function press(page: Page, key: string): Promise<void> {
    keys.presses += 1;
    await page.keyboard.press(key);
  }

  async function type(page: Page, text: string): Promise<void> {
    keys.typed += text.length;
    await page.keyboard.type(text);
  }

  /** Presses Tab until the focus is on an element matching the selector (never a click). */
  async function tabTo(page: Page, selector: string, max = 60): Promise<void> {
    for (let i = 0; i < max; i += 1) {
      await press(page, 'Tab');
      if (await focused(page, selector)) return;
    }
    throw new Error(`Tab did not reach ${selector} in ${max} presses`);
  }

  it('a. a teacher opens her pupil and raises a concern with the keyboard only, and lands on the case', async () => {
    sanne = await newPage();
    await signIn(sanne, account('teacher'));

    // Opening her pupil: search, arrow down, Enter.
    await sanne.goto(`${e2e.url}/leerlingen`);
    await sanne.getByLabel('Zoek een leerling op naam of leerlingnummer').focus();
    await sanne.keyboard.type('floor wijn');
    const hit = sanne.locator(`[data-testid="pupil-result"][data-name="${FLOOR}"]`);
    await expect.poll(() => hit.count()).toBe(1);
    // Anyone on the staff who works with pupils sees "Zorg melden" beside each result.
    await expect.poll(() => sanne.getByTestId('pupil-result-case-start').count()).toBe(1);
    expect(await sanne.getByTestId('pupil-result-case-start').textContent()).toBe(`Zorg melden over ${FLOOR}`);
    await expectAccessible(sanne, 'search results with "Zorg melden"');
    await sanne.screenshot({ path: '/tmp/search-case-start.png' });
    await sanne.keyboard.press('ArrowDown');
    await sanne.keyboard.press('Enter');
    await expect.poll(() => heading(sanne)).toBe(FLOOR);
    await sanne.waitForURL(`${e2e.url}${floorPath}`);

    // ——— The measured path: from the pupil page to a saved first signal ———
    const started = Date.now();
    await tabTo(sanne, '[data-testid="case-start"]');
    await press(sanne, 'Enter');
    await expect.poll(() => heading(sanne)).toBe('Zorg melden over Floor');
    // The focus is on the first question, not on a field below it.
    await expect.poll(() => focused(sanne, '#worry-home-situation')).toBe(true);
    expect(await sanne.getByTestId('new-case-reminder').textContent()).toBe('Zorg dat het voor de leerling veilig en leuk blijft op school.');
    // Before a choice: no signal form yet.
    expect(await sanne.getByTestId('new-case-signal').count()).toBe(0);

    await press(sanne, 'Space');
    await expect.poll(() => sanne.getByTestId('new-case-signal').count()).toBe(1);
    // Date (today) and the signed-in person are filled in already.
    expect(await sanne.getByTestId('signal-observed-by').inputValue()).toBe('Sanne de Wit');
    await sanne.screenshot({ path: '/tmp/new-case-top.png' });

    await tabTo(sanne, '#first-signal-place');
    await type(sanne, 'In de klas, bij de kapstok');
    // Enter in a one-line field does not send the form.
    await press(sanne, 'Enter');
    expect(await sanne.locator('.field-error').count()).toBe(0);
    expect(sanne.url()).toContain('/casus-starten');

    // The source: the child told it; "to whom" appears.
    await tabTo(sanne, '#first-signal-source-own-observation');
    await press(sanne, 'ArrowRight');
    await expect.poll(() => sanne.locator('#first-signal-source-child-told').isChecked()).toBe(true);
    await press(sanne, 'Tab');
    await expect.poll(() => focused(sanne, '#first-signal-sourceDetail')).toBe(true);
    await type(sanne, 'Aan mij, uit zichzelf, in de pauze');

    await tabTo(sanne, '#first-signal-description');
    await type(sanne, 'Floor was agressief tegen een klasgenoot. Ze had een blauwe plek op haar voorhoofd en zei: "Papa was boos."');
    // The factual-language hint marks the judging word; it advises and never blocks.
    await expect.poll(() => sanne.locator('.factual-hint').textContent(), { timeout: 5000 }).toContain('agressief');

    // The signal list: open "Gedrag en emoties van het kind" and tick an item.
    await tabTo(sanne, '#first-signal-catalogue-open');
    await press(sanne, 'Enter');
    await tabTo(sanne, '#first-signal-catalogue-behaviour');
    await press(sanne, 'Enter');
    await tabTo(sanne, '[data-item="behaviour.aggressive-destructive"]');
    await press(sanne, 'Space');
    await expect.poll(() => sanne.locator('[data-item="behaviour.aggressive-destructive"]').isChecked()).toBe(true);
    expect(await sanne.locator('#first-signal-catalogue-behaviour').textContent()).toContain('1 aangevinkt');

    // The body map, by its keyboard path: add a mark by side and region, then say what it is.
    await tabTo(sanne, '#first-signal-bodymap');
    await press(sanne, 'Enter');
    await tabTo(sanne, '.body-map-add button');
    await press(sanne, 'Enter');
    await tabTo(sanne, '.body-map-add .button-primary');
    await press(sanne, 'Enter');
    await expect.poll(() => sanne.locator('.body-map-list li').count()).toBe(1);
    // The focus went to the new mark's kind; the first kind is a bruise.
    await expect.poll(() => focused(sanne, '.body-map-editor select')).toBe(true);
    for (let i = 0; i < 8; i += 1) await press(sanne, 'ArrowUp');
    expect(await sanne.locator('.body-map-editor select').first().inputValue()).toBe('bruise');
    await press(sanne, 'Tab');
    await type(sanne, 'blauw-paars');
    await tabTo(sanne, '.body-map-editor .button-primary');
    await press(sanne, 'Enter');
    await expect.poll(() => sanne.locator('#first-signal-bodymap').textContent()).toContain('1 markering');

    // The page as the teacher sees it before saving: accessible, and the safety box stays in view.
    await expectAccessible(sanne, 'new case, filled in');
    await sanne.screenshot({ path: '/tmp/new-case.png', fullPage: true });

    await tabTo(sanne, '[data-testid="new-case-save"]');
    const safety = await sanne.getByTestId('safety-box').boundingBox();
    expect(safety && safety.y >= 0 && safety.y + safety.height <= LAPTOP.height, 'the safety box is in view at the save button').toBe(true);
    await sanne.screenshot({ path: '/tmp/new-case-at-save.png' });
    await press(sanne, 'Enter');
    await sanne.waitForURL(/\/casussen\/[^/]+$/);
    const elapsed = Date.now() - started;
    caseId = decodeURIComponent(new URL(sanne.url()).pathname.split('/').pop()!);
    console.log(`keyboard path, pupil page to saved first signal: ${(elapsed / 1000).toFixed(1)} s in the browser; ${keys.presses} key presses and ${keys.typed} typed characters`);
    expect(caseId).not.toBe('');
    // The case page says the signal is saved.
    await expect.poll(() => sanne.getByText('De casus is gestart en het eerste signaal is opgeslagen.').count()).toBe(1);
  });

  it('b. "between pupils" is not a meldcode case: the safety policy, no form; the staff route shows the board\'s duties', async () => {
    await sanne.goto(`${e2e.url}${floorPath}`);
    await expect.poll(() => heading(sanne)).toBe(FLOOR);
    // The pupil page lists the case just started.
    await expect.poll(() => sanne.getByTestId('pupil-case-link').count()).toBe(1);
    expect(await sanne.getByTestId('pupil-case-link').getAttribute('href')).toBe(`/casussen/${caseId}`);
    await expectAccessible(sanne, 'pupil page with its cases');
    await sanne.screenshot({ path: '/tmp/pupil-page-cases.png' });

    await sanne.getByTestId('case-start').focus();
    await sanne.keyboard.press('Enter');
    await expect.poll(() => focused(sanne, '#worry-home-situation')).toBe(true);
    await sanne.keyboard.press('Space');
    await sanne.locator('#first-signal-description').focus();
    await sanne.keyboard.type('Dit blijft staan.');

    // The staff route: only the board and the person who raised it; the board's duties.
    await sanne.locator('#worry-home-situation').focus();
    await sanne.keyboard.press('ArrowDown');
    await expect.poll(() => sanne.getByTestId('staff-route-notice').count()).toBe(1);
    expect(await sanne.getByTestId('staff-route-notice').textContent()).toContain('vertrouwensinspecteur');
    expect(await sanne.getByTestId('new-case-signal').count()).toBe(1);

    // Between pupils: a calm notice and no form.
    await sanne.keyboard.press('ArrowDown');
    await expect.poll(() => sanne.getByTestId('not-a-meldcode-case').count()).toBe(1);
    const notice = await sanne.getByTestId('not-a-meldcode-case').textContent();
    expect(notice).toContain('veiligheidsbeleid');
    expect(notice).toContain('coördinator sociale veiligheid');
    expect(await sanne.getByTestId('new-case-signal').count()).toBe(0);
    expect(await sanne.getByTestId('new-case-save').count()).toBe(0);
    await expectAccessible(sanne, 'new case, between pupils');
    await sanne.screenshot({ path: '/tmp/new-case-between-pupils.png' });

    // Back to the home situation: what was typed is still there.
    await sanne.keyboard.press('ArrowDown');
    await expect.poll(() => sanne.locator('#first-signal-description').inputValue()).toBe('Dit blijft staan.');
  });

  it('c. the teacher finds the case under "Mijn casussen" and on her start page', async () => {
    await sanne.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Casussen', exact: true }).click();
    await expect.poll(() => heading(sanne)).toBe('Casussen');
    const mine = sanne.getByTestId('cases-mine');
    await expect.poll(() => mine.locator(`a[data-case-id="${caseId}"]`).count()).toBe(1);
    const row = await mine.getByTestId('case-row').first().textContent();
    expect(row).toContain(FLOOR);
    expect(row).toContain('Groep 3 Vossen');
    expect(row).toMatch(/Stap \d/);
    // A teacher has no school-wide list.
    expect(await sanne.getByTestId('cases-school').count()).toBe(0);
    await expectAccessible(sanne, 'case list');
    await sanne.screenshot({ path: '/tmp/case-list.png', fullPage: true });

    await sanne.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Start', exact: true }).click();
    await expect.poll(() => sanne.getByTestId('home-cases').count()).toBe(1);
    expect(await sanne.getByTestId('home-cases').textContent()).toContain(FLOOR);
    await expectAccessible(sanne, 'start page with my cases');
  });

  it("d. the IB'er sees the case in the school's list", async () => {
    const ib = await newPage();
    await signIn(ib, account('ib'));
    await ib.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Casussen', exact: true }).click();
    await expect.poll(() => ib.getByTestId('cases-school').locator(`a[data-case-id="${caseId}"]`).count()).toBe(1);
    await expectAccessible(ib, "case list of the IB'er");
    await ib.screenshot({ path: '/tmp/case-list-ib.png', fullPage: true });
  });

  it('had no script errors and no server errors on any page', () => {
    expect(e2e.pageErrors.flat()).toEqual([]);
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/browser.js';
import { KOMPAS, REGENBOOG } from '../support/demo-app.js';
import { screenshots, useMeldpadInBrowser } from '../support/e2e-harness.js';
import { chromiumAvailable } from '../support/environment.js';
import { addHousehold, addPupil } from '../support/pupil-fixtures.js';

const shot = screenshots('pupils-');

// Names no demo pupil has, so the test holds whether or not the demo board comes with pupils.
const FLOOR = 'Floor Wijnbergen'; // Groep 3 Vossen: Sanne de Wit's own pupil
const SVEN = 'Sven Wijnbergen'; // Groep 7 Herten: her brother, not in Sanne's groups
const BAS = 'Bas Kwakernaak'; // Groep 8 Dolfijnen: leaves the school
const MEREL = { callName: 'Merel', surname: 'Oosterhout', number: '88010' }; // added by hand
const PARENT = 'R. Wijnbergen';
const OTHER_PARENT = 'M. de Boer';

/** Today (or `daysAgo` before) as the school counts it, yyyy-mm-dd and dd-mm-jjjj. */
function today(daysAgo = 0): { iso: string; shown: string } {
  const todayIso = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const iso = new Date(Date.parse(`${todayIso}T12:00:00Z`) - daysAgo * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-');
  return { iso, shown: `${d}-${m}-${y}` };
}

describe.skipIf(!chromiumAvailable())('pupils in the browser: search, the pupil page and start-of-year talks', () => {
  const e2e = useMeldpadInBrowser({
    prefix: 'meldpad-e2e-pupils-',
    // A Dutch browser, as at school (the harness's default): date inputs show dd-mm-jjjj.
    locale: 'nl-NL',
    seed: async (ctx, clock) => {
      // The fixtures take a test app; they use its context and clock only.
      const t = { ctx, clock } as never;
      const floor = await addPupil(t, REGENBOOG, 'Groep 3 Vossen', { callName: 'Floor', surname: 'Wijnbergen', pupilNumber: '88001' });
      const sven = await addPupil(t, REGENBOOG, 'Groep 7 Herten', { callName: 'Sven', surname: 'Wijnbergen', pupilNumber: '88002' });
      const pim = await addPupil(t, KOMPAS, 'Groep 5 Reigers', { callName: 'Pim', surname: 'Wijnbergen', pupilNumber: '98001' });
      await addPupil(t, REGENBOOG, 'Groep 8 Dolfijnen', { callName: 'Bas', surname: 'Kwakernaak', pupilNumber: '88004' });
      // Separated parents: the children live in two households.
      await addHousehold(t, [floor, sven, pim], [{ name: PARENT, phone: '06-12345678', email: 'r.wijnbergen@mail.example' }]);
      await addHousehold(t, [floor, sven], [{ name: OTHER_PARENT, phone: '010-7654321' }, { name: 'K. de Boer', hasAuthority: false }]);
    },
  });
  const { account, newPage, signIn, heading } = e2e;
  let sanne: Page;

  function menu(page: Page) {
    return page.getByRole('navigation', { name: 'Hoofdmenu' });
  }

  async function openFromMenu(page: Page, label: string, title: string | RegExp = label): Promise<void> {
    await menu(page).getByRole('link', { name: label, exact: true }).click();
    if (typeof title === 'string') await expect.poll(() => heading(page)).toBe(title);
    else await expect.poll(() => heading(page)).toMatch(title);
  }

  /** Types in the search field and waits for the answer to settle. */
  async function search(page: Page, query: string): Promise<void> {
    await page.getByLabel('Zoek een leerling op naam of leerlingnummer').fill(query);
    await expect.poll(() => page.getByTestId('pupil-search-status').getAttribute('data-settled-term')).toBe(query.trim());
  }

  function result(page: Page, name: string) {
    return page.locator(`[data-testid="pupil-result"][data-name="${name}"]`);
  }

  function talkRow(page: Page, name: string) {
    return page.locator(`[data-testid="talk-pupil"][data-name="${name}"]`);
  }

  it('a. a teacher finds any pupil by name and group, but opens only her own pupils in full', async () => {
    sanne = await newPage();
    await signIn(sanne, account('teacher'));
    // Every school role may search; the overview of talks appears once the server says it is hers.
    await expect.poll(() => menu(sanne).getByRole('link').allTextContents()).toEqual(['Start', 'Leerlingen', 'Casussen', 'Startgesprekken', 'Stappenplan', 'Groepen', 'Schoolgegevens']);

    await openFromMenu(sanne, 'Leerlingen', 'Leerlingen zoeken');
    await expect.poll(() => sanne.getByText('Iedere medewerker van de school kan elke leerling vinden op naam en groep.').count()).toBe(1);
    await expectAccessible(sanne, 'search page, empty');
    await shot(sanne, 'search-empty');

    await search(sanne, 'sven wijn');
    const hit = result(sanne, SVEN);
    await expect.poll(() => hit.count()).toBe(1);
    expect(await hit.textContent()).toContain('Groep 7 Herten');
    expect(await hit.textContent()).toContain('88002');
    await expectAccessible(sanne, 'search results');
    await shot(sanne, 'search-results');

    // Keyboard: arrow down from the field to the result, Enter opens it.
    await sanne.getByLabel('Zoek een leerling op naam of leerlingnummer').press('ArrowDown');
    await expect.poll(() => hit.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
    await sanne.keyboard.press('Enter');
    await expect.poll(() => sanne.getByTestId('pupil-limited').count()).toBe(1);
    expect(await heading(sanne)).toBe(SVEN);
    expect(await sanne.getByTestId('pupil-limited').textContent()).toBe(
      "U ziet alleen naam en groep van deze leerling. De leerlingpagina is voor de eigen leerkrachten, de IB'er en de directie.",
    );
    expect(await sanne.locator('main').textContent()).toContain('Groep 7 Herten');
    await expect.poll(() => sanne.getByText(PARENT).count()).toBe(0);
    await expectAccessible(sanne, 'pupil page with name and group only');
    await shot(sanne, 'pupil-limited');

    // Back to the search: the term and its results are still there.
    await sanne.goBack();
    await expect.poll(() => result(sanne, SVEN).count()).toBe(1);

    await search(sanne, 'qqqzzz');
    expect(await sanne.getByTestId('pupil-search-status').textContent()).toBe('Geen leerlingen gevonden');
    await expect.poll(() => sanne.getByText('Controleer de spelling').count()).toBe(1);
    await expectAccessible(sanne, 'search without results');
    await shot(sanne, 'search-none');

    // Adding a pupil is for the administrator and the IB'er: the server says no, the page says why.
    await sanne.getByTestId('pupil-add-link').click();
    await expect.poll(() => heading(sanne)).toBe('Leerling toevoegen');
    await sanne.getByTestId('pupil-new-save').click();
    await expect.poll(() => sanne.getByTestId('pupil-new-pupilNumber').getAttribute('aria-invalid')).toBe('true');
    expect(await sanne.getByRole('alert').textContent()).toContain('Niet alle velden zijn ingevuld');
    await expectAccessible(sanne, 'new pupil form with missing fields');
    await sanne.getByTestId('pupil-new-pupilNumber').fill('88099');
    await sanne.getByLabel('Roepnaam').fill('Test');
    await sanne.getByLabel('Voornamen').fill('Test');
    await sanne.getByLabel('Achternaam').fill('Leerling');
    await sanne.getByTestId('pupil-new-save').click();
    await expect.poll(() => sanne.getByRole('alert').textContent()).toContain("Alleen de functioneel beheerder en de IB'er kunnen leerlingen toevoegen.");
    await expectAccessible(sanne, 'new pupil refused');
    await shot(sanne, 'new-pupil-refused');
  });

  it('b. the teacher opens her own pupil, records the start-of-year talk, and the overview follows', async () => {
    const { iso, shown } = today();
    await openFromMenu(sanne, 'Startgesprekken', /^Startgesprekken \d{4}-\d{4}$/);
    const floorRow = talkRow(sanne, FLOOR);
    await expect.poll(() => floorRow.getByTestId('talk-pupil-state').textContent()).toBe('nog te doen');
    // Her own groups only.
    const groups = await sanne.locator('[data-testid="talk-group"]').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-name')));
    expect(groups).toEqual(['Groep 3 Vossen', 'Groep 4 Egels']);
    await expect.poll(() => talkRow(sanne, SVEN).count()).toBe(0);
    await expectAccessible(sanne, 'start-of-year talks overview');
    await shot(sanne, 'talks-teacher-before');

    await sanne.getByLabel('Alleen nog te doen').check();
    await expect.poll(() => floorRow.count()).toBe(1);
    await expectAccessible(sanne, 'start-of-year talks, only to do');

    await floorRow.getByRole('link', { name: FLOOR }).click();
    await expect.poll(() => heading(sanne)).toBe(FLOOR);
    const facts = sanne.getByTestId('pupil-facts');
    expect(await facts.textContent()).toContain('Groep 3 Vossen');
    expect(await facts.textContent()).toContain('88001');
    expect(await facts.textContent()).toContain('10-03-2018');

    // Parents in two households, with phone and e-mail links and parental authority.
    const guardians = sanne.getByTestId('guardians');
    await expect.poll(() => guardians.getByRole('heading', { name: 'Huishouden 1' }).count()).toBe(1);
    await expect.poll(() => guardians.getByRole('heading', { name: 'Huishouden 2' }).count()).toBe(1);
    expect(await guardians.getByRole('link', { name: '06-12345678' }).getAttribute('href')).toBe('tel:0612345678');
    expect(await guardians.getByRole('link', { name: 'r.wijnbergen@mail.example' }).getAttribute('href')).toBe('mailto:r.wijnbergen@mail.example');
    expect(await guardians.locator('tr[data-name="K. de Boer"]').textContent()).toContain('Nee');

    // A sibling at this school by name; one at the other school only as "attends that school".
    const siblings = sanne.getByTestId('siblings');
    await expect.poll(() => siblings.getByRole('link', { name: SVEN }).count()).toBe(1);
    expect(await siblings.getByTestId('sibling-other-school').textContent()).toBe(`Een broer of zus zit op ${KOMPAS}`);
    expect(await sanne.locator('main').textContent()).not.toContain('Pim');

    const talk = sanne.getByTestId('talk');
    expect(await talk.getByTestId('talk-status').textContent()).toBe('Nog niet gehouden');
    await expectAccessible(sanne, 'pupil page, talk not held');
    await shot(sanne, 'pupil-full');

    // The date is required: the form says so and marks the field.
    await talk.getByTestId('talk-save').click();
    await expect.poll(() => talk.getByTestId('talk-date').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(sanne, 'talk form without a date');

    await talk.getByTestId('talk-date').fill(iso);
    await talk.getByRole('checkbox', { name: PARENT }).check();
    await talk.getByRole('checkbox', { name: OTHER_PARENT }).check();
    await talk.getByTestId('talk-notes').fill('Kennismaking verliep goed; moeder vraagt om een gesprek in januari.');
    await talk.getByTestId('talk-save').click();
    await expect.poll(() => talk.getByText('Het startgesprek is vastgelegd.').count()).toBe(1);
    const talkFacts = talk.getByTestId('talk-facts');
    await expect.poll(() => talkFacts.textContent()).toContain(shown);
    expect(await talkFacts.textContent()).toContain('Sanne de Wit');
    expect(await talkFacts.textContent()).toMatch(new RegExp(`Met(${PARENT} en ${OTHER_PARENT}|${OTHER_PARENT} en ${PARENT})`));
    await expectAccessible(sanne, 'pupil page, talk recorded');
    await shot(sanne, 'pupil-talk-recorded');

    // A contact with the parents, in the list right away.
    const contacts = sanne.getByTestId('contacts');
    await contacts.getByTestId('contact-add-open').click();
    await contacts.getByLabel('Soort contact').selectOption({ label: 'Telefoon' });
    await contacts.getByLabel('Korte notities (niet verplicht)').fill('Gebeld over de schoolreis.');
    await expectAccessible(sanne, 'contact form');
    await contacts.getByTestId('contact-save').click();
    await expect.poll(() => contacts.getByTestId('contacts-table').locator('tbody tr').count()).toBe(1);
    expect(await contacts.getByTestId('contacts-table').textContent()).toContain('Gebeld over de schoolreis.');
    await expectAccessible(sanne, 'pupil page with a contact');
    await shot(sanne, 'pupil-contact');

    await openFromMenu(sanne, 'Startgesprekken', /^Startgesprekken /);
    await expect.poll(() => talkRow(sanne, FLOOR).getByTestId('talk-pupil-state').textContent()).toBe(`gehouden op ${shown}`);
    await shot(sanne, 'talks-teacher-after');
    await sanne.getByLabel('Alleen nog te doen').check();
    await expect.poll(() => talkRow(sanne, FLOOR).count()).toBe(0);
    await expectAccessible(sanne, 'start-of-year talks after recording');
  });

  it("c. the IB'er sees the whole school's overview and opens any pupil in full", async () => {
    const ib = await newPage();
    await signIn(ib, account('ib'));
    await expect.poll(() => menu(ib).getByRole('link').allTextContents()).toContain('Startgesprekken');
    await openFromMenu(ib, 'Startgesprekken', /^Startgesprekken /);
    await expect.poll(() => talkRow(ib, SVEN).count()).toBe(1);
    const groups = await ib.locator('[data-testid="talk-group"]').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-name')));
    expect(groups).toEqual(expect.arrayContaining(['Groep 3 Vossen', 'Groep 7 Herten', 'Groep 8 Dolfijnen']));
    expect(await talkRow(ib, FLOOR).getByTestId('talk-pupil-state').textContent()).toMatch(/^gehouden op /);
    expect(await talkRow(ib, SVEN).getByTestId('talk-pupil-state').textContent()).toBe('nog te doen');
    await expectAccessible(ib, "the IB'er's overview");
    await shot(ib, 'talks-ib');
    await shot(ib, 'talks-ib-first-screen', false);

    await talkRow(ib, SVEN).getByRole('link', { name: SVEN }).click();
    await expect.poll(() => heading(ib)).toBe(SVEN);
    await expect.poll(() => ib.getByTestId('pupil-edit-open').count()).toBe(1);
    await ib.getByTestId('pupil-edit-open').click();
    await expect.poll(() => ib.getByTestId('pupil-edit-pupilNumber').inputValue()).toBe('88002');
    await expectAccessible(ib, 'pupil page with the edit form');
    await shot(ib, 'pupil-edit');

    // English second: the same page, every text translated.
    await ib.getByTestId('lang-en').click();
    await expect.poll(() => ib.getByRole('heading', { name: 'Parents and carers' }).count()).toBe(1);
    expect(await ib.getByTestId('talk').getByRole('heading', { level: 2 }).textContent()).toMatch(/^Start-of-year talk \d{4}-\d{4}$/);
    await expectAccessible(ib, 'pupil page in English');
    await shot(ib, 'pupil-english');
  });

  it('d. the administrator adds a pupil by hand, corrects one, marks another as left and finds them again', async () => {
    const admin = await newPage();
    const overviewRequests: string[] = [];
    admin.on('request', (request) => {
      if (request.url().endsWith('/api/preventive/overview')) overviewRequests.push(request.url());
    });
    await signIn(admin, account('administrator'));
    // /api/auth/me says the overview is not for the administrator: the menu leaves it out, and nothing asks for it.
    await expect.poll(() => menu(admin).getByRole('link').allTextContents()).toEqual(expect.arrayContaining(['Start', 'Leerlingen', 'Medewerkers']));
    expect(await menu(admin).getByRole('link', { name: 'Startgesprekken' }).count()).toBe(0);
    await expect.poll(() => admin.getByRole('alert').count()).toBe(0);

    await openFromMenu(admin, 'Leerlingen', 'Leerlingen zoeken');
    await admin.getByTestId('pupil-add-link').click();
    await expect.poll(() => heading(admin)).toBe('Leerling toevoegen');
    await expect.poll(() => admin.getByTestId('pupil-new-groupId').locator('option', { hasText: 'Groep 5/6 Bevers' }).count()).toBe(1);
    await expectAccessible(admin, 'new pupil form');
    await shot(admin, 'new-pupil-form');

    // A number that is taken: the server's message, the field marked.
    await admin.getByTestId('pupil-new-pupilNumber').fill('88001');
    await admin.getByLabel('Roepnaam').fill(MEREL.callName);
    await admin.getByLabel('Voornamen').fill('Merel Johanna');
    await admin.getByLabel('Achternaam').fill(MEREL.surname);
    await admin.getByLabel('Geboortedatum').fill('2019-05-14');
    await admin.getByLabel('Geslacht').selectOption({ label: 'Meisje' });
    await admin.getByTestId('pupil-new-groupId').selectOption({ label: 'Groep 5/6 Bevers' });
    await admin.getByTestId('pupil-new-save').click();
    await expect.poll(() => admin.getByRole('alert').textContent()).toContain('Er is al een leerling met dit leerlingnummer');
    expect(await admin.getByTestId('pupil-new-pupilNumber').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(admin, 'new pupil with a taken number');
    await shot(admin, 'new-pupil-number-taken');

    await admin.getByTestId('pupil-new-pupilNumber').fill(MEREL.number);
    await admin.getByTestId('pupil-new-save').click();
    await expect.poll(() => admin.getByTestId('pupil-added').textContent()).toBe(`${MEREL.callName} ${MEREL.surname} is toegevoegd aan Groep 5/6 Bevers.`);
    await expectAccessible(admin, 'pupil added');
    await shot(admin, 'new-pupil-added');

    await openFromMenu(admin, 'Leerlingen', 'Leerlingen zoeken');
    await search(admin, 'oosterhout');
    expect(await result(admin, `${MEREL.callName} ${MEREL.surname}`).textContent()).toContain('Groep 5/6 Bevers');

    // Correcting a pupil: the administrator may not read the pupil page, yet the form comes filled in.
    await result(admin, `${MEREL.callName} ${MEREL.surname}`).click();
    await expect.poll(() => admin.getByTestId('pupil-limited').count()).toBe(1);
    await admin.getByTestId('pupil-edit-open').click();
    await expect.poll(() => admin.getByTestId('pupil-edit-pupilNumber').inputValue()).toBe(MEREL.number);
    expect(await admin.getByTestId('pupil-edit-surname').inputValue()).toBe(MEREL.surname);
    expect(await admin.getByTestId('pupil-edit-givenNames').inputValue()).toBe('Merel Johanna');
    expect(await admin.getByTestId('pupil-edit-dateOfBirth').inputValue()).toBe('2019-05-14');
    expect(await admin.getByTestId('pupil-edit-groupId').locator('option:checked').textContent()).toBe('Groep 5/6 Bevers');
    // Nothing of the pupil page: no parents, no start-of-year talk.
    expect(await admin.getByTestId('guardians').count()).toBe(0);
    expect(await admin.getByTestId('talk').count()).toBe(0);
    await expectAccessible(admin, 'correction form for the administrator');
    await shot(admin, 'pupil-correct-administrator');
    await admin.getByTestId('pupil-edit-surname').fill('Oosterhout-Vermeer');
    await admin.getByTestId('pupil-edit-save').click();
    await expect.poll(() => admin.getByText('De gegevens zijn opgeslagen.').count()).toBe(1);
    await expect.poll(() => heading(admin)).toBe(`${MEREL.callName} Oosterhout-Vermeer`);
    await admin.getByRole('link', { name: 'Terug naar zoeken' }).click();
    await search(admin, 'vermeer');
    await expect.poll(() => result(admin, `${MEREL.callName} Oosterhout-Vermeer`).count()).toBe(1);

    // Marking a pupil as left, yesterday: the administrator cannot open the page, but may do this.
    const yesterday = today(1);
    await search(admin, 'kwakernaak');
    await result(admin, BAS).click();
    await expect.poll(() => admin.getByTestId('pupil-limited').count()).toBe(1);
    await expect.poll(() => admin.getByTestId('pupil-status').textContent()).toBe('Huidige leerling');
    await admin.getByTestId('pupil-leave-open').click();
    await expect.poll(() => admin.getByTestId('pupil-left-on').inputValue()).toBe(today().iso);
    await expectAccessible(admin, 'leave form');
    await shot(admin, 'leave-form');
    await admin.getByTestId('pupil-left-on').fill(yesterday.iso);
    await admin.getByTestId('pupil-leave-submit').click();
    const dialog = admin.getByTestId('confirm-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('Wat over de leerling is vastgelegd, blijft bewaard.');
    await expectAccessible(admin, 'leave confirmation');
    await admin.getByTestId('confirm-yes').click();
    await expect.poll(() => admin.getByText(`${BAS} is gemarkeerd als vertrokken per ${yesterday.shown}.`).count()).toBe(1);
    await expect.poll(() => admin.getByTestId('pupil-status').textContent()).toBe(`Vertrokken op ${yesterday.shown}`);
    await expectAccessible(admin, 'pupil marked as left');
    await shot(admin, 'pupil-left');

    await admin.getByRole('link', { name: 'Terug naar zoeken' }).click();
    await expect.poll(() => admin.getByTestId('pupil-search-status').textContent()).toBe('Geen leerlingen gevonden');
    expect(await admin.locator('.search-empty-hint').textContent()).toContain('Ook leerlingen die zijn vertrokken');

    // Marked as left by mistake: found again with the checkbox, and made a current pupil again.
    await admin.getByLabel('Ook leerlingen die zijn vertrokken').check();
    await expect.poll(() => result(admin, BAS).count()).toBe(1);
    expect(await result(admin, BAS).getByTestId('pupil-result-left').textContent()).toBe(`vertrokken op ${yesterday.shown}`);
    await expectAccessible(admin, 'search results with pupils who left');
    await shot(admin, 'search-include-left');
    await result(admin, BAS).click();
    await expect.poll(() => admin.getByTestId('pupil-status').textContent()).toBe(`Vertrokken op ${yesterday.shown}`);
    await admin.getByTestId('pupil-return').click();
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await admin.getByTestId('confirm-yes').click();
    await expect.poll(() => admin.getByText(`${BAS} is weer een huidige leerling.`).count()).toBe(1);
    await expect.poll(() => admin.getByTestId('pupil-status').textContent()).toBe('Huidige leerling');
    await expectAccessible(admin, 'pupil made current again');
    await shot(admin, 'pupil-returned');

    await admin.getByRole('link', { name: 'Terug naar zoeken' }).click();
    await admin.getByLabel('Ook leerlingen die zijn vertrokken').uncheck();
    await search(admin, 'kwakernaak');
    await expect.poll(() => result(admin, BAS).count()).toBe(1);
    expect(await result(admin, BAS).getByTestId('pupil-result-left').count()).toBe(0);
    expect(overviewRequests).toEqual([]);
  });

  it('had no script errors and no server errors on any page', () => {
    expect(e2e.pageErrors.flat()).toEqual([]);
  });
});

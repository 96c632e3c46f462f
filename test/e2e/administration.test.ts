import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/browser.js';
import { chromiumAvailable } from '../support/environment.js';
import { screenshots, useMeldpadInBrowser } from '../support/e2e-harness.js';

const SCHOOL = 'OBS De Regenboog';
const NOOR = { name: 'Noor Visser', email: 'noor.visser@school.example', password: 'Vlinder-Kapstok-Tegel-47' };
const GROUP = 'Groep 5/6 Bevers';
const REGIONAL_PHONE = '010-1234567';

const shot = screenshots();

describe.skipIf(!chromiumAvailable())('administration in the browser: staff, groups, school details and account links', () => {
  const e2e = useMeldpadInBrowser({ prefix: 'meldpad-e2e-admin-', locale: null, mail: false }); // No mail server: links are shown to pass on.
  const { account, nextCode, newPage, heading, signIn } = e2e;

  // Shared between the steps, in the order a school would live them.
  let admin: Page;
  let invitationLink = '';
  let noor: Page;
  let noorSecret = '';

  async function openFromMenu(page: Page, label: string): Promise<void> {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: label, exact: true }).click();
    await expect.poll(() => heading(page)).toBe(label);
  }

  function menuLinks(page: Page): Promise<string[]> {
    return page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allTextContents();
  }

  /** Answers the fresh-code dialog, which must be open. */
  async function confirmWithCode(page: Page, secret: string): Promise<void> {
    const input = page.getByTestId('elevate-code');
    await expect.poll(() => input.isVisible()).toBe(true);
    await input.fill(await nextCode(secret));
    await page.getByTestId('elevate-submit').click();
    await expect.poll(() => page.getByTestId('elevate-dialog').isVisible()).toBe(false);
  }

  it('a. the administrator invites a new teacher and confirms with a fresh code; the link appears', async () => {
    const beheer = account('administrator');
    admin = await newPage();
    await signIn(admin, beheer);
    expect(await menuLinks(admin)).toEqual(['Start', 'Leerlingen', 'Stappenplan', 'Medewerkers', 'Groepen', 'Leerlingen importeren', 'Schoolgegevens', 'Aanmelden via uw organisatie']);

    await openFromMenu(admin, 'Medewerkers');
    const table = admin.getByTestId('staff-table');
    await expect.poll(() => table.locator('tr[data-name="Sanne de Wit"]').count()).toBe(1);
    // The administrator's own row offers nothing that changes access.
    const ownRow = admin.locator('tr[data-testid="staff-row"][data-name="Ruud Verbeek"]');
    await expect.poll(() => ownRow.getByTestId('person-manage').count()).toBe(0);
    expect(await ownRow.textContent()).toContain('Uw eigen account');
    expect(await table.textContent()).toContain("Intern begeleider (IB'er)");
    await expectAccessible(admin, 'staff page');
    await shot(admin, 'staff');

    await admin.getByTestId('invite-open').click();
    await admin.getByLabel('Volledige naam').fill(NOOR.name);
    await admin.getByLabel('E-mailadres').fill(NOOR.email);
    await admin.getByRole('checkbox', { name: 'Leerkracht', exact: true }).check();
    await expectAccessible(admin, 'invitation form');
    await shot(admin, 'staff-invite-form');
    await admin.getByTestId('invite-submit').click();

    // Inviting changes access: the server asks for a fresh code, the dialog asks the person.
    const dialog = admin.getByTestId('elevate-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByRole('heading').textContent()).toBe('Bevestig met een code uit uw app');
    await expect.poll(() => admin.getByTestId('elevate-code').evaluate((input) => input === input.ownerDocument.activeElement)).toBe(true);
    await expectAccessible(admin, 'fresh-code dialog');
    await shot(admin, 'elevation-dialog');
    await admin.getByTestId('elevate-code').fill('000000');
    await admin.getByTestId('elevate-submit').click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('Deze code klopt niet');
    await expectAccessible(admin, 'fresh-code dialog with a wrong code');
    await confirmWithCode(admin, beheer.totpSecret);

    // No mail server: the link to pass on, the original request retried without another click.
    const link = admin.getByTestId('invitation-link');
    await expect.poll(() => link.count()).toBe(1);
    invitationLink = await link.inputValue();
    expect(invitationLink).toMatch(new RegExp(`^${e2e.url}/uitnodiging#token=`));
    await expect.poll(() => admin.getByText('Geef deze link persoonlijk aan Noor').count()).toBe(1);
    await expect.poll(() => admin.getByTestId('invitations-table').getByText(NOOR.email).count()).toBe(1);
    await expectAccessible(admin, 'invitation link to pass on');
    await shot(admin, 'staff-invitation-link');
  });

  it('c. the new teacher opens the link, chooses a password, enrols and sees only what a teacher may', async () => {
    noor = await newPage();
    await noor.goto(invitationLink);
    await expect.poll(() => heading(noor)).toBe(`Welkom bij Meldpad, ${NOOR.name}`);
    await expect.poll(() => noor.getByText(`voor ${SCHOOL}, als leerkracht`).count()).toBe(1);
    expect(await noor.getByLabel('E-mailadres').inputValue()).toBe(NOOR.email);
    await expectAccessible(noor, 'invitation page');
    await shot(noor, 'invitation-page');

    await noor.getByLabel('Kies een wachtwoord').fill('welkom12345678');
    await noor.getByLabel('Herhaal het wachtwoord').fill('welkom12345678');
    await noor.getByTestId('account-link-submit').click();
    const alert = noor.getByRole('alert').first();
    await expect.poll(() => alert.textContent()).toContain('Kies een sterker wachtwoord');
    expect(await alert.locator('li').count()).toBeGreaterThan(0);
    await expectAccessible(noor, 'invitation page with a refused password');
    await shot(noor, 'invitation-weak-password');

    await noor.getByLabel('Kies een wachtwoord').fill(NOOR.password);
    await noor.getByLabel('Herhaal het wachtwoord').fill(NOOR.password);
    await noor.getByTestId('account-link-submit').click();
    await noor.waitForURL('**/login');
    await expect.poll(() => noor.getByText('Uw account is aangemaakt.').count()).toBe(1);
    expect(await noor.getByLabel('E-mailadres').inputValue()).toBe(NOOR.email);
    await expectAccessible(noor, 'sign-in page after accepting the invitation');

    await noor.getByLabel('Wachtwoord').fill(NOOR.password);
    await noor.getByTestId('login-submit').click();
    await noor.waitForURL('**/login/enrol');
    const secretText = noor.getByTestId('totp-secret');
    await expect.poll(() => secretText.textContent()).toMatch(/[A-Z2-7]{4}/);
    noorSecret = (await secretText.textContent())!.replace(/\s/g, '');
    await noor.getByLabel('Code uit de app').fill(await nextCode(noorSecret));
    await noor.getByTestId('code-submit').click();
    await expect.poll(() => noor.getByTestId('recovery-codes').locator('li').count()).toBe(10);
    await noor.getByTestId('recovery-codes-saved').click();
    await noor.waitForURL(`${e2e.url}/`);
    await expect.poll(() => noor.getByTestId('home-heading').textContent()).toBe('Welkom, Noor');

    // The menu follows the access policy's abilities: no staff administration for a teacher.
    // "Startgesprekken" appears once the server has answered that the overview is hers.
    await expect.poll(() => menuLinks(noor)).toEqual(['Start', 'Leerlingen', 'Casussen', 'Startgesprekken', 'Stappenplan', 'Groepen', 'Schoolgegevens']);

    await openFromMenu(noor, 'Groepen');
    await expect.poll(() => noor.getByTestId('groups-table').getByText(GROUP).count()).toBe(1);
    await expect.poll(() => noor.getByTestId('group-add-open').count()).toBe(0);
    await expect.poll(() => noor.getByTestId('group-edit').count()).toBe(0);
    await expectAccessible(noor, 'groups page, read-only');
    await shot(noor, 'groups-read-only');

    await openFromMenu(noor, 'Schoolgegevens');
    await expect.poll(() => noor.getByTestId('school-facts').count()).toBe(1);
    await expect.poll(() => noor.getByTestId('school-save').count()).toBe(0);
    await expect.poll(() => noor.getByRole('textbox').count()).toBe(0);
    expect(await noor.getByTestId('school-facts').textContent()).toContain(SCHOOL);
    await expectAccessible(noor, 'school details, read-only');

    await noor.goto(`${e2e.url}/beheer/medewerkers`);
    await expect.poll(() => noor.getByText('Deze pagina hoort niet bij uw rol op deze school.').count()).toBe(1);
    await expectAccessible(noor, 'staff page without access');

    // The link worked once.
    const again = await newPage();
    await again.goto(invitationLink);
    await expect.poll(() => heading(again)).toBe('Deze link werkt niet');
    expect(await again.getByRole('alert').textContent()).toContain('Deze link is ongeldig, al gebruikt of verlopen');
    await expect.poll(() => again.getByRole('link', { name: 'Naar aanmelden' }).count()).toBe(1);
    await expectAccessible(again, 'used invitation link');
    await shot(again, 'invitation-used');
  });

  it('b. the administrator makes the new teacher the teacher of a group', async () => {
    await openFromMenu(admin, 'Groepen');
    const row = admin.locator(`tr[data-testid="group-row"][data-name="${GROUP}"]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('groep 5/6');
    await expectAccessible(admin, 'groups page for the administrator');
    await shot(admin, 'groups');

    await row.getByTestId('group-edit').click();
    const teacher = admin.getByRole('checkbox', { name: NOOR.name, exact: true });
    await expect.poll(() => teacher.count()).toBe(1);
    await expectAccessible(admin, 'editing a group');
    await shot(admin, 'groups-edit');
    await teacher.check();
    await admin.getByTestId('group-save').click();
    await expect.poll(() => admin.getByRole('status').filter({ hasText: `${GROUP} is opgeslagen.` }).count()).toBe(1);
    await expect.poll(() => row.textContent()).toContain(NOOR.name);

    await admin.getByTestId('group-add-open').click();
    await admin.getByLabel('Naam van de groep').fill('Groep 3 Vossen');
    await admin.getByRole('checkbox', { name: 'groep 3', exact: true }).check();
    await admin.getByTestId('group-save').click();
    await expect.poll(() => admin.getByRole('alert').first().textContent()).toContain('Er is al een groep met deze naam.');
    await expectAccessible(admin, 'new group with a name that is taken');

    await openFromMenu(admin, 'Medewerkers');
    const noorRow = admin.locator(`tr[data-testid="staff-row"][data-name="${NOOR.name}"]`);
    await expect.poll(() => noorRow.textContent()).toContain(GROUP);
    expect((await noorRow.textContent())?.replace(/\u00ad/g, '')).toContain('Tweestapsverificatie: ja');
  });

  it('d. the administrator deactivates the teacher: her session ends and she can no longer sign in', async () => {
    // Well past the five minutes of the first confirmation: the dialog must ask again.
    e2e.clock.advance(6 * 60_000);
    const beheer = account('administrator');
    const noorRow = admin.locator(`tr[data-testid="staff-row"][data-name="${NOOR.name}"]`);
    await noorRow.getByTestId('person-manage').click();
    const panel = admin.getByTestId('person-panel');
    await expect.poll(() => panel.count()).toBe(1);
    await expectAccessible(admin, 'person panel');
    await shot(admin, 'staff-person-panel');

    await panel.getByTestId('sessions-show').click();
    await expect.poll(() => panel.getByTestId('sessions-table').locator('tbody tr').count()).toBe(1);
    await expectAccessible(admin, 'person panel with sessions');
    await shot(admin, 'staff-sessions');

    await panel.getByTestId('deactivate').click();
    const confirmDialog = admin.getByTestId('confirm-dialog');
    await expect.poll(() => confirmDialog.isVisible()).toBe(true);
    expect(await confirmDialog.textContent()).toContain('Alle sessies van deze persoon eindigen direct.');
    await expectAccessible(admin, 'confirmation dialog');
    await shot(admin, 'confirm-deactivate');
    await admin.getByTestId('confirm-yes').click();
    await confirmWithCode(admin, beheer.totpSecret);

    await expect.poll(() => admin.getByText(`${NOOR.name} is gedeactiveerd.`).count()).toBe(1);
    await expect.poll(() => noorRow.textContent()).toContain('Gedeactiveerd');
    await expect.poll(() => panel.getByTestId('reactivate').count()).toBe(1);
    await expectAccessible(admin, 'person panel after deactivation');

    await noor.reload();
    await noor.waitForURL('**/login');
    await noor.getByLabel('E-mailadres').fill(NOOR.email);
    await noor.getByLabel('Wachtwoord').fill(NOOR.password);
    await noor.getByTestId('login-submit').click();
    await expect.poll(() => noor.getByRole('alert').first().textContent()).toContain('Het e-mailadres of het wachtwoord klopt niet.');

    // A password link for a colleague: passed on by hand, like the invitation.
    const sanneRow = admin.locator('tr[data-testid="staff-row"][data-name="Sanne de Wit"]');
    await sanneRow.getByTestId('person-manage').click();
    await admin.getByTestId('password-reset').click();
    await admin.getByTestId('confirm-yes').click();
    const passwordLink = admin.getByTestId('password-link');
    await expect.poll(() => passwordLink.count()).toBe(1);
    expect(await passwordLink.inputValue()).toMatch(new RegExp(`^${e2e.url}/wachtwoord-instellen#token=`));
    await expectAccessible(admin, 'password link to pass on');
    await shot(admin, 'staff-password-link');

    const sanne = await newPage();
    await sanne.goto(await passwordLink.inputValue());
    await expect.poll(() => heading(sanne)).toBe('Nieuw wachtwoord instellen');
    await expectAccessible(sanne, 'password page');
    await shot(sanne, 'password-page');
  });

  it('e. the director sets the regional Veilig Thuis number; the safety box and a teacher see it', async () => {
    const directie = account('director');
    const director = await newPage();
    await signIn(director, directie);
    expect(await director.getByTestId('safety-box').textContent()).toContain('0800-2000');
    await openFromMenu(director, 'Schoolgegevens');
    const phone = director.getByLabel('Telefoonnummer Veilig Thuis');
    await expect.poll(() => phone.count()).toBe(1);
    expect(await director.getByLabel('BRIN-nummer').inputValue()).toBe('99ZZ');
    await expectAccessible(director, 'school details form');
    await shot(director, 'school-form');

    await director.getByLabel('BRIN-nummer').fill('ABC');
    await director.getByTestId('school-save').click();
    await expect.poll(() => director.getByRole('alert').first().textContent()).toMatch(/brin/i);
    expect(await director.getByLabel('BRIN-nummer').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(director, 'school details form with an error');

    await director.getByLabel('BRIN-nummer').fill('99ZZ');
    await phone.fill(REGIONAL_PHONE);
    await director.getByTestId('school-save').click();
    await expect.poll(() => director.getByText('De schoolgegevens zijn opgeslagen.').count()).toBe(1);
    await expect.poll(() => director.getByTestId('safety-box').textContent()).toContain(REGIONAL_PHONE);
    expect(await director.getByTestId('safety-veilig-thuis').getAttribute('href')).toBe('tel:0101234567');
    await expectAccessible(director, 'school details saved');
    await shot(director, 'school-saved');

    const leerkracht = account('teacher');
    const teacher = await newPage();
    await signIn(teacher, leerkracht);
    await expect.poll(() => teacher.getByTestId('safety-box').textContent()).toContain(REGIONAL_PHONE);
    await openFromMenu(teacher, 'Schoolgegevens');
    await expect.poll(() => teacher.getByTestId('school-veilig-thuis-phone').textContent()).toBe(REGIONAL_PHONE);
    await expect.poll(() => teacher.getByTestId('school-save').count()).toBe(0);
    await expectAccessible(teacher, 'school details read-only with the regional number');
    await shot(teacher, 'school-read-only');

    // The school social worker serves both schools and starts at the first by name, Het Kompas.
    // After switching, every page shows the other school's data, the safety box included.
    const smw = account('smw');
    const worker = await newPage();
    await signIn(worker, smw);
    expect(await worker.getByTestId('current-school').textContent()).toBe('Basisschool Het Kompas');
    await openFromMenu(worker, 'Groepen');
    await expect.poll(() => worker.getByTestId('groups-table').getByText('Groep 5 Reigers').count()).toBe(1);
    expect(await worker.getByTestId('safety-box').textContent()).toContain('0800-2000');
    expect(await worker.getByTestId('safety-box').textContent()).not.toContain(REGIONAL_PHONE);

    await worker.getByLabel('School', { exact: true }).selectOption({ label: SCHOOL });
    await worker.waitForURL(`${e2e.url}/`);
    await expect.poll(() => worker.getByTestId('current-school').textContent()).toBe(SCHOOL);
    await expect.poll(() => worker.getByTestId('safety-box').textContent()).toContain(REGIONAL_PHONE);
    await openFromMenu(worker, 'Groepen');
    await expect.poll(() => worker.getByTestId('groups-table').getByText(GROUP).count()).toBe(1);
    await expect.poll(() => worker.getByTestId('groups-table').getByText('Groep 5 Reigers').count()).toBe(0);
    await expectAccessible(worker, 'groups after switching school');
  });

  it('had no script errors and no server errors on any page', () => {
    expect(e2e.pageErrors.flat()).toEqual([]);
  });
});

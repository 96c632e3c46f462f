import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/browser.js';
import { screenshots, useMeldpadInBrowser } from '../support/e2e-harness.js';
import { chromiumAvailable } from '../support/environment.js';
import { startTestIdentityProvider, type TestIdentityProvider } from '../support/oidc-test-provider.js';

const PROVIDER_NAME = 'Stichting Maasstad';

const shot = screenshots();

describe.skipIf(!chromiumAvailable())('single sign-on in the browser: the administrator adds a provider, a teacher signs in with it', () => {
  const e2e = useMeldpadInBrowser({ prefix: 'meldpad-e2e-sso-', viewport: { width: 1280, height: 900 }, locale: null });
  const { account, nextCode, newPage, signIn } = e2e;
  let idp: TestIdentityProvider;
  let meldpadUrl = '';

  // Runs once the harness has started Meldpad and the browser; its afterAll runs before theirs.
  beforeAll(async () => {
    // People reach Meldpad as http://localhost:PORT and the provider at http://127.0.0.1:PORT2: two
    // different sites, so the provider's redirect back is a cross-site navigation, as with Entra ID
    // or Google. (Two ports of one host would be the same site and hide SameSite=Strict's effect.)
    // Like `meldpad start` with PORT=0, the public URL is known only once listening.
    e2e.meldpad.ctx.config.publicUrl = new URL(`http://localhost:${new URL(e2e.meldpad.url).port}`);
    meldpadUrl = e2e.url;
    idp = await startTestIdentityProvider({ redirectUris: [`${meldpadUrl}/api/auth/sso/callback`], interactive: true });
  });

  afterAll(async () => {
    await idp?.close();
  });

  /** At the provider's page, the person confirms (a real provider asks for a password and a second factor here). */
  async function confirmAtProvider(page: Page): Promise<void> {
    await page.waitForURL(`${idp.issuer}/interaction/**`);
    await page.getByRole('button', { name: 'Doorgaan' }).click();
  }

  it('the administrator adds the organisation\'s provider, marked as enforcing MFA, with a fresh code', async () => {
    const beheer = account('administrator');
    const admin = await newPage();
    await signIn(admin, beheer);

    await admin.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Aanmelden via uw organisatie' }).click();
    await expect.poll(() => admin.getByRole('heading', { level: 1 }).textContent()).toBe('Aanmelden via uw organisatie');
    await expect.poll(() => admin.getByTestId('sso-redirect-uri').textContent()).toBe(`${meldpadUrl}/api/auth/sso/callback`);
    await expect.poll(() => admin.getByText('Er is nog geen aanmelddienst ingesteld').count()).toBe(1);
    await expectAccessible(admin, 'sign-in administration, no provider yet');
    await shot(admin, 'sso-admin-empty');

    await admin.getByTestId('sso-add-open').click();
    await admin.getByLabel('Naam op de knop').fill(PROVIDER_NAME);
    await admin.getByLabel('Soort aanmelddienst').selectOption('oidc');
    await admin.getByLabel('Issuer-adres').fill(idp.issuer);
    await admin.getByLabel('Client-ID').fill(idp.clientId);
    await admin.getByLabel('Clientgeheim').fill(idp.clientSecret);
    const mfa = admin.getByRole('checkbox', { name: 'Het account van de organisatie vraagt altijd een tweede stap' });
    expect(await mfa.getAttribute('aria-describedby')).toBeTruthy();
    await mfa.check();
    await expectAccessible(admin, 'new provider form');
    await shot(admin, 'sso-admin-form');

    await admin.getByTestId('sso-save').click();
    const code = admin.getByTestId('elevate-code');
    await expect.poll(() => code.isVisible()).toBe(true);
    await code.fill(await nextCode(beheer.totpSecret));
    await admin.getByTestId('elevate-submit').click();
    await expect.poll(() => admin.getByRole('status').filter({ hasText: 'is toegevoegd' }).count()).toBe(1);
    const row = admin.locator(`tr[data-testid="sso-row"][data-name="${PROVIDER_NAME}"]`);
    await expect.poll(() => row.textContent()).toContain('Door de organisatie');
    expect(await row.textContent()).toContain('Aan');
    expect(await admin.content()).not.toContain(idp.clientSecret);
    await expectAccessible(admin, 'sign-in administration with a provider');
    await shot(admin, 'sso-admin-list');
  });

  it('a teacher signs in with the button on the sign-in page and lands on the home page, no code asked', async () => {
    const teacher = account('teacher');
    idp.setIdentity('sanne', { email: teacher.email, emailVerified: true, amr: ['pwd', 'mfa'] });
    idp.signInAs('sanne');
    const page = await newPage();
    // What the browser really sends: does the session cookie travel on each request after the callback?
    const finished: Promise<{ path: string; session: boolean }>[] = [];
    page.on('requestfinished', (request) => {
      const url = new URL(request.url());
      if (url.origin !== meldpadUrl || url.pathname.startsWith('/assets/')) return;
      // Kept in the order the requests finished; the headers as sent come a little later.
      finished.push(request.allHeaders().then((headers) => ({ path: url.pathname, session: /(^|;\s*)meldpad-session=/.test(headers['cookie'] ?? '') })));
    });

    await page.goto(`${meldpadUrl}/login`);
    const button = page.getByRole('button', { name: `Aanmelden met ${PROVIDER_NAME}` });
    await expect.poll(() => button.count()).toBe(1);
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Of meld u aan via uw organisatie' }).count()).toBe(1);
    await expectAccessible(page, 'sign-in page with a provider button');
    await shot(page, 'sso-login');

    await button.click();
    await confirmAtProvider(page);
    await page.waitForURL(`${meldpadUrl}/`);
    await expect.poll(() => page.getByTestId('home-heading').textContent()).toBe('Welkom, Sanne');
    expect(await page.getByTestId('current-user').textContent()).toContain('Sanne de Wit');
    await shot(page, 'sso-home');

    // The provider's page started the navigation back, so the callback and the redirect after it are
    // cross-site: the SameSite=Strict cookie the callback set is stored, but not sent with the
    // document at /. The app's own same-origin fetch of /api/auth/me does send it: that is why the
    // person is signed in. (Seen in Chromium; nothing here relies on the page request carrying it.)
    const sent = await Promise.all(finished);
    const callbackAt = sent.findIndex((r) => r.path === '/api/auth/sso/callback');
    expect(callbackAt).toBeGreaterThanOrEqual(0);
    const after = sent.slice(callbackAt + 1);
    expect(after.find((r) => r.path === '/')).toEqual({ path: '/', session: false });
    expect(after.find((r) => r.path === '/api/auth/me')).toEqual({ path: '/api/auth/me', session: true });
  });

  it('tells a person without a Meldpad account that they need an invitation, and gives no session', async () => {
    idp.setIdentity('stranger', { email: 'iemand.anders@demo.meldpad.example', emailVerified: true, amr: ['mfa'] });
    idp.signInAs('stranger');
    const page = await newPage();
    await page.goto(`${meldpadUrl}/login`);
    await page.getByRole('button', { name: `Aanmelden met ${PROVIDER_NAME}` }).click();
    await confirmAtProvider(page);
    await page.waitForURL(`${meldpadUrl}/login`);
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBe(
      'Er is geen Meldpad-account voor dit account van uw organisatie. Vraag de functioneel beheerder om een uitnodiging.',
    );
    // The outcome was in the fragment, never in the query; it is gone from the address now.
    expect(new URL(page.url()).hash).toBe('');
    await expectAccessible(page, 'sign-in page after a refused sign-in');
    await shot(page, 'sso-refused');
    await page.goto(`${meldpadUrl}/`);
    await page.waitForURL('**/login');
  });

  it('had no page errors', () => {
    expect(e2e.pageErrors.flat()).toEqual([]);
  });
});

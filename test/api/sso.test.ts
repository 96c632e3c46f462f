import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAccount } from '../../src/server/people/accounts.js';
import { SecretBox } from '../../src/server/security/secret-box.js';
import { ENGINES } from '../support/databases.js';
import { account, createDemoApp, REGENBOOG, signInAs, userIdOf, type DemoApp } from '../support/demo-app.js';
import { followIdentityProvider, startTestIdentityProvider, type TestIdentityProvider } from '../support/oidc-test-provider.js';
import { Session, totpCode } from '../support/test-app.js';

/** The test app's PUBLIC_URL is http://127.0.0.1:3000: the redirect URI registered at the provider. */
const CALLBACK = 'http://127.0.0.1:3000/api/auth/sso/callback';
const TEACHER_EMAIL = 'leerkracht.regenboog@demo.meldpad.example';

describe.each(ENGINES)('single sign-on through OpenID Connect (%s)', (engine) => {
  let idp: TestIdentityProvider;
  let t: DemoApp;

  beforeAll(async () => {
    idp = await startTestIdentityProvider({ redirectUris: [CALLBACK] });
  });
  afterAll(async () => idp?.close());
  beforeEach(async () => {
    t = await createDemoApp(engine);
  });
  afterEach(async () => t.close());

  /** The administrator adds the provider in the API, with a fresh code. */
  async function addProvider(options: { enforcesMfa: boolean; name?: string }): Promise<string> {
    const admin = await signInAs(t, account(t, 'administrator'), { elevated: true });
    const created = await admin.post('/api/sso/providers', {
      name: options.name ?? 'Stichting Proef (Entra ID)',
      kind: 'oidc',
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      enforcesMfa: options.enforcesMfa,
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id as string;
  }

  /**
   * Plays the browser: start at Meldpad, through the provider's (automatic) login and consent,
   * back to Meldpad's callback with the cookie the start set.
   */
  async function signInThroughProvider(providerId: string, accountId: string, session = new Session(t)) {
    const start = await session.post(`/api/auth/sso/${providerId}/start`, {});
    expect(start.statusCode, start.body).toBe(200);
    const browserCookie = start.cookies.find((c) => c.name === 'meldpad-sso')!;
    expect(browserCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/auth/sso/' });
    idp.signInAs(accountId);
    const back = await followIdentityProvider(start.json().redirectUrl, CALLBACK);
    const cookie = `meldpad-sso=${browserCookie.value}`;
    const callback = await session.get(`${back.pathname}${back.search}`, { cookie });
    return { session, callback, callbackPath: `${back.pathname}${back.search}`, cookie, redirectUrl: new URL(start.json().redirectUrl as string) };
  }

  const sessionCookieSet = (response: { cookies: { name: string; value: string }[] }) => response.cookies.some((c) => c.name === 'meldpad-session' && c.value !== '');

  it('lists no providers before the administrator adds one, then the enabled ones by name only', async () => {
    expect((await new Session(t).get('/api/auth/sso/providers')).json()).toEqual({ providers: [] });
    const id = await addProvider({ enforcesMfa: false });
    expect((await new Session(t).get('/api/auth/sso/providers')).json()).toEqual({ providers: [{ id, name: 'Stichting Proef (Entra ID)' }] });
  });

  it('starts an authorization code flow with PKCE (S256), a nonce and a state, and stores only hashes', async () => {
    const providerId = await addProvider({ enforcesMfa: false });
    const start = await new Session(t).post(`/api/auth/sso/${providerId}/start`, {});
    const url = new URL(start.json().redirectUrl as string);
    expect(url.origin).toBe(idp.issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: idp.clientId,
      response_type: 'code',
      scope: 'openid email profile',
      redirect_uri: CALLBACK,
      code_challenge_method: 'S256',
    });
    for (const p of ['state', 'nonce', 'code_challenge']) expect(url.searchParams.get(p)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await t.ctx.db.kysely.selectFrom('sso_requests').selectAll().execute();
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    const stored = JSON.stringify(row);
    for (const p of ['state', 'nonce', 'code_challenge']) expect(stored).not.toContain(url.searchParams.get(p));
    expect(new Date(row.expires_at).getTime() - new Date(row.created_at).getTime()).toBe(10 * 60 * 1000);
  });

  it('signs an invited person in, and still asks for their TOTP code when the provider does not enforce MFA', async () => {
    const providerId = await addProvider({ enforcesMfa: false });
    idp.setIdentity('sanne', { email: TEACHER_EMAIL, emailVerified: true, amr: ['pwd', 'mfa'] });
    const { session, callback } = await signInThroughProvider(providerId, 'sanne');
    expect(callback.statusCode).toBe(302);
    expect(callback.headers.location).toBe('/login/code');
    expect(callback.cookies.find((c) => c.name === 'meldpad-session')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);

    const teacher = account(t, 'teacher');
    t.clock.advance(30_000);
    expect((await session.post('/api/auth/totp', { code: await totpCode(t, teacher.totpSecret) })).statusCode).toBe(200);
    const me = await session.get('/api/auth/me');
    expect(me.json()).toMatchObject({ user: { email: TEACHER_EMAIL }, school: { name: REGENBOOG }, roles: ['teacher'] });

    const event = (await t.ctx.repos.audit.latest(10)).find((e) => e.action === 'auth.sso')!;
    expect(event).toMatchObject({ outcome: 'success', actorUserId: await userIdOf(t, teacher), subjectId: providerId });
  });

  it('signs in at once when the provider enforces MFA and the ID token shows it (amr mfa)', async () => {
    const providerId = await addProvider({ enforcesMfa: true });
    idp.setIdentity('sanne', { email: TEACHER_EMAIL.toUpperCase(), emailVerified: true, amr: ['pwd', 'mfa'] });
    const { session, callback } = await signInThroughProvider(providerId, 'sanne');
    expect(callback.headers.location).toBe('/');
    const me = await session.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { email: TEACHER_EMAIL }, school: { name: REGENBOOG } });
    const event = (await t.ctx.repos.audit.latest(10)).find((e) => e.action === 'auth.sso')!;
    expect(event).toMatchObject({ outcome: 'success', subjectId: providerId, schoolId: me.json().school.id });
  });

  it('still asks for the TOTP code when the provider enforces MFA but this sign-in used a password only (amr pwd)', async () => {
    const providerId = await addProvider({ enforcesMfa: true });
    idp.setIdentity('sanne', { email: TEACHER_EMAIL, emailVerified: true, amr: ['pwd'] });
    const { session, callback } = await signInThroughProvider(providerId, 'sanne');
    expect(callback.headers.location).toBe('/login/code');
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('sends a person without a second factor to enrol, unless the provider\'s MFA counts', async () => {
    const teacher = account(t, 'teacher');
    await t.ctx.repos.staff.resetSecondFactor(await userIdOf(t, teacher));
    idp.setIdentity('sanne', { email: TEACHER_EMAIL, emailVerified: true, amr: ['pwd'] });
    const plain = await addProvider({ enforcesMfa: false, name: 'Zonder MFA' });
    const { session, callback } = await signInThroughProvider(plain, 'sanne');
    expect(callback.headers.location).toBe('/login/enrol');
    expect((await session.post('/api/auth/totp/enrol', {})).statusCode).toBe(200);

    const strict = await addProvider({ enforcesMfa: true, name: 'Met MFA' });
    idp.setIdentity('sanne', { email: TEACHER_EMAIL, emailVerified: true, amr: ['fido'] });
    const second = await signInThroughProvider(strict, 'sanne');
    expect(second.callback.headers.location).toBe('/');
    expect((await second.session.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('refuses an address that has no account, and gives no session', async () => {
    const providerId = await addProvider({ enforcesMfa: true });
    idp.setIdentity('stranger', { email: 'onbekend.persoon@demo.meldpad.example', emailVerified: true, amr: ['mfa'] });
    const { session, callback } = await signInThroughProvider(providerId, 'stranger');
    expect(callback.statusCode).toBe(302);
    expect(callback.headers.location).toBe('/login#sso=refused');
    expect(sessionCookieSet(callback)).toBe(false);
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    expect(await t.ctx.db.kysely.selectFrom('sessions').select('id').execute()).toHaveLength(1); // the administrator's
    const event = (await t.ctx.repos.audit.latest(10)).find((e) => e.action === 'auth.sso')!;
    expect(event).toMatchObject({ outcome: 'failure', subjectId: providerId, actorUserId: null });
  });

  it('refuses an address the provider has not verified', async () => {
    const providerId = await addProvider({ enforcesMfa: true });
    idp.setIdentity('sanne', { email: TEACHER_EMAIL, emailVerified: false, amr: ['mfa'] });
    const { callback } = await signInThroughProvider(providerId, 'sanne');
    expect(callback.headers.location).toBe('/login#sso=refused');
    expect(sessionCookieSet(callback)).toBe(false);
  });

  it('refuses a deactivated person', async () => {
    const providerId = await addProvider({ enforcesMfa: true });
    await t.ctx.repos.staff.setDeactivated(await userIdOf(t, account(t, 'teacher')), t.clock.now());
    idp.setIdentity('sanne', { email: TEACHER_EMAIL, emailVerified: true, amr: ['mfa'] });
    const { session, callback } = await signInThroughProvider(providerId, 'sanne');
    expect(callback.headers.location).toBe('/login#sso=refused');
    expect(sessionCookieSet(callback)).toBe(false);
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('refuses a person of another board, whose address the provider vouches for', async () => {
    const providerId = await addProvider({ enforcesMfa: true });
    const now = t.clock.now();
    const otherBoard = randomUUID();
    const otherSchool = randomUUID();
    await t.ctx.db.kysely.transaction().execute(async (tx) => {
      await t.ctx.repos.boards.createBoard({ id: otherBoard, name: 'Stichting Elders', at: now }, tx);
      await t.ctx.repos.boards.createSchool({ id: otherSchool, boardId: otherBoard, name: 'OBS Elders', at: now }, tx);
      await createAccount(
        t.ctx.repos,
        { boardId: otherBoard, email: 'juf.elders@elders.example', name: 'Juf Elders', password: 'Zeilboot-Paraplu-Kwast-81', memberships: [{ schoolId: otherSchool, role: 'teacher' }] },
        now,
        tx,
      );
    });
    idp.setIdentity('elders', { email: 'juf.elders@elders.example', emailVerified: true, amr: ['mfa'] });
    const { callback } = await signInThroughProvider(providerId, 'elders');
    expect(callback.headers.location).toBe('/login#sso=refused');
    expect(sessionCookieSet(callback)).toBe(false);
  });

  it('refuses a replayed state, and a callback without the cookie of the browser that started it', async () => {
    const providerId = await addProvider({ enforcesMfa: true });
    idp.setIdentity('sanne', { email: TEACHER_EMAIL, emailVerified: true, amr: ['mfa'] });
    const first = await signInThroughProvider(providerId, 'sanne');
    expect(first.callback.headers.location).toBe('/');

    const replay = new Session(t);
    const again = await replay.get(first.callbackPath, { cookie: first.cookie });
    expect(again.headers.location).toBe('/login#sso=failed');
    expect(sessionCookieSet(again)).toBe(false);

    // Someone else's browser, sent to the callback with a fresh code and state of the attacker's own sign-in.
    const attacker = new Session(t);
    const start = await attacker.post(`/api/auth/sso/${providerId}/start`, {});
    idp.signInAs('sanne');
    const back = await followIdentityProvider(start.json().redirectUrl, CALLBACK);
    const victim = new Session(t);
    const forced = await victim.get(`${back.pathname}${back.search}`);
    expect(forced.headers.location).toBe('/login#sso=failed');
    expect(sessionCookieSet(forced)).toBe(false);
  });

  it('sends a failed or malformed callback back to the sign-in page, never to an error page', async () => {
    const providerId = await addProvider({ enforcesMfa: true });
    const session = new Session(t);
    for (const path of [
      '/api/auth/sso/callback',
      '/api/auth/sso/callback?code=abc',
      '/api/auth/sso/callback?code=abc&state=unknown',
      `/api/auth/sso/callback?state=${'x'.repeat(600)}`,
      '/api/auth/sso/callback?state=a&state=b',
    ]) {
      const response = await session.get(path);
      expect([path, response.statusCode, response.headers.location]).toEqual([path, 302, '/login#sso=failed']);
    }
    // The provider says no (the person cancelled): the state is used up, nothing else happens.
    const start = await session.post(`/api/auth/sso/${providerId}/start`, {});
    const state = new URL(start.json().redirectUrl as string).searchParams.get('state')!;
    const cookie = `meldpad-sso=${start.cookies.find((c) => c.name === 'meldpad-sso')!.value}`;
    const denied = await session.get(`/api/auth/sso/callback?error=access_denied&state=${state}`, { cookie });
    expect(denied.headers.location).toBe('/login#sso=failed');
    expect(await t.ctx.db.kysely.selectFrom('sso_requests').select('state_hash').execute()).toEqual([]);
  });

  it('lets a started sign-in expire after ten minutes', async () => {
    const providerId = await addProvider({ enforcesMfa: true });
    idp.setIdentity('sanne', { email: TEACHER_EMAIL, emailVerified: true, amr: ['mfa'] });
    const session = new Session(t);
    const start = await session.post(`/api/auth/sso/${providerId}/start`, {});
    idp.signInAs('sanne');
    const back = await followIdentityProvider(start.json().redirectUrl, CALLBACK);
    t.clock.advance(10 * 60 * 1000 + 1000);
    const late = await session.get(`${back.pathname}${back.search}`, { cookie: `meldpad-sso=${start.cookies.find((c) => c.name === 'meldpad-sso')!.value}` });
    expect(late.headers.location).toBe('/login#sso=failed');
  });

  it('keeps the administration for the administrator, with a fresh code for every change', async () => {
    const body = { name: 'Google Workspace', kind: 'oidc', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, enforcesMfa: false };
    const teacher = await signInAs(t, account(t, 'teacher'));
    expect((await teacher.get('/api/sso/providers')).statusCode).toBe(404);
    expect((await teacher.post('/api/sso/providers', body)).statusCode).toBe(404);
    expect((await new Session(t).get('/api/sso/providers')).statusCode).toBe(401);

    const admin = await signInAs(t, account(t, 'administrator'));
    const listed = await admin.get('/api/sso/providers');
    expect(listed.json()).toEqual({ providers: [], redirectUri: CALLBACK, abilities: { 'sso.providers.manage': true } });
    const withoutCode = await admin.post('/api/sso/providers', body);
    expect(withoutCode.statusCode).toBe(403);
    expect(withoutCode.json().error.code).toBe('elevation-required');
    expect((await admin.get('/api/auth/me')).json().abilities['sso.providers.manage']).toBe(true);
    expect((await teacher.get('/api/auth/me')).json().abilities['sso.providers.manage']).toBe(false);

    t.clock.advance(30_000);
    expect((await admin.post('/api/auth/elevate', { code: await totpCode(t, account(t, 'administrator').totpSecret) })).statusCode).toBe(200);
    const created = await admin.post('/api/sso/providers', body);
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect((await teacher.put(`/api/sso/providers/${id}`, body)).statusCode).toBe(404);
    expect((await teacher.post(`/api/sso/providers/${id}/disable`, {})).statusCode).toBe(404);

    expect((await admin.put(`/api/sso/providers/${id}`, { ...body, name: 'Google Workspace (school)', clientSecret: undefined, enforcesMfa: true })).statusCode).toBe(200);
    expect((await admin.post(`/api/sso/providers/${id}/disable`, {})).statusCode).toBe(200);
    expect((await new Session(t).get('/api/auth/sso/providers')).json()).toEqual({ providers: [] });
    expect((await new Session(t).post(`/api/auth/sso/${id}/start`, {})).statusCode).toBe(404);
    expect((await admin.post(`/api/sso/providers/${id}/enable`, {})).statusCode).toBe(200);
    expect((await admin.put(`/api/sso/providers/${randomUUID()}`, body)).statusCode).toBe(404);

    const list = await admin.get('/api/sso/providers');
    expect(list.json().providers).toEqual([
      { id, name: 'Google Workspace (school)', kind: 'oidc', issuer: idp.issuer, clientId: idp.clientId, enforcesMfa: true, enabled: true, createdAt: expect.any(String) },
    ]);
    const actions = (await t.ctx.repos.audit.latest(20)).filter((e) => e.action.startsWith('sso.provider.'));
    expect(actions.map((e) => `${e.action}:${e.subjectId === id}`).reverse()).toEqual([
      'sso.provider.create:true',
      'sso.provider.update:true',
      'sso.provider.disable:true',
      'sso.provider.enable:true',
    ]);
  });

  it('never sends the client secret back, and stores it sealed; an edit without a secret keeps it', async () => {
    const providerId = await addProvider({ enforcesMfa: false });
    const admin = await signInAs(t, account(t, 'administrator'), { elevated: true });
    const responses = [await admin.get('/api/sso/providers'), await new Session(t).get('/api/auth/sso/providers'), await admin.get('/api/openapi.json')];
    for (const response of responses) expect(response.body).not.toContain(idp.clientSecret);

    const raw = async () => (await t.ctx.db.kysely.selectFrom('identity_providers').select('client_secret').where('id', '=', providerId).executeTakeFirstOrThrow()).client_secret;
    const sealed = await raw();
    expect(sealed).not.toContain(idp.clientSecret);
    expect(sealed).toMatch(/^v1\./);
    expect(new SecretBox(t.ctx.secretsKey, 'oidc-client-secret').open(sealed)).toBe(idp.clientSecret);

    const body = { name: 'Hernoemd', kind: 'oidc', issuer: idp.issuer, clientId: idp.clientId, enforcesMfa: false };
    expect((await admin.put(`/api/sso/providers/${providerId}`, { ...body, clientSecret: '' })).statusCode).toBe(200);
    expect(await raw()).toBe(sealed);
    // The secret still works: a whole sign-in goes through.
    idp.setIdentity('sanne', { email: TEACHER_EMAIL, emailVerified: true, amr: ['mfa'] });
    expect((await signInThroughProvider(providerId, 'sanne')).callback.headers.location).toBe('/login/code');

    expect((await admin.put(`/api/sso/providers/${providerId}`, { ...body, clientSecret: 'een-ander-geheim' })).statusCode).toBe(200);
    expect(new SecretBox(t.ctx.secretsKey, 'oidc-client-secret').open(await raw())).toBe('een-ander-geheim');
    // A wrong secret: the provider refuses the code exchange, and the person is told it failed.
    const wrong = await signInThroughProvider(providerId, 'sanne');
    expect(wrong.callback.headers.location).toBe('/login#sso=failed');
  });

  it('refuses an issuer that is not https, that is multi-tenant, or that does not answer as an OpenID provider', async () => {
    const admin = await signInAs(t, account(t, 'administrator'), { elevated: true });
    const body = { name: 'Proef', kind: 'oidc', clientId: 'x', clientSecret: 'y', enforcesMfa: false };
    const cases: [Record<string, unknown>, string][] = [
      [{ issuer: 'http://login.example.org' }, 'sso-issuer-not-https'],
      [{ issuer: 'geen adres' }, 'sso-issuer-invalid'],
      [{ issuer: 'https://login.example.org/?x=1' }, 'sso-issuer-has-query'],
      [{ kind: 'entra', issuer: 'https://login.microsoftonline.com/common/v2.0' }, 'sso-issuer-multi-tenant'],
      [{ issuer: `${idp.issuer}/niets-hier` }, 'sso-issuer-unreachable'],
    ];
    for (const [change, code] of cases) {
      const response = await admin.post('/api/sso/providers', { ...body, ...change });
      expect([change, response.statusCode, response.json().error]).toEqual([change, 400, expect.objectContaining({ code, field: 'issuer' })]);
    }
    const english = await admin.post('/api/sso/providers', { ...body, issuer: 'http://login.example.org' }, { 'accept-language': 'en' });
    expect(english.json().error.message).toBe('The issuer must start with https://.');
    expect(await t.ctx.repos.identityProviders.listForBoard((await t.ctx.repos.users.findByEmail(account(t, 'administrator').email))!.boardId)).toEqual([]);
  });

  it('says so when the provider cannot be reached at sign-in', async () => {
    const providerId = await addProvider({ enforcesMfa: false });
    await t.ctx.db.kysely.updateTable('identity_providers').set({ issuer: 'http://127.0.0.1:9' }).where('id', '=', providerId).execute();
    const response = await new Session(t).post(`/api/auth/sso/${providerId}/start`, {});
    expect(response.statusCode).toBe(502);
    expect(response.json().error.code).toBe('sso-unavailable');
  });

  it('documents every SSO operation with its schemas, the callback with its query parameters', async () => {
    const doc = (await new Session(t).get('/api/openapi.json')).json();
    const callback = doc.paths['/api/auth/sso/callback'].get;
    expect(callback.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual(expect.arrayContaining(['query:code', 'query:state', 'query:error', 'query:iss']));
    expect(Object.keys(callback.responses)).toEqual(['302']);
    expect(doc.paths['/api/auth/sso/{providerId}/start'].post.responses['200']).toBeDefined();
    for (const path of ['/api/sso/providers', '/api/sso/providers/{providerId}', '/api/sso/providers/{providerId}/disable', '/api/sso/providers/{providerId}/enable']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(JSON.stringify(doc.paths['/api/sso/providers'].get.responses['200'])).not.toContain('clientSecret');
  });

  it('keeps e-mail addresses, claims, codes and states out of the log', async () => {
    const providerId = await addProvider({ enforcesMfa: true });
    idp.setIdentity('sanne', { email: TEACHER_EMAIL, emailVerified: true, amr: ['mfa'] });
    idp.setIdentity('stranger', { email: 'onbekend.persoon@demo.meldpad.example', emailVerified: true, amr: ['mfa'] });
    const ok = await signInThroughProvider(providerId, 'sanne');
    const refused = await signInThroughProvider(providerId, 'stranger');
    expect(refused.callback.headers.location).toBe('/login#sso=refused');
    const all = t.logs.join('\n');
    const back = new URL(ok.callbackPath, CALLBACK);
    for (const secret of [TEACHER_EMAIL, 'onbekend.persoon', back.searchParams.get('code')!, back.searchParams.get('state')!, idp.clientSecret]) {
      expect(all).not.toContain(secret);
    }
    expect(all).toContain('single sign-on refused');
  });
});

describe.each(ENGINES)('single sign-on with claims in the ID token, as Google and Entra ID send them (%s)', (engine) => {
  let idp: TestIdentityProvider;
  let t: DemoApp;
  beforeAll(async () => {
    idp = await startTestIdentityProvider({ redirectUris: [CALLBACK], conformIdTokenClaims: false });
  });
  afterAll(async () => idp?.close());
  beforeEach(async () => {
    t = await createDemoApp(engine);
  });
  afterEach(async () => t.close());

  async function signIn(kind: 'oidc' | 'google', accountId: string) {
    const admin = await signInAs(t, account(t, 'administrator'), { elevated: true });
    const created = await admin.post('/api/sso/providers', { name: 'Google', kind, issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, enforcesMfa: true });
    expect(created.statusCode, created.body).toBe(201);
    const session = new Session(t);
    const start = await session.post(`/api/auth/sso/${created.json().id}/start`, {});
    idp.signInAs(accountId);
    const back = await followIdentityProvider(start.json().redirectUrl, CALLBACK);
    return session.get(`${back.pathname}${back.search}`, { cookie: `meldpad-sso=${start.cookies.find((c) => c.name === 'meldpad-sso')!.value}` });
  }

  it('takes the address from the ID token', async () => {
    idp.setIdentity('sanne', { email: TEACHER_EMAIL, emailVerified: true, amr: ['mfa'] });
    expect((await signIn('oidc', 'sanne')).headers.location).toBe('/');
  });

  it('accepts only Google Workspace accounts (hd) for a Google provider', async () => {
    idp.setIdentity('private', { email: TEACHER_EMAIL, emailVerified: true, amr: ['mfa'] });
    expect((await signIn('google', 'private')).headers.location).toBe('/login#sso=refused');
    idp.setIdentity('workspace', { email: TEACHER_EMAIL, emailVerified: true, amr: ['mfa'], hd: 'demo.meldpad.example' });
    expect((await signIn('google', 'workspace')).headers.location).toBe('/');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { ADMIN, createTestApp, Session, setUpMeldpad, signIn, totpCode, type TestApp } from '../support/test-app.js';

describe.each(ENGINES)('sign-in with a second factor (%s)', (engine) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(engine);
    await setUpMeldpad(t);
  });
  afterEach(async () => t.close());

  it('asks a new person to enrol, then to give a code at every later sign-in', async () => {
    const first = new Session(t);
    const login = await first.post('/api/auth/login', { email: ADMIN.email, password: ADMIN.password });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toEqual({ next: 'enrol-totp' });
    const cookie = login.cookies.find((c) => c.name === 'meldpad-session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });

    const enrol = await first.post('/api/auth/totp/enrol');
    expect(enrol.statusCode).toBe(200);
    const { secret, otpauthUrl } = enrol.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUrl).toBe(`otpauth://totp/Meldpad:${encodeURIComponent(ADMIN.email)}?secret=${secret}&issuer=Meldpad`);

    const confirmed = await first.post('/api/auth/totp', { code: await totpCode(t, secret) });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.json().recoveryCodes).size).toBe(10);
    expect((await first.get('/api/auth/me')).statusCode).toBe(200);

    t.clock.advance(30_000);
    const second = new Session(t);
    expect((await second.post('/api/auth/login', { email: ADMIN.email, password: ADMIN.password })).json()).toEqual({ next: 'totp' });
    expect((await second.post('/api/auth/totp', { code: await totpCode(t, secret) })).statusCode).toBe(200);
    const me = await second.get('/api/auth/me');
    expect(me.json()).toMatchObject({ user: { email: ADMIN.email, name: ADMIN.name }, roles: ['administrator'], school: { name: 'OBS De Proeftuin' } });
  });

  it('gives a session before its second factor no access to anything but finishing sign-in', async () => {
    const { secret } = await signIn(t, ADMIN.email, ADMIN.password);
    const session = new Session(t);
    await session.post('/api/auth/login', { email: ADMIN.email, password: ADMIN.password });
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    expect((await session.post('/api/auth/school', { schoolId: 'x' })).statusCode).toBe(401);
    expect((await session.post('/api/auth/totp/enrol')).statusCode).toBe(401);
    expect((await session.post('/api/auth/totp', { code: await totpCode(t, secret) })).statusCode).toBe(200);
    expect((await session.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown e-mail address alike', async () => {
    const session = new Session(t);
    const wrong = await session.post('/api/auth/login', { email: ADMIN.email, password: 'Niet-Het-Goede-Wachtwoord' });
    const unknown = await session.post('/api/auth/login', { email: 'niemand@school.example', password: 'Niet-Het-Goede-Wachtwoord' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toBe(unknown.body);
    expect(wrong.cookies).toEqual([]);
  });

  it('refuses a used TOTP code, a wrong one, and ends the session after five wrong codes', async () => {
    const { secret } = await signIn(t, ADMIN.email, ADMIN.password);
    const session = new Session(t);
    await session.post('/api/auth/login', { email: ADMIN.email, password: ADMIN.password });
    const code = await totpCode(t, secret);
    expect((await session.post('/api/auth/totp', { code })).statusCode).toBe(200);

    const replay = new Session(t);
    await replay.post('/api/auth/login', { email: ADMIN.email, password: ADMIN.password });
    const again = await replay.post('/api/auth/totp', { code });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('invalid-code');
    for (let i = 0; i < 3; i++) expect((await replay.post('/api/auth/totp', { code: '000000' })).json().error.code).toBe('invalid-code');
    const fifth = await replay.post('/api/auth/totp', { code: '000001' });
    expect(fifth.json().error.code).toBe('too-many-codes');
    t.clock.advance(30_000);
    expect((await replay.post('/api/auth/totp', { code: await totpCode(t, secret) })).statusCode).toBe(401);
  });

  it('accepts each recovery code once, in any case and with or without the dash', async () => {
    const { recoveryCodes } = await signIn(t, ADMIN.email, ADMIN.password);
    const [first, second] = recoveryCodes as [string, string];
    const session = new Session(t);
    await session.post('/api/auth/login', { email: ADMIN.email, password: ADMIN.password });
    const used = await session.post('/api/auth/totp', { code: first.toLowerCase().replace('-', ' ') });
    expect(used.statusCode).toBe(200);
    expect(used.json()).toEqual({ recoveryCodesLeft: 9 });

    const other = new Session(t);
    await other.post('/api/auth/login', { email: ADMIN.email, password: ADMIN.password });
    expect((await other.post('/api/auth/totp', { code: first })).statusCode).toBe(401);
    expect((await other.post('/api/auth/totp', { code: second })).json()).toEqual({ recoveryCodesLeft: 8 });
    const events = await t.ctx.repos.audit.latest(20);
    expect(events.filter((e) => e.action === 'auth.recovery-code' && e.outcome === 'success')).toHaveLength(2);
  });

  it('locks an account for a while after five failed passwords, with a message a person understands', async () => {
    const session = new Session(t);
    for (let i = 0; i < 5; i++) {
      expect((await session.post('/api/auth/login', { email: ADMIN.email, password: `Fout-wachtwoord-${i}` })).statusCode).toBe(401);
    }
    const locked = await session.post('/api/auth/login', { email: ADMIN.email, password: ADMIN.password });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('too-many-attempts');
    expect(locked.json().error.message).toMatch(/Probeer het over \d+ minuten opnieuw/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance(16 * 60 * 1000);
    expect((await session.post('/api/auth/login', { email: ADMIN.email, password: ADMIN.password })).statusCode).toBe(200);
  });

  it('limits one address trying many accounts', async () => {
    const session = new Session(t);
    for (let i = 0; i < 20; i++) await session.post('/api/auth/login', { email: `iemand${i}@school.example`, password: 'Fout-wachtwoord' });
    expect((await session.post('/api/auth/login', { email: ADMIN.email, password: ADMIN.password })).statusCode).toBe(429);
  });

  it('ends a session after 30 idle minutes and after 12 hours in any case', async () => {
    const { session, secret } = await signIn(t, ADMIN.email, ADMIN.password);
    t.clock.advance(29 * 60 * 1000);
    expect((await session.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advance(31 * 60 * 1000);
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);

    const { session: busy } = await signIn(t, ADMIN.email, ADMIN.password, secret);
    for (let hour = 0; hour < 12; hour++) {
      for (let quarter = 0; quarter < 4; quarter++) {
        t.clock.advance(15 * 60 * 1000);
        const me = await busy.get('/api/auth/me');
        if (hour * 4 + quarter < 47) expect(me.statusCode).toBe(200);
      }
    }
    t.clock.advance(60 * 1000);
    expect((await busy.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('signs out: the session ends and its cookie is cleared', async () => {
    const { session } = await signIn(t, ADMIN.email, ADMIN.password);
    const cookieBefore = session.cookie;
    const out = await session.post('/api/auth/logout');
    expect(out.statusCode).toBe(204);
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    session.cookie = cookieBefore;
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('writes an audit event for every sign-in, failure, enrolment and sign-out', async () => {
    await new Session(t).post('/api/auth/login', { email: ADMIN.email, password: 'Fout-wachtwoord-1' });
    const { session } = await signIn(t, ADMIN.email, ADMIN.password);
    await session.post('/api/auth/logout');
    const actions = (await t.ctx.repos.audit.latest(20)).map((e) => `${e.action}:${e.outcome}`);
    expect(actions).toEqual(
      expect.arrayContaining(['auth.login:failure', 'auth.login:success', 'auth.totp.enrol:success', 'auth.totp.enrolled:success', 'auth.logout:success']),
    );
  });

  it('refuses to update or delete audit events', async () => {
    await new Session(t).post('/api/auth/login', { email: ADMIN.email, password: 'Fout-wachtwoord-1' });
    await expect(t.ctx.db.kysely.updateTable('audit_events').set({ outcome: 'success' }).execute()).rejects.toThrow(/append-only/);
    await expect(t.ctx.db.kysely.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
  });
});

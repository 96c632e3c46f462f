import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, createTestApp, Session, setUpMeldpad, signIn, type TestApp } from '../support/test-app.js';

describe('the session cookie', () => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('is Secure and __Host- prefixed when Meldpad is reached over https', async () => {
    t = await createTestApp('sqlite', { PUBLIC_URL: 'https://meldpad.school.example' });
    await setUpMeldpad(t);
    const login = await new Session(t).post('/api/auth/login', { email: ADMIN.email, password: ADMIN.password }, { origin: 'https://meldpad.school.example' });
    expect(login.statusCode).toBe(200);
    expect(login.cookies[0]).toMatchObject({ name: '__Host-meldpad-session', secure: true, httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(login.headers['strict-transport-security']).toContain('max-age=');
  });

  it('carries no school id: switching school is an API call, limited to the person\'s own schools', async () => {
    t = await createTestApp('sqlite');
    const { schoolId } = await setUpMeldpad(t);
    const { session } = await signIn(t, ADMIN.email, ADMIN.password);
    expect((await session.post('/api/auth/school', { schoolId })).json().school.id).toBe(schoolId);
    const elsewhere = await session.post('/api/auth/school', { schoolId: '00000000-0000-4000-8000-000000000000' });
    expect(elsewhere.statusCode).toBe(404);
    expect((await session.get('/api/auth/me')).json().school.id).toBe(schoolId);
  });
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { ADMIN, createTestApp, Session, setUpMeldpad, signIn, type TestApp } from '../support/test-app.js';

interface Operation {
  method: string;
  path: string;
}

async function operations(t: TestApp): Promise<Operation[]> {
  const doc = (await new Session(t).get('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })));
}

describe.each(ENGINES)('HTTP safety (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
    await setUpMeldpad(t);
  });
  afterAll(async () => t.close());

  it('sends strict security headers', async () => {
    const response = await new Session(t).get('/api/setup/status');
    const csp = response.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a state-changing request from another site, and lets same-origin and script requests through', async () => {
    const login = { email: ADMIN.email, password: 'Fout-maar-niet-geblokkeerd' };
    const fromElsewhere = await new Session(t).post('/api/auth/login', login, { origin: 'https://kwaadwillend.example' });
    expect(fromElsewhere.statusCode).toBe(403);
    expect(fromElsewhere.json().error.code).toBe('cross-site');
    expect((await new Session(t).post('/api/auth/login', login, { 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect((await new Session(t).post('/api/auth/login', login, { origin: 'null' })).statusCode).toBe(403);
    expect((await new Session(t).post('/api/auth/login', login, { origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' })).statusCode).toBe(401);
    expect((await new Session(t).post('/api/auth/login', login, { origin: 'http://localhost:80', host: 'localhost:80' })).statusCode).toBe(401);
    expect((await new Session(t).post('/api/auth/login', login)).statusCode).toBe(401);
  });

  it('takes JSON bodies only', async () => {
    const form = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'email=a&password=b' });
    expect(form.statusCode).toBe(415);
    const text = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/plain' }, payload: '{"email":"a","password":"b"}' });
    expect(text.statusCode).toBe(415);
    const broken = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('invalid-json');
  });

  it('answers an unknown API path with the JSON 404', async () => {
    const response = await new Session(t).get('/api/bestaat-niet');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'not-found', message: expect.any(String) } });
  });

  it('describes every API operation in OpenAPI 3, with request and response schemas', async () => {
    const doc = (await new Session(t).get('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    const ops = await operations(t);
    const documented = new Set(ops.map((op) => `${op.method} ${op.path}`));
    const declared = t.app.declaredRoutes.filter((r) => r.url !== '/api/openapi.json');
    expect(declared.length).toBeGreaterThanOrEqual(8);
    for (const route of declared) expect(documented).toContain(`${route.method} ${route.url.replace(/:(\w+)/g, '{$1}')}`);
    for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>>)) {
      expect(path).not.toContain(':');
      for (const [method, op] of Object.entries(methods)) {
        expect(Object.keys(op.responses).length).toBeGreaterThan(0);
        if (method === 'post' && path !== '/api/auth/logout' && path !== '/api/auth/totp/enrol') expect(op.requestBody).toBeDefined();
      }
    }
  });

  it('never answers 500 to bad input, signed in or not', async () => {
    const { session } = await signIn(t, ADMIN.email, ADMIN.password);
    const anonymous = new Session(t);
    const ops = (await operations(t)).filter((op) => op.path !== '/api/auth/logout');
    const json = fc.jsonValue({ maxDepth: 3 });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ops), json, fc.boolean(), async (op, body, signedIn) => {
        const who = signedIn ? session : anonymous;
        const response = await who.request(op.method as 'GET' | 'POST', op.path, op.method === 'GET' ? undefined : body);
        expect(response.statusCode).toBeLessThan(500);
        // The browser navigates to the single sign-on callback: it answers with a redirect to a page.
        if (op.path === '/api/auth/sso/callback') expect([response.statusCode, response.headers.location]).toEqual([302, '/login#sso=failed']);
        else expect(response.headers['content-type']).toMatch(/application\/json/);
      }),
      { numRuns: 150 },
    );
    expect((await session.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('logs no passwords, codes, cookies, e-mail addresses or query strings', async () => {
    await new Session(t).post('/api/auth/login', { email: 'geheim.adres@school.example', password: 'Geheim-Wachtwoord-Zichtbaar' });
    await new Session(t).get('/api/setup/status?zoek=Fatima%20Kowalski');
    const all = t.logs.join('\n');
    expect(all).toContain('/api/setup/status');
    for (const secret of ['Geheim-Wachtwoord-Zichtbaar', 'geheim.adres', 'Fatima', 'Kowalski', ADMIN.password, 'meldpad-session=']) {
      expect(all).not.toContain(secret);
    }
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { ADMIN, createTestApp, Session, setUpMeldpad, type TestApp } from '../support/test-app.js';

describe.each(ENGINES)('first-run setup (%s)', (engine) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(engine);
  });
  afterEach(async () => t.close());

  const body = (overrides: Record<string, unknown> = {}) => ({
    token: t.setupToken,
    boardName: 'Stichting Proefbestuur',
    schoolName: 'OBS De Proeftuin',
    admin: ADMIN,
    ...overrides,
  });

  it('says setup is needed on an empty database, and issues a token', async () => {
    expect(t.setupToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const status = await new Session(t).get('/api/setup/status');
    expect(status.json()).toEqual({ needed: true });
  });

  it('refuses a wrong or missing token with 403, so the first visitor cannot take the server', async () => {
    const session = new Session(t);
    const wrong = await session.post('/api/setup', body({ token: 'not-the-token' }));
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('invalid-setup-token');
    const missing = await session.post('/api/setup', { ...body(), token: undefined });
    expect(missing.statusCode).toBe(400);
    expect((await session.get('/api/setup/status')).json()).toEqual({ needed: true });
  });

  it('refuses a token past its 24 hours', async () => {
    t.clock.advance(24 * 60 * 60 * 1000 + 1000);
    const response = await new Session(t).post('/api/setup', body());
    expect(response.statusCode).toBe(403);
  });

  it('refuses a weak password and says why, in Dutch by default and in English on request', async () => {
    const session = new Session(t);
    const short = await session.post('/api/setup', body({ admin: { ...ADMIN, password: 'kort' } }));
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toMatchObject({ code: 'weak-password', field: 'admin.password' });
    expect(short.json().error.hints.join(' ')).toContain('minstens 12 tekens');

    const guessable = await session.post('/api/setup', body({ admin: { ...ADMIN, password: 'zomervakantie2026' } }), { 'accept-language': 'en' });
    expect(guessable.statusCode).toBe(400);
    expect(guessable.json().error.message).toBe('Please choose a stronger password.');
    expect(guessable.json().error.hints.length).toBeGreaterThan(1);

    const personal = await session.post('/api/setup', body({ admin: { ...ADMIN, password: 'Testbeheer-2026-Oktober' } }));
    expect(personal.statusCode).toBe(400);
    expect(personal.json().error.hints[0]).toContain('testbeheer');
  });

  it('creates the board, the first school and the administrator, then answers 409 for good', async () => {
    const ids = await setUpMeldpad(t);
    expect(ids).toEqual({ boardId: expect.any(String), schoolId: expect.any(String), userId: expect.any(String) });
    const session = new Session(t);
    expect((await session.get('/api/setup/status')).json()).toEqual({ needed: false });
    const again = await session.post('/api/setup', body());
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already-set-up');
    const memberships = await t.ctx.repos.users.memberships(ids.userId);
    expect(memberships).toEqual([{ schoolId: ids.schoolId, schoolName: 'OBS De Proeftuin', boardId: ids.boardId, role: 'administrator' }]);
    const events = await t.ctx.repos.audit.latest(5);
    expect(events.some((e) => e.action === 'setup.complete' && e.outcome === 'success' && e.actorUserId === ids.userId)).toBe(true);
  });

  it('lets only one of two simultaneous setups win', async () => {
    const [a, b] = await Promise.all([new Session(t).post('/api/setup', body()), new Session(t).post('/api/setup', body({ boardName: 'Ander bestuur' }))]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect((await t.ctx.repos.boards.firstSchool())?.name).toBe('OBS De Proeftuin');
  });
});

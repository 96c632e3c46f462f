import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NotificationKind } from '../../src/domain/notifications/notification-kinds.js';
import { notify } from '../../src/server/notifications/notify.js';
import { ENGINES } from '../support/databases.js';
import { account, createDemoApp, KOMPAS, REGENBOOG, signInAs, userIdOf, type DemoApp } from '../support/demo-app.js';
import { Session } from '../support/test-app.js';

describe.each(ENGINES)('in-app notifications (%s)', (engine) => {
  let t: DemoApp;
  let regenboog: string;
  let kompas: string;
  beforeEach(async () => {
    t = await createDemoApp(engine, {}, { pupilsPerSchool: 0 });
    regenboog = (await t.ctx.repos.boards.findSchoolByName(REGENBOOG))!.id;
    kompas = (await t.ctx.repos.boards.findSchoolByName(KOMPAS))!.id;
    // Whatever the demo's own cases notified is not what these tests count.
    await t.ctx.db.kysely.deleteFrom('notifications').execute();
  });
  afterEach(async () => t.close());

  async function notifyAt(userId: string, schoolId: string, kind: NotificationKind, extra: { caseId?: string; dueOn?: string } = {}): Promise<string> {
    const id = await notify(t.ctx, { userId, schoolId, kind, ...extra });
    // Distinct times, so that "newest first" is a real order.
    t.clock.advance(1000);
    return id;
  }

  it('shows a person only their own notifications, of the school they act for, newest first', async () => {
    const smw = account(t, 'smw', REGENBOOG);
    const smwId = await userIdOf(t, smw);
    const ibId = await userIdOf(t, account(t, 'ib'));
    const started = await notifyAt(smwId, regenboog, 'case.started', { caseId: 'case-1' });
    const due = await notifyAt(smwId, regenboog, 'agreement.due', { caseId: 'case-1', dueOn: '2026-12-01' });
    await notifyAt(smwId, kompas, 'case.team-added', { caseId: 'case-2' });
    await notifyAt(ibId, regenboog, 'case.break-glass', { caseId: 'case-1' });

    const session = await signInAs(t, smw, { school: REGENBOOG });
    const response = await session.get('/api/notifications');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.unreadCount).toBe(2);
    expect(body.notifications).toEqual([
      { id: due, kind: 'agreement.due', caseId: 'case-1', dueOn: '2026-12-01', createdAt: expect.any(String), readAt: null },
      { id: started, kind: 'case.started', caseId: 'case-1', dueOn: null, createdAt: expect.any(String), readAt: null },
    ]);

    // At the other school, that school's.
    await session.post('/api/auth/school', { schoolId: kompas });
    const atKompas = (await session.get('/api/notifications')).json();
    expect(atKompas.notifications.map((n: { kind: string }) => n.kind)).toEqual(['case.team-added']);
    expect(atKompas.unreadCount).toBe(1);
  });

  it('marks one read, then all read, and keeps the first time it was read', async () => {
    const ib = account(t, 'ib');
    const ibId = await userIdOf(t, ib);
    const first = await notifyAt(ibId, regenboog, 'case.started', { caseId: 'case-1' });
    await notifyAt(ibId, regenboog, 'monitoring.due', { caseId: 'case-1', dueOn: '2026-12-04' });
    await notifyAt(ibId, regenboog, 'case.casushouder-assigned', { caseId: 'case-3' });
    const session = await signInAs(t, ib);

    const read = await session.post(`/api/notifications/${first}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ ok: true, unreadCount: 2 });
    const readAt = (await session.get('/api/notifications')).json().notifications.find((n: { id: string }) => n.id === first).readAt;
    expect(readAt).toEqual(expect.any(String));
    t.clock.advance(60_000);
    expect((await session.post(`/api/notifications/${first}/read`)).json()).toEqual({ ok: true, unreadCount: 2 });
    expect((await session.get('/api/notifications')).json().notifications.find((n: { id: string }) => n.id === first).readAt).toBe(readAt);

    const all = await session.post('/api/notifications/read-all');
    expect(all.json()).toEqual({ ok: true, unreadCount: 0 });
    const after = (await session.get('/api/notifications')).json();
    expect(after.unreadCount).toBe(0);
    expect(after.notifications.every((n: { readAt: string | null }) => n.readAt !== null)).toBe(true);
  });

  it('answers 404 for someone else\'s notification and leaves it unread', async () => {
    const ibId = await userIdOf(t, account(t, 'ib'));
    const theirs = await notifyAt(ibId, regenboog, 'case.started', { caseId: 'case-1' });
    const teacher = await signInAs(t, account(t, 'teacher'));
    const response = await teacher.post(`/api/notifications/${theirs}/read`);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not-found');
    expect((await teacher.post('/api/notifications/no-such-thing/read')).statusCode).toBe(404);
    // Marking all read touches only the teacher's own.
    await teacher.post('/api/notifications/read-all');
    expect(await t.ctx.repos.notifications.unreadCount({ schoolId: regenboog, userId: ibId })).toBe(1);
  });

  it('answers 401 without a session; a board member, who acts for no school, sees all of theirs', async () => {
    const anonymous = new Session(t);
    for (const [method, path] of [
      ['GET', '/api/notifications'],
      ['POST', '/api/notifications/x/read'],
      ['POST', '/api/notifications/read-all'],
    ] as const) {
      const response = method === 'GET' ? await anonymous.get(path) : await anonymous.post(path);
      expect([path, response.statusCode, response.json().error.code]).toEqual([path, 401, 'unauthenticated']);
    }
    const boardId = await userIdOf(t, account(t, 'board', null));
    await notifyAt(boardId, regenboog, 'case.started', { caseId: 'staff-case' });
    const board = await signInAs(t, account(t, 'board', null));
    const list = (await board.get('/api/notifications')).json();
    expect([list.unreadCount, list.notifications.map((n: { caseId: string }) => n.caseId)]).toEqual([1, ['staff-case']]);
    expect((await board.post('/api/notifications/read-all')).json().unreadCount).toBe(0);
  });

  it('stores kinds and ids only: no names reach a notification', async () => {
    const ibId = await userIdOf(t, account(t, 'ib'));
    await notifyAt(ibId, regenboog, 'case.started', { caseId: 'case-1' });
    const row = await t.ctx.db.kysely.selectFrom('notifications').selectAll().executeTakeFirstOrThrow();
    expect(Object.keys(row).sort()).toEqual(['case_id', 'created_at', 'due_on', 'id', 'kind', 'mail_state', 'mailed_at', 'read_at', 'school_id', 'subject_id', 'user_id']);
  });
});

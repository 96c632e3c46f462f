import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/server/app-context.js';
import { JobRunner } from '../../src/server/jobs/job-runner.js';
import { createContext, openDataStore } from '../../src/server/start.js';
import { ENGINES } from '../support/databases.js';
import { createTestApp, setUpMeldpad, type TestApp } from '../support/test-app.js';

const MINUTE = 60_000;

describe.each(ENGINES)('the job runner (%s)', (engine) => {
  let t: TestApp;
  let ids: { schoolId: string; userId: string };
  /** Further contexts on the same database: other Meldpad instances. */
  const others: AppContext[] = [];

  beforeEach(async () => {
    t = await createTestApp(engine);
    ids = await setUpMeldpad(t);
  });
  afterEach(async () => {
    for (const ctx of others.splice(0)) {
      await ctx.jobs.stop();
      await ctx.db.close();
    }
    await t.close();
  });

  /** Another Meldpad instance on the same database, with its own connection(s) and its own runner. */
  async function anotherInstance(): Promise<AppContext> {
    const { db, keys } = await openDataStore(t.ctx.config);
    const ctx = createContext(t.ctx.config, db, keys, t.clock.now);
    others.push(ctx);
    return ctx;
  }

  function schedule(kind: string, payload: unknown, runAt: Date = t.clock.now(), extra: { dedupeKey?: string; maxAttempts?: number } = {}) {
    return t.ctx.repos.jobs.schedule({ kind, payload, runAt, at: t.clock.now(), ...extra });
  }

  it('runs each of 50 due jobs exactly once with two instances racing for them', async () => {
    const second = await anotherInstance();
    const runs: { owner: string; n: number }[] = [];
    for (const ctx of [t.ctx, second]) {
      const owner = ctx.jobs.runner.owner;
      ctx.jobs.runner.register('test.race', async (payload) => {
        runs.push({ owner, n: (payload as { n: number }).n });
        await sleep(1);
      });
    }
    const jobIds = [];
    for (let n = 0; n < 50; n++) jobIds.push(await schedule('test.race', { n }, new Date(t.clock.now().getTime() - 1000)));

    const [first, other] = await Promise.all([t.ctx.jobs.runDueOnce(), second.jobs.runDueOnce()]);

    expect(first + other).toBe(50);
    expect(runs).toHaveLength(50);
    expect(new Set(runs.map((r) => r.n)).size).toBe(50);
    // Both instances took part: the race was real.
    expect(first).toBeGreaterThan(0);
    expect(other).toBeGreaterThan(0);
    for (const id of jobIds) expect(await t.ctx.repos.jobs.find(id)).toMatchObject({ status: 'done', attempts: 1, leaseOwner: null });
    expect(await t.ctx.jobs.runDueOnce()).toBe(0);
  });

  it('does not run a job before it is due', async () => {
    let ran = 0;
    t.ctx.jobs.runner.register('test.later', async () => {
      ran += 1;
    });
    const id = await schedule('test.later', {}, new Date(t.clock.now().getTime() + 60 * MINUTE));
    expect(await t.ctx.jobs.runDueOnce()).toBe(0);
    t.clock.advance(59 * MINUTE);
    expect(await t.ctx.jobs.runDueOnce()).toBe(0);
    expect((await t.ctx.repos.jobs.find(id))!.status).toBe('pending');
    t.clock.advance(2 * MINUTE);
    expect(await t.ctx.jobs.runDueOnce()).toBe(1);
    expect(ran).toBe(1);
  });

  it('takes over a job whose instance died while holding it, once its lease has run out', async () => {
    const survivor = await anotherInstance();
    let ran = 0;
    survivor.jobs.runner.register('test.orphan', async () => {
      ran += 1;
    });
    const id = await schedule('test.orphan', {});
    // An instance claims the job and dies before finishing it.
    const [claimed] = await t.ctx.repos.jobs.claimDue('runner-that-died', t.clock.now(), 5 * MINUTE, 10);
    expect(claimed).toMatchObject({ id, status: 'running', leaseOwner: 'runner-that-died', attempts: 1 });
    expect(await survivor.jobs.runDueOnce()).toBe(0);
    t.clock.advance(4 * MINUTE);
    expect(await survivor.jobs.runDueOnce()).toBe(0);
    t.clock.advance(2 * MINUTE);
    expect(await survivor.jobs.runDueOnce()).toBe(1);
    expect(ran).toBe(1);
    expect(await t.ctx.repos.jobs.find(id)).toMatchObject({ status: 'done', attempts: 2 });
    // The dead instance's late word changes nothing.
    expect(await t.ctx.repos.jobs.complete(id, 'runner-that-died', t.clock.now())).toBe(false);
  });

  it('gives up on a job whose instance keeps dying, after its last attempt', async () => {
    const id = await schedule('test.poison', {}, t.clock.now(), { maxAttempts: 2 });
    for (let i = 0; i < 2; i++) {
      expect(await t.ctx.repos.jobs.claimDue(`runner-${i}`, t.clock.now(), MINUTE, 10)).toHaveLength(1);
      t.clock.advance(2 * MINUTE);
    }
    expect(await t.ctx.repos.jobs.claimDue('runner-2', t.clock.now(), MINUTE, 10)).toEqual([]);
    expect(await t.ctx.repos.jobs.find(id)).toMatchObject({ status: 'failed', attempts: 2, lastError: expect.stringMatching(/^LeaseExpired/) });
  });

  it('retries a failing job with backoff, then marks it failed after its last attempt', async () => {
    let calls = 0;
    t.ctx.jobs.runner.register('test.flaky', async () => {
      calls += 1;
      throw new TypeError('the mail server said no');
    });
    const id = await schedule('test.flaky', {}, t.clock.now(), { maxAttempts: 3 });
    expect(await t.ctx.jobs.runDueOnce()).toBe(1);
    const first = (await t.ctx.repos.jobs.find(id))!;
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastError: 'TypeError: the mail server said no', leaseOwner: null });
    expect(first.runAt.getTime()).toBeGreaterThan(t.clock.now().getTime() + 20_000);
    // Not before the backoff has passed.
    expect(await t.ctx.jobs.runDueOnce()).toBe(0);
    t.clock.advance(31_000);
    expect(await t.ctx.jobs.runDueOnce()).toBe(1);
    expect(await t.ctx.repos.jobs.find(id)).toMatchObject({ status: 'pending', attempts: 2 });
    // The wait doubles.
    t.clock.advance(31_000);
    expect(await t.ctx.jobs.runDueOnce()).toBe(0);
    t.clock.advance(30_000);
    expect(await t.ctx.jobs.runDueOnce()).toBe(1);
    expect(await t.ctx.repos.jobs.find(id)).toMatchObject({ status: 'failed', attempts: 3, lastError: 'TypeError: the mail server said no' });
    t.clock.advance(60 * MINUTE);
    expect(await t.ctx.jobs.runDueOnce()).toBe(0);
    expect(calls).toBe(3);
  });

  it('completes a job that succeeds on a retry', async () => {
    let calls = 0;
    t.ctx.jobs.runner.register('test.second-time', async () => {
      calls += 1;
      if (calls === 1) throw new Error('not yet');
    });
    const id = await schedule('test.second-time', {});
    await t.ctx.jobs.runDueOnce();
    t.clock.advance(MINUTE);
    await t.ctx.jobs.runDueOnce();
    expect(await t.ctx.repos.jobs.find(id)).toMatchObject({ status: 'done', attempts: 2, lastError: null });
  });

  it('fails a job of a kind nobody handles, without retrying', async () => {
    const id = await schedule('test.nobody-knows-me', {});
    expect(await t.ctx.jobs.runDueOnce()).toBe(1);
    expect(await t.ctx.repos.jobs.find(id)).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringMatching(/^UnknownJobKind/) });
    t.clock.advance(60 * MINUTE);
    expect(await t.ctx.jobs.runDueOnce()).toBe(0);
  });

  it('makes one job of the same dedupe key: a pending one moves, a finished one stays', async () => {
    const payload = { userId: ids.userId, schoolId: ids.schoolId, kind: 'agreement.due' as const, caseId: 'case-1', subjectId: 'agreement-1', dueOn: '2026-12-01' };
    const inAnHour = new Date(t.clock.now().getTime() + 60 * MINUTE);
    const first = await t.ctx.jobs.schedule({ kind: 'notification.due', payload, runAt: inAnHour, dedupeKey: 'agreement.due:agreement-1' });
    const tomorrow = new Date(t.clock.now().getTime() + 24 * 60 * MINUTE);
    const again = await t.ctx.jobs.schedule({ kind: 'notification.due', payload, runAt: tomorrow, dedupeKey: 'agreement.due:agreement-1' });
    expect(again).toBe(first);
    const rows = await t.ctx.db.kysely.selectFrom('jobs').select(['id', 'run_at']).execute();
    expect(rows).toEqual([{ id: first, run_at: tomorrow.toISOString() }]);

    t.clock.advance(25 * 60 * MINUTE);
    expect(await t.ctx.jobs.runDueOnce()).toBe(1);
    // Scheduling it once more after it ran is still the same, finished job: no second reminder.
    expect(await t.ctx.jobs.schedule({ kind: 'notification.due', payload, runAt: t.clock.now(), dedupeKey: 'agreement.due:agreement-1' })).toBe(first);
    expect(await t.ctx.jobs.runDueOnce()).toBe(0);
    expect(await t.ctx.repos.notifications.unreadCount(ids)).toBe(1);

    // A pending reminder can be cancelled.
    await t.ctx.jobs.schedule({ kind: 'notification.due', payload: { ...payload, subjectId: 'agreement-2' }, runAt: tomorrow, dedupeKey: 'agreement.due:agreement-2' });
    expect(await t.ctx.jobs.cancel('agreement.due:agreement-2')).toBe(true);
    expect(await t.ctx.jobs.cancel('agreement.due:agreement-2')).toBe(false);
    expect(await t.ctx.repos.jobs.findByDedupeKey('agreement.due:agreement-2')).toBeNull();
  });

  it('keeps jobs across a restart: a new instance on the same database runs them', async () => {
    const before = await anotherInstance();
    const id = await before.jobs.schedule({
      kind: 'notification.due',
      payload: { userId: ids.userId, schoolId: ids.schoolId, kind: 'monitoring.due', caseId: 'case-7', dueOn: '2026-12-03' },
      runAt: new Date(t.clock.now().getTime() + 10 * MINUTE),
    });
    await before.jobs.stop();
    await before.db.close();
    others.splice(others.indexOf(before), 1);

    t.clock.advance(11 * MINUTE);
    const after = await anotherInstance();
    expect(await after.jobs.runDueOnce()).toBe(1);
    expect(await after.repos.jobs.find(id)).toMatchObject({ status: 'done' });
    expect((await after.repos.notifications.listForUser(ids, 10)).map((n) => [n.kind, n.caseId, n.dueOn])).toEqual([['monitoring.due', 'case-7', '2026-12-03']]);
  });

  it('turns a due notification job into a notification for its owner, and takes ids only', async () => {
    await t.ctx.jobs.schedule({
      kind: 'notification.due',
      payload: { userId: ids.userId, schoolId: ids.schoolId, kind: 'agreement.due', caseId: 'case-3', subjectId: 'agreement-9', dueOn: '2026-12-02' },
      runAt: new Date(t.clock.now().getTime() + MINUTE),
    });
    expect(await t.ctx.repos.notifications.unreadCount(ids)).toBe(0);
    t.clock.advance(2 * MINUTE);
    expect(await t.ctx.jobs.runDueOnce()).toBe(1);
    expect(await t.ctx.repos.notifications.listForUser(ids, 10)).toEqual([
      expect.objectContaining({ userId: ids.userId, schoolId: ids.schoolId, kind: 'agreement.due', caseId: 'case-3', subjectId: 'agreement-9', dueOn: '2026-12-02', readAt: null }),
    ]);
    // A payload with more than ids in it is refused before anything is stored.
    const named = { userId: ids.userId, schoolId: ids.schoolId, kind: 'agreement.due', pupilName: 'Finn de Vries' };
    await expect(t.ctx.jobs.schedule({ kind: 'notification.due', payload: named as never, runAt: t.clock.now() })).rejects.toThrow();
    expect(await t.ctx.db.kysely.selectFrom('jobs').select('id').execute()).toHaveLength(1);
  });

  it('notifies once when an instance loses its lease mid-run and another takes the job over', async () => {
    const slow = new JobRunner({ db: t.ctx.db.kysely, repository: t.ctx.repos.jobs, now: t.clock.now, pollMs: 0, leaseMs: MINUTE });
    const fast = await anotherInstance();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started: () => void = () => undefined;
    const isRunning = new Promise<void>((resolve) => (started = resolve));
    slow.register('notification.due', async (payload, job) => {
      started();
      await held;
      await job.completeWith(async (tx) => {
        await t.ctx.repos.notifications.create({ id: 'from-the-slow-instance', ...payload, at: t.clock.now() }, tx);
      });
    });
    await t.ctx.jobs.schedule({ kind: 'notification.due', payload: { userId: ids.userId, schoolId: ids.schoolId, kind: 'case.started', caseId: 'case-5' }, runAt: t.clock.now() });

    const slowRun = slow.runDueOnce();
    await isRunning;
    t.clock.advance(2 * MINUTE);
    expect(await fast.jobs.runDueOnce()).toBe(1);
    release();
    await slowRun;

    const notifications = await t.ctx.repos.notifications.listForUser(ids, 10);
    expect(notifications).toHaveLength(1);
    expect(notifications[0]!.id).not.toBe('from-the-slow-instance');
  });

  it('polls on its own once started, and stop() waits for the job in hand', async () => {
    const runner = new JobRunner({ db: t.ctx.db.kysely, repository: t.ctx.repos.jobs, now: t.clock.now, pollMs: 20 });
    let started: () => void = () => undefined;
    const isRunning = new Promise<void>((resolve) => (started = resolve));
    let finished = false;
    runner.register('test.slow', async () => {
      started();
      await sleep(150);
      finished = true;
    });
    const id = await schedule('test.slow', {});
    runner.start();
    await isRunning;
    await runner.stop();
    expect(finished).toBe(true);
    expect((await t.ctx.repos.jobs.find(id))!.status).toBe('done');
    // Stopped means stopped: a new due job waits.
    const later = await schedule('test.slow', {});
    await sleep(100);
    expect((await t.ctx.repos.jobs.find(later))!.status).toBe('pending');
  });
});

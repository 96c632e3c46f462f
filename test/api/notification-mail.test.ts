import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/server/app-context.js';
import { notify } from '../../src/server/notifications/notify.js';
import { createContext, openDataStore } from '../../src/server/start.js';
import { ENGINES } from '../support/databases.js';
import { account, createDemoApp, REGENBOOG, signInAs, userIdOf, type DemoApp } from '../support/demo-app.js';
import { startMailServer } from '../support/mail-server.js';

const HOUR = 60 * 60 * 1000;

describe.each(ENGINES)('notifications by e-mail (%s)', (engine) => {
  let t: DemoApp;
  let mail: Awaited<ReturnType<typeof startMailServer>>;
  let regenboog: string;
  const others: AppContext[] = [];
  beforeEach(async () => {
    mail = await startMailServer();
    t = await createDemoApp(engine, { SMTP_URL: mail.url, MAIL_FROM: 'Meldpad <meldpad@school.example>' }, { pupilsPerSchool: 2 });
    regenboog = (await t.ctx.repos.boards.findSchoolByName(REGENBOOG))!.id;
    // What the demo itself notified is not what these tests count.
    await t.ctx.db.kysely.deleteFrom('notifications').execute();
    await t.ctx.db.kysely.deleteFrom('jobs').execute();
    mail.received.length = 0;
  });
  afterEach(async () => {
    for (const ctx of others.splice(0)) await ctx.db.close();
    await t.close();
    await mail.close();
  });

  async function runJobs(): Promise<void> {
    while ((await t.ctx.jobs.runDueOnce()) > 0);
  }

  it('lets a person choose how often, and mails at once one content-free message for what waits', async () => {
    const teacher = account(t, 'teacher');
    const session = await signInAs(t, teacher);
    expect((await session.get('/api/notifications/mail-settings')).json()).toEqual({ frequency: 'daily', mailConfigured: true });
    expect((await session.put('/api/notifications/mail-settings', { frequency: 'elke minuut' })).statusCode).toBe(400);
    expect((await session.put('/api/notifications/mail-settings', { frequency: 'immediate' })).json()).toEqual({ frequency: 'immediate', mailConfigured: true });

    const userId = await userIdOf(t, teacher);
    const caseId = 'case-mail-1';
    await notify(t.ctx, { userId, schoolId: regenboog, kind: 'monitoring.due', caseId, dueOn: '2026-12-04' });
    await notify(t.ctx, { userId, schoolId: regenboog, kind: 'agreement.due', caseId, dueOn: '2026-12-04' });
    await runJobs();

    // Two notifications, two jobs: the first mails both, the second finds nothing left.
    expect(mail.received).toHaveLength(1);
    const [sent] = mail.received;
    expect(sent!.to).toEqual([teacher.email]);
    expect(sent!.subject).toBe('Meldpad: 2 nieuwe berichten');
    expect(sent!.text).toContain('Er staan 2 nieuwe berichten voor u klaar in Meldpad.');
    expect(sent!.text).toContain('/berichten');
    expect(sent!.text).not.toContain(caseId);
    const pupils = await t.ctx.db.kysely.selectFrom('pupils').select(['call_name', 'surname']).execute();
    for (const p of pupils) expect(`${sent!.subject}\n${sent!.text}`).not.toContain(p.surname);

    await runJobs();
    expect(mail.received).toHaveLength(1);
  });

  it('sends the daily digest at 07:00 and not before, one mail for the day', async () => {
    const ib = account(t, 'ib');
    const userId = await userIdOf(t, ib);
    for (let i = 0; i < 3; i++) await notify(t.ctx, { userId, schoolId: regenboog, kind: 'case.started', caseId: `case-${i}` });
    await runJobs();
    expect(mail.received).toHaveLength(0);
    t.clock.advance(25 * HOUR);
    await runJobs();
    expect(mail.received).toHaveLength(1);
    expect(mail.received[0]!.subject).toBe('Meldpad: 3 nieuwe berichten');
    t.clock.advance(25 * HOUR);
    await runJobs();
    expect(mail.received).toHaveLength(1);
  });

  it('mails nothing that was read in Meldpad first, and nothing to who wants no mail', async () => {
    const ib = account(t, 'ib');
    const ibId = await userIdOf(t, ib);
    const session = await signInAs(t, ib);
    await session.put('/api/notifications/mail-settings', { frequency: 'immediate' });
    const id = await notify(t.ctx, { userId: ibId, schoolId: regenboog, kind: 'case.started', caseId: 'c1' });
    await session.post(`/api/notifications/${id}/read`, {});
    await runJobs();
    expect(mail.received).toHaveLength(0);

    await session.put('/api/notifications/mail-settings', { frequency: 'none' });
    await notify(t.ctx, { userId: ibId, schoolId: regenboog, kind: 'case.started', caseId: 'c2' });
    t.clock.advance(25 * HOUR);
    await runJobs();
    expect(mail.received).toHaveLength(0);
    expect(await t.ctx.db.kysely.selectFrom('jobs').select('id').where('kind', '=', 'notification.mail').where('status', '=', 'pending').execute()).toEqual([]);
  });

  it('never mails a reminder twice: not with two instances racing, not after an instance died mid-send', async () => {
    const { db, keys } = await openDataStore(t.ctx.config);
    const second = createContext(t.ctx.config, db, keys, t.clock.now);
    others.push(second);
    const people = t.accounts.filter((a) => a.schools.includes(REGENBOOG));
    for (const who of people) {
      const userId = await userIdOf(t, who);
      await t.ctx.repos.users.setMailFrequency(userId, 'immediate');
      for (let i = 0; i < 3; i++) await notify(t.ctx, { userId, schoolId: regenboog, kind: 'monitoring.due', caseId: `c-${i}`, dueOn: '2026-12-04' });
    }
    await Promise.all([
      (async () => { while ((await t.ctx.jobs.runDueOnce()) > 0); })(),
      (async () => { while ((await second.jobs.runDueOnce()) > 0); })(),
    ]);
    const recipients = mail.received.map((m) => m.to.join());
    expect(recipients.sort()).toEqual(people.map((p) => p.email).sort());

    // An instance claims a person's waiting notifications and dies before the mail leaves: no one mails them again.
    const ib = await userIdOf(t, account(t, 'ib'));
    await notify(t.ctx, { userId: ib, schoolId: regenboog, kind: 'case.started', caseId: 'c-died' });
    expect(await t.ctx.repos.notifications.claimForMail(ib, t.clock.now())).toHaveLength(1);
    const before = mail.received.length;
    await runJobs();
    expect(mail.received.length).toBe(before);
  });

  it('keeps the notifications waiting when the mail server does not answer, and the job tries again later', async () => {
    const ib = await userIdOf(t, account(t, 'ib'));
    await t.ctx.repos.users.setMailFrequency(ib, 'immediate');
    await mail.close();
    await notify(t.ctx, { userId: ib, schoolId: regenboog, kind: 'case.started', caseId: 'c1' });
    await t.ctx.jobs.runDueOnce();
    const row = await t.ctx.db.kysely.selectFrom('notifications').select('mail_state').where('user_id', '=', ib).executeTakeFirstOrThrow();
    expect(row.mail_state).toBe('pending');
    expect(mail.received).toHaveLength(0);
    const job = await t.ctx.db.kysely.selectFrom('jobs').select(['status', 'attempts']).where('kind', '=', 'notification.mail').executeTakeFirstOrThrow();
    expect(job).toEqual({ status: 'pending', attempts: 1 });
  });
});

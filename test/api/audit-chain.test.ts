import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { runMeldpad } from '../support/cli.js';
import { ENGINES } from '../support/databases.js';
import { account, createDemoApp, REGENBOOG, signInAs, type DemoApp } from '../support/demo-app.js';

/** The environment a child `meldpad` needs to open the test's database. */
function cliEnv(t: DemoApp): Record<string, string> {
  const { config } = t.ctx;
  if (config.masterKey.kind !== 'env') throw new Error('the test app is given its key');
  return {
    DATA_DIR: config.dataDir,
    DATABASE_URL: config.database.kind === 'sqlite' ? config.database.file : config.database.url,
    MASTER_KEY: config.masterKey.value,
  };
}

/** Changes the history as someone with the database (but not the key) could: triggers out of the way. */
async function tamper(t: DemoApp, change: string): Promise<void> {
  const db = t.ctx.db.kysely;
  if (t.ctx.db.engine === 'sqlite') {
    await sql`drop trigger audit_events_no_update`.execute(db);
    await sql`drop trigger audit_events_no_delete`.execute(db);
  } else {
    await sql`alter table audit_events disable trigger user`.execute(db);
  }
  await sql.raw(change).execute(db);
}

/** `meldpad audit verify` in three threads: long enough a chain is cut in three parts (50 events at least each). */
function verifyInThreads(t: DemoApp) {
  return runMeldpad(['audit', 'verify', '--threads', '3'], cliEnv(t));
}

/** Two hundred more events through the repository, so that the chain is cut in three parts. */
async function lengthenChain(t: DemoApp): Promise<void> {
  await t.ctx.db.kysely.transaction().execute(async (tx) => {
    for (let i = 0; i < 200; i += 1) await t.ctx.repos.audit.append({ occurredAt: new Date(), action: 'case.list', outcome: 'success', requestId: `req-${i}` }, tx);
  });
}

async function chainedIds(t: DemoApp): Promise<number[]> {
  const rows = await t.ctx.db.kysely.selectFrom('audit_events').select('id').where('seq', 'is not', null).orderBy('seq').execute();
  return rows.map((r) => Number(r.id));
}

describe.each(ENGINES)('the audit chain (%s)', (engine) => {
  let t: DemoApp;
  afterEach(async () => t.close());

  async function someCaseRead() {
    t = await createDemoApp(engine, {}, { cases: true });
    await lengthenChain(t);
    const ib = await signInAs(t, account(t, 'ib'), { school: REGENBOOG });
    const regenboog = (await t.ctx.repos.boards.findSchoolByName(REGENBOOG))!.id;
    const caseId = (await t.ctx.db.kysely.selectFrom('cases').select('id').where('route', '=', 'meldcode').where('school_id', '=', regenboog).where('phase', '!=', 'closed').orderBy('started_at').executeTakeFirstOrThrow()).id;
    expect((await ib.get(`/api/cases/${caseId}`)).statusCode).toBe(200);
    return { ib, caseId };
  }

  it('chains every event and verifies intact, also from the command line', async () => {
    await someCaseRead();
    const report = await t.ctx.repos.audit.verifyChain();
    expect(report.problem).toBeNull();
    const stored = await t.ctx.db.kysely.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(report.checked).toBe(Number(stored.n));
    expect(report.checked).toBeGreaterThan(3);
    expect(report.beforeChain).toBe(0);
    const cli = runMeldpad(['audit', 'verify'], cliEnv(t));
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    expect(cli.stdout).toMatch(/intact: \d+ events verified/);
    const threaded = verifyInThreads(t);
    expect(threaded.status).toBe(0);
    expect(threaded.stdout).toContain(`intact: ${report.checked} events verified`);
  });

  it('finds no fault in events whose fields hold quotes, control characters and other scripts', async () => {
    await someCaseRead();
    // The threads read each event's fields as the database writes them in JSON; where that differs
    // from how the chain hashed them, they must fall back to the fields rather than cry tampering.
    await t.ctx.db.kysely.transaction().execute(async (tx) => {
      await t.ctx.repos.audit.append({ occurredAt: new Date(), action: 'case.read', outcome: 'success', requestId: 'a"b\\c\u0001\u001f\n\t\u2028\u007f/é😀', address: '::ffff:127.0.0.1' }, tx);
    });
    const ids = await chainedIds(t);
    const threaded = verifyInThreads(t);
    expect(threaded.stderr).toBe('');
    expect(threaded.stdout).toContain(`intact: ${ids.length} events verified`);
  });

  it('commits the reads of concurrent requests together, each durable before its answer', async () => {
    const { ib, caseId } = await someCaseRead();
    const batches: number[] = [];
    const appendAll = t.ctx.repos.audit.appendAll.bind(t.ctx.repos.audit);
    t.ctx.repos.audit.appendAll = async (events, executor) => {
      batches.push(events.length);
      await appendAll(events, executor);
    };
    const responses = await Promise.all(Array.from({ length: 30 }, () => ib.get(`/api/cases/${caseId}`)));
    expect(responses.every((r) => r.statusCode === 200)).toBe(true);
    // Every answered read has its event stored, and far fewer commits than reads were needed.
    const reads = await t.ctx.db.kysely.selectFrom('audit_events').select('request_id').where('action', '=', 'case.read').where('case_id', '=', caseId).execute();
    expect(reads.length).toBe(31);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(30);
    expect(batches.length).toBeLessThan(30);
    expect(Math.max(...batches)).toBeGreaterThan(1);
    expect((await t.ctx.repos.audit.verifyChain()).problem).toBeNull();
  });

  it('names the first altered event', async () => {
    await someCaseRead();
    const ids = await chainedIds(t);
    const victim = ids[Math.floor(ids.length / 2)]!;
    await tamper(t, `update audit_events set actor_user_id = 'iemand-anders' where id = ${victim}`);
    const report = await t.ctx.repos.audit.verifyChain();
    expect(report.problem).toMatchObject({ kind: 'altered', eventId: victim });
    const cli = runMeldpad(['audit', 'verify'], cliEnv(t));
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(`event ${victim} `);
    expect(cli.stderr).toContain('altered');
    expect(verifyInThreads(t).stderr).toBe(cli.stderr);
  });

  it('names the event after a removed one', async () => {
    await someCaseRead();
    const ids = await chainedIds(t);
    await tamper(t, `delete from audit_events where id = ${ids[3]!}`);
    expect((await t.ctx.repos.audit.verifyChain()).problem).toMatchObject({ kind: 'removed', eventId: ids[4]!, missingFrom: 4, missingTo: 4 });
    const threaded = verifyInThreads(t);
    expect(threaded.status).toBe(1);
    expect(threaded.stderr).toContain(`events at places 4–4 were removed (the chain resumes at event ${ids[4]!}, place 5)`);
  });

  it('names the first of several changes when the chain is checked in parts', async () => {
    await someCaseRead();
    const ids = await chainedIds(t);
    // One change in each third: the earliest is the one to name.
    const early = ids[60]!;
    await tamper(t, `update audit_events set action = 'pupil.read' where id in (${early}, ${ids[ids.length - 20]!})`);
    await sql.raw(`delete from audit_events where id = ${ids[110]!}`).execute(t.ctx.db.kysely);
    const threaded = verifyInThreads(t);
    expect(threaded.status).toBe(1);
    expect(threaded.stderr).toContain(`event ${early} (place 61 in the chain) was altered`);
  });

  it('notices the newest event removed', async () => {
    await someCaseRead();
    const ids = await chainedIds(t);
    await tamper(t, `delete from audit_events where id = ${ids.at(-1)!}`);
    expect((await t.ctx.repos.audit.verifyChain()).problem).toMatchObject({ kind: 'tail-removed' });
    expect(verifyInThreads(t).stderr).toContain('the newest events were removed');
  });

  it('names an inserted event', async () => {
    await someCaseRead();
    const row = await t.ctx.db.kysely.selectFrom('audit_events').selectAll().where('seq', '=', 5).executeTakeFirstOrThrow();
    // A forged copy of place 5 that covers someone's read: the places after it shifted up by one.
    await tamper(t, `update audit_events set seq = seq + 1000000 where seq >= 5`);
    await sql.raw(`update audit_events set seq = seq - 1000000 + 1 where seq >= 1000000`).execute(t.ctx.db.kysely);
    await t.ctx.db.kysely
      .insertInto('audit_events')
      .values({ ...row, id: 999_999, seq: 5, action: 'case.read', actor_user_id: 'verborgen' })
      .execute();
    expect((await t.ctx.repos.audit.verifyChain()).problem).toMatchObject({ kind: 'inserted', eventId: 999_999, seq: 5 });
    expect(verifyInThreads(t).stderr).toContain('event 999999 (place 5 in the chain) was inserted');
  });

  it('the database itself refuses to change or remove audit events', async () => {
    await someCaseRead();
    const db = t.ctx.db.kysely;
    await expect(db.updateTable('audit_events').set({ action: 'x' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
    if (engine === 'postgres') {
      await expect(sql`truncate audit_events`.execute(db)).rejects.toThrow(/append-only/);
      // The owning role (the application's, when it is not a superuser) holds no right to change them.
      const grants = await sql<{ privilege_type: string }>`select privilege_type from information_schema.role_table_grants where table_name = 'audit_events' and grantee in (current_user, 'PUBLIC')`.execute(db);
      const privileges = grants.rows.map((r) => r.privilege_type);
      expect(privileges).toContain('INSERT');
      expect(privileges).not.toContain('UPDATE');
      expect(privileges).not.toContain('DELETE');
      expect(privileges).not.toContain('TRUNCATE');
    }
  });
});

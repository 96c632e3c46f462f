import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { SEALED_TABLES } from '../../src/db/encryption/sealed-fields.js';
import { loadConfig } from '../../src/server/config/config.js';
import { MasterKey } from '../../src/server/security/master-key.js';
import { createContext, openDataStore } from '../../src/server/start.js';
import { runMeldpad } from '../support/cli.js';
import { ENGINES } from '../support/databases.js';
import { createDemoApp, type DemoApp } from '../support/demo-app.js';

/** Every sentence written about the demo's children, as Meldpad shows it (opened). */
async function demoSentences(t: Pick<DemoApp, 'ctx'>): Promise<string[]> {
  const cases = await t.ctx.db.kysely.selectFrom('cases').select('id').execute();
  const sentences = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string' && value.length >= 25 && value.includes(' ')) sentences.add(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  for (const c of cases) {
    for (const v of await t.ctx.repos.cases.entryVersions(c.id)) collect(v.body);
    for (const b of await t.ctx.repos.cases.breakGlass(c.id)) collect(b.reason);
  }
  return [...sentences];
}

/** What a thief with the database finds: the SQLite file itself, or every PostgreSQL row as text. */
async function rawDatabase(t: DemoApp): Promise<string> {
  const { config } = t.ctx;
  if (config.database.kind === 'sqlite') {
    await sql`pragma wal_checkpoint(truncate)`.execute(t.ctx.db.kysely);
    const files = [config.database.file, `${config.database.file}-wal`].filter((f) => existsSync(f));
    return files.map((f) => readFileSync(f).toString('latin1') + readFileSync(f).toString('utf8')).join('\n');
  }
  const tables = await sql<{ tablename: string }>`select tablename from pg_tables where schemaname = 'public'`.execute(t.ctx.db.kysely);
  let text = '';
  for (const { tablename } of tables.rows) {
    const rows = await sql<{ row: string }>`select row_to_json(t)::text as row from ${sql.table(tablename)} t`.execute(t.ctx.db.kysely);
    text += rows.rows.map((r) => r.row).join('\n');
  }
  return text;
}

describe.each(ENGINES)('encryption at rest (%s)', (engine) => {
  let t: DemoApp;
  afterEach(async () => t.close());

  it('a copy of the database alone reveals none of the demo\'s sentences', async () => {
    t = await createDemoApp(engine, {}, { cases: true });
    const sentences = await demoSentences(t);
    expect(sentences.length).toBeGreaterThan(5);
    expect(sentences.some((s) => s.includes('blauwe plek'))).toBe(true);
    const raw = await rawDatabase(t);
    expect(raw.length).toBeGreaterThan(10_000);
    const found = sentences.filter((s) => raw.includes(s) || raw.includes(JSON.stringify(s).slice(1, -1)));
    expect(found).toEqual([]);
    // Nor fragments of them: a distinctive phrase of one signal.
    expect(raw).not.toContain('blauwe plek van ongeveer');
    // Every row with narrative fields carries its own data key.
    for (const table of Object.keys(SEALED_TABLES)) {
      const rows = await sql<{ data_key: string | null }>`select data_key from ${sql.table(table)}`.execute(t.ctx.db.kysely);
      expect(rows.rows.every((r) => r.data_key?.startsWith('w1.'))).toBe(true);
      expect(new Set(rows.rows.map((r) => r.data_key)).size).toBe(rows.rows.length);
    }
  });

  it('seals at start-up what an older version stored in the clear', async () => {
    t = await createDemoApp(engine, {}, { cases: true });
    const entry = await t.ctx.db.kysely.selectFrom('case_entries').select(['id', 'case_id']).where('kind', '=', 'signal').executeTakeFirstOrThrow();
    const plain = JSON.stringify({ note: 'Een oude notitie van voor de versleuteling.' });
    await t.ctx.db.kysely.updateTable('case_entries').set({ body: plain, data_key: null, correction_reason: null }).where('id', '=', entry.id).execute();
    const { db, keys } = await openDataStore(t.ctx.config);
    try {
      const row = await db.kysely.selectFrom('case_entries').select(['body', 'data_key']).where('id', '=', entry.id).executeTakeFirstOrThrow();
      expect(row.data_key).toMatch(/^w1\./);
      expect(row.body).not.toContain('oude notitie');
      const ctx = createContext(t.ctx.config, db, keys);
      const versions = await ctx.repos.cases.versionsOf(entry.case_id, (await db.kysely.selectFrom('case_entries').select('entry_id').where('id', '=', entry.id).executeTakeFirstOrThrow()).entry_id);
      expect(versions.map((v) => v.body)).toContainEqual({ note: 'Een oude notitie van voor de versleuteling.' });
    } finally {
      await db.close();
    }
  });

  it('rotate-key re-wraps every data key under a new supplied key; the old key alone no longer opens the database', async () => {
    t = await createDemoApp(engine, {}, { cases: true });
    const before = await demoSentences(t);
    const { config } = t.ctx;
    if (config.masterKey.kind !== 'env') throw new Error('the test app is given its key');
    const oldKey = config.masterKey.value;
    const newKey = randomBytes(32).toString('base64');
    const env = { DATA_DIR: config.dataDir, DATABASE_URL: config.database.kind === 'sqlite' ? config.database.file : config.database.url };
    // Without the previous key named, rotating is refused with the steps to take.
    const refused = runMeldpad(['rotate-key'], { ...env, MASTER_KEY: newKey });
    expect(refused.status).toBe(1);
    const rotated = runMeldpad(['rotate-key'], { ...env, MASTER_KEY: newKey, MASTER_KEY_PREVIOUS: oldKey });
    expect(rotated.stderr).toBe('');
    expect(rotated.status).toBe(0);
    const newId = MasterKey.fromBytes(Buffer.from(newKey, 'base64')).id();
    const keysInUse = await sql<{ data_key: string }>`select data_key from case_entries`.execute(t.ctx.db.kysely);
    expect(keysInUse.rows.every((r) => r.data_key.startsWith(`w1.${newId}.`))).toBe(true);

    await expect(openDataStore(loadConfig({ ...env, MASTER_KEY: oldKey }))).rejects.toThrow(/does not match/);
    const { db, keys } = await openDataStore(loadConfig({ ...env, MASTER_KEY: newKey }));
    try {
      const after = await demoSentences({ ctx: createContext(loadConfig({ ...env, MASTER_KEY: newKey }), db, keys) });
      expect(after.sort()).toEqual(before.sort());
    } finally {
      await db.close();
    }
    // The secrets key did not change: the audit chain still verifies under the new master key.
    expect(runMeldpad(['audit', 'verify'], { ...env, MASTER_KEY: newKey }).status).toBe(0);
  });
});

describe('rotate-key with a generated key (single SQLite instance)', () => {
  it('rotates while Meldpad runs: the running instance keeps reading, the old key is kept aside', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'meldpad-rotate-'));
    try {
      const env = { DATA_DIR: dataDir };
      expect(runMeldpad(['demo', '--out', path.join(dataDir, 'accounts.json')], env).status).toBe(0);
      const config = loadConfig(env);
      const oldKey = readFileSync(path.join(dataDir, 'master.key'), 'utf8');
      // The "running instance": opened before the rotation and kept open through it.
      const { db, keys } = await openDataStore(config);
      try {
        const running = createContext(config, db, keys);
        const before = await demoSentences({ ctx: running });
        expect(before.length).toBeGreaterThan(15);
        const rotated = runMeldpad(['rotate-key'], env);
        expect(rotated.stderr).toBe('');
        expect(rotated.status).toBe(0);
        expect(readFileSync(path.join(dataDir, 'master.key.previous'), 'utf8')).toBe(oldKey);
        expect(readFileSync(path.join(dataDir, 'master.key'), 'utf8')).not.toBe(oldKey);
        expect(existsSync(path.join(dataDir, 'master.key.next'))).toBe(false);
        // Records now wrapped under the new key: the running instance looks the new key up itself.
        expect((await demoSentences({ ctx: running })).sort()).toEqual(before.sort());
      } finally {
        await db.close();
      }
      // Without the previous key the database still opens: every data key moved.
      rmSync(path.join(dataDir, 'master.key.previous'));
      const reopened = await openDataStore(config);
      try {
        expect((await demoSentences({ ctx: createContext(config, reopened.db, reopened.keys) })).length).toBeGreaterThan(15);
      } finally {
        await reopened.db.close();
      }
      expect(runMeldpad(['audit', 'verify'], env).status).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

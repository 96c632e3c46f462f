import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Migrator } from 'kysely';
import { generate } from 'otplib';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../../src/cli/demo/demo-board.js';
import { openDatabase } from '../../src/db/connection.js';
import * as foundation from '../../src/db/migrations/2026-11-29-0001-foundation.js';
import { backupDatabase } from '../../src/server/backup/backup-database.js';
import { fingerprintOf } from '../../src/server/backup/backup-master-key.js';
import { findProgram } from '../../src/server/backup/postgres-dump.js';
import { restoreDatabase } from '../../src/server/backup/restore-database.js';
import { loadConfig } from '../../src/server/config/config.js';
import { FINGERPRINT_SETTING } from '../../src/server/security/store-keys.js';
import { rotateMasterKey } from '../../src/server/security/key-rotation.js';
import { openDataStore } from '../../src/server/start.js';
import { runMeldpad, startMeldpadProcess } from '../support/cli.js';
import { createTestDatabase, ENGINES, type EngineName, type TestDatabase } from '../support/databases.js';

const PASSPHRASE = 'zeven woorden die niemand ooit raadt';
// Debian's CI image has the client tools here without putting them on the PATH.
const CI_POSTGRES_BIN = '/usr/lib/postgresql/15/bin';
const freePort = () => 41000 + Math.floor(Math.random() * 9000);

/** PATH for the child meldpad: with PostgreSQL, pg_dump and pg_restore must be found — or the test fails. */
function pathFor(engine: EngineName): string {
  const base = process.env['PATH'] ?? '';
  if (engine === 'sqlite') return base;
  for (const candidate of [base, `${CI_POSTGRES_BIN}${path.delimiter}${base}`]) {
    if (findProgram('pg_dump', { PATH: candidate }) && findProgram('pg_restore', { PATH: candidate })) return candidate;
  }
  throw new Error(`TEST_DATABASE_URL is set but pg_dump/pg_restore are neither on the PATH nor in ${CI_POSTGRES_BIN}: the PostgreSQL backup cannot be tested`);
}

function sourceEnv(db: TestDatabase, engine: EngineName, masterKey: string): Record<string, string> {
  const base = { DATA_DIR: db.dataDir, PATH: pathFor(engine) };
  return db.target.kind === 'sqlite' ? base : { ...base, DATABASE_URL: db.target.url, MASTER_KEY: masterKey };
}

/** A fresh, empty place to restore into, given nothing but where the key is to go. */
function targetEnv(db: TestDatabase, engine: EngineName): Record<string, string> {
  const base = { DATA_DIR: db.dataDir, PATH: pathFor(engine) };
  return db.target.kind === 'sqlite' ? base : { ...base, DATABASE_URL: db.target.url, MASTER_KEY_FILE: path.join(db.dataDir, 'restored-master.key') };
}

async function signIn(url: string, who: DemoAccount): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: who.email, password: who.password }) });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const totp = await fetch(`${url}/api/auth/totp`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ code: await generate({ secret: who.totpSecret }) }) });
  // The TOTP secret is sealed by the master key: this passes only when the key came back too.
  expect(totp.status).toBe(200);
  return totp.headers.get('set-cookie')!.split(';')[0]!;
}

async function getJson(url: string, cookie: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, { headers: { cookie } });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

/** Every case the IB'er and the board see, each with its entries as the case page shows them. */
async function caseFiles(url: string, accounts: DemoAccount[]) {
  const ib = await signIn(url, accounts.find((a) => a.role === 'ib' && a.school === 'OBS De Regenboog')!);
  const board = await signIn(url, accounts.find((a) => a.role === 'board')!);
  const files: { id: string; entries: unknown }[] = [];
  for (const [cookie, list] of [[ib, '/api/cases'], [board, '/api/board/cases']] as const) {
    for (const c of (await getJson(`${url}${list}`, cookie))['cases'] as { id: string }[]) {
      files.push({ id: c.id, entries: (await getJson(`${url}/api/cases/${c.id}`, cookie))['entries'] });
    }
  }
  return files.sort((a, b) => a.id.localeCompare(b.id));
}

async function tableCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ n: number }>("select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')");
    return result.rows[0]!.n;
  } finally {
    await client.end();
  }
}

/** Nothing was written: no database, no key, and (PostgreSQL) still no table. */
async function expectUntouched(db: TestDatabase, before: string[]) {
  expect(readdirSync(db.dataDir).sort()).toEqual(before);
  if (db.target.kind === 'postgres') expect(await tableCount(db.target.url)).toBe(0);
}

describe('meldpad backup FILE: bad requests are refused with one line', () => {
  let db: TestDatabase;
  afterEach(async () => db.drop());

  it('refuses a missing or short passphrase, a missing database and an existing file, writing nothing', { timeout: 120_000 }, async () => {
    db = await createTestDatabase('sqlite');
    const env = { DATA_DIR: db.dataDir };
    const out = path.join(db.dataDir, 'backup.meldpad');
    expect(runMeldpad(['backup', out], { ...env, BACKUP_PASSPHRASE: PASSPHRASE })).toMatchObject({ status: 1, stderr: `meldpad backup: there is no database at ${path.join(db.dataDir, 'meldpad.db')}\n` });
    expect(runMeldpad(['migrate'], env).status).toBe(0);
    expect(runMeldpad(['backup', out], env)).toMatchObject({ status: 1, stderr: 'meldpad backup: give the passphrase in BACKUP_PASSPHRASE or with --passphrase-file FILE\n' });
    const short = runMeldpad(['backup', out], { ...env, BACKUP_PASSPHRASE: 'kort-maar' });
    expect(short).toMatchObject({ status: 1, stderr: 'meldpad backup: the passphrase is too short: use at least 12 characters (a few random words work well)\n' });
    expect(short.stderr + short.stdout).not.toContain('kort-maar');
    expect(existsSync(out)).toBe(false);
    writeFileSync(out, 'keep me');
    expect(runMeldpad(['backup', out], { ...env, BACKUP_PASSPHRASE: PASSPHRASE })).toMatchObject({ status: 1, stderr: `meldpad backup: ${out} already exists; choose a new file name\n` });
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(runMeldpad(['backup'], env).status).toBe(2);
  });

  it('says plainly when pg_dump is not on the PATH', { timeout: 60_000 }, async () => {
    db = await createTestDatabase('sqlite');
    const result = runMeldpad(['backup', path.join(db.dataDir, 'b')], {
      DATABASE_URL: 'postgres://meldpad@127.0.0.1:1/meldpad',
      MASTER_KEY: randomBytes(32).toString('base64'),
      BACKUP_PASSPHRASE: PASSPHRASE,
      PATH: db.dataDir,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^meldpad backup: pg_dump is not on the PATH: install the PostgreSQL client tools/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('asks, with PostgreSQL, where the restored master key is to be written', { timeout: 60_000 }, async () => {
    db = await createTestDatabase('sqlite');
    const result = runMeldpad(['restore', path.join(db.dataDir, 'b')], { DATABASE_URL: 'postgres://meldpad@127.0.0.1:1/meldpad', BACKUP_PASSPHRASE: PASSPHRASE });
    expect(result).toMatchObject({ status: 1, stderr: 'MASTER_KEY_FILE: required with PostgreSQL: name the file the restored master key is to be written to (it must not exist yet)\n' });
  });
});

describe.each(ENGINES)('meldpad backup and restore (%s)', (engine) => {
  const made: TestDatabase[] = [];
  const stops: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
    for (const db of made.splice(0)) await db.drop();
  });
  const fresh = async () => {
    const db = await createTestDatabase(engine);
    made.push(db);
    return db;
  };

  it('backs up the demo while it runs, and restores it elsewhere with only the passphrase: same cases, readable', { timeout: 180_000 }, async () => {
    const source = await fresh();
    const masterKey = randomBytes(32).toString('base64');
    // The children's temporary folder, to see that no plaintext dump is left behind in it.
    const scratch = path.join(source.dataDir, 'scratch');
    mkdirSync(scratch, { mode: 0o700 });
    const env = { ...sourceEnv(source, engine, masterKey), TMPDIR: scratch };
    const accountsFile = path.join(source.dataDir, 'accounts.json');
    expect(runMeldpad(['demo', '--out', accountsFile], env)).toMatchObject({ status: 0, stderr: '' });
    const accounts = JSON.parse(readFileSync(accountsFile, 'utf8')) as DemoAccount[];

    // The backup is made while the source serves requests: the online backup / pg_dump snapshot.
    const server = await startMeldpadProcess({ ...env, PORT: String(freePort()) });
    stops.push(server.stop);
    const backupFile = path.join(source.dataDir, 'meldpad-backup.bin');
    const backup = runMeldpad(['backup', backupFile], { ...env, BACKUP_PASSPHRASE: PASSPHRASE });
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(backup.stdout).toContain(backupFile);
    expect(backup.stdout).not.toContain(PASSPHRASE);
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    // Signed in only after the backup, so the restored accounts may use the same codes.
    const expected = await caseFiles(server.url, accounts);
    expect(await server.stop()).toBe(0);
    stops.length = 0;
    expect(expected.length).toBeGreaterThanOrEqual(10);
    // Readable text, not sealed bytes: a sentence the demo writes on one of its signals.
    expect(JSON.stringify(expected)).toContain('twee striemen over de onderrug');

    // Neither the database nor the key is readable in the file, and no plaintext was left beside it.
    const bytes = readFileSync(backupFile);
    const sourceKey = engine === 'sqlite' ? readFileSync(path.join(source.dataDir, 'master.key'), 'utf8').trim() : masterKey;
    for (const clear of ['SQLite format 3', 'PGDMP', accounts[0]!.email, sourceKey]) expect(bytes.includes(Buffer.from(clear))).toBe(false);
    expect(bytes.includes(Buffer.from(sourceKey, 'base64'))).toBe(false);
    expect(readdirSync(source.dataDir).filter((f) => f.includes('meldpad-backup'))).toEqual(['meldpad-backup.bin']);
    expect(readdirSync(scratch)).toEqual([]);

    // A wrong passphrase, a damaged file, or another key already configured: refused, nothing written.
    const target = await fresh();
    const into: Record<string, string> = { ...targetEnv(target, engine), TMPDIR: scratch };
    const before = readdirSync(target.dataDir).sort();
    const wrong = runMeldpad(['restore', backupFile], { ...into, BACKUP_PASSPHRASE: `${PASSPHRASE}!` });
    expect(wrong).toMatchObject({ status: 1, stdout: '', stderr: 'meldpad restore: the passphrase is wrong, or the backup file is damaged\n' });
    await expectUntouched(target, before);
    const damagedFile = path.join(source.dataDir, 'damaged.bin');
    const damaged = Buffer.from(bytes);
    damaged[Math.floor(damaged.length / 2)]! ^= 0x40;
    writeFileSync(damagedFile, damaged);
    expect(runMeldpad(['restore', damagedFile], { ...into, BACKUP_PASSPHRASE: PASSPHRASE })).toMatchObject({ status: 1, stderr: 'meldpad restore: the backup file is damaged (a part of it failed its integrity check)\n' });
    await expectUntouched(target, before);
    expect(readdirSync(scratch)).toEqual([]);
    const otherKey = { ...into, MASTER_KEY_FILE: '', MASTER_KEY: randomBytes(32).toString('base64'), BACKUP_PASSPHRASE: PASSPHRASE };
    const clash = runMeldpad(['restore', backupFile], otherKey);
    expect(clash.status).toBe(1);
    expect(clash.stderr).toMatch(/^meldpad restore: MASTER_KEY holds a different master key than the backup/);
    await expectUntouched(target, before);

    // The real restore: the passphrase from a file, no master key given.
    const passphraseFile = path.join(source.dataDir, 'passphrase.txt');
    writeFileSync(passphraseFile, `${PASSPHRASE}\n`, { mode: 0o600 });
    const restore = runMeldpad(['restore', '--passphrase-file', passphraseFile, backupFile], into);
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    const keyFile = engine === 'sqlite' ? path.join(target.dataDir, 'master.key') : into['MASTER_KEY_FILE']!;
    expect(restore.stdout).toContain(`The master key was written to ${keyFile}.`);
    expect(restore.stdout).not.toContain(sourceKey);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile, 'utf8').trim()).toBe(sourceKey);
    expect(readdirSync(scratch)).toEqual([]);

    // Once restored, the database is no longer empty: a second restore is refused.
    const again = runMeldpad(['restore', backupFile], { ...into, BACKUP_PASSPHRASE: PASSPHRASE });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/is not empty; restore only into an empty database\n$/);

    const restored = await startMeldpadProcess({ ...into, PORT: String(freePort()) });
    stops.push(restored.stop);
    expect(await caseFiles(restored.url, accounts)).toEqual(expected);
    expect(await restored.stop()).toBe(0);
    stops.length = 0;

    // The restored history is the source's, link for link, with the reads above appended to it.
    const verified = runMeldpad(['audit', 'verify'], into);
    expect(verified.stderr).toBe('');
    expect(verified.status).toBe(0);
    expect(verified.stdout).toMatch(/^Audit chain intact/);
  });
});

describe.each(ENGINES)('restoring a backup made by an older Meldpad (%s)', (engine) => {
  const made: TestDatabase[] = [];
  afterEach(async () => {
    for (const db of made.splice(0)) await db.drop();
  });

  it('brings the restored schema up to date, and writes no key when the configured one is the backup\'s', { timeout: 120_000 }, async () => {
    const [source, target] = [await createTestDatabase(engine), await createTestDatabase(engine)];
    made.push(source, target);
    const key = randomBytes(32);
    // A database as the first version left it: only the first migration, and the key's fingerprint.
    const old = openDatabase(source.target);
    const migrator = new Migrator({ db: old.kysely, provider: { getMigrations: async () => ({ '2026-11-29-0001-foundation': { up: (db) => foundation.up(db, old.engine) } }) } });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    await old.kysely.insertInto('instance_settings').values({ key: FINGERPRINT_SETTING, value: fingerprintOf(key) }).execute();
    await old.close();

    const settings = (db: TestDatabase) => ({
      DATA_DIR: db.dataDir,
      MASTER_KEY: key.toString('base64'),
      PATH: pathFor(engine),
      ...(db.target.kind === 'postgres' ? { DATABASE_URL: db.target.url } : { DATABASE_URL: db.target.file }),
    });
    const file = path.join(source.dataDir, 'old.backup');
    await backupDatabase(loadConfig(settings(source)), settings(source), { outFile: file, passphrase: PASSPHRASE, now: new Date() });

    const before = readdirSync(target.dataDir);
    const result = await restoreDatabase(loadConfig(settings(target)), settings(target), { file, passphrase: PASSPHRASE });
    expect(result.keyPlacement).toEqual({ kind: 'already-configured', variable: 'MASTER_KEY' });
    expect(result.migrationsApplied).toContain('2026-11-29-0005-cases');
    expect(result.migrationsApplied).not.toContain('2026-11-29-0001-foundation');
    expect(readdirSync(target.dataDir).filter((f) => !before.includes(f) && f.endsWith('.key'))).toEqual([]);
    // Start-up's own check: schema current, master key the database's.
    const opened = await openDataStore(loadConfig(settings(target)));
    await opened.db.close();
  });
});

describe.each(ENGINES)('a backup during a master key rotation (%s)', (engine) => {
  let db: TestDatabase;
  afterEach(async () => db.drop());

  it('is refused until meldpad rotate-key has finished: the backup carries one key, which must open everything', { timeout: 120_000 }, async () => {
    db = await createTestDatabase(engine);
    const [oldKey, newKey] = [randomBytes(32).toString('base64'), randomBytes(32).toString('base64')];
    const where = { DATA_DIR: db.dataDir, PATH: pathFor(engine), DATABASE_URL: db.target.kind === 'postgres' ? db.target.url : db.target.file };
    const first = await openDataStore(loadConfig({ ...where, MASTER_KEY: oldKey }));
    await first.db.close();

    // Every instance now runs with the new key and still reads the old one; rotate-key has not run.
    const rotating = { ...where, MASTER_KEY: newKey, MASTER_KEY_PREVIOUS: oldKey };
    const file = path.join(db.dataDir, 'during.backup');
    await expect(backupDatabase(loadConfig(rotating), rotating, { outFile: file, passphrase: PASSPHRASE, now: new Date() })).rejects.toThrow(/a key rotation is not finished \(run meldpad rotate-key first\)/);
    expect(existsSync(file)).toBe(false);

    const opened = await openDataStore(loadConfig(rotating));
    await rotateMasterKey(opened.db, loadConfig(rotating));
    await opened.db.close();
    await backupDatabase(loadConfig(rotating), rotating, { outFile: file, passphrase: PASSPHRASE, now: new Date() });
    expect(existsSync(file)).toBe(true);
  });
});

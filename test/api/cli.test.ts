import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from 'otplib';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../support/databases.js';
import { runMeldpad, startMeldpadProcess } from '../support/cli.js';

function envFor(db: TestDatabase, key = randomBytes(32).toString('base64')): Record<string, string> {
  return db.target.kind === 'sqlite'
    ? { DATA_DIR: db.dataDir }
    : { DATA_DIR: db.dataDir, DATABASE_URL: db.target.url, MASTER_KEY: key };
}

const freePort = () => 41000 + Math.floor(Math.random() * 9000);

describe('meldpad command line: bad settings', () => {
  it('stops with one line naming the variable when DATABASE_URL has another scheme', () => {
    const result = runMeldpad(['start'], { DATABASE_URL: 'mysql://localhost/meldpad', DATA_DIR: '/tmp/meldpad-never-made' });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('DATABASE_URL: unsupported scheme "mysql" (use a file path for SQLite, or postgres://)\n');
    expect(result.stdout).toBe('');
  });

  it('stops with one line for a bad port', () => {
    const result = runMeldpad(['migrate'], { PORT: 'abc', DATA_DIR: '/tmp/meldpad-never-made' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^PORT: /);
  });

  it('says how to use it when the command is unknown', () => {
    const result = runMeldpad(['opruimen'], {});
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown command "opruimen"');
  });
});

describe.each(ENGINES)('meldpad command line (%s)', (engine) => {
  let db: TestDatabase;
  afterEach(async () => db.drop());

  it('migrates, and refuses to start with a master key that is not the database\'s', async () => {
    db = await createTestDatabase(engine);
    const env = envFor(db);
    expect(runMeldpad(['migrate'], env).status).toBe(0);
    if (engine === 'sqlite') {
      const keyFile = path.join(db.dataDir, 'master.key');
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      writeFileSync(keyFile, randomBytes(32).toString('base64'));
      const refused = runMeldpad(['migrate'], env);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toBe('DATA_DIR: the master key does not match the key this database was created with\n');
    } else {
      const refused = runMeldpad(['migrate'], { ...env, MASTER_KEY: randomBytes(32).toString('base64') });
      expect(refused.status).toBe(1);
      expect(refused.stderr).toBe('MASTER_KEY: the master key does not match the key this database was created with\n');
    }
  });

  it('fills an empty database with the demo, whose accounts sign in with their TOTP secret', async () => {
    db = await createTestDatabase(engine);
    const env = envFor(db);
    const out = path.join(db.dataDir, 'accounts.json');
    const demo = runMeldpad(['demo', '--out', out], env);
    expect(demo.stderr).toBe('');
    expect(demo.status).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const accounts = JSON.parse(readFileSync(out, 'utf8')) as { email: string; password: string; totpSecret: string; role: string; school: string | null; schools: string[] }[];
    expect([...new Set(accounts.map((a) => a.role))].sort()).toEqual(['administrator', 'board', 'director', 'ib', 'smw', 'teacher']);
    for (const school of ['OBS De Regenboog', 'Basisschool Het Kompas']) {
      expect(accounts.filter((a) => a.schools.includes(school)).map((a) => a.role).sort()).toEqual(['administrator', 'director', 'ib', 'smw', 'teacher', ...(school === 'OBS De Regenboog' ? ['teacher'] : [])].sort());
    }
    expect(accounts.find((a) => a.role === 'smw')!.schools).toHaveLength(2);
    expect(runMeldpad(['demo', '--out', out], env).status).toBe(2);

    const server = await startMeldpadProcess({ ...env, PORT: String(freePort()) });
    try {
      const ib = accounts.find((a) => a.role === 'ib')!;
      const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ib.email, password: ib.password }) });
      expect(await login.json()).toEqual({ next: 'totp' });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const totp = await fetch(`${server.url}/api/auth/totp`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ code: await generate({ secret: ib.totpSecret }) }) });
      expect(totp.status).toBe(200);
      const me = await fetch(`${server.url}/api/auth/me`, { headers: { cookie: totp.headers.get('set-cookie')!.split(';')[0]! } });
      expect(await me.json()).toMatchObject({ roles: ['ib'], school: { name: ib.school } });
      expect(server.output()).not.toContain('/setup#token=');
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('prints a one-time setup link on an empty database, and create-admin sets it up without a browser', async () => {
    db = await createTestDatabase(engine);
    const env = envFor(db);
    const server = await startMeldpadProcess({ ...env, PORT: String(freePort()) });
    expect(server.output()).toMatch(/\/setup#token=[A-Za-z0-9_-]{32}/);
    expect(await server.stop()).toBe(0);
    const created = runMeldpad(['create-admin', '--email', 'beheer@school.example', '--name', 'Bea Beheer', '--board-name', 'Stichting Test', '--school-name', 'OBS Test'], env);
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/one-time password: \S{24}/);
    expect(runMeldpad(['create-admin', '--email', 'beheer@school.example', '--name', 'Bea Beheer'], env).status).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/server/config/config.js';
import { negotiateLanguage } from '../../../src/server/i18n/translate.js';

const problem = (env: Record<string, string>) => {
  try {
    loadConfig(env, '/srv/meldpad');
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return null;
};

describe('configuration', () => {
  it('defaults to SQLite in ./data on 127.0.0.1:3000 with a generated key', () => {
    const config = loadConfig({}, '/srv/meldpad');
    expect(config).toMatchObject({ host: '127.0.0.1', port: 3000, dataDir: '/srv/meldpad/data', database: { kind: 'sqlite', file: '/srv/meldpad/data/meldpad.db' } });
    expect(config.masterKey).toEqual({ kind: 'generated-file', file: '/srv/meldpad/data/master.key' });
    expect(config.publicUrl.toString()).toBe('http://127.0.0.1:3000/');
  });

  it('takes a file path, or a postgres URL, as DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'db/x.sqlite' }, '/srv/meldpad').database).toEqual({ kind: 'sqlite', file: '/srv/meldpad/db/x.sqlite' });
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@db.example/meldpad', MASTER_KEY: Buffer.alloc(32, 1).toString('base64') }).database.kind).toBe('postgres');
  });

  it('names the variable and what is wrong with it', () => {
    expect(problem({ DATABASE_URL: 'mysql://localhost/meldpad' })).toBe('DATABASE_URL: unsupported scheme "mysql" (use a file path for SQLite, or postgres://)');
    expect(problem({ PORT: 'drieduizend' })).toMatch(/^PORT: /);
    expect(problem({ PORT: '70000' })).toMatch(/^PORT: /);
    expect(problem({ PUBLIC_URL: 'ftp://meldpad.example' })).toMatch(/^PUBLIC_URL: must start with http/);
    expect(problem({ DATABASE_URL: 'postgres://db.example/meldpad' })).toMatch(/^MASTER_KEY: required with PostgreSQL/);
    expect(problem({ MASTER_KEY: 'x', MASTER_KEY_FILE: '/k' })).toMatch(/^MASTER_KEY: set MASTER_KEY or MASTER_KEY_FILE/);
    expect(problem({ MASTER_KEY_PREVIOUS: 'x', MASTER_KEY_PREVIOUS_FILE: '/k' })).toMatch(/^MASTER_KEY_PREVIOUS: set MASTER_KEY_PREVIOUS or MASTER_KEY_PREVIOUS_FILE/);
    expect(problem({ TRUST_PROXY: 'misschien' })).toMatch(/^TRUST_PROXY: /);
  });

  it('answers in English only when the client prefers English to Dutch', () => {
    expect(negotiateLanguage(undefined)).toBe('nl');
    expect(negotiateLanguage('en-GB,en;q=0.9')).toBe('en');
    expect(negotiateLanguage('nl-NL,nl;q=0.9,en;q=0.8')).toBe('nl');
    expect(negotiateLanguage('en;q=0.5,nl;q=0.9')).toBe('nl');
    expect(negotiateLanguage('de-DE')).toBe('nl');
  });
});

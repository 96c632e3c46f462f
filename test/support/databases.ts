import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DatabaseTarget } from '../../src/db/connection.js';
import { postgresAvailable, TEST_DATABASE_URL } from './environment.js';

export type EngineName = 'sqlite' | 'postgres';

/** Every engine the API and repository suites run over: SQLite always, PostgreSQL when given. */
export const ENGINES: EngineName[] = postgresAvailable() ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase {
  target: DatabaseTarget;
  /** A folder of its own for DATA_DIR. */
  dataDir: string;
  drop(): Promise<void>;
}

/** A new, empty database of the given engine, dropped afterwards. */
export async function createTestDatabase(engine: EngineName): Promise<TestDatabase> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'meldpad-test-'));
  if (engine === 'sqlite') {
    return {
      target: { kind: 'sqlite', file: path.join(dataDir, 'meldpad.db') },
      dataDir,
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `meldpad_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL! });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return {
    target: { kind: 'postgres', url: url.toString() },
    dataDir,
    drop: async () => {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL! });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

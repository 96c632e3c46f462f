import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type SqliteDialectConfig } from 'kysely';
import { createRequire } from 'node:module';
import type pgTypes from 'pg';
import type { Database } from './schema.js';

export type Engine = 'sqlite' | 'postgres';

export type DatabaseTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface Db {
  kysely: Kysely<Database>;
  engine: Engine;
  close(): Promise<void>;
}

let pgModule: typeof pgTypes | null = null;

/** The PostgreSQL driver, loaded only when PostgreSQL is used (it adds about 50 ms to an SQLite start). */
function postgresDriver(): typeof pgTypes {
  if (!pgModule) {
    pgModule = createRequire(import.meta.url)('pg') as typeof pgTypes;
    // PostgreSQL's bigint (count(*), bigserial) arrives as a string; our counts fit a number.
    pgModule.types.setTypeParser(20, (value) => Number.parseInt(value, 10));
  }
  return pgModule;
}

/** Opens the database named by the configuration. SQLite runs in WAL mode with foreign keys on. */
export function openDatabase(target: DatabaseTarget, options: { poolSize?: number } = {}): Db {
  if (target.kind === 'sqlite') {
    if (target.file !== ':memory:') mkdirSync(path.dirname(target.file), { recursive: true, mode: 0o700 });
    const connection = new SqliteDatabase(target.file);
    connection.pragma('journal_mode = WAL');
    connection.pragma('foreign_keys = ON');
    connection.pragma('busy_timeout = 5000');
    // FULL: a committed audit event (a read's, through the group commit) survives a power cut too.
    connection.pragma('synchronous = FULL');
    const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(connection) }) });
    return { kysely, engine: 'sqlite', close: () => kysely.destroy() };
  }
  const pg = postgresDriver();
  const pool = new pg.Pool({ connectionString: target.url, max: options.poolSize ?? 10 });
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, engine: 'postgres', close: () => kysely.destroy() };
}

const STATEMENT_CACHE = 256;

/**
 * Kysely prepares every query anew; on a hot path preparing costs about as much as running it. The
 * connection keeps its most recent prepared statements by SQL text instead (one connection, queries one
 * at a time, so a statement is never used by two queries at once).
 */
function withStatementCache(connection: SqliteDatabase.Database): SqliteDialectConfig['database'] {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => connection.close(),
    prepare(query: string) {
      let statement = cache.get(query);
      if (statement) {
        // Most recently used last: the first entry is the one to drop.
        cache.delete(query);
      } else {
        statement = connection.prepare(query);
        if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
      }
      cache.set(query, statement);
      return statement;
    },
  };
}

/** Whether the database answers a trivial query. */
export async function isReachable(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db.kysely);
    return true;
  } catch {
    return false;
  }
}

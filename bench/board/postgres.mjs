// PostgreSQL for the benchmark: BENCH_DATABASE_URL or TEST_DATABASE_URL names a server; with
// BENCH_POSTGRES=start the benchmark starts its own throwaway cluster (scripts/postgres-cluster.sh).
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ROOT } from './meldpad-process.mjs';
import { setTimeout } from 'node:timers';

const OWN_DIR = path.join(os.tmpdir(), 'meldpad-bench-pg');
const OWN_PORT = process.env.BENCH_POSTGRES_PORT ?? '55449';

/** The server URL (its maintenance database), or null when PostgreSQL is not to be measured. */
export function postgresServer() {
  const given = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (given) return { url: given, own: false };
  if (process.env.BENCH_POSTGRES === 'start') {
    // fsync on, as in production: the durable audited reads and the writes are measured as they would run.
    const url = execFileSync('bash', [path.join(ROOT, 'scripts', 'postgres-cluster.sh'), 'start', OWN_DIR, OWN_PORT], { encoding: 'utf8', env: { ...process.env, PG_FSYNC: 'on' } }).trim();
    return { url, own: true };
  }
  return null;
}

export function stopOwnPostgres(server) {
  if (server?.own) execFileSync('bash', [path.join(ROOT, 'scripts', 'postgres-cluster.sh'), 'stop', OWN_DIR]);
}

/**
 * The throwaway cluster runs with fsync off (fine for tests); a benchmark of durable audited reads
 * needs it on, as in production. Asked for where we may (superuser), but a setting on the server's
 * command line wins (scripts/postgres-cluster.sh passes fsync=off): the settings found are recorded
 * in the results, so a run with fsync off says so.
 */
export async function durableSettings(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    try {
      await client.query('alter system set fsync = on');
      await client.query('select pg_reload_conf()');
      await new Promise((resolve) => setTimeout(resolve, 300));
    } catch {
      // not a superuser: take the server as it is
    }
    const settings = {};
    for (const name of ['fsync', 'synchronous_commit', 'shared_buffers', 'server_version']) settings[name] = (await client.query(`show ${name}`)).rows[0][name];
    return settings;
  } finally {
    await client.end();
  }
}

/** A database of its own on the server, for the dataset (dropped and made anew when regenerating). */
export async function freshDatabase(serverUrl, name) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

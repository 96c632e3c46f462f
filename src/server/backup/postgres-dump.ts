import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { BackupRefusal } from './backup-errors.js';

type Env = Record<string, string | undefined>;

/** The program's path on env's PATH, or null: pg_dump and pg_restore are optional tools. */
export function findProgram(name: string, env: Env): string | null {
  for (const dir of (env['PATH'] ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here; try the next folder
    }
  }
  return null;
}

export function requireProgram(name: 'pg_dump' | 'pg_restore', env: Env): string {
  const program = findProgram(name, env);
  if (!program) throw new BackupRefusal(`${name} is not on the PATH: install the PostgreSQL client tools (the server's major version or newer) or add their folder to PATH`);
  return program;
}

/** pg_dump in custom format into outFile. */
export async function dumpPostgres(url: string, outFile: string, env: Env): Promise<void> {
  const program = requireProgram('pg_dump', env);
  const { dbname, childEnv } = connection(url, env);
  await run('pg_dump', program, ['--format=custom', '--no-password', `--file=${outFile}`, `--dbname=${dbname}`], childEnv);
}

/** pg_restore into the (empty) database, in one transaction: it all arrives or nothing does. */
export async function restorePostgres(plainFile: string, url: string, env: Env): Promise<void> {
  const program = requireProgram('pg_restore', env);
  const { dbname, childEnv } = connection(url, env);
  // Objects belong to whoever restores (the owner's role may not exist here); the dump's grants stay.
  await run('pg_restore', program, ['--no-owner', '--single-transaction', '--exit-on-error', '--no-password', `--dbname=${dbname}`, plainFile], childEnv);
}

/** True when the database has no table, view or sequence of its own. */
export async function postgresIsEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupRefusal(`cannot connect to the PostgreSQL database of DATABASE_URL: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const result = await client.query<{ n: string }>(
      `select count(*)::text as n from pg_catalog.pg_class c join pg_catalog.pg_namespace s on s.oid = c.relnamespace
       where c.relkind in ('r', 'p', 'v', 'm', 'S') and s.nspname not in ('pg_catalog', 'information_schema') and s.nspname not like 'pg_toast%'`,
    );
    return result.rows[0]?.n === '0';
  } finally {
    await client.end();
  }
}

/** The URL without its password (which `ps` would show) and the password in PGPASSWORD instead. */
function connection(url: string, env: Env): { dbname: string; childEnv: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  const childEnv: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) if (value !== undefined) childEnv[name] = value;
  if (password) childEnv['PGPASSWORD'] = password;
  return { dbname: parsed.toString(), childEnv };
}

function run(name: string, program: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 64 * 1024) stderr += chunk.toString('utf8');
    });
    child.on('error', (error) => reject(new BackupRefusal(`${name} could not be run: ${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) return resolve();
      reject(new BackupRefusal(`${name} failed (exit ${code}): ${firstError(stderr)}`));
    });
  });
}

/** The first error line, with quoted values left out: a failing row's content must not reach a log. */
function firstError(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  const line = lines.find((l) => /error/i.test(l)) ?? lines[0] ?? 'no message';
  return line.replace(/"[^"]*"/g, '"…"').slice(0, 300);
}

import path from 'node:path';
import { z } from 'zod';
import type { DatabaseTarget } from '../../db/connection.js';

/** A bad setting: start-up prints `VARIABLE: problem` and stops. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  database: DatabaseTarget;
  /** The address people use to reach Meldpad; links and the cookie's Secure flag follow it. */
  publicUrl: URL;
  /** Where the master key comes from; generated into dataDir only for SQLite. */
  masterKey: { kind: 'generated-file'; file: string } | { kind: 'file'; file: string } | { kind: 'env'; value: string };
  /**
   * The master key before a rotation (MASTER_KEY_PREVIOUS / MASTER_KEY_PREVIOUS_FILE): instances started
   * with the new key still read records wrapped under the old one until `meldpad rotate-key` has run.
   * A generated key keeps its predecessor next to it (master.key.previous) instead.
   */
  masterKeyPrevious: { kind: 'file'; file: string } | { kind: 'env'; value: string } | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For. */
  trustProxy: boolean;
  /** Outgoing mail (invitations, reminders); without it, links are shown to the administrator. */
  mail: { url: string; from: string } | null;
  /** How often (ms) this instance looks for due background jobs; 0 runs none on its own. */
  jobsPollMs: number;
  /** Requests per minute from one address before 429 (RATE_LIMIT_PER_MINUTE). */
  rateLimitPerMinute: number;
  /** The largest attachment (bytes) an upload may be; a larger one is refused whole. */
  attachmentMaxBytes: number;
}

type Env = Record<string, string | undefined>;

const portSchema = z.coerce.number().int().min(0).max(65535);

function read<T>(env: Env, name: string, schema: z.ZodType<T>, fallback: string): T {
  const raw = env[name];
  const value = raw === undefined || raw.trim() === '' ? fallback : raw.trim();
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new ConfigError(name, `${parsed.error.issues[0]?.message ?? 'invalid value'} (got "${value}")`);
  }
  return parsed.data;
}

/** Reads and checks the configuration from environment variables. Throws ConfigError on the first bad one. */
export function loadConfig(env: Env, cwd: string = process.cwd()): Config {
  const host = read(env, 'HOST', z.string().min(1), '127.0.0.1');
  const port = read(env, 'PORT', portSchema, '3000');
  const dataDir = path.resolve(cwd, read(env, 'DATA_DIR', z.string().min(1), './data'));
  const database = parseDatabaseUrl(env['DATABASE_URL']?.trim() ?? '', dataDir, cwd);
  const publicUrl = parsePublicUrl(env['PUBLIC_URL']?.trim() || `http://${hostForUrl(host)}:${port}`);
  const masterKey = masterKeySource(env, database, dataDir, cwd);
  const masterKeyPrevious = previousMasterKeySource(env, cwd);
  const logLevel = read(env, 'LOG_LEVEL', z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']), 'info');
  const sessionIdleMinutes = read(env, 'SESSION_IDLE_MINUTES', z.coerce.number().int().min(1).max(24 * 60), '30');
  const sessionAbsoluteHours = read(env, 'SESSION_ABSOLUTE_HOURS', z.coerce.number().int().min(1).max(72), '12');
  const trustProxy = read(env, 'TRUST_PROXY', z.enum(['true', 'false', '1', '0']), 'false');
  const mail = parseMail(env);
  const jobsPollMs = read(env, 'JOBS_POLL_MS', z.coerce.number().int().min(0).max(60 * 60 * 1000), '5000');
  const rateLimitPerMinute = read(env, 'RATE_LIMIT_PER_MINUTE', z.coerce.number().int().min(10).max(1_000_000), '600');
  const attachmentMaxBytes = read(env, 'ATTACHMENT_MAX_BYTES', z.coerce.number().int().min(1024).max(1024 * 1024 * 1024), String(20 * 1024 * 1024));
  return {
    host,
    port,
    dataDir,
    database,
    publicUrl,
    masterKey,
    masterKeyPrevious,
    logLevel,
    sessionIdleMinutes,
    sessionAbsoluteHours,
    trustProxy: trustProxy === 'true' || trustProxy === '1',
    mail,
    jobsPollMs,
    rateLimitPerMinute,
    attachmentMaxBytes,
  };
}

export function hostForUrl(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** Empty or a file path means SQLite; postgres:// or postgresql:// means PostgreSQL; nothing else. */
export function parseDatabaseUrl(raw: string, dataDir: string, cwd: string): DatabaseTarget {
  if (raw === '') return { kind: 'sqlite', file: path.join(dataDir, 'meldpad.db') };
  // A scheme has two or more letters, so a Windows drive letter ("C:\…") is still a path.
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]+):/.exec(raw)?.[1]?.toLowerCase();
  if (scheme === undefined) return { kind: 'sqlite', file: path.resolve(cwd, raw) };
  if (scheme === 'postgres' || scheme === 'postgresql') {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new ConfigError('DATABASE_URL', 'not a valid PostgreSQL URL');
    }
    if (!url.hostname && !url.searchParams.get('host')) throw new ConfigError('DATABASE_URL', 'the PostgreSQL URL names no host');
    return { kind: 'postgres', url: raw };
  }
  if (scheme === 'file') {
    const file = raw.replace(/^file:(\/\/)?/i, '');
    if (file === '') throw new ConfigError('DATABASE_URL', 'the file: URL names no file');
    return { kind: 'sqlite', file: path.resolve(cwd, file) };
  }
  throw new ConfigError('DATABASE_URL', `unsupported scheme "${scheme}" (use a file path for SQLite, or postgres://)`);
}

function parseMail(env: Env): Config['mail'] {
  const url = env['SMTP_URL']?.trim();
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError('SMTP_URL', 'not a URL; use smtp://user:password@host:587 or smtps://…');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') throw new ConfigError('SMTP_URL', `unsupported scheme "${parsed.protocol.replace(':', '')}" (use smtp:// or smtps://)`);
  const from = env['MAIL_FROM']?.trim();
  if (!from) throw new ConfigError('MAIL_FROM', 'required with SMTP_URL, e.g. "Meldpad <meldpad@school.example>"');
  return { url, from };
}

function parsePublicUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('PUBLIC_URL', `not a URL (got "${raw}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError('PUBLIC_URL', `must start with http:// or https:// (got "${raw}")`);
  }
  if (url.search || url.hash) throw new ConfigError('PUBLIC_URL', 'must not carry a query or fragment');
  return url;
}

function previousMasterKeySource(env: Env, cwd: string): Config['masterKeyPrevious'] {
  const value = env['MASTER_KEY_PREVIOUS']?.trim();
  const file = env['MASTER_KEY_PREVIOUS_FILE']?.trim();
  if (value && file) throw new ConfigError('MASTER_KEY_PREVIOUS', 'set MASTER_KEY_PREVIOUS or MASTER_KEY_PREVIOUS_FILE, not both');
  if (file) return { kind: 'file', file: path.resolve(cwd, file) };
  if (value) return { kind: 'env', value };
  return null;
}

function masterKeySource(env: Env, database: DatabaseTarget, dataDir: string, cwd: string): Config['masterKey'] {
  const value = env['MASTER_KEY']?.trim();
  const file = env['MASTER_KEY_FILE']?.trim();
  if (value && file) throw new ConfigError('MASTER_KEY', 'set MASTER_KEY or MASTER_KEY_FILE, not both');
  if (file) return { kind: 'file', file: path.resolve(cwd, file) };
  if (value) return { kind: 'env', value };
  if (database.kind === 'postgres') {
    // Several instances share one PostgreSQL database: a key generated by one would not be the others'.
    throw new ConfigError('MASTER_KEY', 'required with PostgreSQL: set MASTER_KEY (base64, 32 bytes) or MASTER_KEY_FILE');
  }
  return { kind: 'generated-file', file: path.join(dataDir, 'master.key') };
}

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type Db } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { createRepositories } from '../db/repositories.js';
import { DEFAULT_SESSION_LIFETIME } from '../domain/auth/session-lifetime.js';
import { DEFAULT_SIGN_IN_THROTTLE } from '../domain/auth/sign-in-throttle.js';
import type { AppContext } from './app-context.js';
import { buildApp } from './app.js';
import { ConfigError, hostForUrl, loadConfig, type Config } from './config/config.js';
import { registerJobHandlers } from './jobs/job-handlers.js';
import { JobRunner } from './jobs/job-runner.js';
import { Jobs } from './jobs/jobs.js';
import { createMailer } from './mail/mailer.js';
import { loadMasterKey, type MasterKey } from './security/master-key.js';
import { issueSetupLinkIfNeeded } from './setup/setup-token.js';

const FINGERPRINT_KEY = 'master_key_fingerprint';

/** dist/web beside the compiled server (dist/server → dist/web), or in the source tree when run by tsx. */
export function defaultWebRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = path.resolve(here, '..', '..');
  return path.join(root, 'dist', 'web');
}

/**
 * Opens the database, brings its schema up to date and checks that the master key is the one this
 * database was made with. A wrong key stops start-up: it would make every sealed secret unreadable.
 */
export async function openDataStore(config: Config): Promise<{ db: Db; masterKey: MasterKey }> {
  const db = openDatabase(config.database);
  try {
    await migrateToLatest(db);
    const repos = createRepositories(db);
    const stored = await repos.instanceSettings.get(FINGERPRINT_KEY);
    if (stored && config.masterKey.kind === 'generated-file' && !existsSync(config.masterKey.file)) {
      throw new ConfigError('DATA_DIR', `the master key ${config.masterKey.file} is missing for an existing database; restore it from your backup`);
    }
    const { key } = loadMasterKey(config.masterKey);
    const fingerprint = await repos.instanceSettings.setIfAbsent(FINGERPRINT_KEY, key.fingerprint());
    if (fingerprint !== key.fingerprint()) {
      const variable = config.masterKey.kind === 'env' ? 'MASTER_KEY' : config.masterKey.kind === 'file' ? 'MASTER_KEY_FILE' : 'DATA_DIR';
      throw new ConfigError(variable, 'the master key does not match the key this database was created with');
    }
    return { db, masterKey: key };
  } catch (error) {
    await db.close();
    throw error;
  }
}

export function createContext(config: Config, db: Db, masterKey: MasterKey, now: () => Date = () => new Date()): AppContext {
  const repos = createRepositories(db);
  // The runner is made here but runs only once started (startMeldpad); tests call runDueOnce.
  const jobs = new Jobs(repos.jobs, new JobRunner({ db: db.kysely, repository: repos.jobs, now, pollMs: config.jobsPollMs }), now);
  const ctx: AppContext = {
    config,
    db,
    repos,
    masterKey,
    now,
    sessionLifetime: {
      ...DEFAULT_SESSION_LIFETIME,
      idleMs: config.sessionIdleMinutes * 60 * 1000,
      absoluteMs: config.sessionAbsoluteHours * 60 * 60 * 1000,
    },
    signInThrottle: DEFAULT_SIGN_IN_THROTTLE,
    mailer: createMailer(config.mail),
    jobs,
  };
  registerJobHandlers(ctx);
  return ctx;
}

export interface RunningMeldpad {
  app: FastifyInstance;
  ctx: AppContext;
  url: string;
  /** Set when the database is empty: the one-time link to set Meldpad up. */
  setupLink: string | null;
  close(): Promise<void>;
}

export interface StartOptions {
  webRoot?: string;
  logDestination?: NodeJS.WritableStream;
  now?: () => Date;
}

/** Starts Meldpad from environment variables: configuration, database, key, HTTP server. */
export async function startMeldpad(env: Record<string, string | undefined>, options: StartOptions = {}): Promise<RunningMeldpad> {
  const config = loadConfig(env);
  const { db, masterKey } = await openDataStore(config);
  const ctx = createContext(config, db, masterKey, options.now);
  let app: FastifyInstance;
  try {
    app = await buildApp(ctx, { webRoot: options.webRoot ?? defaultWebRoot(), ...(options.logDestination ? { logDestination: options.logDestination } : {}) });
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await db.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  // With PORT=0 (tests) the port is known only now; links must name it.
  if (!env['PUBLIC_URL']?.trim()) config.publicUrl = new URL(`http://${hostForUrl(config.host)}:${port}`);
  const url = config.publicUrl.origin;
  const setupLink = await issueSetupLinkIfNeeded(ctx.repos, config.publicUrl, ctx.now());
  ctx.jobs.start({ logger: app.log.child({ component: 'jobs' }) });
  let closed = false;
  return {
    app,
    ctx,
    url,
    setupLink,
    async close() {
      if (closed) return;
      closed = true;
      // The job in hand finishes first; then the server and the database close.
      await ctx.jobs.stop();
      await app.close();
      await db.close();
    },
  };
}

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type Db } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { sealLegacyRows } from '../db/encryption/seal-legacy-rows.js';
import { createRepositories } from '../db/repositories.js';
import { DEFAULT_SESSION_LIFETIME } from '../domain/auth/session-lifetime.js';
import { DEFAULT_SIGN_IN_THROTTLE } from '../domain/auth/sign-in-throttle.js';
import type { AppContext } from './app-context.js';
import { buildApp } from './app.js';
import { AuditGroupCommit } from './audit/audit-group-commit.js';
import { hostForUrl, loadConfig, type Config } from './config/config.js';
import { registerJobHandlers } from './jobs/job-handlers.js';
import { JobRunner } from './jobs/job-runner.js';
import { Jobs } from './jobs/jobs.js';
import { createMailer } from './mail/mailer.js';
import { repositoryKeys } from './security/repository-keys.js';
import { unlockStore, type StoreKeys } from './security/store-keys.js';
import { ensureRetentionSchedule } from './retention/daily-job.js';
import { issueSetupLinkIfNeeded } from './setup/setup-token.js';

/** dist/web beside the compiled server (dist/server → dist/web), or in the source tree when run by tsx. */
export function defaultWebRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = path.resolve(here, '..', '..');
  return path.join(root, 'dist', 'web');
}

/**
 * Opens the database, brings its schema up to date, checks that the master key is the one this database
 * was made with (a wrong key stops start-up: every sealed field would be unreadable) and seals any
 * narrative field an older version stored in the clear.
 */
export async function openDataStore(config: Config): Promise<{ db: Db; keys: StoreKeys }> {
  const db = openDatabase(config.database);
  try {
    await migrateToLatest(db);
    const keys = await unlockStore(db, config);
    await sealLegacyRows(db.kysely, keys.cipher);
    return { db, keys };
  } catch (error) {
    await db.close();
    throw error;
  }
}

export function createContext(config: Config, db: Db, keys: StoreKeys, now: () => Date = () => new Date()): AppContext {
  const repos = createRepositories(db, repositoryKeys(keys));
  // The runner is made here but runs only once started (startMeldpad); tests call runDueOnce.
  const jobs = new Jobs(repos.jobs, new JobRunner({ db: db.kysely, repository: repos.jobs, now, pollMs: config.jobsPollMs }), now);
  const ctx: AppContext = {
    config,
    db,
    repos,
    secretsKey: keys.secretsKey,
    cipher: keys.cipher,
    auditReads: new AuditGroupCommit(db.kysely, repos.audit),
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
  const { db, keys } = await openDataStore(config);
  const ctx = createContext(config, db, keys, options.now);
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
  // The daily retention round, if no instance scheduled it yet.
  await ensureRetentionSchedule(ctx);
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
      await ctx.auditReads.drained();
      await db.close();
    },
  };
}

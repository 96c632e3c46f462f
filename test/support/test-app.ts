import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import type { AppContext } from '../../src/server/app-context.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config/config.js';
import { issueSetupLinkIfNeeded } from '../../src/server/setup/setup-token.js';
import { createContext, defaultWebRoot, openDataStore } from '../../src/server/start.js';
import { createTestDatabase, type EngineName, type TestDatabase } from './databases.js';

/** A clock the tests move by hand. */
export class TestClock {
  private offsetMs = 0;
  now = (): Date => new Date(Date.now() + this.offsetMs);
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  clock: TestClock;
  database: TestDatabase;
  /** Every log line the server wrote. */
  logs: string[];
  setupToken: string | null;
  close(): Promise<void>;
}

/** A Meldpad server on a fresh database of `engine`, reached with app.inject (no socket). */
export async function createTestApp(engine: EngineName, env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase(engine);
  const config = loadConfig({
    DATA_DIR: database.dataDir,
    DATABASE_URL: database.target.kind === 'sqlite' ? database.target.file : database.target.url,
    MASTER_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'info',
    ...env,
  });
  const { db, keys } = await openDataStore(config);
  const clock = new TestClock();
  const ctx = createContext(config, db, keys, clock.now);
  const logs: string[] = [];
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => logs.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  const app = await buildApp(ctx, { webRoot: defaultWebRoot(), logDestination: logStream });
  await app.ready();
  const link = await issueSetupLinkIfNeeded(ctx.repos, config.publicUrl, clock.now());
  return {
    app,
    ctx,
    clock,
    database,
    logs,
    setupToken: link ? new URL(link).hash.replace('#token=', '') : null,
    async close() {
      await app.close();
      await db.close();
      await database.drop();
    },
  };
}

/** A browser-like session: keeps the cookie between requests. */
export class Session {
  cookie: string | null = null;
  constructor(private readonly t: TestApp) {}

  async request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const response = await this.t.app.inject({
      method,
      url,
      headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    const set = response.cookies.find((c) => c.name.includes('meldpad-session'));
    if (set) this.cookie = set.value ? `${set.name}=${set.value}` : null;
    return response;
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request('GET', url, undefined, headers);
  }

  post(url: string, body: unknown = {}, headers?: Record<string, string>) {
    return this.request('POST', url, body, headers);
  }

  put(url: string, body: unknown, headers?: Record<string, string>) {
    return this.request('PUT', url, body, headers);
  }
}

export const ADMIN = { name: 'Fenna Testbeheer', email: 'fenna@school.example', password: 'Zeilboot-Paraplu-Kwast-81' };

/** Completes first-run setup through the API and returns the ids. */
export async function setUpMeldpad(t: TestApp): Promise<{ boardId: string; schoolId: string; userId: string }> {
  const response = await new Session(t).post('/api/setup', {
    token: t.setupToken,
    boardName: 'Stichting Proefbestuur',
    schoolName: 'OBS De Proeftuin',
    admin: ADMIN,
  });
  if (response.statusCode !== 201) throw new Error(`setup failed: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** The current TOTP code on the app's clock. */
export function totpCode(t: TestApp, secret: string): Promise<string> {
  return generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) });
}

/**
 * Signs a person in with password and TOTP, enrolling first if needed.
 * Returns the session and the TOTP secret (and recovery codes when it enrolled).
 */
export async function signIn(t: TestApp, email: string, password: string, secret?: string) {
  const session = new Session(t);
  const login = await session.post('/api/auth/login', { email, password });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
  let recoveryCodes: string[] = [];
  if (login.json().next === 'enrol-totp') {
    secret = (await session.post('/api/auth/totp/enrol')).json().secret as string;
    const confirmed = await session.post('/api/auth/totp', { code: await totpCode(t, secret) });
    if (confirmed.statusCode !== 200) throw new Error(`enrolment failed: ${confirmed.body}`);
    recoveryCodes = confirmed.json().recoveryCodes;
  } else {
    if (!secret) throw new Error('this account is enrolled: give its TOTP secret');
    const verified = await session.post('/api/auth/totp', { code: await totpCode(t, secret) });
    if (verified.statusCode !== 200) throw new Error(`second factor failed: ${verified.body}`);
  }
  // The next code must come from a later time step: move past this one.
  t.clock.advance(30_000);
  return { session, secret: secret!, recoveryCodes };
}

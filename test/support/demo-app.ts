import { createDemoBoard, type DemoAccount } from '../../src/cli/demo/demo-board.js';
import type { EngineName } from './databases.js';
import { createTestApp, Session, totpCode, type TestApp } from './test-app.js';

export const REGENBOOG = 'OBS De Regenboog';
export const KOMPAS = 'Basisschool Het Kompas';

export interface DemoApp extends TestApp {
  accounts: DemoAccount[];
}

/** A test server filled with the fictional demo board (two schools, every role). */
export async function createDemoApp(engine: EngineName, env: Record<string, string> = {}, options: { pupilsPerSchool?: number; cases?: boolean } = {}): Promise<DemoApp> {
  const t = await createTestApp(engine, env);
  // A handful of pupils and no cases keep the many suites that build a demo quick and predictable;
  // the CLI demo has 200 pupils a school and cases in every state.
  const accounts = await createDemoBoard(t.ctx, { pupilsPerSchool: options.pupilsPerSchool ?? 6, cases: options.cases ?? false });
  return Object.assign(t, { accounts });
}

export function account(t: DemoApp, role: DemoAccount['role'], school: string | null = REGENBOOG): DemoAccount {
  const found = t.accounts.find((a) => a.role === role && (school === null ? a.school === null : a.schools.includes(school)));
  if (!found) throw new Error(`no demo ${role} at ${school}`);
  return found;
}

/** Signs a demo account in (password + TOTP) and, when asked, confirms with a fresh code. */
export async function signInAs(t: DemoApp, who: DemoAccount, options: { elevated?: boolean; school?: string } = {}): Promise<Session> {
  const session = new Session(t);
  const login = await session.post('/api/auth/login', { email: who.email, password: who.password });
  if (login.statusCode !== 200) throw new Error(`login failed for ${who.email}: ${login.body}`);
  t.clock.advance(30_000);
  const verified = await session.post('/api/auth/totp', { code: await totpCode(t, who.totpSecret) });
  if (verified.statusCode !== 200) throw new Error(`second factor failed for ${who.email}: ${verified.body}`);
  if (options.school) {
    const schoolId = (await t.ctx.repos.boards.findSchoolByName(options.school))!.id;
    await session.post('/api/auth/school', { schoolId });
  }
  if (options.elevated) await elevate(t, session, who);
  return session;
}

export async function elevate(t: DemoApp, session: Session, who: DemoAccount): Promise<void> {
  t.clock.advance(30_000);
  const response = await session.post('/api/auth/elevate', { code: await totpCode(t, who.totpSecret) });
  if (response.statusCode !== 200) throw new Error(`elevation failed: ${response.body}`);
}

export async function userIdOf(t: DemoApp, who: DemoAccount): Promise<string> {
  return (await t.ctx.repos.users.findByEmail(who.email))!.id;
}

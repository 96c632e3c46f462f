import { createDemoBoard, type DemoAccount } from '../../src/cli/demo/demo-board.js';
import type { AppContext } from '../../src/server/app-context.js';
import { loadConfig } from '../../src/server/config/config.js';
import { createContext, openDataStore } from '../../src/server/start.js';
import type { TestClock } from './test-app.js';

/**
 * As `meldpad demo` does: the fictional board in a data folder, before the server starts on it.
 * `extra` may add what a test needs with the same context (it sees the clock through ctx.now).
 */
export async function seedDemo(dataDir: string, clock: TestClock, extra?: (ctx: AppContext) => Promise<void>): Promise<DemoAccount[]> {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  const { db, keys } = await openDataStore(config);
  try {
    const ctx = createContext(config, db, keys, clock.now);
    const accounts = await createDemoBoard(ctx);
    await extra?.(ctx);
    return accounts;
  } finally {
    await db.close();
  }
}

/** The demo account with this role at this school. */
export function demoAccount(accounts: readonly DemoAccount[], role: DemoAccount['role'], school: string): DemoAccount {
  const found = accounts.find((a) => a.role === role && a.schools.includes(school));
  if (!found) throw new Error(`the demo has no ${role} at ${school}`);
  return found;
}

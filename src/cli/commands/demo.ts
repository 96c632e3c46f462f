import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../server/config/config.js';
import { createContext, openDataStore } from '../../server/start.js';
import { createDemoBoard, DatabaseNotEmptyError } from '../demo/demo-board.js';
import { UsageError } from '../usage-error.js';

/** `meldpad demo --out FILE`: a fictional board in an empty database; its accounts to FILE (mode 0600). */
export async function demoCommand(args: string[], env: Record<string, string | undefined>): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  if (!values.out) throw new UsageError('--out FILE is required: the demo accounts and their secrets are written there');
  const config = loadConfig(env);
  const { db, keys } = await openDataStore(config);
  try {
    const accounts = await createDemoBoard(createContext(config, db, keys));
    const out = path.resolve(values.out);
    writeFileSync(out, `${JSON.stringify(accounts, null, 2)}\n`, { mode: 0o600 });
    console.log(`Demo aangemaakt: ${accounts.length} accounts in ${out}. / Demo created.`);
    return 0;
  } catch (error) {
    if (error instanceof DatabaseNotEmptyError) throw new UsageError(error.message);
    throw error;
  } finally {
    await db.close();
  }
}

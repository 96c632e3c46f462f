import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../server/config/config.js';
import { createContext, openDataStore } from '../../server/start.js';
import { createDemoBoard, DatabaseNotEmptyError } from '../demo/demo-board.js';
import { BOARD_SCALE_OPTIONS, boardScaleDemoCommand, boardScaleOf } from '../demo/board-scale-command.js';
import { UsageError } from '../usage-error.js';

/** `meldpad demo --out FILE`: a fictional board in an empty database; its accounts to FILE (mode 0600). */
export async function demoCommand(args: string[], env: Record<string, string | undefined>): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' }, ...BOARD_SCALE_OPTIONS } });
  if (!values.out) throw new UsageError('--out FILE is required: the demo accounts and their secrets are written there');
  if (values.scale !== undefined) return boardScaleDemoCommand(values.out, boardScaleOf(values), env);
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

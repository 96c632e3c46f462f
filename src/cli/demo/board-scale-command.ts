import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../server/config/config.js';
import { createContext, openDataStore } from '../../server/start.js';
import { BOARD_SCALE, createBoardScaleDemo, type BoardScale } from './board-scale.js';
import { DatabaseNotEmptyError } from './demo-board.js';
import { UsageError } from '../usage-error.js';

/** `--scale board`, and smaller boards for a quick try (`--schools 5 --pupils 2500 …`). */
export const BOARD_SCALE_OPTIONS = {
  scale: { type: 'string' },
  schools: { type: 'string' },
  pupils: { type: 'string' },
  cases: { type: 'string' },
  'entries-per-case': { type: 'string' },
  'audit-events': { type: 'string' },
} as const;

export function boardScaleOf(values: Partial<Record<keyof typeof BOARD_SCALE_OPTIONS, string>>): BoardScale {
  if (values.scale !== 'board') throw new UsageError('--scale takes one value: board');
  const count = (value: string | undefined, fallback: number, name: string): number => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} takes a whole number above zero`);
    return n;
  };
  return {
    schools: count(values.schools, BOARD_SCALE.schools, 'schools'),
    pupils: count(values.pupils, BOARD_SCALE.pupils, 'pupils'),
    cases: count(values.cases, BOARD_SCALE.cases, 'cases'),
    entriesPerCase: count(values['entries-per-case'], BOARD_SCALE.entriesPerCase, 'entries-per-case'),
    auditEvents: count(values['audit-events'], BOARD_SCALE.auditEvents, 'audit-events'),
  };
}

/** `meldpad demo --scale board --out FILE`: the board-scale demo in an empty database; its accounts to FILE (mode 0600). */
export async function boardScaleDemoCommand(out: string, scale: BoardScale, env: Record<string, string | undefined>): Promise<number> {
  const config = loadConfig(env);
  const { db, keys } = await openDataStore(config);
  try {
    const started = Date.now();
    const report = await createBoardScaleDemo(createContext(config, db, keys), scale, (line) => console.log(line));
    const file = path.resolve(out);
    writeFileSync(file, `${JSON.stringify(report.accounts, null, 2)}\n`, { mode: 0o600 });
    const { counts } = report;
    console.log(`Demo op bestuursschaal aangemaakt in ${((Date.now() - started) / 1000).toFixed(1)} s: ${counts.schools} scholen, ${counts.pupils} leerlingen, ${counts.cases} dossiers, ${counts.entries} notities, ${counts.auditEvents} auditgebeurtenissen; ${report.accounts.length} accounts in ${file}. / Board-scale demo created.`);
    return 0;
  } catch (error) {
    if (error instanceof DatabaseNotEmptyError) throw new UsageError(error.message);
    throw error;
  } finally {
    await db.close();
  }
}

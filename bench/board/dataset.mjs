// The board-scale dataset: generated with `meldpad demo --scale board`, or reused from an earlier run
// (BENCH_REUSE=1) so that the benchmark itself can be repeated without five minutes of generating.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { meldpadEnv, runMeldpad } from './meldpad-process.mjs';
import { freshDatabase } from './postgres.mjs';

export const BASE_DIR = process.env.BENCH_DATA_DIR ?? path.join(os.tmpdir(), 'meldpad-bench-board');

/** `BENCH_SCALE=small` is a quick try (5 schools); the default is the board of issue 9. */
export function scaleArgs() {
  if (process.env.BENCH_SCALE === 'small') return ['--schools', '5', '--pupils', '2500', '--cases', '500', '--audit-events', '50000'];
  return [];
}

export async function prepareDataset(engine, postgres, log) {
  const dir = path.join(BASE_DIR, `${engine}-${process.env.BENCH_SCALE ?? 'board'}`);
  const manifestFile = path.join(dir, 'dataset.json');
  if (process.env.BENCH_REUSE === '1' && existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    log(`${engine}: reusing the dataset in ${dir} (generated in ${manifest.generation.seconds.toFixed(1)} s)`);
    return { ...manifest, reused: true };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const dataset = {
    engine,
    dataDir: dir,
    masterKey: randomBytes(32).toString('base64'),
    sqliteFile: engine === 'sqlite' ? path.join(dir, 'meldpad.db') : null,
    databaseUrl: engine === 'postgres' ? await freshDatabase(postgres.url, 'meldpad_bench_board') : null,
    accountsFile: path.join(dir, 'accounts.json'),
    scale: process.env.BENCH_SCALE ?? 'board',
  };
  log(`${engine}: generating the board-scale dataset (meldpad demo --scale board)…`);
  const run = await runMeldpad(['demo', '--scale', 'board', ...scaleArgs(), '--out', dataset.accountsFile], meldpadEnv(dataset));
  if (run.code !== 0) throw new Error(`meldpad demo --scale board failed:\n${run.out}`);
  const phases = Object.fromEntries([...run.out.matchAll(/^([^:\n]+): ([\d.]+) s$/gm)].map((m) => [m[1].trim(), Number(m[2])]));
  dataset.generation = { seconds: run.seconds, peakRss: run.peakRss, phases, summary: run.out.trim().split('\n').pop() };
  log(`${engine}: generated in ${run.seconds.toFixed(1)} s — ${dataset.generation.summary}`);
  writeFileSync(manifestFile, `${JSON.stringify(dataset, null, 2)}\n`, { mode: 0o600 });
  return { ...dataset, reused: false };
}

export function accountsOf(dataset) {
  return JSON.parse(readFileSync(dataset.accountsFile, 'utf8'));
}

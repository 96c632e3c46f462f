import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Runs `work` with a new folder only this user can read (mkdtemp makes it 0700) for plaintext
 * dumps. The folder, and any path handed to `alsoRemove`, is removed afterwards — also when the
 * operator interrupts the command, so no plaintext copy of the database outlives it.
 */
export async function withPrivateWorkDir<T>(prefix: string, work: (dir: string, alsoRemove: (file: string) => void) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const extra: string[] = [];
  const cleanUp = () => {
    for (const file of extra) rmSync(file, { force: true });
    rmSync(dir, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    cleanUp();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await work(dir, (file) => extra.push(file));
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    cleanUp();
  }
}

import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(ROOT, 'bin', 'meldpad.js');

/** Environment for a child meldpad: the test's variables only, none of the developer's. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', LOG_LEVEL: 'warn', ...env };
}

/** Runs `meldpad ARGS` to the end. */
export function runMeldpad(args: string[], env: Record<string, string>, cwd = ROOT) {
  const result = spawnSync(process.execPath, [BIN, ...args], { env: childEnv(env), cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `meldpad start` and waits until it prints its address. */
export async function startMeldpadProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, [BIN, 'start'], { env: childEnv(env), cwd: ROOT });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`meldpad did not start: ${stderr}`)), 30_000);
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const match = /Meldpad draait op (\S+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`meldpad exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    output: () => stdout,
    errors: () => stderr,
    stop: () =>
      new Promise<number | null>((resolve) => {
        child.removeAllListeners('exit');
        child.on('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}

// Runs the real `meldpad start` as a child process on loopback and times it to ready.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { rssOf } from './process-stats.mjs';
import { clearInterval, setInterval, setTimeout } from 'node:timers';

const { fetch } = globalThis;

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MELDPAD = path.join(ROOT, 'bin', 'meldpad.js');

export async function freePort() {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Environment of a Meldpad process on the dataset. No rate limit worth the name: the load comes from one address. */
export function meldpadEnv(dataset, extra = {}) {
  return {
    ...process.env,
    DATA_DIR: dataset.dataDir,
    MASTER_KEY: dataset.masterKey,
    ...(dataset.databaseUrl ? { DATABASE_URL: dataset.databaseUrl } : { DATABASE_URL: '' }),
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '1000000',
    ...extra,
  };
}

/** Runs `meldpad <args>` to its end; returns its output, exit code, wall time and peak RSS. */
export async function runMeldpad(args, env) {
  const started = performance.now();
  const child = spawn(process.execPath, [MELDPAD, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, rssOf(child.pid) ?? 0)), 100);
  const [code] = await once(child, 'exit');
  clearInterval(timer);
  return { code, out, seconds: (performance.now() - started) / 1000, peakRss: peak };
}

/** Spawns `meldpad start`, polls /readyz until it answers ok; returns the process, its URL and the time to ready. */
export async function startMeldpad(dataset) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, MELDPAD, 'start'], { env: meldpadEnv(dataset, { HOST: '127.0.0.1', PORT: String(port), PUBLIC_URL: url }), stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (d) => (errors += d));
  let exited = false;
  child.once('exit', () => (exited = true));
  for (;;) {
    if (exited) throw new Error(`meldpad start ended before it was ready:\n${errors}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const readySeconds = (performance.now() - started) / 1000;
  return {
    url,
    pid: child.pid,
    readySeconds,
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

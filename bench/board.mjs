// The board-scale benchmark of issue 9: a board of 200 schools (`meldpad demo --scale board`), the real
// `meldpad start` on loopback, real demo accounts signed in with password and TOTP, and autocannon on the
// case page, the IB'er's home page, pupil search and recording a signal; `meldpad audit verify`; cold start,
// idle memory and the web app's initial JavaScript. Beside each figure its ceiling on the same machine: a
// bare Fastify hello-world (same connections) and raw SHA-256 over the audit chain's bytes.
// Results: printed, and written to bench/results.json. See docs/performance.md.
//
//   npm run bench                        SQLite, plus PostgreSQL when BENCH_DATABASE_URL / TEST_DATABASE_URL is set
//   BENCH_POSTGRES=start npm run bench   … with a throwaway PostgreSQL cluster of its own (port 55449)
//   BENCH_REUSE=1                        reuse the datasets of an earlier run (in BENCH_DATA_DIR)
//   BENCH_SCALE=small                    a quick try on 5 schools
//   BENCH_SECONDS=10 BENCH_CONNECTIONS=32 BENCH_ENGINES=sqlite,postgres
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifyRate, rawSha256Rate } from './board/audit-rate.mjs';
import { accountsOf, prepareDataset } from './board/dataset.mjs';
import { dossierPdf } from './board/dossier.mjs';
import { load } from './board/load.mjs';
import { ROOT, startMeldpad } from './board/meldpad-process.mjs';
import { durableSettings, postgresServer, stopOwnPostgres } from './board/postgres.mjs';
import { loadAverage, mb, rssOf, sampleRss } from './board/process-stats.mjs';
import { getJson, signIn } from './board/sign-in.mjs';
import { targetsFor } from './board/targets.mjs';
import { initialJs } from './board/web-size.mjs';
import { setTimeout } from 'node:timers';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',');
const log = (line) => console.log(line);
const round = (n, d = 2) => (n === null || n === undefined ? null : Math.round(n * 10 ** d) / 10 ** d);

async function helloWorld() {
  const child = fork(path.join(ROOT, 'bench', 'board', 'hello-world.mjs'), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const [{ port }] = await once(child, 'message');
  const url = `http://127.0.0.1:${port}`;
  await load({ url, connections: CONNECTIONS, seconds: 2 });
  const stop = sampleRss(child.pid);
  const result = await load({ url, connections: CONNECTIONS, seconds: SECONDS });
  result.rssMb = mb(stop());
  child.kill('SIGTERM');
  await once(child, 'exit');
  return result;
}

/** Today's date at the school (the signal's observedOn). */
const today = () => new Date().toISOString().slice(0, 10);
const signalBody = () => ({
  kind: 'signal',
  body: { observedOn: today(), observedTime: '10:15', place: 'speelplaats', observedBy: 'IB-er', source: 'own-observation', sourceDetail: null, description: 'Bij het buitenspelen viel op dat het kind alleen bleef staan en schrok van harde geluiden.', counterIndications: null, signalItemIds: [], bodyMap: [] },
});
const PREFIXES = ['n', 'no', 'noa', 'de v', 'el id', 'yil', 'doga', 'fat', 'bak', 'van d', 'mo', 'sa', '1000', 'j'];

async function measureEngine(engine, postgres, hello) {
  const dataset = await prepareDataset(engine, postgres, log);
  const accounts = accountsOf(dataset);
  const ib = accounts.find((a) => a.role === 'ib');
  const result = { engine, dataset: { reused: dataset.reused, scale: dataset.scale, generation: dataset.generation } };
  if (postgres && engine === 'postgres') result.postgresSettings = await durableSettings(dataset.databaseUrl);

  log(`${engine}: meldpad start…`);
  const server = await startMeldpad(dataset);
  try {
    result.coldStart = { seconds: round(server.readySeconds, 3) };
    await new Promise((resolve) => setTimeout(resolve, 2000));
    result.idleMemoryMb = mb(rssOf(server.pid));
    log(`${engine}: ready in ${server.readySeconds.toFixed(3)} s, idle RSS ${result.idleMemoryMb} MB`);

    const cookie = await signIn(server.url, ib);
    const { cases } = await getJson(server.url, '/api/cases', cookie);
    const open = cases.filter((c) => c.phase !== 'closed').map((c) => c.id);
    const all = cases.map((c) => c.id);
    if (all.length < 2) throw new Error('the IB\'er sees fewer than two cases: is this the board-scale dataset?');
    const writeSet = open.slice(0, Math.max(1, Math.floor(open.length / 5)));
    const readSet = all.filter((id) => !writeSet.includes(id));
    log(`${engine}: signed in as ${ib.email}; ${all.length} cases at the school (${readSet.length} read, ${writeSet.length} written to)`);
    const rotate = (paths) => {
      let i = 0;
      return (request) => ({ ...request, path: paths[i++ % paths.length] });
    };

    const run = async (name, options) => {
      const stop = sampleRss(server.pid);
      const r = await load({ url: server.url, cookie, seconds: SECONDS, connections: CONNECTIONS, ...options });
      r.rssMb = mb(stop());
      r.ratio = round(r.rps / hello.rps, 3);
      r.latencyTimesHello = { p50: round(r.p50 / Math.max(hello.p50, 1), 1), p99: round(r.p99 / Math.max(hello.p99, 1), 1) };
      const bad = Object.entries(r.statuses).filter(([code]) => Number(code) >= 300);
      log(`${engine}: ${name.padEnd(22)} ${String(r.rps).padStart(8)} req/s (${(r.ratio * 100).toFixed(1)} % of hello-world)  p50 ${r.p50} ms  p95 ${r.p95} ms  p99 ${r.p99} ms  RSS ${r.rssMb} MB  [${r.connections} conn]${bad.length ? `  NON-2xx: ${JSON.stringify(Object.fromEntries(bad))} ${r.firstFailure ?? ''}` : ''}`);
      return r;
    };

    // Warm-up: the first requests compile code paths and fill caches.
    await load({ url: server.url, cookie, seconds: 3, connections: CONNECTIONS, setupRequest: rotate(readSet.map((id) => `/api/cases/${id}`)) });
    result.casePage = await run('case page', { setupRequest: rotate(readSet.map((id) => `/api/cases/${id}`)) });
    result.home = await run("IB'er home page", { path: '/api/home' });
    result.homeSingle = await run("IB'er home page", { path: '/api/home', connections: 1, seconds: Math.max(3, SECONDS / 2) });
    const searchBodies = PREFIXES.map((query) => JSON.stringify({ query }));
    let s = 0;
    const search = { method: 'POST', path: '/api/pupils/search', setupRequest: (request) => ({ ...request, method: 'POST', path: '/api/pupils/search', body: searchBodies[s++ % searchBodies.length] }) };
    result.search = await run('pupil search', search);
    result.searchSingle = await run('pupil search', { ...search, connections: 1, seconds: Math.max(3, SECONDS / 2) });
    const signal = JSON.stringify(signalBody());
    let w = 0;
    result.signal = await run('record a signal', { method: 'POST', setupRequest: (request) => ({ ...request, method: 'POST', path: `/api/cases/${writeSet[w++ % writeSet.length]}/entries`, body: signal }) });
    result.afterLoadMemoryMb = mb(rssOf(server.pid));
    if (existsSync(path.join(ROOT, 'dist', 'server', 'exports', 'routes.js')) && process.env.BENCH_DOSSIER !== '0') {
      // An open case the signal load did not touch, with at most 300 entries (a reused dataset keeps the
      // entries of earlier runs), filled up to 300.
      let dossierCase = null;
      for (const id of open.filter((c) => !writeSet.includes(c))) {
        if ((await getJson(server.url, `/api/cases/${id}`, cookie)).entries.length <= 300) {
          dossierCase = id;
          break;
        }
      }
      const stop = sampleRss(server.pid);
      result.dossierPdf = await dossierPdf(server.url, cookie, ib, dossierCase, signal);
      result.dossierPdf.rssMb = mb(stop());
      log(`${engine}: dossier PDF of ${result.dossierPdf.entries} entries: first after start ${result.dossierPdf.firstMs} ms, then ${result.dossierPdf.timesMs.slice(1).join(', ')} ms (${Math.round(result.dossierPdf.pdfBytes / 1024)} kB)`);
    }
  } finally {
    await server.stop();
  }

  log(`${engine}: meldpad audit verify…`);
  // The ceiling first: it reads every event, so both find them in the operating system's cache (after a
  // long idle this machine's memory reclaim evicts them, and reading from its disk then takes longer
  // than hashing: 24 s instead of 8 s for the SQLite board).
  const raw = await rawSha256Rate(dataset);
  const verify = await verifyRate(dataset);
  result.audit = { ...verify, peakRssMb: mb(verify.peakRss), rawSha256: raw, ratio: round(verify.eventsPerSecond / raw.eventsPerSecond, 3) };
  delete result.audit.peakRss;
  log(`${engine}: audit verify ${verify.events} events in ${verify.seconds.toFixed(1)} s = ${verify.eventsPerSecond} events/s; raw SHA-256 ${raw.eventsPerSecond} events/s (${(result.audit.ratio * 100).toFixed(1)} %); peak RSS ${result.audit.peakRssMb} MB`);
  result.targets = targetsFor(engine, result);
  return result;
}

const results = { when: new Date().toISOString(), machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: round(os.totalmem() / 2 ** 30, 1), node: process.version, loadAverageAtStart: loadAverage() }, settings: { seconds: SECONDS, connections: CONNECTIONS } };
const postgres = ENGINES.includes('postgres') ? postgresServer() : null;
try {
  log(`load average at start: ${results.machine.loadAverageAtStart?.join(' ')} on ${results.machine.cpus} cores`);
  results.web = initialJs();
  results.web.target = { limitBytes: 200 * 1024, pass: results.web.gzipBytes <= 200 * 1024 };
  log(`web app initial JS: ${(results.web.gzipBytes / 1024).toFixed(1)} kB gzipped (${results.web.files.length} files) — ${results.web.target.pass ? 'PASS' : 'FAIL'} (≤ 200 kB)`);
  const hello = await helloWorld();
  results.helloWorld = hello;
  log(`ceiling: Fastify hello-world ${hello.rps} req/s  p50 ${hello.p50} ms  p95 ${hello.p95} ms  p99 ${hello.p99} ms  RSS ${hello.rssMb} MB  [${hello.connections} conn]`);
  results.engines = {};
  for (const engine of ENGINES) {
    if (engine === 'postgres' && !postgres) {
      log('postgres: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL, or BENCH_POSTGRES=start)');
      continue;
    }
    results.engines[engine] = await measureEngine(engine, postgres, hello);
  }
} finally {
  stopOwnPostgres(postgres);
}
results.machine.loadAverageAtEnd = loadAverage();

log('\nTargets (checked by the benchmark, never by a test):');
for (const [engine, r] of Object.entries(results.engines ?? {})) {
  for (const t of r.targets) log(`  ${t.pass === null ? 'n/a ' : t.pass ? 'PASS' : 'FAIL'}  ${engine.padEnd(8)} ${t.name}: ${t.value ?? '—'}${t.unit ? ` ${t.unit}` : ''}`);
}
log(`  ${results.web.target.pass ? 'PASS' : 'FAIL'}  web      initial JS ≤ 200 kB gzipped: ${(results.web.gzipBytes / 1024).toFixed(1)} kB`);
log(`load average at end: ${results.machine.loadAverageAtEnd?.join(' ')}`);
const out = path.join(ROOT, 'bench', 'results.json');
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
log(`written to ${path.relative(process.cwd(), out)}`);

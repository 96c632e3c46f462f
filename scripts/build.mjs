// Builds what is out of date: the server (tsc → dist/) and the web app (vite → dist/web).
// `npm start` and `npm test` call it, so a fresh clone needs no separate build step.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const force = process.argv.includes('--force');

function newest(paths) {
  let latest = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) for (const entry of readdirSync(p)) visit(path.join(p, entry));
    else latest = Math.max(latest, stat.mtimeMs);
  };
  paths.forEach((p) => visit(path.join(root, p)));
  return latest;
}

function stale(stamp, inputs) {
  const file = path.join(root, 'dist', stamp);
  return force || !existsSync(file) || statSync(file).mtimeMs < newest(inputs);
}

function stampNow(stamp) {
  mkdirSync(path.join(root, 'dist'), { recursive: true });
  writeFileSync(path.join(root, 'dist', stamp), `${new Date().toISOString()}\n`);
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const shared = ['src/domain', 'src/contract', 'package.json', 'tsconfig.base.json'];

if (stale('.server-built', [...shared, 'src/db', 'src/server', 'src/cli', 'tsconfig.json', 'tsconfig.build.json'])) {
  console.log('meldpad: building the server…');
  execFileSync(bin('tsc'), ['-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  stampNow('.server-built');
}
if (stale('.web-built', [...shared, 'src/web', 'vite.config.ts', 'tsconfig.web.json'])) {
  console.log('meldpad: building the web app…');
  execFileSync(bin('vite'), ['build', '--config', 'vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  stampNow('.web-built');
}

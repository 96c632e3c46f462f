#!/usr/bin/env node
// The `meldpad` command. The compiled program lives in dist/ (npm install builds it).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  console.error('meldpad: not built yet; run "npm run build" in the Meldpad folder first');
  process.exit(1);
}
const { runCli } = await import(main.href);
process.exitCode = await runCli(process.argv.slice(2));

// The web app's initial JavaScript: every script and modulepreload of dist/web/index.html, gzipped.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './meldpad-process.mjs';

export function initialJs() {
  const web = path.join(ROOT, 'dist', 'web');
  const html = readFileSync(path.join(web, 'index.html'), 'utf8');
  const files = new Set();
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) files.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) files.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*href="([^"]+)"[^>]*rel="modulepreload"/g)) files.add(m[1]);
  let raw = 0;
  let gzipped = 0;
  for (const file of files) {
    const content = readFileSync(path.join(web, file.replace(/^\//, '')));
    raw += content.length;
    gzipped += gzipSync(content, { level: 9 }).length;
  }
  return { files: [...files], rawBytes: raw, gzipBytes: gzipped };
}

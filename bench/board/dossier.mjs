// A dossier PDF of a case with 300 entries: filled through the API, then exported as its team member
// would — each export needs a fresh TOTP code (one code, one export), so only a few are timed. The
// first export after a start also loads the PDF code and parses the font; it is reported apart.
import { performance } from 'node:perf_hooks';
import { elevate, getJson } from './sign-in.mjs';
import { Buffer } from 'node:buffer';

const { fetch } = globalThis;

const ENTRIES = 300;

export async function dossierPdf(url, cookie, account, caseId, signalBody, exports = 3) {
  const page = await getJson(url, `/api/cases/${caseId}`, cookie);
  for (let have = page.entries.length; have < ENTRIES; have++) {
    const response = await fetch(`${url}/api/cases/${caseId}/entries`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: signalBody });
    if (response.status !== 201) throw new Error(`recording an entry failed: ${response.status} ${await response.text()}`);
  }
  const entries = (await getJson(url, `/api/cases/${caseId}`, cookie)).entries.length;
  const times = [];
  let bytes = 0;
  for (let i = 0; i < exports; i++) {
    await elevate(url, cookie, account);
    const start = performance.now();
    const response = await fetch(`${url}/api/cases/${caseId}/exports/pdf`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ variant: 'full' }) });
    const pdf = Buffer.from(await response.arrayBuffer());
    times.push(performance.now() - start);
    if (response.status !== 200 || pdf.subarray(0, 5).toString() !== '%PDF-') throw new Error(`the export failed: ${response.status} ${pdf.subarray(0, 200).toString()}`);
    bytes = pdf.length;
  }
  const [first, ...warm] = times.map((t) => Math.round(t));
  return { entries, exports: times.length, timesMs: [first, ...warm], firstMs: first, slowestWarmMs: Math.max(...warm), pdfBytes: bytes };
}

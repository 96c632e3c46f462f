// Audit verification against its ceiling: `meldpad audit verify` (HMAC chain, rows read in order)
// versus plain SHA-256 over the same canonical event strings, timed without the reading.
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../dist/db/connection.js';
import { meldpadEnv, runMeldpad } from './meldpad-process.mjs';
import { Buffer } from 'node:buffer';

export async function verifyRate(dataset) {
  const run = await runMeldpad(['audit', 'verify'], meldpadEnv(dataset));
  const match = /(\d+) events verified in ([\d.]+) s/.exec(run.out);
  if (run.code !== 0 || !match) throw new Error(`meldpad audit verify failed (${run.code}): ${run.out}`);
  const events = Number(match[1]);
  return { events, seconds: run.seconds, verifySeconds: Number(match[2]), eventsPerSecond: Math.round(events / run.seconds), peakRss: run.peakRss };
}

/** SHA-256 of every event's canonical string (the bytes the chain's HMAC covers); only the hashing is timed. */
export async function rawSha256Rate(dataset) {
  const db = openDatabase(dataset.databaseUrl ? { kind: 'postgres', url: dataset.databaseUrl } : { kind: 'sqlite', file: dataset.sqliteFile });
  let hashed = 0;
  let ms = 0;
  let bytes = 0;
  try {
    for (let after = 0; ; ) {
      const rows = await db.kysely.selectFrom('audit_events').selectAll().where('seq', '>', after).orderBy('seq').limit(50_000).execute();
      if (rows.length === 0) break;
      const canonical = rows.map((e) => JSON.stringify([Number(e.seq), e.prev_hash, e.occurred_at, e.action, e.outcome, e.actor_user_id, e.actor_role, e.board_id, e.school_id, e.pupil_id, e.case_id, e.subject_id, e.request_id, e.address]));
      const start = performance.now();
      for (const s of canonical) createHash('sha256').update(s).digest('hex');
      ms += performance.now() - start;
      for (const s of canonical) bytes += Buffer.byteLength(s);
      hashed += rows.length;
      after = Number(rows[rows.length - 1].seq);
    }
  } finally {
    await db.close();
  }
  return { events: hashed, bytes, seconds: ms / 1000, eventsPerSecond: Math.round(hashed / (ms / 1000)) };
}

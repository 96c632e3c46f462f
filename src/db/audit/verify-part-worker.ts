import { parentPort, workerData } from 'node:worker_threads';
import type { DatabaseTarget } from '../connection.js';
import { chainHash, keyedHash } from './audit-chain.js';
import { PartVerifier, type PartResult } from './chain-parts.js';
import { openChainRange } from './chain-reader.js';

/** One thread of `meldpad audit verify`: walks its range of the chain and sends back where it ended. */
export interface PartJob {
  target: DatabaseTarget;
  key: Uint8Array;
  after: number;
  upTo: number | null;
}

async function verifyPart(job: PartJob): Promise<PartResult> {
  const range = openChainRange(job.target, job.after, job.upTo);
  try {
    const key = Buffer.from(job.key);
    const verifier = new PartVerifier(key, await range.start());
    walk: for await (const batch of range.batches()) {
      for (const row of batch) {
        let holds = keyedHash(key, row.canonical) === row.hash;
        // The database's JSON is a fast path only: the fields, hashed as written, decide.
        if (!holds) holds = chainHash(key, await range.event(row.seq)) === row.hash;
        if (!verifier.push(row, holds)) break walk;
      }
    }
    return verifier.result();
  } finally {
    await range.close();
  }
}

if (parentPort) {
  const port = parentPort;
  verifyPart(workerData as PartJob).then(
    (result) => port.postMessage({ result }),
    (error: unknown) => port.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
}

import { Worker } from 'node:worker_threads';
import type { DatabaseTarget } from '../connection.js';
import type { AuditRepository, ChainReport } from '../repositories/audit-repository.js';
import { joinParts, splitChain, type PartResult } from './chain-parts.js';
import type { PartJob } from './verify-part-worker.js';

/**
 * `meldpad audit verify` on a large chain: the ranges of places are walked in `threads` worker threads
 * at once, each with its own connection, and joined in order (see chain-parts.ts). The answer is the
 * one a single walk gives; only the time differs.
 */
export async function verifyChainInThreads(audit: AuditRepository, target: DatabaseTarget, key: Buffer, threads: number): Promise<ChainReport> {
  const { beforeChain, head, lastSeq } = await audit.chainBounds();
  const parts = await Promise.all(splitChain(Math.max(head.seq, lastSeq), threads).map(({ after, upTo }) => runPart({ target, key, after, upTo })));
  const { checked, problem } = joinParts(key, parts, head);
  return { checked, beforeChain, problem };
}

function runPart(job: PartJob): Promise<PartResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./verify-part-worker.js', import.meta.url), { workerData: job });
    worker.once('message', (message: { result?: PartResult; error?: string }) => {
      if (message.result) resolve(message.result);
      else reject(new Error(`a verifying thread failed: ${message.error ?? 'no answer'}`));
    });
    worker.once('error', reject);
    // Settled already when it answered; otherwise it ended without a word.
    worker.once('exit', (code) => reject(new Error(`a verifying thread ended (${code}) without an answer`)));
  });
}

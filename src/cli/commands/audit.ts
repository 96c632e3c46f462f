import { availableParallelism } from 'node:os';
import type { ChainProblem } from '../../db/audit/audit-chain.js';
import { verifyChainInThreads } from '../../db/audit/parallel-verification.js';
import { AuditRepository } from '../../db/repositories/audit-repository.js';
import { loadConfig } from '../../server/config/config.js';
import { repositoryKeys } from '../../server/security/repository-keys.js';
import { openDataStore } from '../../server/start.js';
import { UsageError } from '../usage-error.js';

/** What went wrong, naming the first event that does not fit. */
export function describeProblem(problem: ChainProblem): string {
  switch (problem.kind) {
    case 'altered':
      return `event ${problem.eventId} (place ${problem.seq} in the chain) was altered: its hash does not match its contents`;
    case 'inserted':
      return `event ${problem.eventId} (place ${problem.seq} in the chain) was inserted: it is not part of the chain`;
    case 'removed':
      return problem.missingFrom === problem.seq
        ? `the link before event ${problem.eventId} (place ${problem.seq}) is broken: an event before it was removed or replaced`
        : `events at places ${problem.missingFrom}–${problem.missingTo} were removed (the chain resumes at event ${problem.eventId}, place ${problem.seq})`;
    case 'tail-removed':
      return `the newest events were removed: the chain ends at place ${problem.lastSeq}, but ${problem.headSeq} events were recorded`;
    case 'head-mismatch':
      return `the last event (place ${problem.lastSeq}) is not the one that was recorded last`;
  }
}

/** `--threads N` (1–64); by default one per processor. */
function threadsOf(rest: string[]): number {
  if (rest.length === 0) return availableParallelism();
  const threads = rest[0] === '--threads' && rest.length === 2 && /^\d+$/.test(rest[1]!) ? Number(rest[1]) : NaN;
  if (!(threads >= 1 && threads <= 64)) throw new UsageError('use "meldpad audit verify [--threads N]" with N from 1 to 64');
  return threads;
}

/** `meldpad audit verify`: checks the whole audit chain; exit 0 when intact, 1 naming the first break. */
export async function auditCommand(args: string[], env: Record<string, string | undefined>): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'verify') throw new UsageError('use "meldpad audit verify [--threads N]"');
  const threads = threadsOf(rest);
  const config = loadConfig(env);
  const { db, keys } = await openDataStore(config);
  try {
    const started = performance.now();
    const { auditChainKey } = repositoryKeys(keys);
    const report = await verifyChainInThreads(new AuditRepository(db.kysely, auditChainKey), config.database, auditChainKey, threads);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const before = report.beforeChain > 0 ? ` (${report.beforeChain} older events from before the chain are not covered)` : '';
    if (report.problem) {
      console.error(`Audit chain BROKEN / auditketen verbroken: ${describeProblem(report.problem)}. ${report.checked} events before it verified${before}.`);
      return 1;
    }
    console.log(`Audit chain intact / auditketen intact: ${report.checked} events verified in ${seconds} s${before}.`);
    return 0;
  } finally {
    await db.close();
  }
}

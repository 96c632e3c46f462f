import type { Kysely } from 'kysely';
import type { AuditEventInput, AuditRepository } from '../../db/repositories/audit-repository.js';
import type { Database } from '../../db/schema.js';

interface Waiting {
  event: AuditEventInput;
  settle: (error?: unknown) => void;
}

/** At most this many events in one transaction; more wait for the next. */
const MAX_BATCH = 1_000;

/**
 * Group commit for the audit events of reads: a read's event must be durable before its response leaves,
 * but one transaction per read would make every read a write. Events that arrive while a commit is under
 * way wait for the next one, which takes them all: under load many reads share one commit, and a lone read
 * is committed at once.
 */
export class AuditGroupCommit {
  private queue: Waiting[] = [];
  private committing = false;
  private idle: Promise<void> = Promise.resolve();
  private markIdle: () => void = () => undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditRepository,
  ) {}

  /** Resolves once the event is committed; rejects if its commit failed (the read must then fail too). */
  append(event: AuditEventInput): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ event, settle: (error) => (error === undefined ? resolve() : reject(error as Error)) });
      if (!this.committing) void this.commitAll();
    });
  }

  /** Resolves when nothing is waiting (for a graceful stop). */
  drained(): Promise<void> {
    return this.idle;
  }

  private async commitAll(): Promise<void> {
    this.committing = true;
    this.idle = new Promise((resolve) => (this.markIdle = resolve));
    // Let the requests of this turn of the event loop join the first commit too.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      try {
        await this.db.transaction().execute((tx) => this.audit.appendAll(batch.map((w) => w.event), tx));
        for (const w of batch) w.settle();
      } catch (error) {
        for (const w of batch) w.settle(error ?? new Error('audit commit failed'));
      }
    }
    this.committing = false;
    this.markIdle();
  }
}

import type { Kysely } from 'kysely';
import type { JobsRepository } from '../../db/repositories/jobs-repository.js';
import type { Database } from '../../db/schema.js';
import { JOB_PAYLOADS, type JobKind, type JobPayload } from './job-kinds.js';
import type { JobHandler, JobLogger, JobRunner } from './job-runner.js';

/** A job to run at `runAt`. */
export interface JobRequest<K extends JobKind> {
  kind: K;
  /** Ids only; checked against the kind's schema (unknown fields are refused). */
  payload: JobPayload<K>;
  runAt: Date;
  /**
   * Makes scheduling idempotent: the same key is the same job. While that job is pending, scheduling
   * again moves it to the new time (and payload); once it ran, it stays done — put the due date in the
   * key (e.g. `agreement.due:<agreementId>:<dueOn>`) when a moved date deserves a new reminder.
   */
  dedupeKey?: string;
  maxAttempts?: number;
}

/**
 * `ctx.jobs`: background work for the rest of the server. Schedule a job (in the caller's
 * transaction, so it exists exactly when the change asking for it commits), cancel one by its key,
 * and — for the server's start and tests — run the runner.
 */
export class Jobs {
  constructor(
    private readonly repository: JobsRepository,
    readonly runner: JobRunner,
    private readonly now: () => Date,
  ) {}

  /** Schedules a job and returns its id (the existing job's id for a dedupe key already taken). */
  async schedule<K extends JobKind>(job: JobRequest<K>, executor?: Kysely<Database>): Promise<string> {
    // Parsing first refuses a payload with more than ids in it before anything is written.
    const payload: unknown = JOB_PAYLOADS[job.kind].parse(job.payload);
    return this.repository.schedule(
      { kind: job.kind, payload, runAt: job.runAt, dedupeKey: job.dedupeKey ?? null, ...(job.maxAttempts ? { maxAttempts: job.maxAttempts } : {}), at: this.now() },
      executor,
    );
  }

  /** Cancels the pending job with this dedupe key; false when there is none (or it already runs). */
  cancel(dedupeKey: string, executor?: Kysely<Database>): Promise<boolean> {
    return this.repository.cancel(dedupeKey, executor);
  }

  /** Who runs jobs of `kind` (see job-handlers.ts). */
  register<K extends JobKind>(kind: K, handler: JobHandler<JobPayload<K>>): void {
    this.runner.register(kind, handler);
  }

  /** Claims and runs what is due now on this instance; returns how many jobs it took on (whether they succeeded or not). */
  runDueOnce(): Promise<number> {
    return this.runner.runDueOnce();
  }

  /** Starts polling (JOBS_POLL_MS; never when it is 0). */
  start(options: { logger?: JobLogger } = {}): void {
    this.runner.start(options);
  }

  /** Stops polling and waits for the running job. */
  stop(): Promise<void> {
    return this.runner.stop();
  }
}

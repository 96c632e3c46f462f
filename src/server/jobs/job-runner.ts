import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { JobRecord, JobsRepository } from '../../db/repositories/jobs-repository.js';
import type { Database } from '../../db/schema.js';
import { isJobKind, JOB_PAYLOADS, type JobKind, type JobPayload } from './job-kinds.js';

/** What a handler knows of the job it runs. */
export interface JobHandlerContext {
  job: {
    id: string;
    kind: string;
    /** 1 on the first run, 2 on the first retry, … */
    attempt: number;
    maxAttempts: number;
    runAt: Date;
    dedupeKey: string | null;
  };
  /** The runner's clock when the run started. */
  now: Date;
  /**
   * Runs `work` in one transaction with marking this job done, so that a job whose effect lies in the
   * database takes effect exactly once: if this instance lost its lease meanwhile, nothing of `work`
   * commits (the instance that holds the job now does it). A handler that does not call this is
   * marked done when it returns.
   */
  completeWith(work: (tx: Kysely<Database>) => Promise<void>): Promise<void>;
}

export type JobHandler<P> = (payload: P, ctx: JobHandlerContext) => Promise<void>;

/** The part of a pino logger the runner uses. Log lines carry ids and error classes only. */
export interface JobLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface JobRunnerOptions {
  db: Kysely<Database>;
  repository: JobsRepository;
  now?: () => Date;
  /** How often to look for due jobs; 0 (or less) means never on its own: call runDueOnce. */
  pollMs?: number;
  /** How long a claimed job is this instance's; after that another instance may take it. */
  leaseMs?: number;
  /** How many jobs to claim at once. */
  batchSize?: number;
  /** The wait before retry number `attempt` (1 after the first failure). */
  backoffMs?: (attempt: number) => number;
  /** This instance's name in the leases; random by default. */
  owner?: string;
  logger?: JobLogger;
}

export const DEFAULT_POLL_MS = 5_000;
export const DEFAULT_LEASE_MS = 5 * 60_000;
const DEFAULT_BATCH = 5;
/** Done jobs are forgotten after this long; failed ones stay for the operator. */
const KEEP_DONE_MS = 30 * 24 * 60 * 60_000;
const PURGE_EVERY_MS = 60 * 60_000;

/** 30 s, 1 min, 2 min, … up to an hour. */
export function defaultBackoffMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 60 * 60_000);
}

/** The lease was lost while the job ran: another instance holds it now, and this run must not count. */
class LeaseLostError extends Error {
  constructor() {
    super('the lease on this job was lost to another instance');
    this.name = 'LeaseLostError';
  }
}

/**
 * Runs due jobs from the database. Several instances may run one each on the same database: every
 * job is leased by exactly one of them (see JobsRepository.claimDue); a job whose instance died
 * is taken again when its lease runs out; a failing job is retried with backoff and marked failed
 * after its last attempt. Jobs live in the database, so they survive a restart.
 */
export class JobRunner {
  /** This instance's random name in the leases. */
  readonly owner: string;
  private readonly handlers = new Map<string, JobHandler<unknown>>();
  private readonly db: Kysely<Database>;
  private readonly repository: JobsRepository;
  private readonly now: () => Date;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly backoffMs: (attempt: number) => number;
  private logger: JobLogger | null;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private stopping = false;
  private readonly inFlight = new Set<Promise<unknown>>();
  private lastPurge = 0;

  constructor(options: JobRunnerOptions) {
    this.db = options.db;
    this.repository = options.repository;
    this.now = options.now ?? (() => new Date());
    this.pollMs = options.pollMs ?? DEFAULT_POLL_MS;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.batchSize = options.batchSize ?? DEFAULT_BATCH;
    this.backoffMs = options.backoffMs ?? defaultBackoffMs;
    this.owner = options.owner ?? `runner-${randomBytes(8).toString('hex')}`;
    this.logger = options.logger ?? null;
  }

  /** Who runs jobs of `kind`. A kind of job-kinds.ts gets its payload checked against its schema first. */
  register<K extends JobKind>(kind: K, handler: JobHandler<JobPayload<K>>): void;
  register(kind: string, handler: JobHandler<unknown>): void;
  register(kind: string, handler: JobHandler<never>): void {
    if (this.handlers.has(kind)) throw new Error(`a handler for job kind "${kind}" is already registered`);
    this.handlers.set(kind, handler as JobHandler<unknown>);
  }

  /** Starts polling every `pollMs` (not when it is 0). The timers do not keep the process alive. */
  start(options: { logger?: JobLogger } = {}): void {
    if (options.logger) this.logger = options.logger;
    if (this.running || this.pollMs <= 0) return;
    this.running = true;
    this.stopping = false;
    this.schedule(0);
  }

  /** Stops polling and waits for the job that is running, if any, to finish. */
  async stop(): Promise<void> {
    this.running = false;
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    this.stopping = false;
  }

  /** Claims and runs every job that is due now, one after another; returns how many it took on (succeeded or not). */
  runDueOnce(): Promise<number> {
    return this.track(this.runPass());
  }

  /** Keeps count of work in progress, so that stop() can wait for it. */
  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work)).catch(() => undefined);
    return work;
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => void this.track(this.tick()), delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.timer = null;
    try {
      await this.runPass();
      if (this.running) await this.purge();
    } catch (error) {
      // The database may be away for a moment (a fail-over); the next tick tries again.
      this.logger?.error({ error: errorClass(error) }, 'job runner could not reach the job queue');
    }
    this.schedule(this.pollMs);
  }

  private async runPass(): Promise<number> {
    let ran = 0;
    while (!this.stopping) {
      const claimed = await this.repository.claimDue(this.owner, this.now(), this.leaseMs, this.batchSize);
      if (claimed.length === 0) break;
      for (const job of claimed) {
        // A job claimed with others may wait its turn past its lease; then it is no longer ours.
        if (this.stopping || (job.leaseUntil && job.leaseUntil.getTime() <= this.now().getTime())) {
          // Given back unrun: pending again, this claim not counted as an attempt.
          await this.repository.release(job.id, this.owner, this.now());
          continue;
        }
        await this.runJob(job);
        ran += 1;
      }
    }
    return ran;
  }

  private async runJob(job: JobRecord): Promise<void> {
    const details = { jobId: job.id, kind: job.kind, attempt: job.attempts };
    const handler = this.handlers.get(job.kind);
    if (!handler) {
      await this.repository.fail(job.id, this.owner, `UnknownJobKind: no handler for "${job.kind}"`, null, this.now());
      this.logger?.error(details, 'job of an unknown kind failed');
      return;
    }
    let payload: unknown = job.payload;
    if (isJobKind(job.kind)) {
      const parsed = JOB_PAYLOADS[job.kind].safeParse(job.payload);
      if (!parsed.success) {
        // Which fields are wrong, never their values.
        const fields = parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'} ${i.code}`).join(', ');
        await this.repository.fail(job.id, this.owner, `InvalidPayload: ${fields}`, null, this.now());
        this.logger?.error(details, 'job with an invalid payload failed');
        return;
      }
      payload = parsed.data;
    }

    let completed = false;
    const context: JobHandlerContext = {
      job: { id: job.id, kind: job.kind, attempt: job.attempts, maxAttempts: job.maxAttempts, runAt: job.runAt, dedupeKey: job.dedupeKey },
      now: this.now(),
      completeWith: async (work) => {
        if (completed) throw new Error('this job is already complete');
        await this.db.transaction().execute(async (tx) => {
          await work(tx);
          if (!(await this.repository.complete(job.id, this.owner, this.now(), tx))) throw new LeaseLostError();
        });
        completed = true;
      },
    };

    try {
      await handler(payload, context);
    } catch (error) {
      if (error instanceof LeaseLostError) {
        this.logger?.warn(details, 'job lease lost while running; another instance has it');
        return;
      }
      const retryAt = job.attempts < job.maxAttempts ? new Date(this.now().getTime() + this.backoffMs(job.attempts)) : null;
      const held = await this.repository.fail(job.id, this.owner, errorText(error), retryAt, this.now());
      if (!held) this.logger?.warn(details, 'job failed after its lease was lost');
      else if (retryAt) this.logger?.warn({ ...details, error: errorClass(error), retryAt: retryAt.toISOString() }, 'job failed; will retry');
      else this.logger?.error({ ...details, error: errorClass(error) }, 'job failed for good after its last attempt');
      return;
    }
    if (!completed && !(await this.repository.complete(job.id, this.owner, this.now()))) {
      this.logger?.warn(details, 'job finished after its lease was lost');
    }
  }

  private async purge(): Promise<void> {
    const now = this.now().getTime();
    if (now - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = now;
    await this.repository.deleteDoneBefore(new Date(now - KEEP_DONE_MS));
  }
}

function errorClass(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/** The error's class and message, for the job's record. Handlers keep personal data out of their messages. */
function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 500);
  return `${typeof error}: ${String(error)}`.slice(0, 500);
}

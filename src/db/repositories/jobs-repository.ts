import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Engine } from '../connection.js';
import type { Database, JobTable } from '../schema.js';

export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

export interface JobRecord {
  id: string;
  kind: string;
  /** The parsed JSON payload (ids only). */
  payload: unknown;
  runAt: Date;
  status: JobStatus;
  /** How many times the job was started; a run whose instance died counts too. */
  attempts: number;
  maxAttempts: number;
  leaseOwner: string | null;
  leaseUntil: Date | null;
  lastError: string | null;
  dedupeKey: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ScheduleJobInput {
  kind: string;
  /** JSON-serialisable; ids only, never names or free text about a child. */
  payload: unknown;
  runAt: Date;
  /** Scheduling again with the same key is the same job (see `schedule`). */
  dedupeKey?: string | null;
  maxAttempts?: number;
  /** When the job is scheduled; defaults to now. */
  at?: Date;
}

export const DEFAULT_MAX_ATTEMPTS = 5;

function toRecord(row: JobTable): JobRecord {
  return {
    id: row.id,
    kind: row.kind,
    payload: JSON.parse(row.payload) as unknown,
    runAt: new Date(row.run_at),
    status: row.status as JobStatus,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    leaseOwner: row.lease_owner,
    leaseUntil: row.lease_until ? new Date(row.lease_until) : null,
    lastError: row.last_error,
    dedupeKey: row.dedupe_key,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

/**
 * The job queue, for background work: a *system* repository, not scoped to a school. A job is
 * leased by one instance at a time (lease_owner, lease_until), so that of several Meldpad instances
 * on one database exactly one runs it; a lease that runs out (the instance died) frees the job again.
 */
export class JobsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: Engine,
  ) {}

  /**
   * Adds a job and returns its id. With a dedupe key that is already taken, no second job is made:
   * a job still pending moves to the new time (and takes the new payload); one that is running,
   * done or failed stays as it is. Either way the existing job's id is returned. Pass the caller's
   * transaction so that the job exists exactly when the change that asks for it commits.
   */
  async schedule(job: ScheduleJobInput, executor: Kysely<Database> = this.db): Promise<string> {
    const id = randomUUID();
    const at = (job.at ?? new Date()).toISOString();
    const values = {
      id,
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? null),
      run_at: job.runAt.toISOString(),
      status: 'pending',
      attempts: 0,
      max_attempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      lease_owner: null,
      lease_until: null,
      last_error: null,
      dedupe_key: job.dedupeKey ?? null,
      created_at: at,
      updated_at: at,
    };
    if (!job.dedupeKey) {
      await executor.insertInto('jobs').values(values).execute();
      return id;
    }
    const inserted = await executor
      .insertInto('jobs')
      .values(values)
      .onConflict((oc) =>
        oc
          .column('dedupe_key')
          .doUpdateSet((eb) => ({ run_at: eb.ref('excluded.run_at'), payload: eb.ref('excluded.payload'), updated_at: eb.ref('excluded.updated_at') }))
          .where('jobs.status', '=', 'pending'),
      )
      .returning('id')
      .executeTakeFirst();
    if (inserted) return inserted.id;
    // The key's job is running, done or failed: it stays, and is the answer.
    const existing = await executor.selectFrom('jobs').select('id').where('dedupe_key', '=', job.dedupeKey).executeTakeFirstOrThrow();
    return existing.id;
  }

  /** Removes the pending job with this key (a reminder no longer needed). A running job finishes. */
  async cancel(dedupeKey: string, executor: Kysely<Database> = this.db): Promise<boolean> {
    const result = await executor.deleteFrom('jobs').where('dedupe_key', '=', dedupeKey).where('status', '=', 'pending').executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /**
   * Leases up to `limit` jobs that are due at `now` to `owner` for `leaseMs`, and returns them: due
   * pending jobs, and running jobs whose lease ran out (their instance died). Two instances never
   * claim the same job: PostgreSQL locks the chosen rows (FOR UPDATE SKIP LOCKED, so a second
   * instance takes the next ones); SQLite runs the choice and the update as one statement, which
   * holds the database's write lock. A job whose lease ran out after its last allowed attempt is
   * marked failed instead of run again: a job that kills its instance cannot loop for ever.
   */
  async claimDue(owner: string, now: Date, leaseMs: number, limit: number): Promise<JobRecord[]> {
    const at = now.toISOString();
    const until = new Date(now.getTime() + leaseMs).toISOString();
    await this.db
      .updateTable('jobs')
      .set({ status: 'failed', lease_owner: null, lease_until: null, last_error: 'LeaseExpired: the instance running the job stopped', updated_at: at })
      .where('status', '=', 'running')
      .where('lease_until', '<=', at)
      .whereRef('attempts', '>=', 'max_attempts')
      .execute();
    const claimable = (eb: ExpressionBuilder<Database, 'jobs'>) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', at)]),
        eb.and([eb('status', '=', 'running'), eb('lease_until', '<=', at), eb('attempts', '<', eb.ref('max_attempts'))]),
      ]);
    const lease = { status: 'running', lease_owner: owner, lease_until: until, updated_at: at } as const;

    if (this.engine === 'postgres') {
      const rows = await this.db.transaction().execute(async (tx) => {
        const chosen = await tx.selectFrom('jobs').select('id').where(claimable).orderBy('run_at').orderBy('id').limit(limit).forUpdate().skipLocked().execute();
        if (chosen.length === 0) return [];
        return tx
          .updateTable('jobs')
          .set((eb) => ({ ...lease, attempts: eb('attempts', '+', 1) }))
          .where(
            'id',
            'in',
            chosen.map((c) => c.id),
          )
          .returningAll()
          .execute();
      });
      return rows.map(toRecord).sort(byRunAt);
    }

    const rows = await this.db
      .updateTable('jobs')
      .set((eb) => ({ ...lease, attempts: eb('attempts', '+', 1) }))
      .where('id', 'in', (eb) => eb.selectFrom('jobs').select('id').where(claimable).orderBy('run_at').orderBy('id').limit(limit))
      // Checked again on the row itself: the statement claims only what is claimable as it writes.
      .where(claimable)
      .returningAll()
      .execute();
    return rows.map(toRecord).sort(byRunAt);
  }

  /** Marks the job done, if `owner` still holds it. False when the lease was lost to another instance. */
  async complete(id: string, owner: string, at: Date, executor: Kysely<Database> = this.db): Promise<boolean> {
    const result = await executor
      .updateTable('jobs')
      .set({ status: 'done', lease_owner: null, lease_until: null, last_error: null, updated_at: at.toISOString() })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * Records a failed attempt of a job `owner` holds: back to pending at `retryAt`, or failed for good
   * when it has had its attempts (or when `retryAt` is null: retrying cannot help). `error` is the
   * error's class and message, never personal data. False when the lease was lost.
   */
  async fail(id: string, owner: string, error: string, retryAt: Date | null, at: Date): Promise<boolean> {
    const stamp = at.toISOString();
    const lastError = error.slice(0, 500);
    const result = await this.db
      .updateTable('jobs')
      .set((eb) => ({
        status: retryAt ? eb.case().when('attempts', '<', eb.ref('max_attempts')).then('pending').else('failed').end() : 'failed',
        run_at: retryAt ? eb.case().when('attempts', '<', eb.ref('max_attempts')).then(retryAt.toISOString()).else(eb.ref('run_at')).end() : eb.ref('run_at'),
        lease_owner: null,
        lease_until: null,
        last_error: lastError,
        updated_at: stamp,
      }))
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Gives a claimed job back unrun (its instance is stopping): pending again, the claim's attempt not counted. */
  async release(id: string, owner: string, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set((eb) => ({ status: 'pending', lease_owner: null, lease_until: null, attempts: eb('attempts', '-', 1), updated_at: at.toISOString() }))
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async find(id: string): Promise<JobRecord | null> {
    const row = await this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  async findByDedupeKey(dedupeKey: string): Promise<JobRecord | null> {
    const row = await this.db.selectFrom('jobs').selectAll().where('dedupe_key', '=', dedupeKey).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  /** Forgets jobs that finished successfully before `before`; failed ones stay for the operator. */
  async deleteDoneBefore(before: Date): Promise<number> {
    const result = await this.db.deleteFrom('jobs').where('status', '=', 'done').where('updated_at', '<', before.toISOString()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

function byRunAt(a: JobRecord, b: JobRecord): number {
  return a.runAt.getTime() - b.runAt.getTime() || a.id.localeCompare(b.id);
}

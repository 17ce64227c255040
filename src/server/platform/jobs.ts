/**
 * The job queue every server shares. A job is a row of `jobs`; any server may claim it:
 * `runDueJobs` takes due rows with SELECT … FOR UPDATE SKIP LOCKED in a short transaction (so
 * two servers, or two ticks, never take the same row), marks them running with a lock that
 * expires (a server that dies mid-job leaves it to be reclaimed), runs the handlers OUTSIDE the
 * transaction, and then records the outcome: done, or failed with the error and a retry after an
 * exponential backoff, until the last attempt; then it stays `failed` for the administrator to see
 * and retry (modules/jobs).
 *
 * Side effects of a change (mail above all) are enqueued in the transaction of the change itself
 * (`enqueue(tx, …)`), so that a change without its mail, or a mail without its change, cannot
 * happen. Delivery is at least once: a server that dies after sending and before recording it
 * leaves the job to be run again.
 */
import { and, asc, desc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Executor } from '../db/open.ts';
import { type JobStatus, jobs } from '../db/schema.ts';
import type { AppDeps } from './http.ts';

/** A claimed job lock lasts this long; a job still running after it may be taken by another server. */
export const JOB_LOCK_MS = 5 * 60_000;
/** Attempts before a job is given up as failed. */
export const JOB_MAX_ATTEMPTS = 5;
/** The first retry waits this long; every next one twice as long (1, 2, 4, 8 minutes). */
export const JOB_RETRY_BASE_MS = 60_000;
/** Jobs claimed in one transaction. */
const BATCH = 10;
/** Batches one call runs at most, so a tick always ends. */
const MAX_BATCHES = 20;

export type JobRow = typeof jobs.$inferSelect;

export interface JobContext {
  readonly deps: AppDeps;
  readonly log: FastifyBaseLogger;
  /** The job as claimed (attempts already counts this run). */
  readonly job: Readonly<Pick<JobRow, 'id' | 'kind' | 'attempts' | 'runAt'>>;
}

export type JobHandler = (payload: unknown, ctx: JobContext) => Promise<void>;

const handlers = new Map<string, JobHandler>();

/** Declares what runs a kind of job (one handler per kind; registering again replaces it). */
export function registerJob(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

/**
 * Queues a job to run at or after `runAt`; returns its id. With a `dedupeKey`, a job that already
 * has that key (whatever its state) stands: nothing is queued and the result is null.
 */
export async function enqueue(
  db: Executor,
  kind: string,
  payload: unknown,
  runAt: Date,
  options: { dedupeKey?: string } = {},
): Promise<string | null> {
  const [row] = await db
    .insert(jobs)
    .values({ kind, payload: payload ?? {}, runAt, status: 'pending', dedupeKey: options.dedupeKey ?? null })
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .returning({ id: jobs.id });
  return row?.id ?? null;
}

/** The wait before the next attempt after `attempts` failed ones. */
export const retryDelay = (attempts: number): number => JOB_RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1);

const errorText = (e: unknown): string =>
  (e instanceof Error ? e.message || e.name : String(e)).slice(0, 2000);

/**
 * Claims up to BATCH due jobs: pending ones whose time has come, and running ones whose lock
 * expired (their server died); marks them running, locked for JOB_LOCK_MS, one attempt more.
 * Jobs whose lock expired on their last attempt are given up instead of run again.
 */
async function claim(deps: AppDeps, now: Date): Promise<JobRow[]> {
  const lockedUntil = new Date(now.getTime() + JOB_LOCK_MS);
  return deps.database.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: jobs.id, status: jobs.status, attempts: jobs.attempts })
      .from(jobs)
      .where(
        or(
          and(eq(jobs.status, 'pending'), lte(jobs.runAt, now)),
          and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, now)),
        ),
      )
      .orderBy(asc(jobs.runAt))
      .limit(BATCH)
      .for('update', { skipLocked: true });
    if (!due.length) return [];
    const abandoned = due
      .filter((j) => j.status === 'running' && j.attempts >= JOB_MAX_ATTEMPTS)
      .map((j) => j.id);
    if (abandoned.length)
      await tx
        .update(jobs)
        .set({
          status: 'failed',
          lockedUntil: null,
          finishedAt: now,
          lastError: sql`coalesce(${jobs.lastError} || ' · ', '') || 'server stopped while running the last attempt'`,
        })
        .where(inArray(jobs.id, abandoned));
    const runnable = due.filter((j) => !abandoned.includes(j.id)).map((j) => j.id);
    if (!runnable.length) return [];
    return tx
      .update(jobs)
      .set({ status: 'running', lockedUntil, attempts: sql`${jobs.attempts} + 1` })
      .where(inArray(jobs.id, runnable))
      .returning();
  });
}

/** Records the outcome of a run, unless the job was meanwhile reclaimed by another server. */
async function finish(
  deps: AppDeps,
  job: JobRow,
  error: unknown | null,
): Promise<'done' | 'retry' | 'failed'> {
  const now = deps.clock.now();
  const mine = and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.attempts, job.attempts));
  if (error === null) {
    await deps.database.db
      .update(jobs)
      .set({ status: 'done', lockedUntil: null, finishedAt: now, lastError: null })
      .where(mine);
    return 'done';
  }
  if (job.attempts >= JOB_MAX_ATTEMPTS) {
    await deps.database.db
      .update(jobs)
      .set({ status: 'failed', lockedUntil: null, finishedAt: now, lastError: errorText(error) })
      .where(mine);
    return 'failed';
  }
  await deps.database.db
    .update(jobs)
    .set({
      status: 'pending',
      lockedUntil: null,
      runAt: new Date(now.getTime() + retryDelay(job.attempts)),
      lastError: errorText(error),
    })
    .where(mine);
  return 'retry';
}

export interface RunSummary {
  /** Jobs that ran and succeeded. */
  done: number;
  /** Jobs that failed and will be tried again later. */
  retried: number;
  /** Jobs that failed on their last attempt. */
  failed: number;
}

/** Runs every due job once (up to a bound per call); safe to call from several servers at once. */
export async function runDueJobs(deps: AppDeps, log: FastifyBaseLogger): Promise<RunSummary> {
  const summary: RunSummary = { done: 0, retried: 0, failed: 0 };
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const claimed = await claim(deps, deps.clock.now());
    if (!claimed.length) break;
    for (const job of claimed) {
      let error: unknown | null = null;
      try {
        const handler = handlers.get(job.kind);
        if (!handler) throw new Error(`no handler registered for job kind "${job.kind}"`);
        await handler(job.payload, { deps, log, job });
      } catch (e) {
        error = e ?? new Error('job failed');
      }
      const outcome = await finish(deps, job, error);
      summary[outcome === 'done' ? 'done' : outcome === 'retry' ? 'retried' : 'failed']++;
      if (error !== null)
        log[outcome === 'failed' ? 'error' : 'warn'](
          { err: error, jobId: job.id, kind: job.kind, attempts: job.attempts },
          outcome === 'failed' ? 'job failed for good' : 'job failed, will retry',
        );
    }
  }
  return summary;
}

/**
 * Jobs for the administrator's screen, newest first; by status and kind when given, older than
 * job `before` when given (the next page: its keyset is (createdAt, id), jobs_status_created_idx).
 */
export function listJobs(
  db: Executor,
  filter: {
    status?: JobStatus | undefined;
    kind?: string | undefined;
    before?: string | undefined;
    limit: number;
  },
): Promise<JobRow[]> {
  const where = and(
    filter.status ? eq(jobs.status, filter.status) : undefined,
    filter.kind ? eq(jobs.kind, filter.kind) : undefined,
    filter.before
      ? sql`(${jobs.createdAt}, ${jobs.id}) < ((select j2.created_at from jobs j2 where j2.id = ${filter.before}), ${filter.before}::uuid)`
      : undefined,
  );
  return db.select().from(jobs).where(where).orderBy(desc(jobs.createdAt), desc(jobs.id)).limit(filter.limit);
}

/** How many jobs are in each state (the screen's summary and /healthz). */
export async function countJobs(db: Executor): Promise<Record<JobStatus, number>> {
  const rows = await db
    .select({ status: jobs.status, n: sql<number>`count(*)::int` })
    .from(jobs)
    .groupBy(jobs.status);
  const out: Record<JobStatus, number> = { pending: 0, running: 0, done: 0, failed: 0 };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

/**
 * Deletes the jobs that finished well before `finishedBefore`; failed jobs stay for the
 * administrator whatever their age. Returns how many went.
 */
export async function deleteFinishedJobs(db: Executor, finishedBefore: Date): Promise<number> {
  const gone = await db
    .delete(jobs)
    .where(and(eq(jobs.status, 'done'), lt(jobs.finishedAt, finishedBefore)))
    .returning({ id: jobs.id });
  return gone.length;
}

/**
 * Puts a failed job back in the queue to run now, its attempts counted afresh; undefined when the
 * job does not exist or has not failed.
 */
export async function retryJob(db: Executor, id: string, now: Date): Promise<JobRow | undefined> {
  const [row] = await db
    .update(jobs)
    .set({ status: 'pending', attempts: 0, runAt: now, lockedUntil: null, finishedAt: null })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'failed')))
    .returning();
  return row;
}

/** Puts every failed job back in the queue to run now, as `retryJob` does one; returns them. */
export function retryFailedJobs(db: Executor, now: Date): Promise<Pick<JobRow, 'id' | 'kind'>[]> {
  return db
    .update(jobs)
    .set({ status: 'pending', attempts: 0, runAt: now, lockedUntil: null, finishedAt: null })
    .where(eq(jobs.status, 'failed'))
    .returning({ id: jobs.id, kind: jobs.kind });
}

const noop = () => {};
/** A logger that drops everything, for callers without one. */
export const silentLog: FastifyBaseLogger = {
  level: 'silent',
  fatal: noop,
  error: noop,
  warn: noop,
  info: noop,
  debug: noop,
  trace: noop,
  silent: noop,
  child: () => silentLog,
} as unknown as FastifyBaseLogger;

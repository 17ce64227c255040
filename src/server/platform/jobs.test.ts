import { asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type TestServer, testServer } from '../../../test/server.ts';
import { jobs, schedules } from '../db/schema.ts';
import {
  countJobs,
  enqueue,
  JOB_LOCK_MS,
  JOB_MAX_ATTEMPTS,
  listJobs,
  registerJob,
  retryDelay,
  retryJob,
  runDueJobs,
  silentLog,
} from './jobs.ts';
import { cronProblem, declareSchedule, enqueueDueSchedules, ensureSchedules, nextRun } from './schedules.ts';

let s: TestServer;
beforeAll(async () => {
  s = await testServer({ now: '2017-10-15T03:00:00Z' });
});
afterAll(() => s.close());
beforeEach(async () => {
  await s.deps.database.db.delete(jobs);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const jobRows = (ids: readonly string[]) =>
  s.deps.database.db
    .select()
    .from(jobs)
    .where(inArray(jobs.id, [...ids]))
    .orderBy(asc(jobs.createdAt));

describe('the job runner', () => {
  it('runs each due job exactly once when two runners claim at the same time', async () => {
    const runs: string[] = [];
    registerJob('test.count', async (payload) => {
      await sleep(5);
      runs.push((payload as { n: string }).n);
    });
    const now = s.clock.now();
    const ids: string[] = [];
    for (let i = 0; i < 25; i++)
      ids.push((await enqueue(s.deps.database.db, 'test.count', { n: `job-${i}` }, now))!);
    const later = await enqueue(
      s.deps.database.db,
      'test.count',
      { n: 'later' },
      new Date(now.getTime() + 3600_000),
    );

    const [a, b] = await Promise.all([runDueJobs(s.deps, silentLog), runDueJobs(s.deps, silentLog)]);
    expect(a.done + b.done).toBe(25);
    // Both runners took a share: the claims really overlapped.
    expect(a.done).toBeGreaterThan(0);
    expect(b.done).toBeGreaterThan(0);
    expect(runs.sort()).toEqual(ids.map((_, i) => `job-${i}`).sort());
    const rows = await jobRows(ids);
    expect(
      rows.every(
        (r) => r.status === 'done' && r.attempts === 1 && r.finishedAt !== null && r.lockedUntil === null,
      ),
    ).toBe(true);
    expect((await jobRows([later!]))[0]).toMatchObject({ status: 'pending', attempts: 0 });

    // Nothing is due any more: a second pass runs nothing.
    expect(await runDueJobs(s.deps, silentLog)).toEqual({ done: 0, retried: 0, failed: 0 });
    expect(runs).toHaveLength(25);
  });

  it('retries a failing job with exponential backoff and gives up after five attempts', async () => {
    let calls = 0;
    registerJob('test.fail', async () => {
      calls++;
      throw new Error(`Máy chủ thư không trả lời (lần ${calls})`);
    });
    const id = (await enqueue(s.deps.database.db, 'test.fail', {}, s.clock.now()))!;
    const waits: number[] = [];
    for (let attempt = 1; attempt <= JOB_MAX_ATTEMPTS; attempt++) {
      const summary = await runDueJobs(s.deps, silentLog);
      const [row] = await jobRows([id]);
      expect(row!.attempts).toBe(attempt);
      expect(row!.lastError).toBe(`Máy chủ thư không trả lời (lần ${attempt})`);
      if (attempt < JOB_MAX_ATTEMPTS) {
        expect(summary).toEqual({ done: 0, retried: 1, failed: 0 });
        expect(row!.status).toBe('pending');
        const wait = row!.runAt.getTime() - s.clock.now().getTime();
        waits.push(wait);
        // Not yet due: an immediate tick does not run it again.
        expect((await runDueJobs(s.deps, silentLog)).retried).toBe(0);
        s.clock.advance(wait - 1);
        expect((await runDueJobs(s.deps, silentLog)).retried).toBe(0);
        s.clock.advance(1);
      } else {
        expect(summary).toEqual({ done: 0, retried: 0, failed: 1 });
        expect(row!.status).toBe('failed');
        expect(row!.finishedAt).toEqual(s.clock.now());
      }
    }
    expect(waits).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(waits).toEqual([1, 2, 3, 4].map(retryDelay));
    expect(calls).toBe(JOB_MAX_ATTEMPTS);
    s.clock.advance(24 * 3600_000);
    await runDueJobs(s.deps, silentLog);
    expect(calls).toBe(JOB_MAX_ATTEMPTS);
  });

  it('finishes a job that succeeds on a later attempt', async () => {
    let calls = 0;
    registerJob('test.flaky', async () => {
      calls++;
      if (calls < 3) throw new Error('tạm thời lỗi');
    });
    const id = (await enqueue(s.deps.database.db, 'test.flaky', {}, s.clock.now()))!;
    for (let i = 0; i < 3; i++) {
      await runDueJobs(s.deps, silentLog);
      s.clock.advance(retryDelay(i + 1));
    }
    expect((await jobRows([id]))[0]).toMatchObject({ status: 'done', attempts: 3, lastError: null });
  });

  it('reclaims a job whose server stopped while running it, and gives up one that was on its last attempt', async () => {
    const runs: string[] = [];
    registerJob('test.reclaim', async (payload) => {
      runs.push((payload as { n: string }).n);
    });
    const db = s.deps.database.db;
    const now = s.clock.now();
    const stuck = (await enqueue(db, 'test.reclaim', { n: 'stuck' }, now))!;
    const last = (await enqueue(db, 'test.reclaim', { n: 'last' }, now))!;
    const busy = (await enqueue(db, 'test.reclaim', { n: 'busy' }, now))!;
    const expired = new Date(now.getTime() - 1);
    await db
      .update(jobs)
      .set({ status: 'running', attempts: 1, lockedUntil: expired })
      .where(eq(jobs.id, stuck));
    await db
      .update(jobs)
      .set({ status: 'running', attempts: JOB_MAX_ATTEMPTS, lockedUntil: expired })
      .where(eq(jobs.id, last));
    await db
      .update(jobs)
      .set({ status: 'running', attempts: 1, lockedUntil: new Date(now.getTime() + JOB_LOCK_MS) })
      .where(eq(jobs.id, busy));

    await runDueJobs(s.deps, silentLog);
    expect(runs).toEqual(['stuck']);
    const rows = new Map((await jobRows([stuck, last, busy])).map((r) => [r.id, r]));
    expect(rows.get(stuck)).toMatchObject({ status: 'done', attempts: 2 });
    expect(rows.get(last)).toMatchObject({ status: 'failed' });
    expect(rows.get(last)!.lastError).toMatch(/stopped/);
    expect(rows.get(busy)).toMatchObject({ status: 'running', attempts: 1 });
  });

  it('fails a job of a kind no handler knows, with the reason', async () => {
    const id = (await enqueue(s.deps.database.db, 'test.unknown-kind', {}, s.clock.now()))!;
    await runDueJobs(s.deps, silentLog);
    const [row] = await jobRows([id]);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.lastError).toMatch(/no handler registered for job kind "test.unknown-kind"/);
  });
});

describe('queue for the administrator', () => {
  it('keeps one job per key, whoever enqueues it and however often', async () => {
    const db = s.deps.database.db;
    const now = s.clock.now();
    const first = await enqueue(db, 'test.count', { n: 'keyed' }, now, { dedupeKey: 'k:1' });
    expect(first).not.toBeNull();
    const again = await Promise.all([
      enqueue(db, 'test.count', { n: 'keyed' }, now, { dedupeKey: 'k:1' }),
      enqueue(db, 'test.count', { n: 'keyed' }, now, { dedupeKey: 'k:1' }),
    ]);
    expect(again).toEqual([null, null]);
    expect(await listJobs(db, { kind: 'test.count', limit: 10 })).toHaveLength(1);
  });

  it('lists failed jobs with their error, and puts one back to run now with fresh attempts', async () => {
    let ok = false;
    registerJob('test.later-ok', async () => {
      if (!ok) throw new Error('máy chủ thư không trả lời');
    });
    const db = s.deps.database.db;
    const id = (await enqueue(db, 'test.later-ok', {}, s.clock.now()))!;
    await db
      .update(jobs)
      .set({ attempts: JOB_MAX_ATTEMPTS - 1 })
      .where(eq(jobs.id, id));
    await runDueJobs(s.deps, silentLog);
    const [failed] = await listJobs(db, { status: 'failed', limit: 10 });
    expect(failed).toMatchObject({ id, status: 'failed', lastError: 'máy chủ thư không trả lời' });
    expect((await countJobs(db)).failed).toBe(1);

    expect(await retryJob(db, crypto.randomUUID(), s.clock.now())).toBeUndefined();
    ok = true;
    expect(await retryJob(db, id, s.clock.now())).toMatchObject({ status: 'pending', attempts: 0 });
    // Only a failed job can be put back.
    expect(await retryJob(db, id, s.clock.now())).toBeUndefined();
    await runDueJobs(s.deps, silentLog);
    expect((await jobRows([id]))[0]).toMatchObject({ status: 'done', attempts: 1 });
  });
});

describe('schedules', () => {
  beforeEach(async () => {
    await s.deps.database.db.delete(schedules);
  });

  it('reads cron in Vietnam time and names what is wrong with a bad one', () => {
    // 02:00 on the 1st of the month, Vietnam time, is 19:00 UTC the day before.
    expect(nextRun('0 2 1 * *', new Date('2017-10-15T00:00:00Z')).toISOString()).toBe(
      '2017-10-31T19:00:00.000Z',
    );
    expect(nextRun('*/30 * * * *', new Date('2017-10-15T00:10:00Z')).toISOString()).toBe(
      '2017-10-15T00:30:00.000Z',
    );
    expect(cronProblem('*/30 * * * *')).toBeNull();
    expect(cronProblem('* * *')?.vi).toMatch(/đúng 5 phần/);
    expect(cronProblem('61 * * * *')?.vi).toMatch(/^Lịch "61 \* \* \* \*" không đọc được/);
  });

  it('runs each slot once when two servers find it due at once, and keeps the administrator’s cron', async () => {
    const runs: string[] = [];
    declareSchedule({ name: 'test.every-30', cron: '*/30 * * * *', description: { vi: 'thử' } });
    registerJob('test.every-30', async (payload) => {
      runs.push((payload as { slot: string }).slot);
    });
    const db = s.deps.database.db;
    s.clock.set('2017-10-15T03:10:00Z');
    await ensureSchedules(db, s.clock.now());
    expect(await enqueueDueSchedules(s.deps)).toBe(0);

    s.clock.set('2017-10-15T03:30:00Z');
    const both = await Promise.all([enqueueDueSchedules(s.deps), enqueueDueSchedules(s.deps)]);
    expect(both[0]! + both[1]!).toBe(1);
    await Promise.all([runDueJobs(s.deps, silentLog), runDueJobs(s.deps, silentLog)]);
    expect(runs).toEqual(['2017-10-15T03:30:00.000Z']);

    // The administrator makes it hourly; a release's default never overwrites that.
    await db.update(schedules).set({ cron: '0 * * * *' }).where(eq(schedules.name, 'test.every-30'));
    await ensureSchedules(db, s.clock.now());
    const [row] = await db.select().from(schedules).where(eq(schedules.name, 'test.every-30'));
    expect(row).toMatchObject({ cron: '0 * * * *', nextRunAt: new Date('2017-10-15T04:00:00Z') });

    // A disabled schedule does not run.
    await db.update(schedules).set({ enabled: false }).where(eq(schedules.name, 'test.every-30'));
    s.clock.set('2017-10-15T05:00:00Z');
    expect(await enqueueDueSchedules(s.deps)).toBe(0);
  });
});

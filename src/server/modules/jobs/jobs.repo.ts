/** SQL of the jobs screen besides the queue's own (platform/jobs.ts): a job, and the names its payload points to. */
import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/open.ts';
import { agencies, cycles, jobs } from '../../db/schema.ts';

export const findJob = async (db: Executor, id: string) =>
  (await db.select().from(jobs).where(eq(jobs.id, id)).limit(1))[0];

export const agencyNames = (db: Executor, ids: readonly string[]) =>
  ids.length
    ? db
        .select({ id: agencies.id, name: agencies.name })
        .from(agencies)
        .where(inArray(agencies.id, [...ids]))
    : Promise.resolve([]);

export const cycleYears = (db: Executor, ids: readonly string[]) =>
  ids.length
    ? db
        .select({ id: cycles.id, year: cycles.year })
        .from(cycles)
        .where(inArray(cycles.id, [...ids]))
    : Promise.resolve([]);

/** SQL of criteria versions. */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/open.ts';
import { criteriaVersions, cycles } from '../../db/schema.ts';

export type CriteriaVersionRow = typeof criteriaVersions.$inferSelect;

/** Every version without its content, newest first, with the years of the cycles bound to it. */
export const listVersions = (db: Executor) =>
  db
    .select({
      id: criteriaVersions.id,
      setId: criteriaVersions.setId,
      version: criteriaVersions.version,
      title: criteriaVersions.title,
      status: criteriaVersions.status,
      hash: criteriaVersions.hash,
      loadedBy: criteriaVersions.loadedBy,
      loadedAt: criteriaVersions.loadedAt,
      derivedFrom: sql<unknown>`${criteriaVersions.content}->'derivedFrom'`,
      cycleYears: sql<
        number[]
      >`coalesce(array_agg(${cycles.year} order by ${cycles.year}) filter (where ${cycles.id} is not null), '{}')`,
    })
    .from(criteriaVersions)
    .leftJoin(cycles, eq(cycles.criteriaVersionId, criteriaVersions.id))
    .groupBy(criteriaVersions.id)
    .orderBy(asc(criteriaVersions.setId), desc(criteriaVersions.loadedAt));

export const findVersion = async (db: Executor, id: string): Promise<CriteriaVersionRow | undefined> =>
  (await db.select().from(criteriaVersions).where(eq(criteriaVersions.id, id)).limit(1))[0];

export const findByHash = async (db: Executor, hash: string): Promise<CriteriaVersionRow | undefined> =>
  (await db.select().from(criteriaVersions).where(eq(criteriaVersions.hash, hash)).limit(1))[0];

export const findBySetVersion = async (
  db: Executor,
  setId: string,
  version: string,
): Promise<CriteriaVersionRow | undefined> =>
  (
    await db
      .select()
      .from(criteriaVersions)
      .where(and(eq(criteriaVersions.setId, setId), eq(criteriaVersions.version, version)))
      .limit(1)
  )[0];

export const cycleYearsOf = async (db: Executor, id: string): Promise<number[]> =>
  (
    await db
      .select({ year: cycles.year })
      .from(cycles)
      .where(eq(cycles.criteriaVersionId, id))
      .orderBy(asc(cycles.year))
  ).map((r) => r.year);

/** SQL of cycles (the cycles module owns this file; others only read through it). */
import { and, asc, count, desc, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import type { Executor } from '../../db/open.ts';
import {
  criteriaVersions,
  cycleAgencies,
  cycles,
  deadlineExtensions,
  files,
  users,
} from '../../db/schema.ts';

export type CycleRow = typeof cycles.$inferSelect;
export type FileRow = typeof files.$inferSelect;
export type ExtensionRow = typeof deadlineExtensions.$inferSelect;

export const findCycle = async (db: Executor, id: string): Promise<CycleRow | undefined> =>
  (await db.select().from(cycles).where(eq(cycles.id, id)).limit(1))[0];

/** The cycle row locked for the rest of the transaction (state changes, submissions at the deadline). */
export const lockCycle = async (db: Executor, id: string): Promise<CycleRow | undefined> =>
  (await db.select().from(cycles).where(eq(cycles.id, id)).for('update').limit(1))[0];

export const findCycleByYear = async (db: Executor, year: number): Promise<CycleRow | undefined> =>
  (await db.select().from(cycles).where(eq(cycles.year, year)).limit(1))[0];

/** Cycles with their criteria version, newest year first; drafts left out when asked. */
export const listCycles = (db: Executor, options: { withDrafts: boolean }) =>
  db
    .select({
      cycle: cycles,
      criteria: {
        id: criteriaVersions.id,
        setId: criteriaVersions.setId,
        version: criteriaVersions.version,
        title: criteriaVersions.title,
      },
    })
    .from(cycles)
    .innerJoin(criteriaVersions, eq(criteriaVersions.id, cycles.criteriaVersionId))
    .where(options.withDrafts ? undefined : ne(cycles.state, 'draft'))
    .orderBy(desc(cycles.year));

export const criteriaOf = async (db: Executor, versionId: string) =>
  (
    await db
      .select({
        id: criteriaVersions.id,
        setId: criteriaVersions.setId,
        version: criteriaVersions.version,
        title: criteriaVersions.title,
      })
      .from(criteriaVersions)
      .where(eq(criteriaVersions.id, versionId))
      .limit(1)
  )[0];

export async function insertCycle(db: Executor, values: typeof cycles.$inferInsert): Promise<CycleRow> {
  const [row] = await db.insert(cycles).values(values).returning();
  return row!;
}

/**
 * Updates the cycle the caller read, bumping its version: undefined when another change came
 * first (its version moved on), so the caller can answer with the current state.
 */
export const updateCycle = async (
  db: Executor,
  id: string,
  readVersion: number,
  patch: Partial<typeof cycles.$inferInsert>,
) =>
  (
    await db
      .update(cycles)
      .set({ ...patch, version: readVersion + 1 })
      .where(and(eq(cycles.id, id), eq(cycles.version, readVersion)))
      .returning()
  )[0];

/** Roster size per group: the frozen roster of an opened cycle. */
export const rosterCounts = (db: Executor, cycleId: string) =>
  db
    .select({ groupId: cycleAgencies.groupId, count: count() })
    .from(cycleAgencies)
    .where(eq(cycleAgencies.cycleId, cycleId))
    .groupBy(cycleAgencies.groupId)
    .orderBy(asc(cycleAgencies.groupId));

export const roster = (db: Executor, cycleId: string) =>
  db.select().from(cycleAgencies).where(eq(cycleAgencies.cycleId, cycleId)).orderBy(asc(cycleAgencies.code));

export const insertRoster = (db: Executor, rows: readonly (typeof cycleAgencies.$inferInsert)[]) =>
  rows.length ? db.insert(cycleAgencies).values([...rows]) : Promise.resolve();

/** Active reporters with an e-mail address, per agency: who hears about the cycle. */
export const reporterAddresses = (db: Executor, agencyIds: readonly string[]) =>
  agencyIds.length
    ? db
        .select({ agencyId: users.agencyId, email: users.email })
        .from(users)
        .where(
          and(
            eq(users.role, 'reporter'),
            eq(users.active, true),
            isNotNull(users.email),
            inArray(users.agencyId, [...agencyIds]),
          ),
        )
        .orderBy(asc(users.email))
    : Promise.resolve([] as { agencyId: string | null; email: string | null }[]);

export const extensionsOf = (db: Executor, cycleId: string) =>
  db
    .select({
      id: deadlineExtensions.id,
      oldDeadline: deadlineExtensions.oldDeadline,
      newDeadline: deadlineExtensions.newDeadline,
      reason: deadlineExtensions.reason,
      decisionRef: deadlineExtensions.decisionRef,
      decidedBy: deadlineExtensions.decidedBy,
      decidedByName: users.displayName,
      createdAt: deadlineExtensions.createdAt,
    })
    .from(deadlineExtensions)
    .leftJoin(users, eq(users.id, deadlineExtensions.decidedBy))
    .where(eq(deadlineExtensions.cycleId, cycleId))
    .orderBy(asc(deadlineExtensions.createdAt));

export async function insertExtension(
  db: Executor,
  values: typeof deadlineExtensions.$inferInsert,
): Promise<ExtensionRow> {
  const [row] = await db.insert(deadlineExtensions).values(values).returning();
  return row!;
}

export async function insertFile(db: Executor, values: typeof files.$inferInsert): Promise<FileRow> {
  const [row] = await db.insert(files).values(values).returning();
  return row!;
}

export const filesByIds = (db: Executor, ids: readonly string[]) =>
  ids.length
    ? db
        .select()
        .from(files)
        .where(inArray(files.id, [...ids]))
    : Promise.resolve([] as FileRow[]);

/** SQL of the website checks (R5) and what deciding about them needs to read. */
import { and, asc, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Executor } from '../../db/open.ts';
import { agencies, cycleAgencies, cycles, users, websiteChecks } from '../../db/schema.ts';

export type WebsiteCheckRow = typeof websiteChecks.$inferSelect;

export const findAgency = async (db: Executor, id: string) =>
  (
    await db
      .select({ id: agencies.id, code: agencies.code, name: agencies.name, groupId: agencies.groupId })
      .from(agencies)
      .where(eq(agencies.id, id))
      .limit(1)
  )[0];

/** The roster entry of the agency in the most recent cycle that evaluates it, with that cycle's criteria version. */
export const latestRosterEntry = async (db: Executor, agencyId: string) =>
  (
    await db
      .select({
        groupId: cycleAgencies.groupId,
        year: cycles.year,
        criteriaVersionId: cycles.criteriaVersionId,
      })
      .from(cycleAgencies)
      .innerJoin(cycles, eq(cycles.id, cycleAgencies.cycleId))
      .where(eq(cycleAgencies.agencyId, agencyId))
      .orderBy(desc(cycles.year))
      .limit(1)
  )[0];

/**
 * The cycles of some years, share-locked for the rest of the transaction when asked: a cycle cannot
 * change state (be approved or published) while a check that counts for it is added or removed.
 */
export const cyclesOfYears = (db: Executor, years: readonly number[], lock = false) => {
  const q = db
    .select({
      id: cycles.id,
      year: cycles.year,
      state: cycles.state,
      publishBy: cycles.publishBy,
      monitorFrom: cycles.monitorFrom,
      monitorTo: cycles.monitorTo,
    })
    .from(cycles)
    .where(inArray(cycles.year, [...years]))
    .orderBy(asc(cycles.year));
  return lock ? q.for('share') : q;
};

const view = {
  id: websiteChecks.id,
  agencyId: websiteChecks.agencyId,
  checkedAt: websiteChecks.checkedAt,
  values: websiteChecks.values,
  source: websiteChecks.source,
  note: websiteChecks.note,
  checkedBy: websiteChecks.checkedBy,
  checkedByName: users.displayName,
  createdAt: websiteChecks.createdAt,
};

export type WebsiteCheckListRow = Awaited<ReturnType<typeof listChecks>>[number];

/** The checks of an agency, oldest first, optionally within [from, to). */
export const listChecks = (db: Executor, agencyId: string, window?: { from: Date; to: Date }) =>
  db
    .select(view)
    .from(websiteChecks)
    .leftJoin(users, eq(users.id, websiteChecks.checkedBy))
    .where(
      and(
        eq(websiteChecks.agencyId, agencyId),
        window ? gte(websiteChecks.checkedAt, window.from) : undefined,
        window ? lt(websiteChecks.checkedAt, window.to) : undefined,
      ),
    )
    .orderBy(asc(websiteChecks.checkedAt), asc(websiteChecks.createdAt));

export const findCheck = async (db: Executor, agencyId: string, id: string) =>
  (
    await db
      .select(view)
      .from(websiteChecks)
      .leftJoin(users, eq(users.id, websiteChecks.checkedBy))
      .where(and(eq(websiteChecks.id, id), eq(websiteChecks.agencyId, agencyId)))
      .limit(1)
  )[0];

/**
 * Records a website check: typed by an assessor (manual), or a monitoring snapshot as an assessor
 * confirmed it (crawler, linked to its snapshot). The one writer of the table scoring reads.
 */
export const insertCheck = async (
  db: Executor,
  c: {
    agencyId: string;
    checkedAt: Date;
    values: Record<string, unknown>;
    note: string | null;
    checkedBy: string;
    now: Date;
    snapshotId?: string;
  },
): Promise<WebsiteCheckRow> =>
  (
    await db
      .insert(websiteChecks)
      .values({
        agencyId: c.agencyId,
        checkedAt: c.checkedAt,
        values: c.values,
        source: c.snapshotId ? 'crawler' : 'manual',
        note: c.note,
        checkedBy: c.checkedBy,
        snapshotId: c.snapshotId ?? null,
        createdAt: c.now,
      })
      .returning()
  )[0]!;

export const deleteCheck = (db: Executor, id: string) =>
  db.delete(websiteChecks).where(eq(websiteChecks.id, id)).returning({ id: websiteChecks.id });

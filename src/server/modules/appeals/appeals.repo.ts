/** SQL of the appeals: the appeals of a cycle, their files, the cycle's appeal period, the people to write to. */
import { and, asc, desc, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/open.ts';
import {
  type AppealCorrection,
  type AppealStatus,
  appealFiles,
  appeals,
  cycleAgencies,
  cycles,
  files,
  users,
} from '../../db/schema.ts';

export type AppealRow = typeof appeals.$inferSelect;

export interface AppealListRow extends AppealRow {
  readonly agencyCode: string;
  readonly agencyName: string;
  readonly groupId: string;
  readonly filedByName: string | null;
  readonly answeredByName: string | null;
}

const filer = sql<string | null>`(select display_name from users where users.id = ${appeals.filedBy})`;
const answerer = sql<string | null>`(select display_name from users where users.id = ${appeals.answeredBy})`;

/** The appeals of a cycle (of one agency when given), oldest first, with names. */
export async function listAppeals(
  db: Executor,
  cycleId: string,
  agencyId?: string,
): Promise<AppealListRow[]> {
  const rows = await db
    .select({
      appeal: appeals,
      agencyCode: cycleAgencies.code,
      agencyName: cycleAgencies.name,
      groupId: cycleAgencies.groupId,
      filedByName: filer,
      answeredByName: answerer,
    })
    .from(appeals)
    .innerJoin(
      cycleAgencies,
      and(eq(cycleAgencies.cycleId, appeals.cycleId), eq(cycleAgencies.agencyId, appeals.agencyId)),
    )
    .where(and(eq(appeals.cycleId, cycleId), agencyId ? eq(appeals.agencyId, agencyId) : undefined))
    .orderBy(asc(appeals.filedAt), asc(appeals.id));
  return rows.map((r) => ({
    ...r.appeal,
    agencyCode: r.agencyCode,
    agencyName: r.agencyName,
    groupId: r.groupId,
    filedByName: r.filedByName,
    answeredByName: r.answeredByName,
  }));
}

/** One appeal of the cycle (locked for update when asked), or undefined. */
export const findAppeal = async (db: Executor, cycleId: string, id: string, lock = false) => {
  const q = db
    .select()
    .from(appeals)
    .where(and(eq(appeals.cycleId, cycleId), eq(appeals.id, id)))
    .limit(1);
  return (await (lock ? q.for('update') : q))[0];
};

export const countOpen = async (db: Executor, cycleId: string): Promise<number> =>
  (
    await db
      .select({ n: sql<number>`count(*)::int` })
      .from(appeals)
      .where(and(eq(appeals.cycleId, cycleId), eq(appeals.status, 'open')))
  )[0]!.n;

export const insertAppeal = async (
  db: Executor,
  a: { cycleId: string; agencyId: string; criterionId: string; text: string; userId: string; now: Date },
): Promise<AppealRow> =>
  (
    await db
      .insert(appeals)
      .values({
        cycleId: a.cycleId,
        agencyId: a.agencyId,
        criterionId: a.criterionId,
        text: a.text,
        filedBy: a.userId,
        filedAt: a.now,
      })
      .returning()
  )[0]!;

export const answerAppeal = async (
  db: Executor,
  id: string,
  a: {
    status: Exclude<AppealStatus, 'open'>;
    answer: string;
    userId: string;
    now: Date;
    pointsBefore: number | null;
    pointsAfter: number | null;
    totalBefore: number | null;
    totalAfter: number | null;
    corrections: AppealCorrection[];
  },
): Promise<void> => {
  await db
    .update(appeals)
    .set({
      status: a.status,
      answer: a.answer,
      answeredBy: a.userId,
      answeredAt: a.now,
      pointsBefore: a.pointsBefore,
      pointsAfter: a.pointsAfter,
      totalBefore: a.totalBefore,
      totalAfter: a.totalAfter,
      corrections: a.corrections,
    })
    .where(eq(appeals.id, id));
};

/* ───────── files ───────── */

/** Records an upload (platform/file-records.ts). */
export { insertFile } from '../../platform/file-records.ts';

export const linkFile = async (db: Executor, appealId: string, fileId: string, now: Date) => {
  await db.insert(appealFiles).values({ appealId, fileId, createdAt: now });
};

export interface AppealFileRow {
  readonly appealId: string;
  readonly id: string;
  readonly filename: string;
  readonly mime: string;
  readonly size: number;
  readonly sha256: string;
}

/** The files of some appeals, by appeal, in the order they were attached. */
export async function filesOf(db: Executor, appealIds: readonly string[]): Promise<AppealFileRow[]> {
  if (!appealIds.length) return [];
  return db
    .select({
      appealId: appealFiles.appealId,
      id: files.id,
      filename: files.filename,
      mime: files.mime,
      size: files.size,
      sha256: files.sha256,
    })
    .from(appealFiles)
    .innerJoin(files, eq(files.id, appealFiles.fileId))
    .where(inArray(appealFiles.appealId, [...appealIds]))
    .orderBy(asc(appealFiles.createdAt), asc(appealFiles.id));
}

/* ───────── the cycle's period ───────── */

/** Sets the period's length and holidays, bumping the cycle's version; false when it moved meanwhile. */
export async function setPeriod(
  db: Executor,
  cycleId: string,
  version: number,
  p: { days: number; holidays: string[]; now: Date },
): Promise<boolean> {
  const rows = await db
    .update(cycles)
    .set({ appealDays: p.days, appealHolidays: p.holidays, updatedAt: p.now, version: version + 1 })
    .where(and(eq(cycles.id, cycleId), eq(cycles.version, version)))
    .returning({ id: cycles.id });
  return rows.length > 0;
}

/* ───────── people to write to ───────── */

const emailsOf = async (db: Executor, where: ReturnType<typeof and>) =>
  (
    await db
      .select({ email: users.email })
      .from(users)
      .where(and(where, eq(users.active, true), isNotNull(users.email)))
      .orderBy(asc(users.username))
  )
    .map((r) => r.email!.trim())
    .filter((e) => e.length > 0);

/** The assessors' addresses (an appeal is filed). */
export const assessorEmails = (db: Executor) => emailsOf(db, and(eq(users.role, 'assessor')));

/** The agency's reporters' addresses (its appeal is answered). */
export const reporterEmails = (db: Executor, agencyId: string) =>
  emailsOf(db, and(eq(users.role, 'reporter'), eq(users.agencyId, agencyId)));

/** The answered appeals of an agency with their cycle's year, newest answer first. */
export const answeredFor = async (db: Executor, agencyId: string) =>
  db
    .select({
      id: appeals.id,
      cycleId: appeals.cycleId,
      year: cycles.year,
      criterionId: appeals.criterionId,
      status: appeals.status,
      answeredAt: appeals.answeredAt,
      totalBefore: appeals.totalBefore,
      totalAfter: appeals.totalAfter,
    })
    .from(appeals)
    .innerJoin(cycles, eq(cycles.id, appeals.cycleId))
    .where(and(eq(appeals.agencyId, agencyId), isNotNull(appeals.answeredAt)))
    .orderBy(desc(appeals.answeredAt))
    .limit(50);

/** Appeals filed since, of every agency, newest first (the department's notifications). */
export const filedSince = async (db: Executor, since: Date) =>
  db
    .select({
      id: appeals.id,
      cycleId: appeals.cycleId,
      year: cycles.year,
      agencyName: cycleAgencies.name,
      criterionId: appeals.criterionId,
      text: appeals.text,
      filedAt: appeals.filedAt,
    })
    .from(appeals)
    .innerJoin(cycles, eq(cycles.id, appeals.cycleId))
    .innerJoin(
      cycleAgencies,
      and(eq(cycleAgencies.cycleId, appeals.cycleId), eq(cycleAgencies.agencyId, appeals.agencyId)),
    )
    .where(gte(appeals.filedAt, since))
    .orderBy(desc(appeals.filedAt))
    .limit(50);

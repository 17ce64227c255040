/** SQL of the follow-up (R18): who has submitted, who the reporters are, which reminders went out. */
import { and, asc, count, eq, gt, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../../db/open.ts';
import { cycleAgencies, cycles, queries, remindersSent, submissions, users } from '../../db/schema.ts';
import type { CycleRow } from '../cycles/cycles.repo.ts';

/** The submissions of a cycle (state and times only). */
export const submissionStates = (db: Executor, cycleId: string) =>
  db
    .select({
      id: submissions.id,
      agencyId: submissions.agencyId,
      status: submissions.status,
      updatedAt: submissions.updatedAt,
      submittedAt: submissions.submittedAt,
    })
    .from(submissions)
    .where(eq(submissions.cycleId, cycleId));

/** Queries not yet closed (open, or answered and waiting for the assessor), per submission. */
export async function unclosedQueries(
  db: Executor,
  submissionIds: readonly string[],
): Promise<Map<string, number>> {
  if (!submissionIds.length) return new Map();
  const rows = await db
    .select({ submissionId: queries.submissionId, n: count() })
    .from(queries)
    .where(and(inArray(queries.submissionId, [...submissionIds]), ne(queries.status, 'closed')))
    .groupBy(queries.submissionId);
  return new Map(rows.map((r) => [r.submissionId, Number(r.n)]));
}

/** Active reporters of some agencies, with or without an e-mail address. */
export const reportersOf = (db: Executor, agencyIds: readonly string[]) =>
  agencyIds.length
    ? db
        .select({ agencyId: users.agencyId, name: users.displayName, email: users.email })
        .from(users)
        .where(
          and(eq(users.role, 'reporter'), eq(users.active, true), inArray(users.agencyId, [...agencyIds])),
        )
        .orderBy(asc(users.displayName))
    : Promise.resolve([] as { agencyId: string | null; name: string; email: string | null }[]);

export const remindersOf = (db: Executor, cycleId: string) =>
  db
    .select()
    .from(remindersSent)
    .where(eq(remindersSent.cycleId, cycleId))
    .orderBy(asc(remindersSent.sentAt), asc(remindersSent.daysBefore));

/** Cycles open for reports whose deadline is still ahead. */
export const openCyclesBefore = (db: Executor, now: Date): Promise<CycleRow[]> =>
  db
    .select()
    .from(cycles)
    .where(and(eq(cycles.state, 'open'), gt(cycles.deadline, now)))
    .orderBy(asc(cycles.deadline));

/** The roster agencies of a cycle that have not submitted (no submission, or a draft), by code. */
export async function notSubmitted(db: Executor, cycleId: string) {
  const roster = await db
    .select({
      agencyId: cycleAgencies.agencyId,
      code: cycleAgencies.code,
      name: cycleAgencies.name,
      groupId: cycleAgencies.groupId,
    })
    .from(cycleAgencies)
    .where(eq(cycleAgencies.cycleId, cycleId))
    .orderBy(asc(cycleAgencies.code));
  const done = new Set(
    (
      await db
        .select({ agencyId: submissions.agencyId })
        .from(submissions)
        .where(and(eq(submissions.cycleId, cycleId), eq(submissions.status, 'submitted')))
    ).map((r) => r.agencyId),
  );
  return roster.filter((r) => !done.has(r.agencyId));
}

/**
 * Records a reminder as going out (or, with no recipients, as skipped). Returns true only for the
 * caller whose insert happened: the primary key (cycle, agency, days) makes every server agree.
 */
export async function claimReminder(
  db: Executor,
  row: { cycleId: string; agencyId: string; daysBefore: number; sentAt: Date; recipients: string },
): Promise<boolean> {
  const inserted = await db
    .insert(remindersSent)
    .values(row)
    .onConflictDoNothing({
      target: [remindersSent.cycleId, remindersSent.agencyId, remindersSent.daysBefore],
    })
    .returning({ cycleId: remindersSent.cycleId });
  return inserted.length > 0;
}

/** Whether a reminder was already recorded (sent, or skipped). */
export const reminderRecorded = async (
  db: Executor,
  r: { cycleId: string; agencyId: string; daysBefore: number },
): Promise<boolean> =>
  (
    await db
      .select({ cycleId: remindersSent.cycleId })
      .from(remindersSent)
      .where(
        and(
          eq(remindersSent.cycleId, r.cycleId),
          eq(remindersSent.agencyId, r.agencyId),
          eq(remindersSent.daysBefore, r.daysBefore),
        ),
      )
      .limit(1)
  ).length > 0;

/** SQL of the in-app notifications: the facts each source reads, and the per-user read marks. */
import { aliasedTable, and, desc, eq, gt, gte, inArray, isNull, lte, ne } from 'drizzle-orm';
import type { Executor } from '../../db/open.ts';
import {
  cycleAgencies,
  cycles,
  notificationReads,
  publishedSnapshots,
  queries,
  queryMessages,
  submissions,
  users,
} from '../../db/schema.ts';

const LIMIT = 100;

/** The agency's queries from the department, opened since, with their cycle. */
export const agencyQueries = (db: Executor, agencyId: string, since: Date) =>
  db
    .select({
      id: queries.id,
      subject: queries.subject,
      status: queries.status,
      createdAt: queries.createdAt,
      cycleId: submissions.cycleId,
      year: cycles.year,
    })
    .from(queries)
    .innerJoin(submissions, eq(submissions.id, queries.submissionId))
    .innerJoin(cycles, eq(cycles.id, submissions.cycleId))
    .where(and(eq(submissions.agencyId, agencyId), gte(queries.createdAt, since)))
    .orderBy(desc(queries.createdAt))
    .limit(LIMIT);

/**
 * Messages on queries of one side, since: the department's answers on an agency's queries, or the
 * agency's replies on the queries one assessor opened. The message that opened a query (written
 * with it) is the query itself, not an answer.
 */
export const queryMessagesFor = (
  db: Executor,
  side: { agencyId: string; from: 'department' } | { createdBy: string; from: 'agency' },
  since: Date,
) => {
  const author = aliasedTable(users, 'author');
  return db
    .select({
      id: queryMessages.id,
      createdAt: queryMessages.createdAt,
      subject: queries.subject,
      cycleId: submissions.cycleId,
      agencyId: submissions.agencyId,
      year: cycles.year,
      authorName: author.displayName,
    })
    .from(queryMessages)
    .innerJoin(queries, eq(queries.id, queryMessages.queryId))
    .innerJoin(submissions, eq(submissions.id, queries.submissionId))
    .innerJoin(cycles, eq(cycles.id, submissions.cycleId))
    .innerJoin(author, eq(author.id, queryMessages.authorId))
    .where(
      and(
        gte(queryMessages.createdAt, since),
        gt(queryMessages.createdAt, queries.createdAt),
        side.from === 'department'
          ? and(eq(submissions.agencyId, side.agencyId), ne(author.role, 'reporter'))
          : and(eq(queries.createdBy, side.createdBy), eq(author.role, 'reporter')),
      ),
    )
    .orderBy(desc(queryMessages.createdAt))
    .limit(LIMIT);
};

/** Open cycles of the agency whose deadline falls in [now, until] and whose form is not submitted. */
export const deadlinesDue = (db: Executor, agencyId: string, now: Date, until: Date) =>
  db
    .select({ cycleId: cycles.id, year: cycles.year, deadline: cycles.deadline })
    .from(cycles)
    .innerJoin(cycleAgencies, and(eq(cycleAgencies.cycleId, cycles.id), eq(cycleAgencies.agencyId, agencyId)))
    .leftJoin(
      submissions,
      and(
        eq(submissions.cycleId, cycles.id),
        eq(submissions.agencyId, agencyId),
        eq(submissions.status, 'submitted'),
      ),
    )
    .where(
      and(
        eq(cycles.state, 'open'),
        gte(cycles.deadline, now),
        lte(cycles.deadline, until),
        isNull(submissions.id),
      ),
    );

/** Published revisions since, of the cycles whose roster holds the agency. */
export const publishedFor = (db: Executor, agencyId: string, since: Date) =>
  db
    .select({
      cycleId: publishedSnapshots.cycleId,
      revision: publishedSnapshots.revision,
      publishedAt: publishedSnapshots.publishedAt,
      year: cycles.year,
    })
    .from(publishedSnapshots)
    .innerJoin(cycles, eq(cycles.id, publishedSnapshots.cycleId))
    .innerJoin(
      cycleAgencies,
      and(eq(cycleAgencies.cycleId, publishedSnapshots.cycleId), eq(cycleAgencies.agencyId, agencyId)),
    )
    .where(gte(publishedSnapshots.publishedAt, since))
    .orderBy(desc(publishedSnapshots.publishedAt))
    .limit(LIMIT);

/** Forms submitted since (the department's list of new submissions). */
export const submittedSince = (db: Executor, since: Date) =>
  db
    .select({
      id: submissions.id,
      cycleId: submissions.cycleId,
      agencyId: submissions.agencyId,
      submittedAt: submissions.submittedAt,
      year: cycles.year,
      agencyName: cycleAgencies.name,
    })
    .from(submissions)
    .innerJoin(cycles, eq(cycles.id, submissions.cycleId))
    .innerJoin(
      cycleAgencies,
      and(eq(cycleAgencies.cycleId, submissions.cycleId), eq(cycleAgencies.agencyId, submissions.agencyId)),
    )
    .where(and(eq(submissions.status, 'submitted'), gte(submissions.submittedAt, since)))
    .orderBy(desc(submissions.submittedAt))
    .limit(LIMIT);

/** Which of these keys the user has read. */
export const readKeys = async (db: Executor, userId: string, keys: readonly string[]) =>
  keys.length
    ? new Set(
        (
          await db
            .select({ key: notificationReads.key })
            .from(notificationReads)
            .where(and(eq(notificationReads.userId, userId), inArray(notificationReads.key, [...keys])))
        ).map((r) => r.key),
      )
    : new Set<string>();

/** Marks keys read (a key read twice keeps its first time). */
export const markRead = async (db: Executor, userId: string, keys: readonly string[], now: Date) => {
  if (keys.length)
    await db
      .insert(notificationReads)
      .values(keys.map((key) => ({ userId, key, readAt: now })))
      .onConflictDoNothing();
};

/** SQL of the feedback on the regulation: items with the names they show, topics, files, addresses. */
import { and, asc, desc, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/open.ts';
import {
  agencies,
  criteriaVersions,
  cycles,
  type FeedbackStatus,
  feedbackItems,
  feedbackTopics,
  files,
  users,
} from '../../db/schema.ts';

export type FeedbackRow = typeof feedbackItems.$inferSelect;

export interface FeedbackListRow extends FeedbackRow {
  readonly raiserName: string;
  readonly raiserEmail: string | null;
  /** The agency of the person who raised it (none for the department's or the Committee's people). */
  readonly raiserAgencyId: string | null;
  readonly agencyName: string | null;
  readonly answererName: string | null;
  readonly topicName: string | null;
  readonly versionLabel: string | null;
  readonly nextVersionLabel: string | null;
  readonly file: { id: string; filename: string; mime: string; size: number; sha256: string } | null;
}

const raiser = alias(users, 'raiser');
const answerer = alias(users, 'answerer');
const fromVersion = alias(criteriaVersions, 'from_version');
const nextVersion = alias(criteriaVersions, 'next_version');

const label = (v: { setId: AnyPgColumn; version: AnyPgColumn }) =>
  sql<string | null>`${v.setId} || ' phiên bản ' || ${v.version}`;

/** Items, oldest first, with names: of one raiser, or all; raised or answered since a time when asked. */
export async function listItems(
  db: Executor,
  where: { raisedBy?: string; raisedSince?: Date; answeredSince?: Date; ids?: readonly string[] } = {},
): Promise<FeedbackListRow[]> {
  const rows = await db
    .select({
      item: feedbackItems,
      raiserName: raiser.displayName,
      raiserEmail: raiser.email,
      raiserAgencyId: raiser.agencyId,
      agencyName: agencies.name,
      answererName: answerer.displayName,
      topicName: feedbackTopics.name,
      versionLabel: label(fromVersion),
      nextVersionLabel: label(nextVersion),
      fileName: files.filename,
      fileMime: files.mime,
      fileSize: files.size,
      fileSha: files.sha256,
    })
    .from(feedbackItems)
    .innerJoin(raiser, eq(raiser.id, feedbackItems.raisedBy))
    .leftJoin(agencies, eq(agencies.id, raiser.agencyId))
    .leftJoin(answerer, eq(answerer.id, feedbackItems.answeredBy))
    .leftJoin(feedbackTopics, eq(feedbackTopics.id, feedbackItems.topicId))
    .leftJoin(fromVersion, eq(fromVersion.id, feedbackItems.criteriaVersionId))
    .leftJoin(nextVersion, eq(nextVersion.id, feedbackItems.nextVersionId))
    .leftJoin(files, eq(files.id, feedbackItems.fileId))
    .where(
      and(
        where.raisedBy ? eq(feedbackItems.raisedBy, where.raisedBy) : undefined,
        where.raisedSince ? gte(feedbackItems.raisedAt, where.raisedSince) : undefined,
        where.answeredSince
          ? and(isNotNull(feedbackItems.answeredAt), gte(feedbackItems.answeredAt, where.answeredSince))
          : undefined,
        where.ids ? inArray(feedbackItems.id, [...where.ids]) : undefined,
      ),
    )
    .orderBy(asc(feedbackItems.raisedAt), asc(feedbackItems.id));
  return rows.map((r) => ({
    ...r.item,
    raiserName: r.raiserName,
    raiserEmail: r.raiserEmail,
    raiserAgencyId: r.raiserAgencyId,
    agencyName: r.agencyName,
    answererName: r.answererName,
    topicName: r.topicName,
    versionLabel: r.versionLabel,
    nextVersionLabel: r.nextVersionLabel,
    file:
      r.item.fileId && r.fileName
        ? {
            id: r.item.fileId,
            filename: r.fileName,
            mime: r.fileMime!,
            size: r.fileSize!,
            sha256: r.fileSha!,
          }
        : null,
  }));
}

/** One item (locked for update when asked), or undefined. */
export const findItem = async (db: Executor, id: string, lock = false): Promise<FeedbackRow | undefined> => {
  const q = db.select().from(feedbackItems).where(eq(feedbackItems.id, id)).limit(1);
  return (await (lock ? q.for('update') : q))[0];
};

export const insertItem = async (
  db: Executor,
  values: typeof feedbackItems.$inferInsert,
): Promise<FeedbackRow> => (await db.insert(feedbackItems).values(values).returning())[0]!;

export async function answerItem(
  db: Executor,
  id: string,
  a: {
    status: Exclude<FeedbackStatus, 'new'>;
    answer: string;
    nextVersionId: string | null;
    userId: string;
    now: Date;
    revision: number;
  },
): Promise<void> {
  await db
    .update(feedbackItems)
    .set({
      status: a.status,
      answer: a.answer,
      nextVersionId: a.nextVersionId,
      answeredBy: a.userId,
      answeredAt: a.now,
      revision: a.revision,
    })
    .where(eq(feedbackItems.id, id));
}

export const setTopic = async (db: Executor, id: string, topicId: string | null) => {
  await db.update(feedbackItems).set({ topicId }).where(eq(feedbackItems.id, id));
};

export const setFile = async (db: Executor, id: string, fileId: string) => {
  await db.update(feedbackItems).set({ fileId }).where(eq(feedbackItems.id, id));
};

/** The topic of this name, created when new (names compared as stored: NFC, trimmed). */
export async function topicNamed(db: Executor, name: string, userId: string, now: Date) {
  await db
    .insert(feedbackTopics)
    .values({ name, createdBy: userId, createdAt: now })
    .onConflictDoNothing({ target: feedbackTopics.name });
  return (await db.select().from(feedbackTopics).where(eq(feedbackTopics.name, name)).limit(1))[0]!;
}

/** Every topic with the number of items under it. */
export const topicsWithCounts = (db: Executor) =>
  db
    .select({
      id: feedbackTopics.id,
      name: feedbackTopics.name,
      count: sql<number>`(select count(*)::int from feedback_items where feedback_items.topic_id = feedback_topics.id)`,
    })
    .from(feedbackTopics);

/** The newest cycle's criteria version, else the newest loaded one (what a new item picks a criterion from). */
export async function currentVersionId(db: Executor): Promise<string | null> {
  const [cycle] = await db
    .select({ id: cycles.criteriaVersionId })
    .from(cycles)
    .orderBy(desc(cycles.year))
    .limit(1);
  if (cycle) return cycle.id;
  const [latest] = await db
    .select({ id: criteriaVersions.id })
    .from(criteriaVersions)
    .orderBy(desc(criteriaVersions.loadedAt))
    .limit(1);
  return latest?.id ?? null;
}

/** Every stored criteria version, newest first (an "adopted" answer names one). */
export const versionLabels = (db: Executor) =>
  db
    .select({ id: criteriaVersions.id, label: label(criteriaVersions), loadedAt: criteriaVersions.loadedAt })
    .from(criteriaVersions)
    .orderBy(desc(criteriaVersions.loadedAt));

/** The active department's addresses (administrators and assessors), to hear of a new item. */
export const departmentEmails = async (db: Executor): Promise<string[]> =>
  (
    await db
      .select({ email: users.email })
      .from(users)
      .where(and(inArray(users.role, ['admin', 'assessor']), eq(users.active, true), isNotNull(users.email)))
  ).map((r) => r.email!);

/** SQL of approval, publication and published results. */
import { and, desc, eq, max } from 'drizzle-orm';
import type { Executor } from '../../db/open.ts';
import { criteriaVersions, publishedSnapshots, users } from '../../db/schema.ts';
import type { SnapshotContent } from './results.schema.ts';

export type SnapshotRow = typeof publishedSnapshots.$inferSelect;

/** The identity of a criteria version, as a snapshot records it. */
export const criteriaVersionRef = async (db: Executor, id: string) =>
  (
    await db
      .select({
        id: criteriaVersions.id,
        setId: criteriaVersions.setId,
        version: criteriaVersions.version,
        title: criteriaVersions.title,
        hash: criteriaVersions.hash,
      })
      .from(criteriaVersions)
      .where(eq(criteriaVersions.id, id))
      .limit(1)
  )[0];

export const lastRevisionNumber = async (db: Executor, cycleId: string): Promise<number> =>
  (
    await db
      .select({ n: max(publishedSnapshots.revision) })
      .from(publishedSnapshots)
      .where(eq(publishedSnapshots.cycleId, cycleId))
  )[0]?.n ?? 0;

export const insertSnapshot = async (
  db: Executor,
  row: {
    cycleId: string;
    revision: number;
    reason: string | null;
    criteriaVersionId: string;
    content: SnapshotContent;
    contentHash: string;
    publishedBy: string;
    publishedAt: Date;
    decisionNumber?: string | null;
    decisionDate?: string | null;
    signerName?: string | null;
    signerTitle?: string | null;
  },
): Promise<SnapshotRow> => (await db.insert(publishedSnapshots).values(row).returning())[0]!;

/** A revision with its content (the latest when `revision` is absent). */
export async function snapshotOf(
  db: Executor,
  cycleId: string,
  revision?: number,
): Promise<SnapshotRow | undefined> {
  const rows = await db
    .select()
    .from(publishedSnapshots)
    .where(
      revision === undefined
        ? eq(publishedSnapshots.cycleId, cycleId)
        : and(eq(publishedSnapshots.cycleId, cycleId), eq(publishedSnapshots.revision, revision)),
    )
    .orderBy(desc(publishedSnapshots.revision))
    .limit(1);
  return rows[0];
}

/** Every revision of a cycle, newest first, without the content. */
export const listRevisions = (db: Executor, cycleId: string) =>
  db
    .select({
      revision: publishedSnapshots.revision,
      reason: publishedSnapshots.reason,
      publishedAt: publishedSnapshots.publishedAt,
      publishedBy: publishedSnapshots.publishedBy,
      publishedByName: users.displayName,
      contentHash: publishedSnapshots.contentHash,
      criteriaVersionId: publishedSnapshots.criteriaVersionId,
      decisionNumber: publishedSnapshots.decisionNumber,
      decisionDate: publishedSnapshots.decisionDate,
      signerName: publishedSnapshots.signerName,
      signerTitle: publishedSnapshots.signerTitle,
    })
    .from(publishedSnapshots)
    .leftJoin(users, eq(users.id, publishedSnapshots.publishedBy))
    .where(eq(publishedSnapshots.cycleId, cycleId))
    .orderBy(desc(publishedSnapshots.revision));

/** The display name of a user (who published a revision). */
export const userName = async (db: Executor, id: string | null): Promise<string | null> =>
  id
    ? ((await db.select({ n: users.displayName }).from(users).where(eq(users.id, id)).limit(1))[0]?.n ?? null)
    : null;

/** SQL of the public pages: only published revisions, and the cycles' criteria versions. */
import { count, desc, eq, max, ne } from 'drizzle-orm';
import type { Executor } from '../../db/open.ts';
import { cycles, publishedSnapshots } from '../../db/schema.ts';

/** Every year with at least one published revision, newest year first. */
export const publishedYears = (db: Executor) =>
  db
    .select({
      cycleId: cycles.id,
      year: cycles.year,
      title: cycles.title,
      revisions: count(publishedSnapshots.id),
      lastRevision: max(publishedSnapshots.revision),
      lastPublishedAt: max(publishedSnapshots.publishedAt),
    })
    .from(publishedSnapshots)
    .innerJoin(cycles, eq(cycles.id, publishedSnapshots.cycleId))
    .groupBy(cycles.id, cycles.year, cycles.title)
    .orderBy(desc(cycles.year));

/** The published revisions of a year's cycle, newest first, without their content. */
export const revisionsOfYear = (db: Executor, year: number) =>
  db
    .select({
      cycleId: publishedSnapshots.cycleId,
      revision: publishedSnapshots.revision,
      reason: publishedSnapshots.reason,
      publishedAt: publishedSnapshots.publishedAt,
    })
    .from(publishedSnapshots)
    .innerJoin(cycles, eq(cycles.id, publishedSnapshots.cycleId))
    .where(eq(cycles.year, year))
    .orderBy(desc(publishedSnapshots.revision));

/** The criteria version of the newest published revision of the newest published year. */
export const latestPublishedCriteria = async (db: Executor) =>
  (
    await db
      .select({
        criteriaVersionId: publishedSnapshots.criteriaVersionId,
        year: cycles.year,
        deadline: cycles.deadline,
      })
      .from(publishedSnapshots)
      .innerJoin(cycles, eq(cycles.id, publishedSnapshots.cycleId))
      .orderBy(desc(cycles.year), desc(publishedSnapshots.revision))
      .limit(1)
  )[0];

/** The criteria version of the newest cycle that has left the draft state. */
export const latestCycleCriteria = async (db: Executor) =>
  (
    await db
      .select({ criteriaVersionId: cycles.criteriaVersionId, year: cycles.year, deadline: cycles.deadline })
      .from(cycles)
      .where(ne(cycles.state, 'draft'))
      .orderBy(desc(cycles.year))
      .limit(1)
  )[0];

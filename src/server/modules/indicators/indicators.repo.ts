/**
 * What the indicators read: the latest revision of every published cycle's frozen document
 * (results/snapshot.ts), i.e. the official values the published ranking stands on. A revision
 * never changes once stored, so its parsed content is kept in memory by cycle and revision: the
 * province page reads ten years without reading ten documents again. The server fills this memory
 * when it starts and on every background tick (keep-warm.ts), so a person never waits for it.
 */
import { and, eq, max, or } from 'drizzle-orm';
import type { Executor } from '../../db/open.ts';
import { cycles, publishedSnapshots } from '../../db/schema.ts';
import type { SnapshotContent } from '../results/results.schema.ts';

export interface PublishedDoc {
  readonly cycleId: string;
  readonly year: number;
  readonly revision: number;
  readonly criteriaVersionId: string;
  readonly content: SnapshotContent;
}

const cache = new Map<string, PublishedDoc>();
const CACHE_LIMIT = 64;
/** How many documents this server has read from the database so far (the rest came from memory). */
let documentsRead = 0;
export const publishedDocsRead = (): number => documentsRead;

/** Every published cycle's latest revision, oldest year first. */
export async function publishedDocs(db: Executor): Promise<PublishedDoc[]> {
  const latest = await db
    .select({ cycleId: cycles.id, year: cycles.year, revision: max(publishedSnapshots.revision) })
    .from(cycles)
    .innerJoin(publishedSnapshots, eq(publishedSnapshots.cycleId, cycles.id))
    .where(eq(cycles.state, 'published'))
    .groupBy(cycles.id, cycles.year);
  const key = (cycleId: string, revision: number) => `${cycleId}:${revision}`;
  const missing = latest.filter((r) => r.revision !== null && !cache.has(key(r.cycleId, r.revision)));
  if (missing.length) {
    const rows = await db
      .select({
        cycleId: publishedSnapshots.cycleId,
        revision: publishedSnapshots.revision,
        criteriaVersionId: publishedSnapshots.criteriaVersionId,
        content: publishedSnapshots.content,
      })
      .from(publishedSnapshots)
      // Only the latest revision of each: an earlier revision's document is never read here.
      .where(
        or(
          ...missing.map((m) =>
            and(eq(publishedSnapshots.cycleId, m.cycleId), eq(publishedSnapshots.revision, m.revision!)),
          ),
        ),
      );
    const yearOf = new Map(latest.map((r) => [r.cycleId, r.year]));
    documentsRead += rows.length;
    for (const r of rows) {
      const k = key(r.cycleId, r.revision);
      if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
      cache.set(k, {
        cycleId: r.cycleId,
        year: yearOf.get(r.cycleId)!,
        revision: r.revision,
        criteriaVersionId: r.criteriaVersionId,
        content: r.content as SnapshotContent,
      });
    }
  }
  return latest
    .flatMap((r) => (r.revision === null ? [] : [cache.get(key(r.cycleId, r.revision))!]))
    .filter(Boolean)
    .sort((a, b) => a.year - b.year);
}

/** Empties the memory of parsed documents: the next read is a server's first (benchmark, tests). */
export function forgetPublishedDocs(): void {
  cache.clear();
}

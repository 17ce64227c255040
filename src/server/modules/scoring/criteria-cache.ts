/**
 * Criteria versions compiled for scoring, cached by id: a version never changes once stored
 * (its content hash is its identity), so the cache never needs invalidating.
 */
import { eq } from 'drizzle-orm';
import { type CompiledSet, compileCriteriaSet } from '../../../core/criteria/compile.ts';
import { loadCriteriaSet } from '../../../core/criteria/load.ts';
import type { CriteriaSet } from '../../../core/criteria/schema.ts';
import type { Executor } from '../../db/open.ts';
import { criteriaVersions } from '../../db/schema.ts';

const cache = new Map<string, { set: CriteriaSet; compiled: CompiledSet }>();

/** The compiled set of a stored criteria version. */
export async function criteriaVersion(
  db: Executor,
  versionId: string,
): Promise<{ set: CriteriaSet; compiled: CompiledSet }> {
  const hit = cache.get(versionId);
  if (hit) return hit;
  const [row] = await db
    .select({ content: criteriaVersions.content })
    .from(criteriaVersions)
    .where(eq(criteriaVersions.id, versionId));
  if (!row) throw new Error(`criteria version ${versionId} not found`);
  const loaded = loadCriteriaSet(row.content);
  // Stored versions were validated when loaded; a failure here means the row was tampered with.
  if (!loaded.ok) throw new Error(`criteria version ${versionId} no longer validates`);
  const entry = { set: loaded.set, compiled: compileCriteriaSet(loaded.set) };
  cache.set(versionId, entry);
  return entry;
}

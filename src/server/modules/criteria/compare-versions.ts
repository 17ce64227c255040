/** Everyone signed in compares two criteria versions (R14): what was added, removed or changed. */
import type { AppDeps, Caller } from '../../platform/http.ts';
import type { CompareQuery, Comparison } from './criteria.schema.ts';
import { compareCriteriaSets } from './criteria-diff.ts';
import { storedSet, storedView } from './criteria-views.ts';

export async function compareVersions(
  deps: AppDeps,
  _caller: Caller,
  input: CompareQuery,
): Promise<Comparison> {
  const db = deps.database.db;
  const a = await storedSet(db, input.from, 'from');
  const b = await storedSet(db, input.to, 'to');
  return {
    from: await storedView(db, a.row),
    to: await storedView(db, b.row),
    diff: compareCriteriaSets(a.set, b.set),
  };
}

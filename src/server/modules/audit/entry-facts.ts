/**
 * What the sentences of a page of the history need besides its rows, read once per page: the
 * criteria of each cycle (field labels), the accounts a row is about, the agencies and criteria
 * versions named in a row's values.
 */
import type { CompiledSet } from '../../../core/criteria/compile.ts';
import type { Executor } from '../../db/open.ts';
import { criteriaVersion } from '../scoring/criteria-cache.ts';
import * as repo from './audit.repo.ts';
import type { EntryFacts } from './entry-words.ts';

const valuesOf = (r: repo.EntryRow, key: string): unknown[] =>
  [r.oldValue, r.newValue].map((v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : undefined,
  );
const strings = (list: unknown[]): string[] => [
  ...new Set(list.filter((x): x is string => typeof x === 'string' && x.length > 0)),
];

export async function loadEntryFacts(db: Executor, rows: readonly repo.EntryRow[]): Promise<EntryFacts> {
  const sets = new Map<string, CompiledSet>();
  for (const r of rows)
    if (r.cycleId && r.criteriaVersionId && !sets.has(r.cycleId))
      sets.set(r.cycleId, (await criteriaVersion(db, r.criteriaVersionId)).compiled);
  const accounts = rows.filter((r) => r.entityType === 'user');
  const [users, agencies, versions] = await Promise.all([
    repo.usersByIds(db, strings(accounts.map((r) => r.entityId))),
    repo.agenciesByIds(db, strings(accounts.flatMap((r) => valuesOf(r, 'agencyId')))),
    repo.versionsByIds(
      db,
      strings(
        rows.filter((r) => r.action === 'cycle.update').flatMap((r) => valuesOf(r, 'criteriaVersionId')),
      ),
    ),
  ]);
  return {
    sets,
    users: new Map(users.map((u) => [u.id, u])),
    agencies: new Map(agencies.map((a) => [a.id, a])),
    versions: new Map(versions.map((v) => [v.id, v])),
  };
}

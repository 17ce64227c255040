/**
 * Everyone signed in reads the criteria versions (the scoring method is public): the list, with
 * the cycles bound to each, and one version's full content with a readable outline.
 */
import type { AppDeps, Caller } from '../../platform/http.ts';
import * as repo from './criteria.repo.ts';
import type { VersionList, VersionParams, VersionRead } from './criteria.schema.ts';
import { lineageOf, storedSet, storedView, summarize, versionView } from './criteria-views.ts';

export async function listVersions(deps: AppDeps, _caller: Caller): Promise<VersionList> {
  return { versions: (await repo.listVersions(deps.database.db)).map(versionView) };
}

export async function readVersion(
  deps: AppDeps,
  _caller: Caller,
  input: VersionParams,
): Promise<VersionRead> {
  const db = deps.database.db;
  const { row, set } = await storedSet(db, input.id, 'id');
  return {
    version: await storedView(db, row),
    content: row.content,
    summary: summarize(set),
    lineage: await lineageOf(db, row.content),
  };
}

/**
 * A snapshot with its findings, evidence and stored pages: the assessor confirms from it, the
 * agency's reporter reads its own agency's.
 */
import { gunzipSync } from 'node:zlib';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { canReadMonitoring } from './monitoring.policy.ts';
import * as repo from './monitoring.repo.ts';
import type { PageParams, SnapshotAnswer, SnapshotParams } from './monitoring.schema.ts';
import { loadSnapshot, noSnapshot, snapshotDetail } from './snapshot-context.ts';

export async function readSnapshot(
  deps: AppDeps,
  caller: Caller,
  input: SnapshotParams,
): Promise<SnapshotAnswer> {
  const db = deps.database.db;
  const row = await loadSnapshot(db, input.snapshotId);
  authorize(canReadMonitoring(caller.user, row.agencyId));
  return { snapshot: await snapshotDetail(db, row) };
}

/** The stored copy of a page, as it was fetched (the route serves it sandboxed). */
export async function readPageCopy(
  deps: AppDeps,
  caller: Caller,
  input: PageParams,
): Promise<{ url: string; contentType: string; body: Buffer }> {
  const db = deps.database.db;
  const row = await loadSnapshot(db, input.snapshotId);
  authorize(canReadMonitoring(caller.user, row.agencyId));
  const page = await repo.pageCopy(db, row.id, input.pageId);
  if (!page?.body) throw noSnapshot();
  return {
    url: page.url,
    contentType: page.contentType ?? 'application/octet-stream',
    body: gunzipSync(page.body),
  };
}

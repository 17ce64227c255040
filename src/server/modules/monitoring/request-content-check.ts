/**
 * The department asks for a content check of an agency's portal now (from the agency's page),
 * besides the monthly schedule: it goes through the queue as every check does, so the request
 * answers at once and the snapshot appears when the job has run.
 */
import { notFound } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { enqueue } from '../../platform/jobs.ts';
import { authorize } from '../../platform/policy.ts';
import { CONTENT_JOB } from './job-kinds.ts';
import { canRequestContentCheck } from './monitoring.policy.ts';
import * as repo from './monitoring.repo.ts';
import type { AgencyParams, ContentCheckQueued } from './monitoring.schema.ts';

export async function requestContentCheck(
  deps: AppDeps,
  caller: Caller,
  input: AgencyParams,
): Promise<ContentCheckQueued> {
  const db = deps.database.db;
  if (!(await repo.findAgency(db, input.agencyId))) throw notFound({ vi: 'cơ quan', en: 'agency' });
  const site = await repo.currentSite(db, input.agencyId, 'portal');
  authorize(canRequestContentCheck(caller.user, site !== undefined));
  const now = deps.clock.now();
  const slot = now.toISOString();
  const jobId = await enqueue(db, CONTENT_JOB, { siteId: site!.id, slot, requestedBy: caller.user.id }, now, {
    // The same request twice in one instant (a double click) queues one check.
    dedupeKey: `${CONTENT_JOB}:${site!.id}@asked:${slot}`,
  });
  return { jobId, siteUrl: site!.url };
}

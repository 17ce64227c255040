/** The agency's reporter (or the department) reads the queries the department sent the agency in a cycle. */
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { canReadQueries } from './review.policy.ts';
import * as repo from './review.repo.ts';
import type { AgencyParams, AgencyQueries } from './review.schema.ts';
import { loadCycle, loadEntry } from './review-context.ts';
import { queryViews } from './review-views.ts';

export async function readAgencyQueries(
  deps: AppDeps,
  caller: Caller,
  input: AgencyParams,
): Promise<AgencyQueries> {
  const db = deps.database.db;
  // The rule needs only the agency asked for: a reporter of another agency learns nothing, not even whether the cycle exists.
  authorize(canReadQueries(caller.user, input.agencyId));
  const cycle = await loadCycle(db, input.cycleId);
  await loadEntry(db, cycle, input.agencyId);
  const sub = await repo.submissionOf(db, cycle.id, input.agencyId);
  return { queries: sub ? await queryViews(db, sub.id, input.agencyId) : [] };
}

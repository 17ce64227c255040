/** The department, the approver or the agency's own reporter reads an agency's website checks (R5). */
import { vnMidnight } from '../../../core/calendar/time.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { checkView, loadAgency } from './check-context.ts';
import { canReadWebsiteChecks } from './website-checks.policy.ts';
import * as repo from './website-checks.repo.ts';
import type { AgencyParams, ChecksList, ChecksQuery } from './website-checks.schema.ts';

export async function readWebsiteChecks(
  deps: AppDeps,
  caller: Caller,
  input: AgencyParams & ChecksQuery,
): Promise<ChecksList> {
  const db = deps.database.db;
  // The rule needs only the agency asked for: a reporter of another agency learns nothing, not even whether it exists.
  authorize(canReadWebsiteChecks(caller.user, input.agencyId));
  await loadAgency(db, input.agencyId);
  const window =
    input.year === undefined
      ? undefined
      : { from: new Date(vnMidnight(input.year, 1, 1)), to: new Date(vnMidnight(input.year + 1, 1, 1)) };
  return { checks: (await repo.listChecks(db, input.agencyId, window)).map(checkView) };
}

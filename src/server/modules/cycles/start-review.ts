/** The administrator or an assessor starts the review of a closed cycle (R10). */
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { transitionCycle } from './cycle-states.ts';
import { cycleDetail, lockCycle } from './cycle-views.ts';
import { canMoveCycle } from './cycles.policy.ts';
import type { CycleAnswer, CycleParams } from './cycles.schema.ts';

export async function startReview(deps: AppDeps, caller: Caller, input: CycleParams): Promise<CycleAnswer> {
  const db = deps.database.db;
  const now = deps.clock.now();
  const row = await db.transaction(async (tx) => {
    const before = await lockCycle(tx, input.id);
    authorize(canMoveCycle(caller.user, before, 'under_review', now));
    return transitionCycle(tx, caller, before, 'under_review', now);
  });
  return { cycle: await cycleDetail(db, caller.user, row, deps.clock.now()) };
}

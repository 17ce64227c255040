/** The administrator closes an open cycle, at or after its deadline (R9): reports are taken until then. */
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { transitionCycle } from './cycle-states.ts';
import { cycleDetail, lockCycle } from './cycle-views.ts';
import { canMoveCycle } from './cycles.policy.ts';
import type { CycleAnswer, CycleParams } from './cycles.schema.ts';

export async function closeCycle(deps: AppDeps, caller: Caller, input: CycleParams): Promise<CycleAnswer> {
  const db = deps.database.db;
  const now = deps.clock.now();
  const row = await db.transaction(async (tx) => {
    const before = await lockCycle(tx, input.id);
    authorize(canMoveCycle(caller.user, before, 'closed', now));
    return transitionCycle(tx, caller, before, 'closed', now, { closedAt: now });
  });
  return { cycle: await cycleDetail(db, caller.user, row, deps.clock.now()) };
}

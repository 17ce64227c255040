/**
 * Everyone signed in reads the cycles, newest first, and one cycle with its documents, deadline
 * extensions, roster and the steps open to the reader; viewers and reporters see a cycle only
 * once it has been opened.
 */
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { cycleDetail, cycleSummary, loadCycle } from './cycle-views.ts';
import { canReadCycle, seesDrafts } from './cycles.policy.ts';
import * as repo from './cycles.repo.ts';
import type { CycleAnswer, CycleList, CycleParams } from './cycles.schema.ts';

/** Every signed-in role lists cycles; the policy says whether drafts are among them. */
export async function listCycles(deps: AppDeps, caller: Caller): Promise<CycleList> {
  const rows = await repo.listCycles(deps.database.db, { withDrafts: seesDrafts(caller.user) });
  return { cycles: rows.map((r) => cycleSummary(r.cycle, r.criteria)) };
}

export async function readCycle(deps: AppDeps, caller: Caller, input: CycleParams): Promise<CycleAnswer> {
  const db = deps.database.db;
  const cycle = await loadCycle(db, input.id);
  authorize(canReadCycle(caller.user, cycle));
  return { cycle: await cycleDetail(db, caller.user, cycle, deps.clock.now()) };
}

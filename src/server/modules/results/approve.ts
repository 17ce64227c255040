/**
 * The Steering Committee approves the official result of a cycle under review (R10). The verified
 * data must be complete first (completeness.ts: every agency that submitted on time fully
 * reviewed), so that the approved result can always be recomputed; the refusal names what is missing.
 */
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { criteriaVersion } from '../scoring/criteria-cache.ts';
import { loadRecords } from '../scoring/cycle-data.ts';
import { incompleteAgencies } from './completeness.ts';
import { cycleView, moveCycle, textOf } from './cycle-decision.ts';
import { loadCycle } from './result-document.ts';
import { canApprove } from './results.policy.ts';
import type { ApproveBody, CycleDecision, CycleParams } from './results.schema.ts';

export async function approve(
  deps: AppDeps,
  caller: Caller,
  input: CycleParams & NonNullable<ApproveBody>,
): Promise<CycleDecision> {
  const db = deps.database.db;
  const cycle = await loadCycle(db, input.id);
  const { compiled } = await criteriaVersion(db, cycle.criteriaVersionId);
  const incomplete = incompleteAgencies(compiled, cycle, await loadRecords(db, cycle));
  authorize(canApprove(caller.user, { cycle, incomplete }));
  const note = textOf(input.note);
  const updated = await moveCycle(deps, caller, cycle.id, {
    to: 'approved',
    // The review's completeness as read above; the cycle's state as it is under the lock.
    rule: (now) => canApprove(caller.user, { cycle: now, incomplete }),
    patch: (at) => ({ approvedAt: at, approvedBy: caller.user.id, approvalNote: note }),
    reason: note,
  });
  return { cycle: cycleView(updated) };
}

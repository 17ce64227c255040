/**
 * A correction after publication (R11): the published result is reopened for review, with the
 * reason; the published revision stays visible meanwhile, and publishing again makes revision N+1.
 */
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { cycleView, moveCycle, NOT_APPROVED, requiredReason } from './cycle-decision.ts';
import { loadCycle } from './result-document.ts';
import { canRevise } from './results.policy.ts';
import type { CycleDecision, CycleParams, ReasonBody } from './results.schema.ts';

export async function revise(
  deps: AppDeps,
  caller: Caller,
  input: CycleParams & NonNullable<ReasonBody>,
): Promise<CycleDecision> {
  const cycle = await loadCycle(deps.database.db, input.id);
  authorize(canRevise(caller.user, cycle));
  const reason = requiredReason(input.reason, {
    vi: 'Hãy ghi lý do điều chỉnh kết quả đã công bố (reason)',
    en: 'Give the reason for correcting the published result (reason)',
  });
  const updated = await moveCycle(deps, caller, cycle.id, {
    to: 'under_review',
    rule: (now) => canRevise(caller.user, now),
    patch: () => NOT_APPROVED,
    reason,
  });
  return { cycle: cycleView(updated) };
}

/** The Steering Committee sends an approved result back to the assessors, saying why (R10). */
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { cycleView, moveCycle, NOT_APPROVED, requiredReason } from './cycle-decision.ts';
import { loadCycle } from './result-document.ts';
import { canReturnForReview } from './results.policy.ts';
import type { CycleDecision, CycleParams, ReasonBody } from './results.schema.ts';

export async function returnForReview(
  deps: AppDeps,
  caller: Caller,
  input: CycleParams & NonNullable<ReasonBody>,
): Promise<CycleDecision> {
  const cycle = await loadCycle(deps.database.db, input.id);
  authorize(canReturnForReview(caller.user, cycle));
  const reason = requiredReason(input.reason, {
    vi: 'Hãy ghi lý do trả lại (reason) để bộ phận thẩm định biết cần xem lại gì',
    en: 'Give the reason for returning the result (reason)',
  });
  const updated = await moveCycle(deps, caller, cycle.id, {
    to: 'under_review',
    rule: (now) => canReturnForReview(caller.user, now),
    patch: () => NOT_APPROVED,
    reason,
  });
  return { cycle: cycleView(updated) };
}

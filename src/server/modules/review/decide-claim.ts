/**
 * An assessor confirms or rejects an agency's "not applicable" claim (R4); a rejection says why.
 * The decision changes the official result: written with its audit row under the cycle's share lock.
 */
import { audit } from '../../platform/audit.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { canDecideClaim } from './review.policy.ts';
import * as repo from './review.repo.ts';
import type { ClaimParams, ClaimResult, DecisionBody } from './review.schema.ts';
import { groupOf, loadReview, lockReview } from './review-context.ts';
import { claimView } from './review-views.ts';
import { clean, length } from './review-words.ts';

export async function decideClaim(
  deps: AppDeps,
  caller: Caller,
  input: ClaimParams & DecisionBody,
): Promise<ClaimResult> {
  const db = deps.database.db;
  const ctx = await loadReview(db, input.cycleId, input.agencyId);
  authorize(canDecideClaim(caller.user, ctx.facts));
  const { cycle, entry } = ctx;
  const { criterionId } = input;
  const { group } = await groupOf(db, cycle, entry.groupId);
  const note = input.note ? clean(input.note) || null : null;
  if (input.decision === 'reject' && (!note || length(note) < 5))
    throw invalid('note', {
      vi: `Từ chối đề nghị "không áp dụng" của tiêu chí ${criterionId} phải ghi lý do (ít nhất 5 ký tự)`,
      en: `Rejecting the "not applicable" claim of criterion ${criterionId} needs a reason (at least 5 characters)`,
    });
  const status = input.decision === 'confirm' ? 'confirmed' : 'rejected';
  const now = deps.clock.now();
  const claimId = await db.transaction(async (tx) => {
    const locked = await lockReview(tx, ctx);
    authorize(canDecideClaim(caller.user, locked.facts));
    const claim = await repo.lockClaim(tx, locked.submission!.id, criterionId);
    if (!claim)
      throw notFound({
        vi: `đề nghị "không áp dụng" của tiêu chí ${criterionId}`,
        en: `"not applicable" claim of criterion ${criterionId}`,
      });
    await repo.decideClaim(tx, claim.id, {
      status,
      decidedBy: caller.user.id,
      decidedAt: now,
      decisionNote: note,
    });
    await audit(tx, caller, now, {
      action: status === 'confirmed' ? 'review.na_confirm' : 'review.na_reject',
      entityType: 'na_claim',
      entityId: claim.id,
      cycleId: cycle.id,
      agencyId: entry.agencyId,
      field: criterionId,
      oldValue: { status: claim.status, note: claim.decisionNote },
      newValue: { status, note },
      reason: note,
    });
    return claim.id;
  });
  const sub = (await repo.submissionOf(db, cycle.id, entry.agencyId))!;
  const c = (await repo.claimsOf(db, sub.id)).find((x) => x.id === claimId)!;
  return { claim: claimView(c, group, new Map([[caller.user.id, caller.user.displayName]])) };
}

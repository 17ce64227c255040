/**
 * A reporter claims a criterion "not applicable" with a reason (R4), or takes the claim back. The
 * assessor decides later; a restated reason goes back to the assessor undecided.
 */
import { pick } from '../../../core/format.ts';
import { audit } from '../../platform/audit.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { loadForm, lockDraft } from './form-context.ts';
import { formState } from './form-views.ts';
import { clean, reasonProblem } from './form-words.ts';
import { canEditForm } from './submissions.policy.ts';
import * as repo from './submissions.repo.ts';
import type { FormParams, FormState } from './submissions.schema.ts';

type ClaimInput = FormParams & { criterionId: string };

export async function claimNotApplicable(
  deps: AppDeps,
  caller: Caller,
  input: ClaimInput & { reason: string },
): Promise<FormState> {
  const db = deps.database.db;
  const form = await loadForm(db, input.cycleId, input.agencyId);
  authorize(canEditForm(caller.user, form.facts));
  const criterion = form.group.criteriaById.get(input.criterionId);
  if (!criterion)
    throw invalid('criterionId', {
      vi: `Tiêu chí "${input.criterionId}" không có trong bộ tiêu chí của nhóm ${form.group.def.name.vi}`,
      en: `Criterion "${input.criterionId}" is not in the criteria of group ${pick(form.group.def.name, 'en')}`,
    });
  if (!criterion.naAllowed)
    throw invalid('criterionId', {
      vi: `Tiêu chí ${criterion.id} "${criterion.def.name.vi}" không cho phép khai "không áp dụng"`,
      en: `Criterion ${criterion.id} "${pick(criterion.def.name, 'en')}" does not allow a "not applicable" claim`,
    });
  const reason = clean(input.reason);
  const problem = reasonProblem(reason, {
    vi: `Lý do không áp dụng tiêu chí ${criterion.id}`,
    en: `The reason for not applying criterion ${criterion.id}`,
  });
  if (problem) throw invalid('reason', problem);

  const now = deps.clock.now();
  await db.transaction(async (tx) => {
    const row = (await lockDraft(tx, form, caller.user.id, now, true))!;
    const before = await repo.findClaim(tx, row.id, criterion.id);
    if (before && before.reason === reason && before.status === 'claimed') return;
    const claim = await repo.upsertClaim(tx, {
      submissionId: row.id,
      criterionId: criterion.id,
      reason,
      userId: caller.user.id,
      now,
    });
    await repo.touch(tx, row.id, now, caller.user.id);
    await audit(tx, caller, now, {
      action: before ? 'submission.claim_update' : 'submission.claim',
      entityType: 'na_claim',
      entityId: claim.id,
      cycleId: input.cycleId,
      agencyId: input.agencyId,
      field: criterion.id,
      oldValue: before
        ? { reason: before.reason, status: before.status, decisionNote: before.decisionNote }
        : null,
      newValue: { reason, status: 'claimed' },
    });
  });
  return formState(db, caller.user, await loadForm(db, input.cycleId, input.agencyId), now);
}

export async function withdrawClaim(deps: AppDeps, caller: Caller, input: ClaimInput): Promise<FormState> {
  const db = deps.database.db;
  const form = await loadForm(db, input.cycleId, input.agencyId);
  authorize(canEditForm(caller.user, form.facts));
  const now = deps.clock.now();
  await db.transaction(async (tx) => {
    const row = await lockDraft(tx, form, caller.user.id, now, false);
    const claim = row ? await repo.findClaim(tx, row.id, input.criterionId) : undefined;
    if (!row || !claim)
      throw notFound({
        vi: `khai "không áp dụng" của tiêu chí ${input.criterionId}`,
        en: `"not applicable" claim for criterion ${input.criterionId}`,
      });
    await repo.deleteClaim(tx, claim.id);
    await repo.touch(tx, row.id, now, caller.user.id);
    await audit(tx, caller, now, {
      action: 'submission.claim_withdraw',
      entityType: 'na_claim',
      entityId: claim.id,
      cycleId: input.cycleId,
      agencyId: input.agencyId,
      field: input.criterionId,
      oldValue: { reason: claim.reason, status: claim.status },
      newValue: null,
    });
  });
  return formState(db, caller.user, await loadForm(db, input.cycleId, input.agencyId), now);
}

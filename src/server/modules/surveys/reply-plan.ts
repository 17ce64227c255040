/**
 * The agency's reporter confirms the planned date, or asks for another with a reason; the
 * assessor who planned it is told by the bell and by mail. Audited.
 */
import { isValidDate } from '../../../core/calendar/time.ts';
import { audit } from '../../platform/audit.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { loadCycle } from '../review/review-context.ts';
import { vnDate } from '../review/review-words.ts';
import { planViews } from './plan-views.ts';
import { mailReplied } from './survey-mails.ts';
import { canReplyToPlan } from './surveys.policy.ts';
import * as repo from './surveys.repo.ts';
import type { PlanParams, PlanView, ReplyBody } from './surveys.schema.ts';

export async function replyToPlan(
  deps: AppDeps,
  caller: Caller,
  input: PlanParams & ReplyBody,
): Promise<PlanView> {
  const db = deps.database.db;
  const cycle = await loadCycle(db, input.cycleId);
  const plan = await repo.findPlan(db, cycle.id, input.planId);
  // Another agency's plan is as unknown to a reporter as a missing one.
  if (!plan || (caller.user.role === 'reporter' && caller.user.agencyId !== plan.agencyId))
    throw notFound({ vi: 'kế hoạch khảo sát', en: 'survey plan' });
  authorize(canReplyToPlan(caller.user, plan));
  const now = deps.clock.now();
  let reason: string | null = null;
  let proposedDate: string | null = null;
  if (!input.accept) {
    if (!isValidDate(input.proposedDate))
      throw invalid('proposedDate', {
        vi: 'Ngày đề nghị phải là ngày có thật',
        en: 'The proposed date must be a real date',
      });
    if (input.proposedDate < vnDate(now))
      throw invalid('proposedDate', {
        vi: 'Ngày đề nghị phải từ hôm nay trở đi',
        en: 'The proposed date must be today or later',
      });
    reason = input.reason.normalize('NFC').trim();
    if ([...reason].length < 5)
      throw invalid('reason', {
        vi: 'Hãy nêu lý do đề nghị đổi ngày (ít nhất 5 ký tự)',
        en: 'Give the reason for another date (at least 5 characters)',
      });
    proposedDate = input.proposedDate;
  }
  const [listed] = await repo.listPlans(db, { ids: [plan.id] });
  await db.transaction(async (tx) => {
    const current = (await repo.findPlan(tx, cycle.id, plan.id, true))!;
    authorize(canReplyToPlan(caller.user, current));
    const status = input.accept ? 'confirmed' : 'reschedule';
    await repo.updatePlan(tx, plan.id, {
      status,
      replyNote: reason,
      proposedDate,
      repliedBy: caller.user.id,
      repliedAt: now,
      updatedAt: now,
    });
    await audit(tx, caller, now, {
      action: input.accept ? 'survey_plan.confirm' : 'survey_plan.reschedule',
      entityType: 'survey_plan',
      entityId: plan.id,
      cycleId: cycle.id,
      agencyId: plan.agencyId,
      oldValue: { status: current.status },
      newValue: { status, visitDate: current.visitDate, proposedDate, reason },
    });
    await mailReplied(tx, deps, {
      to: await repo.emailOf(tx, current.createdBy),
      year: cycle.year,
      agencyName: listed!.agencyName,
      visitDate: current.visitDate,
      accepted: input.accept,
      proposedDate,
      reason,
      now,
    });
  });
  const [view] = await planViews(
    db,
    cycle,
    await repo.listPlans(db, { ids: [plan.id] }),
    vnDate(deps.clock.now()),
  );
  return view!;
}

/**
 * The department answers an appeal: rejected with a reason, or upheld with corrections of the
 * criterion's fields. An upheld appeal's corrections are the review's own (review/correct-value.ts:
 * the same checks, the same review_values rows, the same `review.correction` audit rows), written
 * in one transaction with the answer, and the agency's criterion and total before and after are
 * kept on the appeal.
 *
 * Why the cycle stays approved: the approval is of the whole review; an appeal is the step the
 * approval opens, and the approver still has to publish. So an upheld answer may change only the
 * fields of the contested criterion, only while the cycle is approved and not published, and the
 * approval page lists every appeal with its effect before the approver publishes (or returns the
 * result for review, which clears the approval as before). Ordinary corrections after approval
 * stay refused (review.policy.ts).
 */
import type { AppealCorrection } from '../../db/schema.ts';
import { audit } from '../../platform/audit.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { type PreparedCorrection, prepareCorrection, writeCorrection } from '../review/correct-value.ts';
import { groupOf, loadReview, lockReview } from '../review/review-context.ts';
import { appealView, criterionFields, loadCycle, officialPoints } from './appeal-context.ts';
import { mailAnswered } from './appeal-mails.ts';
import { canAnswerAppeal } from './appeals.policy.ts';
import * as repo from './appeals.repo.ts';
import type { AnswerBody, AppealParams, AppealView } from './appeals.schema.ts';

export async function answerAppeal(
  deps: AppDeps,
  caller: Caller,
  input: AppealParams & AnswerBody,
): Promise<AppealView> {
  const db = deps.database.db;
  const cycle = await loadCycle(db, input.cycleId);
  const appeal = await repo.findAppeal(db, cycle.id, input.appealId);
  if (!appeal) throw notFound({ vi: 'kiến nghị', en: 'appeal' });
  authorize(canAnswerAppeal(caller.user, appeal, cycle));
  const answer = input.answer.normalize('NFC').trim();
  if ([...answer].length < 5)
    throw invalid('answer', {
      vi: 'Hãy ghi nội dung trả lời (ít nhất 5 ký tự): vì sao chấp nhận hoặc không chấp nhận kiến nghị',
      en: 'Write the answer (at least 5 characters): why the appeal is upheld or rejected',
    });
  const upheld = input.decision === 'upheld';
  const asked = upheld ? (input.corrections ?? []) : [];
  if (upheld && asked.length === 0)
    throw invalid('corrections', {
      vi: 'Chấp nhận kiến nghị cần ít nhất một điều chỉnh số liệu của tiêu chí (nếu không sửa gì, hãy chọn "không chấp nhận" và ghi lý do)',
      en: 'Upholding an appeal needs at least one correction of the criterion’s fields',
    });
  if (!upheld && input.corrections?.length)
    throw invalid('corrections', {
      vi: 'Không chấp nhận kiến nghị thì không điều chỉnh số liệu',
      en: 'A rejected appeal corrects nothing',
    });
  const ctx = await loadReview(db, cycle.id, appeal.agencyId);
  const { group, set } = await groupOf(db, cycle, ctx.entry.groupId);
  const allowed = new Set(criterionFields(group, appeal.criterionId, set.derived).map((f) => f.key));
  const prepared: PreparedCorrection[] = [];
  for (const c of asked) {
    if (!allowed.has(c.fieldKey))
      throw invalid('corrections', {
        vi: `Trường "${group.fieldsByKey.get(c.fieldKey)?.label.vi ?? c.fieldKey}" không thuộc tiêu chí ${appeal.criterionId} được kiến nghị`,
        en: `Field "${c.fieldKey}" is not one of criterion ${appeal.criterionId}`,
      });
    prepared.push(
      await prepareCorrection(db, ctx, group, { fieldKey: c.fieldKey, value: c.value, reason: answer }),
    );
  }

  const now = deps.clock.now();
  const criterion = group.criteriaById.get(appeal.criterionId);
  await db.transaction(async (tx) => {
    const locked = await lockReview(tx, ctx, { lockSubmission: true });
    const current = (await repo.findAppeal(tx, cycle.id, appeal.id, true))!;
    authorize(canAnswerAppeal(caller.user, current, locked.facts.cycle));
    const before = await officialPoints(tx, cycle, appeal.agencyId, appeal.criterionId);
    const corrections: AppealCorrection[] = [];
    for (const p of prepared) {
      const { oldValue, newValue } = await writeCorrection(tx, caller, ctx, locked.submission!, p, now);
      corrections.push({ fieldKey: p.fieldKey, oldValue, newValue });
    }
    const after = upheld ? await officialPoints(tx, cycle, appeal.agencyId, appeal.criterionId) : before;
    await repo.answerAppeal(tx, appeal.id, {
      status: upheld ? 'upheld' : 'rejected',
      answer,
      userId: caller.user.id,
      now,
      pointsBefore: before.points,
      pointsAfter: after.points,
      totalBefore: before.total,
      totalAfter: after.total,
      corrections,
    });
    await audit(tx, caller, now, {
      action: upheld ? 'appeal.uphold' : 'appeal.reject',
      entityType: 'appeal',
      entityId: appeal.id,
      cycleId: cycle.id,
      agencyId: appeal.agencyId,
      field: appeal.criterionId,
      oldValue: { points: before.points, total: before.total },
      newValue: { points: after.points, total: after.total, corrections: corrections.length },
      reason: answer,
    });
    await mailAnswered(tx, deps, {
      to: await repo.reporterEmails(tx, appeal.agencyId),
      year: cycle.year,
      cycleId: cycle.id,
      agencyId: appeal.agencyId,
      agencyName: ctx.entry.name,
      criterion: criterion
        ? `tiêu chí ${criterion.id} "${criterion.def.name.vi}"`
        : `tiêu chí ${appeal.criterionId}`,
      upheld,
      answer,
      totalBefore: before.total,
      totalAfter: after.total,
      now,
    });
  });
  const [row] = (await repo.listAppeals(db, cycle.id, appeal.agencyId)).filter((a) => a.id === appeal.id);
  return appealView(row!, group, set.derived, await repo.filesOf(db, [appeal.id]), true);
}

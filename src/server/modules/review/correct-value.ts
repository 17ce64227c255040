/**
 * An assessor corrects an agency's value with a reason (R16), or sets a reviewer mark such as the
 * data-quality points (R17); value null withdraws a correction, putting the agency's own value
 * back (with a reason). The new value, its place in the field's history and its audit row are
 * written under the cycle's share lock and the submission's lock. An upheld appeal (appeals module)
 * writes its corrections through `prepareCorrection` and `writeCorrection`, so they are the same rows.
 */
import type { CompiledGroup } from '../../../core/criteria/compile.ts';
import { pick } from '../../../core/format.ts';
import { walkFormula } from '../../../core/formula/registry.ts';
import { checkValue, fieldName } from '../../../core/input/values.ts';
import type { Values } from '../../../core/types.ts';
import type { Executor } from '../../db/open.ts';
import { audit } from '../../platform/audit.ts';
import { invalid } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { loadRecords } from '../scoring/cycle-data.ts';
import { displayValue, sameValue } from './compare.ts';
import { canCorrectValue } from './review.policy.ts';
import * as repo from './review.repo.ts';
import type { CorrectionBody, CorrectionResult, ValueParams } from './review.schema.ts';
import { groupOf, loadReview, lockReview, type ReviewContext, type SubmissionRow } from './review-context.ts';
import { fieldValues } from './review-views.ts';
import { clean, length } from './review-words.ts';

/** The largest value a reviewer field can earn, from the criteria that read it (the core clamps above it). */
function reviewerMax(group: CompiledGroup, key: string): { max: number; criterionId: string } | null {
  let found: { max: number; criterionId: string } | null = null;
  for (const k of group.criteria)
    walkFormula(k.def.formula, '', (f) => {
      if (f.op === 'reviewer' && f.field === key && (!found || f.points < found.max))
        found = { max: f.points, criterionId: k.id };
    });
  return found;
}

export async function correctValue(
  deps: AppDeps,
  caller: Caller,
  input: ValueParams & CorrectionBody,
): Promise<CorrectionResult> {
  const db = deps.database.db;
  const ctx = await loadReview(db, input.cycleId, input.agencyId);
  authorize(canCorrectValue(caller.user, ctx.facts));
  const { group } = await groupOf(db, ctx.cycle, ctx.entry.groupId);
  const prepared = await prepareCorrection(db, ctx, group, input);
  const now = deps.clock.now();
  await db.transaction(async (tx) => {
    const locked = await lockReview(tx, ctx, { lockSubmission: true });
    authorize(canCorrectValue(caller.user, locked.facts));
    await writeCorrection(tx, caller, ctx, locked.submission!, prepared, now);
  });
  const [r] = await loadRecords(db, ctx.cycle, [ctx.entry.agencyId]);
  return { value: (await fieldValues(db, group, r!, input.fieldKey))[0]! };
}

/** A correction checked against the field and the criteria, ready to write. */
export interface PreparedCorrection {
  readonly fieldKey: string;
  readonly kind: 'correction' | 'reviewer';
  readonly clearing: boolean;
  readonly value: unknown;
  readonly reason: string | null;
  readonly surveyId: string | null;
  readonly label: string;
  readonly labelEn: string;
}

/**
 * Checks a correction of one field before any write (also for an upheld appeal): the field is on
 * the group's form and not the website checks', the reason is there, the value fits the field.
 */
export async function prepareCorrection(
  db: Executor,
  ctx: ReviewContext,
  group: CompiledGroup,
  input: Pick<CorrectionBody, 'value' | 'reason' | 'surveyId'> & { fieldKey: string },
): Promise<PreparedCorrection> {
  const { fieldKey } = input;
  const field = group.fieldsByKey.get(fieldKey);
  if (!field)
    throw invalid('fieldKey', {
      vi: `Trường số liệu "${fieldKey}" không có trên phiếu của nhóm ${pick(group.def.name, 'vi')}`,
      en: `Field "${fieldKey}" is not on the form of group ${pick(group.def.name, 'en')}`,
    });
  const label = fieldName(field, 'vi');
  const labelEn = fieldName(field, 'en');
  if (field.source === 'monitoring')
    throw invalid('fieldKey', {
      vi: `"${label}" lấy từ kết quả kiểm tra trang TTĐT của Sở TT&TT, không điều chỉnh ở đây: hãy ghi hoặc xóa kết quả kiểm tra trang TTĐT của cơ quan`,
      en: `"${labelEn}" comes from the department's website checks and is not corrected here: record or remove a website check instead`,
    });
  const reason = input.reason ? clean(input.reason) || null : null;
  const clearing = input.value === null;
  if ((field.source === 'agency' || clearing) && (!reason || length(reason) < 5))
    throw invalid('reason', {
      vi: `${clearing ? 'Hủy điều chỉnh' : 'Điều chỉnh'} "${label}" phải ghi lý do (ít nhất 5 ký tự)`,
      en: `${clearing ? 'Withdrawing the correction of' : 'Correcting'} "${labelEn}" needs a reason (at least 5 characters)`,
    });
  let value: unknown = input.value;
  if (!clearing) {
    if (typeof value === 'string') value = value.normalize('NFC');
    const problem = checkValue(field, value);
    if (problem)
      throw invalid('value', {
        vi: `"${label}" ${problem.vi}`,
        en: `"${labelEn}" ${problem.en ?? problem.vi}`,
      });
    const cap = field.source === 'reviewer' ? reviewerMax(group, field.key) : null;
    if (cap && typeof value === 'number' && value > cap.max)
      throw invalid('value', {
        vi: `"${label}" không được lớn hơn ${displayValue(field, cap.max, 'vi')} (điểm tối đa của tiêu chí ${cap.criterionId})`,
        en: `"${labelEn}" must be at most ${displayValue(field, cap.max, 'en')} (the maximum of criterion ${cap.criterionId})`,
      });
  }
  const surveyId = input.surveyId ?? null;
  if (surveyId && !(await repo.findSurvey(db, ctx.submission!.id, surveyId)))
    throw invalid('surveyId', {
      vi: 'Biên bản khảo sát không thuộc phiếu của cơ quan này',
      en: "The survey is not one of this agency's submission",
    });
  const kind = field.source === 'reviewer' ? 'reviewer' : 'correction';
  return { fieldKey, kind, clearing, value, reason, surveyId, label, labelEn };
}

/**
 * Writes a prepared correction on the locked submission `sub` in `tx`: the field's new latest
 * value, its place in the field's history and its audit row. Returns the value before and after.
 * The caller has asked its rule again under the cycle's share lock.
 */
export async function writeCorrection(
  tx: Executor,
  caller: Caller,
  ctx: ReviewContext,
  sub: SubmissionRow,
  c: PreparedCorrection,
  now: Date,
): Promise<{ oldValue: unknown; newValue: unknown }> {
  const { fieldKey, label, labelEn, clearing, kind, reason } = c;
  const agencyValue = (sub.values as Values)[fieldKey] ?? null;
  const latest = await repo.latestReviewValue(tx, sub.id, fieldKey);
  const current = latest ? (latest.newValue ?? null) : agencyValue;
  // Withdrawing a correction puts the agency's own value back as the latest value of the field.
  const next = clearing ? agencyValue : c.value;
  if (clearing && (!latest || sameValue(current, agencyValue)))
    throw invalid('value', {
      vi: `"${label}" chưa được Sở TT&TT điều chỉnh: không có gì để hủy`,
      en: `"${labelEn}" has no correction to withdraw`,
    });
  if (!clearing && sameValue(next, current))
    throw invalid('value', {
      vi: `"${label}" đang có đúng giá trị này: không có gì thay đổi`,
      en: `"${labelEn}" already has this value: nothing changes`,
    });
  // The latest row of a field counts (by time): keep each field's history strictly ordered,
  // also when two servers' clocks disagree a little.
  const at =
    latest && latest.createdAt.getTime() >= now.getTime() ? new Date(latest.createdAt.getTime() + 1) : now;
  await repo.insertReviewValue(tx, {
    submissionId: sub.id,
    fieldKey,
    kind,
    oldValue: current,
    newValue: next,
    reason,
    surveyId: c.surveyId,
    createdBy: caller.user.id,
    now: at,
  });
  await audit(tx, caller, now, {
    action: clearing
      ? 'review.correction_clear'
      : kind === 'reviewer'
        ? 'review.reviewer_mark'
        : 'review.correction',
    entityType: 'submission',
    entityId: sub.id,
    cycleId: ctx.cycle.id,
    agencyId: ctx.entry.agencyId,
    field: fieldKey,
    oldValue: current,
    newValue: next,
    reason,
  });
  return { oldValue: current, newValue: next };
}

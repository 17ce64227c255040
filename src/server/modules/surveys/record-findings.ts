/**
 * On or after the visit, the department records the findings against each planned claim —
 * confirmed, or differs with the value observed — and they become the survey record of the
 * agency's submission (field_surveys: date, team, findings in words), to which the signed minutes
 * are attached as evidence and which the audited correction of a differing value cites
 * (PUT …/values/:field with surveyId).
 */
import type { Field } from '../../../core/criteria/schema.ts';
import { pick } from '../../../core/format.ts';
import { audit } from '../../platform/audit.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { displayValue } from '../review/compare.ts';
import * as reviewRepo from '../review/review.repo.ts';
import { groupOf, loadReview, lockReview } from '../review/review-context.ts';
import { vnDate } from '../review/review-words.ts';
import { planViews } from './plan-views.ts';
import { canRecordFindings } from './surveys.policy.ts';
import * as repo from './surveys.repo.ts';
import type { FindingsBody, FindingsResult, PlanParams } from './surveys.schema.ts';

/** An observed value of the field's type, or the words that say why not. */
function observedOf(field: Field, v: unknown): { value: unknown } | { problem: string } {
  const label = pick(field.shortLabel ?? field.label, 'vi');
  if (v === undefined || v === null || v === '') return { problem: `Hãy ghi giá trị thực tế của "${label}"` };
  switch (field.type) {
    case 'integer':
    case 'decimal':
      if (typeof v !== 'number' || !Number.isFinite(v) || (field.type === 'integer' && !Number.isInteger(v)))
        return {
          problem: `Giá trị thực tế của "${label}" phải là ${field.type === 'integer' ? 'số nguyên' : 'số'}`,
        };
      if ((field.min !== undefined && v < field.min) || (field.max !== undefined && v > field.max))
        return { problem: `Giá trị thực tế của "${label}" nằm ngoài giới hạn của trường` };
      return { value: v };
    case 'boolean':
      return typeof v === 'boolean' ? { value: v } : { problem: `"${label}": chọn có hoặc không` };
    case 'enum':
      return typeof v === 'string' && field.options?.some((o) => o.value === v)
        ? { value: v }
        : { problem: `"${label}": chọn một giá trị trong danh sách` };
    default:
      return typeof v === 'string'
        ? { value: v.normalize('NFC').trim() }
        : { problem: `"${label}" phải là chữ` };
  }
}

export async function recordFindings(
  deps: AppDeps,
  caller: Caller,
  input: PlanParams & FindingsBody,
): Promise<FindingsResult> {
  const db = deps.database.db;
  const found = await repo.findPlan(db, input.cycleId, input.planId);
  if (!found) throw notFound({ vi: 'kế hoạch khảo sát', en: 'survey plan' });
  const ctx = await loadReview(db, input.cycleId, found.agencyId);
  const now = deps.clock.now();
  const today = vnDate(now);
  authorize(canRecordFindings(caller.user, ctx.facts, found, today));
  const { group } = await groupOf(db, ctx.cycle, ctx.entry.groupId);
  const planned = await repo.claimsOf(db, [found.id]);
  const given = new Map(input.claims.map((c) => [c.fieldKey, c]));
  const missing = planned.filter((c) => !given.has(c.fieldKey));
  if (missing.length || given.size !== planned.length)
    throw invalid('claims', {
      vi: 'Hãy ghi kết quả cho đúng từng số liệu trong kế hoạch (khớp hoặc khác, kèm giá trị thực tế)',
      en: 'Record a finding for exactly each planned figure (confirmed, or differs with the observed value)',
    });
  const lines: string[] = [];
  const outcomes = planned.map((c) => {
    const f = given.get(c.fieldKey)!;
    const field = group.fieldsByKey.get(c.fieldKey)!;
    const label = pick(field.shortLabel ?? field.label, 'vi');
    if (f.outcome === 'confirmed') {
      lines.push(`- ${label}: khớp với số liệu cơ quan kê khai.`);
      return { fieldKey: c.fieldKey, outcome: f.outcome, observed: null as unknown };
    }
    const got = observedOf(field, f.observed);
    if ('problem' in got) throw invalid('claims', { vi: got.problem });
    lines.push(`- ${label}: khác, thực tế ${displayValue(field, got.value, 'vi')}.`);
    return { fieldKey: c.fieldKey, outcome: f.outcome, observed: got.value };
  });
  const note = input.note?.normalize('NFC').trim() ?? '';
  const findings = [`Kết quả xác minh theo kế hoạch khảo sát:`, ...lines, ...(note ? ['', note] : [])].join(
    '\n',
  );

  const surveyId = await db.transaction(async (tx) => {
    const locked = await lockReview(tx, ctx);
    const plan = (await repo.findPlan(tx, input.cycleId, input.planId, true))!;
    authorize(canRecordFindings(caller.user, locked.facts, plan, today));
    const survey = await reviewRepo.insertSurvey(tx, {
      submissionId: locked.submission!.id,
      surveyDate: plan.visitDate,
      team: plan.team,
      findings,
      createdBy: caller.user.id,
      now,
    });
    for (const o of outcomes) await repo.setOutcome(tx, plan.id, o.fieldKey, o.outcome, o.observed);
    await repo.updatePlan(tx, plan.id, { status: 'done', surveyId: survey.id, updatedAt: now });
    await audit(tx, caller, now, [
      {
        action: 'review.survey_create',
        entityType: 'field_survey',
        entityId: survey.id,
        cycleId: ctx.cycle.id,
        agencyId: plan.agencyId,
        newValue: { surveyDate: plan.visitDate, team: plan.team, findings, planId: plan.id },
      },
      {
        action: 'survey_plan.findings',
        entityType: 'survey_plan',
        entityId: plan.id,
        cycleId: ctx.cycle.id,
        agencyId: plan.agencyId,
        field: outcomes.map((o) => o.fieldKey).join(','),
        newValue: { surveyId: survey.id, outcomes },
      },
    ]);
    return survey.id;
  });
  const [plan] = await planViews(
    db,
    ctx.cycle,
    await repo.listPlans(db, { ids: [found.id] }),
    vnDate(deps.clock.now()),
  );
  return { plan: plan!, surveyId };
}

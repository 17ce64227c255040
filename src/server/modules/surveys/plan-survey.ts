/**
 * The department plans a visit to an agency (date, team, purpose, the claims to verify with why),
 * or moves its date (after the agency asked for another); the agency's reporters are told by the
 * bell and by mail and confirm. Audited.
 */
import { isValidDate } from '../../../core/calendar/time.ts';
import { formatDate, pick } from '../../../core/format.ts';
import { audit } from '../../platform/audit.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { reporterAddresses } from '../cycles/cycles.repo.ts';
import { groupOf, loadReview, lockReview } from '../review/review-context.ts';
import { vnDate } from '../review/review-words.ts';
import { planViews } from './plan-views.ts';
import { mailPlanned } from './survey-mails.ts';
import { canPlanSurvey } from './surveys.policy.ts';
import * as repo from './surveys.repo.ts';
import type { AgencyParams, PlanBody, PlanParams, PlanView } from './surveys.schema.ts';

const clean = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ');

function checkDate(date: string, today: string, field: string) {
  if (!isValidDate(date))
    throw invalid(field, {
      vi: 'Ngày khảo sát phải là ngày có thật dạng YYYY-MM-DD',
      en: 'The visit date must be a real date as YYYY-MM-DD',
    });
  if (date < today)
    throw invalid(field, {
      vi: `Ngày khảo sát ${formatDate(date)} đã qua: kế hoạch là cho một ngày từ hôm nay trở đi (khảo sát đã làm thì ghi biên bản)`,
      en: `The visit date ${formatDate(date)} has passed: plan a day from today on (record a survey already made instead)`,
    });
}

export async function planSurvey(
  deps: AppDeps,
  caller: Caller,
  input: AgencyParams & PlanBody,
): Promise<PlanView> {
  const db = deps.database.db;
  const ctx = await loadReview(db, input.cycleId, input.agencyId);
  authorize(canPlanSurvey(caller.user, ctx.facts));
  const now = deps.clock.now();
  checkDate(input.visitDate, vnDate(now), 'visitDate');
  const team = clean(input.team);
  const purpose = clean(input.purpose);
  if (!team) throw invalid('team', { vi: 'Hãy ghi thành phần đoàn khảo sát', en: 'Name the survey team' });
  if ([...purpose].length < 5)
    throw invalid('purpose', {
      vi: 'Hãy ghi mục đích buổi khảo sát (ít nhất 5 ký tự)',
      en: 'State the purpose of the visit (at least 5 characters)',
    });
  if (!input.claims.length)
    throw invalid('claims', {
      vi: 'Hãy chọn ít nhất một số liệu cần xác minh',
      en: 'Choose at least one figure to verify',
    });
  const { group } = await groupOf(db, ctx.cycle, ctx.entry.groupId);
  const seen = new Set<string>();
  const claims = input.claims.map((c) => {
    const field = group.fieldsByKey.get(c.fieldKey);
    if (field?.source !== 'agency')
      throw invalid('claims', {
        vi: `"${c.fieldKey}" không phải số liệu cơ quan kê khai trên phiếu`,
        en: `"${c.fieldKey}" is not a figure the agency reports on its form`,
      });
    if (seen.has(c.fieldKey))
      throw invalid('claims', {
        vi: `Số liệu "${pick(field.label, 'vi')}" được chọn hai lần`,
        en: 'A figure is chosen twice',
      });
    seen.add(c.fieldKey);
    const why = clean(c.why);
    if (!why)
      throw invalid('claims', {
        vi: `Hãy ghi vì sao cần xác minh "${pick(field.shortLabel ?? field.label, 'vi')}"`,
        en: `Say why "${pick(field.shortLabel ?? field.label, 'en')}" is verified`,
      });
    return { fieldKey: c.fieldKey, why, label: pick(field.shortLabel ?? field.label, 'vi') };
  });

  const plan = await db.transaction(async (tx) => {
    const locked = await lockReview(tx, ctx);
    authorize(canPlanSurvey(caller.user, locked.facts));
    const row = await repo.insertPlan(tx, {
      cycleId: ctx.cycle.id,
      agencyId: ctx.entry.agencyId,
      visitDate: input.visitDate,
      team,
      purpose,
      claims,
      userId: caller.user.id,
      now,
    });
    await audit(tx, caller, now, {
      action: 'survey_plan.create',
      entityType: 'survey_plan',
      entityId: row.id,
      cycleId: ctx.cycle.id,
      agencyId: ctx.entry.agencyId,
      newValue: {
        visitDate: input.visitDate,
        team,
        purpose,
        claims: claims.map((c) => ({ fieldKey: c.fieldKey, why: c.why })),
      },
    });
    await mailPlanned(tx, deps, {
      to: (await reporterAddresses(tx, [ctx.entry.agencyId])).map((r) => r.email!),
      year: ctx.cycle.year,
      agencyName: ctx.entry.name,
      visitDate: input.visitDate,
      team,
      purpose,
      claims: claims.map((c) => `${c.label}: ${c.why}`),
      now,
    });
    return row;
  });
  const [view] = await planViews(
    db,
    ctx.cycle,
    await repo.listPlans(db, { ids: [plan.id] }),
    vnDate(deps.clock.now()),
  );
  return view!;
}

/** Moves a planned visit to another date (typically the one the agency asked for): it confirms again. */
export async function moveSurvey(
  deps: AppDeps,
  caller: Caller,
  input: PlanParams & { visitDate: string },
): Promise<PlanView> {
  const db = deps.database.db;
  const found = await repo.findPlan(db, input.cycleId, input.planId);
  if (!found) throw notFound({ vi: 'kế hoạch khảo sát', en: 'survey plan' });
  const ctx = await loadReview(db, input.cycleId, found.agencyId);
  authorize(canPlanSurvey(caller.user, ctx.facts));
  const now = deps.clock.now();
  checkDate(input.visitDate, vnDate(now), 'visitDate');
  await db.transaction(async (tx) => {
    const locked = await lockReview(tx, ctx);
    authorize(canPlanSurvey(caller.user, locked.facts));
    const plan = (await repo.findPlan(tx, input.cycleId, input.planId, true))!;
    if (plan.status === 'done')
      throw invalid('visitDate', {
        vi: 'Buổi khảo sát đã được ghi kết quả: không đổi ngày được nữa',
        en: 'The visit has been recorded: its date can no longer change',
      });
    await repo.updatePlan(tx, plan.id, {
      visitDate: input.visitDate,
      status: 'planned',
      updatedAt: now,
    });
    await audit(tx, caller, now, {
      action: 'survey_plan.move',
      entityType: 'survey_plan',
      entityId: plan.id,
      cycleId: ctx.cycle.id,
      agencyId: plan.agencyId,
      oldValue: { visitDate: plan.visitDate, status: plan.status },
      newValue: { visitDate: input.visitDate, status: 'planned' },
    });
    const claims = await repo.claimsOf(tx, [plan.id]);
    const { group } = await groupOf(tx, ctx.cycle, ctx.entry.groupId);
    await mailPlanned(tx, deps, {
      to: (await reporterAddresses(tx, [plan.agencyId])).map((r) => r.email!),
      year: ctx.cycle.year,
      agencyName: ctx.entry.name,
      visitDate: input.visitDate,
      team: plan.team,
      purpose: plan.purpose,
      claims: claims.map((c) => {
        const f = group.fieldsByKey.get(c.fieldKey);
        return `${f ? pick(f.shortLabel ?? f.label, 'vi') : c.fieldKey}: ${c.why}`;
      }),
      now,
    });
  });
  const [view] = await planViews(
    db,
    ctx.cycle,
    await repo.listPlans(db, { ids: [input.planId] }),
    vnDate(deps.clock.now()),
  );
  return view!;
}

/**
 * Plans as the screens read them: each claim with its field's label, type and choices, the
 * official value now, what was observed, and whether a differing value still awaits the
 * correction that cites the survey.
 */
import type { CompiledGroup } from '../../../core/criteria/compile.ts';
import type { Text, Values } from '../../../core/types.ts';
import type { Executor } from '../../db/open.ts';
import type { SurveyPlanStatus } from '../../db/schema.ts';
import type { CycleRow } from '../cycles/cycles.repo.ts';
import { displayValue, sameValue } from '../review/compare.ts';
import { groupOf } from '../review/review-context.ts';
import { loadRecords, officialValues } from '../scoring/cycle-data.ts';
import * as repo from './surveys.repo.ts';
import type { PlanView } from './surveys.schema.ts';

export const PLAN_STATUS_LABELS: Record<SurveyPlanStatus, Text> = {
  planned: { vi: 'Chờ cơ quan xác nhận', en: 'Waiting for the agency' },
  confirmed: { vi: 'Cơ quan đã xác nhận', en: 'Confirmed by the agency' },
  reschedule: { vi: 'Cơ quan đề nghị đổi ngày', en: 'The agency asks for another date' },
  done: { vi: 'Đã khảo sát', en: 'Surveyed' },
};

const both = (f: (lang: 'vi' | 'en') => string): Text => ({ vi: f('vi'), en: f('en') });

export function planView(
  p: repo.PlanListRow,
  claims: readonly repo.PlanClaimRow[],
  group: CompiledGroup,
  official: Values,
  today: string,
): PlanView {
  return {
    id: p.id,
    cycle: { id: p.cycleId, year: p.year },
    agency: { id: p.agencyId, code: p.agencyCode, name: p.agencyName },
    visitDate: p.visitDate,
    team: p.team,
    purpose: p.purpose,
    status: p.status,
    statusLabel: PLAN_STATUS_LABELS[p.status],
    replyNote: p.replyNote,
    proposedDate: p.proposedDate,
    repliedBy: p.repliedByName,
    repliedAt: p.repliedAt?.toISOString() ?? null,
    surveyId: p.surveyId,
    due: p.status !== 'done' && p.visitDate <= today,
    createdBy: p.createdByName,
    claims: claims.map((c) => {
      const field = group.fieldsByKey.get(c.fieldKey);
      const current = official[c.fieldKey] ?? null;
      return {
        fieldKey: c.fieldKey,
        label: field ? (field.shortLabel ?? field.label) : { vi: c.fieldKey },
        why: c.why,
        type: field?.type ?? 'text',
        unit: field?.unit ?? null,
        options: field?.options?.map((o) => ({ value: o.value, label: o.label })) ?? null,
        current,
        currentShown: both((lang) => displayValue(field, current, lang)),
        outcome: c.outcome,
        observed: c.observed,
        observedShown: c.outcome === 'differs' ? both((lang) => displayValue(field, c.observed, lang)) : null,
        toCorrect: c.outcome === 'differs' && !sameValue(c.observed, current),
      };
    }),
  };
}

/** The views of some plans of one cycle. */
export async function planViews(
  db: Executor,
  cycle: CycleRow,
  plans: readonly repo.PlanListRow[],
  today: string,
): Promise<PlanView[]> {
  if (!plans.length) return [];
  const claims = await repo.claimsOf(
    db,
    plans.map((p) => p.id),
  );
  const records = new Map(
    (await loadRecords(db, cycle, [...new Set(plans.map((p) => p.agencyId))])).map((r) => [r.agencyId, r]),
  );
  const groups = new Map<string, CompiledGroup>();
  const out: PlanView[] = [];
  for (const p of plans) {
    if (!groups.has(p.groupId)) groups.set(p.groupId, (await groupOf(db, cycle, p.groupId)).group);
    const r = records.get(p.agencyId);
    out.push(
      planView(
        p,
        claims.filter((c) => c.planId === p.id),
        groups.get(p.groupId)!,
        r ? officialValues(r) : {},
        today,
      ),
    );
  }
  return out;
}

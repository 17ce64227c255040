/**
 * What the survey-plan screens read and send (src/server/modules/surveys/surveys.schema.ts is the
 * contract, imported as types only), and the review's audited correction that cites a survey.
 */
import type { CorrectionResult } from '../../../server/modules/review/review.schema.ts';
import type {
  FindingsBody,
  FindingsResult,
  PlanBody,
  PlanClaimView,
  PlansView,
  PlanView,
  Proposals,
  ReplyBody,
} from '../../../server/modules/surveys/surveys.schema.ts';
import { api } from '../../api.ts';

export type { FindingsBody, PlanBody, PlanClaimView, PlansView, PlanView, Proposals, ReplyBody };

const base = (cycleId: string) => `/cycles/${cycleId}`;

export const surveysApi = {
  plans: (cycleId: string, agencyId?: string) =>
    api<PlansView>(`${base(cycleId)}/survey-plans${agencyId ? `?agencyId=${agencyId}` : ''}`),
  proposals: (cycleId: string, agencyId: string, rules?: { gap: number; jump: number }) =>
    api<Proposals>(
      `${base(cycleId)}/agencies/${agencyId}/survey-proposals${rules ? `?gap=${rules.gap}&jump=${rules.jump}` : ''}`,
    ),
  plan: (cycleId: string, agencyId: string, body: PlanBody) =>
    api<PlanView>(`${base(cycleId)}/agencies/${agencyId}/survey-plans`, { method: 'POST', body }),
  move: (cycleId: string, planId: string, visitDate: string) =>
    api<PlanView>(`${base(cycleId)}/survey-plans/${planId}/date`, { method: 'PUT', body: { visitDate } }),
  reply: (cycleId: string, planId: string, body: ReplyBody) =>
    api<PlanView>(`${base(cycleId)}/survey-plans/${planId}/reply`, { method: 'POST', body }),
  findings: (cycleId: string, planId: string, body: FindingsBody) =>
    api<FindingsResult>(`${base(cycleId)}/survey-plans/${planId}/findings`, { method: 'POST', body }),
  correct: (
    cycleId: string,
    agencyId: string,
    fieldKey: string,
    value: unknown,
    surveyId: string,
    reason: string,
  ) =>
    api<CorrectionResult>(`${base(cycleId)}/review/${agencyId}/values/${fieldKey}`, {
      method: 'PUT',
      body: { value, reason, surveyId },
    }),
};

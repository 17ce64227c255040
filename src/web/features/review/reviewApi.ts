/**
 * The review API as the assessor's screens use it: the progress board (GET /cycles/:id/progress),
 * the review list (GET /cycles/:id/review), one agency's review page and every action on it. The
 * shapes follow the route schemas of src/server/modules/{progress,review}/*.routes.ts.
 */
import type {
  Board,
  BoardRow,
  FormProgress,
  RemindResult,
} from '../../../server/modules/progress/progress.schema.ts';
import { api, apiUrl, type CycleState } from '../../api.ts';

export interface Text {
  vi: string;
  en?: string;
}
export interface UserRef {
  id: string;
  name: string;
}

export type { Board, BoardRow, FormProgress as FormState, RemindResult as ReminderResult };

/** The board's form states in their order (the server's list, checked against its type). */
export const FORM_STATES = [
  'not_started',
  'draft',
  'submitted_on_time',
  'late',
  'missing',
] as const satisfies readonly FormProgress[];
// Every state of the server's list is here: a new one fails the type check until it is placed.
const _everyFormState: Exclude<FormProgress, (typeof FORM_STATES)[number]> extends never ? true : never =
  true;
void _everyFormState;
export const REVIEW_STATES = ['not_submitted', 'to_review', 'in_review', 'reviewed'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export interface ReviewListRow {
  agencyId: string;
  selfTotal: number | null;
  officialTotal: number | null;
  corrections: number;
  findings: { errors: number; warnings: number } | null;
}

import type {
  ClaimView as Claim,
  EvidenceView as Evidence,
  FieldValueView as FieldValue,
  QueryView as Query,
  ReviewPage as ReviewPageData,
  SurveyView as Survey,
} from '../../../server/modules/review/review.service.ts';

export type { CriterionComparison } from '../../../server/modules/review/compare.ts';
export type { HistoryEntry } from '../../../server/modules/review/review.service.ts';
export type { Claim, Evidence, FieldValue, Query, ReviewPageData, Survey };

import type { WebsiteCheckView as WebsiteCheck } from '../../../server/modules/website-checks/website-checks.schema.ts';

export type { WebsiteCheck };

const base = (cycleId: string, agencyId: string) => `/cycles/${cycleId}/review/${agencyId}`;

export const reviewApi = {
  board: (cycleId: string) => api<Board>(`/cycles/${cycleId}/progress`),
  list: (cycleId: string) => api<{ agencies: ReviewListRow[] }>(`/cycles/${cycleId}/review`),
  startReview: (cycleId: string) => api<unknown>(`/cycles/${cycleId}/start-review`, { method: 'POST' }),
  sendReminders: (cycleId: string) =>
    api<RemindResult>(`/cycles/${cycleId}/reminders/send`, { method: 'POST' }),
  page: (cycleId: string, agencyId: string) => api<ReviewPageData>(base(cycleId, agencyId)),
  evidenceUrl: (cycleId: string, agencyId: string, evidenceId: string) =>
    apiUrl(`${base(cycleId, agencyId)}/evidence/${evidenceId}`),
  openQuery: (
    cycleId: string,
    agencyId: string,
    body: { subject: string; body: string; criterionId?: string | null; fieldKey?: string | null },
  ) => api<{ query: Query }>(`${base(cycleId, agencyId)}/queries`, { method: 'POST', body }),
  reply: (cycleId: string, queryId: string, body: string) =>
    api<{ query: Query }>(`/cycles/${cycleId}/queries/${queryId}/messages`, {
      method: 'POST',
      body: { body },
    }),
  closeQuery: (cycleId: string, queryId: string) =>
    api<{ query: Query }>(`/cycles/${cycleId}/queries/${queryId}/close`, { method: 'POST' }),
  createSurvey: (
    cycleId: string,
    agencyId: string,
    body: { surveyDate: string; team: string; findings: string },
  ) => api<{ survey: Survey }>(`${base(cycleId, agencyId)}/surveys`, { method: 'POST', body }),
  addSurveyEvidence: (cycleId: string, agencyId: string, surveyId: string, form: FormData) =>
    api<{ evidence: Evidence }>(`${base(cycleId, agencyId)}/surveys/${surveyId}/evidence`, { form }),
  decideClaim: (
    cycleId: string,
    agencyId: string,
    criterionId: string,
    body: { decision: 'confirm' | 'reject'; note: string | null },
  ) =>
    api<{ claim: Claim }>(`${base(cycleId, agencyId)}/claims/${encodeURIComponent(criterionId)}/decision`, {
      method: 'POST',
      body,
    }),
  correct: (
    cycleId: string,
    agencyId: string,
    fieldKey: string,
    body: { value: unknown; reason: string | null; surveyId?: string | null },
  ) => api<{ value: FieldValue }>(`${base(cycleId, agencyId)}/values/${fieldKey}`, { method: 'PUT', body }),
};

export const websiteChecksApi = {
  create: (
    agencyId: string,
    body: { checkedAt: string; values: Record<string, unknown>; note: string | null },
  ) => api<{ check: WebsiteCheck }>(`/agencies/${agencyId}/website-checks`, { method: 'POST', body }),
  remove: (agencyId: string, checkId: string, reason: string | null) =>
    api<void>(`/agencies/${agencyId}/website-checks/${checkId}`, {
      method: 'DELETE',
      body: reason ? { reason } : {},
    }),
};

/** The cycle states in which the department may still change the official data (the server decides). */
export const EDITABLE_STATES: readonly CycleState[] = ['closed', 'under_review'];
/** The cycle states in which queries and surveys are possible. */
export const QUERY_STATES: readonly CycleState[] = ['open', 'closed', 'under_review'];

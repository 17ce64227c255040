/**
 * The review API as the assessor's screens use it: the progress board (GET /cycles/:id/progress),
 * the review list (GET /cycles/:id/review), one agency's review page and every action on it, and
 * the website checks. The shapes are the server's contracts, imported as types only:
 * src/server/modules/{progress,review,website-checks}/*.schema.ts.
 */
import type {
  Board,
  BoardRow,
  FormProgress,
  RemindResult,
} from '../../../server/modules/progress/progress.schema.ts';
// Types only: nothing of the server reaches the bundle, and the screens and routes cannot drift apart.
import type {
  ClaimView as Claim,
  ClaimResult,
  ClosedQuery,
  CorrectionBody,
  CorrectionResult,
  CriterionComparison,
  DecisionBody,
  EvidenceView as Evidence,
  FieldValueView as FieldValue,
  HistoryEntry,
  QueryView as Query,
  QueryResult,
  RaiseQueryBody,
  ReviewList,
  ReviewListRow,
  ReviewPage as ReviewPageData,
  SurveyView as Survey,
  SurveyBody,
  SurveyEvidenceResult,
  SurveyResult,
} from '../../../server/modules/review/review.schema.ts';
import type {
  RecordCheckBody,
  RecordCheckResult,
  WebsiteCheckView as WebsiteCheck,
} from '../../../server/modules/website-checks/website-checks.schema.ts';
import { api, apiUrl, type CycleState } from '../../api.ts';

export type {
  Board,
  BoardRow,
  Claim,
  CorrectionBody,
  CriterionComparison,
  Evidence,
  FieldValue,
  FormProgress as FormState,
  HistoryEntry,
  Query,
  QueryResult,
  RemindResult as ReminderResult,
  ReviewListRow,
  ReviewPageData,
  Survey,
  WebsiteCheck,
};

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
/** The review states in their order (the server's list, checked against its type). */
export const REVIEW_STATES = [
  'not_submitted',
  'to_review',
  'in_review',
  'reviewed',
] as const satisfies readonly ReviewListRow['reviewStatus'][];
export type ReviewState = (typeof REVIEW_STATES)[number];
// Every state of the server's list is here: a new one fails the type check until it is placed.
const _everyReviewState: Exclude<ReviewListRow['reviewStatus'], ReviewState> extends never ? true : never =
  true;
void _everyReviewState;

const base = (cycleId: string, agencyId: string) => `/cycles/${cycleId}/review/${agencyId}`;

export const reviewApi = {
  board: (cycleId: string) => api<Board>(`/cycles/${cycleId}/progress`),
  list: (cycleId: string) => api<ReviewList>(`/cycles/${cycleId}/review`),
  startReview: (cycleId: string) => api<unknown>(`/cycles/${cycleId}/start-review`, { method: 'POST' }),
  sendReminders: (cycleId: string) =>
    api<RemindResult>(`/cycles/${cycleId}/reminders/send`, { method: 'POST' }),
  page: (cycleId: string, agencyId: string) => api<ReviewPageData>(base(cycleId, agencyId)),
  evidenceUrl: (cycleId: string, agencyId: string, evidenceId: string) =>
    apiUrl(`${base(cycleId, agencyId)}/evidence/${evidenceId}`),
  openQuery: (cycleId: string, agencyId: string, body: RaiseQueryBody) =>
    api<QueryResult>(`${base(cycleId, agencyId)}/queries`, { method: 'POST', body }),
  reply: (cycleId: string, queryId: string, body: string) =>
    api<QueryResult>(`/cycles/${cycleId}/queries/${queryId}/messages`, {
      method: 'POST',
      body: { body },
    }),
  closeQuery: (cycleId: string, queryId: string) =>
    api<ClosedQuery>(`/cycles/${cycleId}/queries/${queryId}/close`, { method: 'POST' }),
  createSurvey: (cycleId: string, agencyId: string, body: SurveyBody) =>
    api<SurveyResult>(`${base(cycleId, agencyId)}/surveys`, { method: 'POST', body }),
  addSurveyEvidence: (cycleId: string, agencyId: string, surveyId: string, form: FormData) =>
    api<SurveyEvidenceResult>(`${base(cycleId, agencyId)}/surveys/${surveyId}/evidence`, { form }),
  decideClaim: (cycleId: string, agencyId: string, criterionId: string, body: DecisionBody) =>
    api<ClaimResult>(`${base(cycleId, agencyId)}/claims/${encodeURIComponent(criterionId)}/decision`, {
      method: 'POST',
      body,
    }),
  correct: (cycleId: string, agencyId: string, fieldKey: string, body: CorrectionBody) =>
    api<CorrectionResult>(`${base(cycleId, agencyId)}/values/${fieldKey}`, { method: 'PUT', body }),
};

export const websiteChecksApi = {
  create: (agencyId: string, body: RecordCheckBody) =>
    api<RecordCheckResult>(`/agencies/${agencyId}/website-checks`, { method: 'POST', body }),
  remove: (agencyId: string, checkId: string, reason: string | null) =>
    api<void>(`/agencies/${agencyId}/website-checks/${checkId}`, {
      method: 'DELETE',
      body: reason ? { reason } : {},
    }),
};

/** The cycle states in which the department may still change the official data (the server decides: review.policy.ts). */
export const EDITABLE_STATES: readonly CycleState[] = ['closed', 'under_review'];
/** The cycle states in which queries and surveys are possible. */
export const QUERY_STATES: readonly CycleState[] = ['open', 'closed', 'under_review'];

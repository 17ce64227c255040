/**
 * The contract of the review (/cycles/:cycleId/review…, /cycles/:cycleId/queries…,
 * /cycles/:cycleId/agencies/:agencyId/queries): every request and response shape, once. The routes
 * validate and document with these schemas, the use cases (and compare.ts) return their inferred
 * types, and the web application imports the types from here.
 */
import { z } from 'zod';
import { CYCLE_STATES } from '../../db/schema.ts';
import { Instant, TextSchema, Uuid } from '../../platform/schema.ts';
import { WebsiteCheckView } from '../website-checks/website-checks.schema.ts';
import { REVIEW_STATUSES } from './review-status.ts';

/* ───────────────────────── requests ───────────────────────── */

const CriterionId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'Mã tiêu chí không hợp lệ')
  .max(40);
const FieldKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'Khóa trường số liệu không hợp lệ')
  .max(80);

export const CycleParams = z.object({ cycleId: Uuid });
export type CycleParams = z.infer<typeof CycleParams>;
export const AgencyParams = z.object({ cycleId: Uuid, agencyId: Uuid });
export type AgencyParams = z.infer<typeof AgencyParams>;
export const QueryParams = z.object({ cycleId: Uuid, queryId: Uuid });
export type QueryParams = z.infer<typeof QueryParams>;
export const SurveyParams = AgencyParams.extend({ surveyId: Uuid });
export type SurveyParams = z.infer<typeof SurveyParams>;
export const EvidenceParams = AgencyParams.extend({ evidenceId: Uuid });
export type EvidenceParams = z.infer<typeof EvidenceParams>;
export const ClaimParams = AgencyParams.extend({ criterionId: CriterionId });
export type ClaimParams = z.infer<typeof ClaimParams>;
export const ValueParams = AgencyParams.extend({ fieldKey: FieldKey });
export type ValueParams = z.infer<typeof ValueParams>;

export const ListFilter = z.object({
  group: z.string().max(40).optional(),
  status: z.enum(REVIEW_STATUSES).optional(),
});
export type ListFilter = z.infer<typeof ListFilter>;

export const RaiseQueryBody = z.object({
  subject: z.string().max(200),
  body: z.string().max(5000),
  criterionId: CriterionId.nullable().optional(),
  fieldKey: FieldKey.nullable().optional(),
});
export type RaiseQueryBody = z.infer<typeof RaiseQueryBody>;

export const MessageBody = z.object({ body: z.string().max(5000) });
export type MessageBody = z.infer<typeof MessageBody>;

/** A file of a message on a query. */
export const QueryFileParams = QueryParams.extend({ fileId: Uuid });
export type QueryFileParams = z.infer<typeof QueryFileParams>;

export const SurveyBody = z.object({
  surveyDate: z.string().max(10),
  team: z.string().max(1000),
  findings: z.string().max(20000),
});
export type SurveyBody = z.infer<typeof SurveyBody>;

export const DecisionBody = z.object({
  decision: z.enum(['confirm', 'reject']),
  note: z.string().max(2000).nullable().optional(),
});
export type DecisionBody = z.infer<typeof DecisionBody>;

const JsonValue = z.union([z.null(), z.boolean(), z.number(), z.string().max(5000)]);
export const CorrectionBody = z.object({
  value: JsonValue,
  reason: z.string().max(2000).nullable().optional(),
  surveyId: Uuid.nullable().optional(),
});
export type CorrectionBody = z.infer<typeof CorrectionBody>;

/* ───────────────────────── responses ───────────────────────── */

export const UserRef = z.object({ id: z.string(), name: z.string() });
export type UserRef = z.infer<typeof UserRef>;

export const CycleRef = z.object({
  id: z.string(),
  year: z.number(),
  title: z.string(),
  state: z.enum(CYCLE_STATES),
  deadline: Instant,
});
export type CycleRef = z.infer<typeof CycleRef>;

const ClassRef = z.object({ id: z.string(), label: TextSchema });

export const ReviewListRow = z.object({
  agencyId: z.string(),
  code: z.string(),
  name: z.string(),
  group: z.string(),
  submissionStatus: z.enum(['not_started', 'draft', 'submitted']),
  submittedAt: Instant.nullable(),
  late: z.boolean(),
  openQueries: z.number(),
  answeredQueries: z.number(),
  pendingClaims: z.number(),
  corrections: z.number(),
  findings: z.object({ errors: z.number(), warnings: z.number() }).nullable(),
  selfTotal: z.number().nullable(),
  officialTotal: z.number().nullable(),
  selfClass: ClassRef.nullable(),
  officialClass: ClassRef.nullable(),
  reviewStatus: z.enum(REVIEW_STATUSES),
  reviewStatusLabel: TextSchema,
});
export type ReviewListRow = z.infer<typeof ReviewListRow>;

export const ReviewList = z.object({ cycle: CycleRef, agencies: z.array(ReviewListRow) });
export type ReviewList = z.infer<typeof ReviewList>;

export const HistoryEntry = z.object({
  kind: z.enum(['correction', 'reviewer']),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  restoresAgencyValue: z
    .boolean()
    .describe('the entry put the agency’s own value back (a correction withdrawn)'),
  reason: z.string().nullable(),
  surveyId: z.string().nullable(),
  by: UserRef.nullable(),
  at: Instant,
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const FieldValueView = z.object({
  key: z.string(),
  label: TextSchema,
  source: z.enum(['agency', 'monitoring', 'reviewer']),
  type: z.string(),
  // What the correction form needs to ask for a valid value.
  unit: TextSchema.nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  options: z.array(z.object({ value: z.string(), label: TextSchema })).nullable(),
  agencyValue: z.unknown(),
  officialValue: z.unknown(),
  corrected: z.boolean(),
  history: z.array(HistoryEntry),
});
export type FieldValueView = z.infer<typeof FieldValueView>;

export const ClaimView = z.object({
  criterionId: z.string(),
  criterionName: TextSchema.nullable(),
  reason: z.string(),
  status: z.enum(['claimed', 'confirmed', 'rejected']),
  claimedAt: Instant,
  decidedBy: UserRef.nullable(),
  decidedAt: Instant.nullable(),
  decisionNote: z.string().nullable(),
});
export type ClaimView = z.infer<typeof ClaimView>;

export const EvidenceView = z.object({
  id: z.string(),
  criterionId: z.string().nullable(),
  surveyId: z.string().nullable(),
  filename: z.string(),
  mime: z.string(),
  size: z.number(),
  note: z.string().nullable(),
  addedBy: UserRef.nullable(),
  addedAt: Instant,
});
export type EvidenceView = z.infer<typeof EvidenceView>;

export const MessageView = z.object({
  id: z.string(),
  body: z.string(),
  author: UserRef.extend({ role: z.string() }).nullable(),
  /** The file sent with the message, downloaded at /cycles/:cycleId/queries/:queryId/files/:fileId. */
  file: z
    .object({ id: z.string(), filename: z.string(), size: z.number().int(), mime: z.string() })
    .nullable(),
  createdAt: Instant,
});
export type MessageView = z.infer<typeof MessageView>;

export const QueryView = z.object({
  id: z.string(),
  agencyId: z.string(),
  criterionId: z.string().nullable(),
  fieldKey: z.string().nullable(),
  subject: z.string(),
  status: z.enum(['open', 'answered', 'closed']),
  createdBy: UserRef.nullable(),
  createdAt: Instant,
  closedAt: Instant.nullable(),
  messages: z.array(MessageView),
});
export type QueryView = z.infer<typeof QueryView>;

/**
 * Who will hear of a message on a query by e-mail. The mail is queued in the transaction of the
 * message and sent by a worker (with retries), so the answer can say only that it is queued.
 */
export const Notified = z.object({
  recipients: z.number().describe('số địa chỉ thư sẽ nhận thông báo'),
  queued: z
    .boolean()
    .describe('thư đã vào hàng đợi gửi thư (false: không có ai để gửi, hoặc máy chủ chưa cấu hình gửi thư)'),
});
export type Notified = z.infer<typeof Notified>;

export const QueryResult = z.object({ query: QueryView, notified: Notified });
export type QueryResult = z.infer<typeof QueryResult>;
export const ClosedQuery = z.object({ query: QueryView });
export type ClosedQuery = z.infer<typeof ClosedQuery>;
export const AgencyQueries = z.object({ queries: z.array(QueryView) });
export type AgencyQueries = z.infer<typeof AgencyQueries>;

export const SurveyView = z.object({
  id: z.string(),
  surveyDate: z.string(),
  team: z.string(),
  findings: z.string(),
  createdBy: UserRef.nullable(),
  createdAt: Instant,
  evidence: z.array(EvidenceView),
});
export type SurveyView = z.infer<typeof SurveyView>;
export const SurveyResult = z.object({ survey: SurveyView });
export type SurveyResult = z.infer<typeof SurveyResult>;
export const SurveyEvidenceResult = z.object({ evidence: EvidenceView });
export type SurveyEvidenceResult = z.infer<typeof SurveyEvidenceResult>;

export const ClaimResult = z.object({ claim: ClaimView });
export type ClaimResult = z.infer<typeof ClaimResult>;
export const CorrectionResult = z.object({ value: FieldValueView });
export type CorrectionResult = z.infer<typeof CorrectionResult>;

export const FindingView = z.object({
  ruleId: z.string(),
  severity: z.enum(['error', 'warning']),
  message: TextSchema,
  fields: z.array(z.string()),
});
export type FindingView = z.infer<typeof FindingView>;

/* ── self-assessment against the official result (compare.ts fills these) ── */

export const SideScore = z.object({
  points: z.number(),
  basis: z.enum(['formula', 'not_applicable', 'gate_closed', 'website_checks']),
  explanation: TextSchema,
});
export type SideScore = z.infer<typeof SideScore>;

export const TotalsView = z.object({
  total: z.number(),
  classId: z.string(),
  classLabel: TextSchema,
  categories: z.array(z.object({ id: z.string(), name: TextSchema, points: z.number(), max: z.number() })),
});
export type TotalsView = z.infer<typeof TotalsView>;

export const DifferenceReason = z.object({
  kind: z.enum(['correction', 'reviewer_mark', 'na_rejected', 'na_pending', 'website']),
  fieldKey: z.string().optional(),
  text: TextSchema,
});
export type DifferenceReason = z.infer<typeof DifferenceReason>;

export const CriterionComparison = z.object({
  id: z.string(),
  name: TextSchema,
  categoryId: z.string(),
  max: z.number(),
  fields: z.array(z.string()).describe('các trường số liệu tiêu chí sử dụng'),
  self: SideScore,
  official: SideScore,
  difference: z.number().describe('chính thức − tự đánh giá, theo điểm'),
  reasons: z.array(DifferenceReason),
});
export type CriterionComparison = z.infer<typeof CriterionComparison>;

export const Comparison = z.object({
  self: TotalsView,
  official: TotalsView,
  difference: z.number(),
  criteria: z.array(CriterionComparison),
});
export type Comparison = z.infer<typeof Comparison>;

export const ReviewPage = z.object({
  cycle: CycleRef,
  agency: z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    group: z.string(),
    groupName: TextSchema,
  }),
  submission: z
    .object({
      id: z.string(),
      status: z.enum(['draft', 'submitted']),
      submittedAt: Instant.nullable(),
      late: z.boolean(),
      version: z.number(),
      attestedName: z.string().nullable(),
      attestedTitle: z.string().nullable(),
    })
    .nullable(),
  reviewStatus: z.enum(REVIEW_STATUSES),
  reviewStatusLabel: TextSchema,
  values: z.array(FieldValueView),
  claims: z.array(ClaimView),
  evidence: z.array(EvidenceView),
  queries: z.array(QueryView),
  surveys: z.array(SurveyView),
  websiteChecks: z.array(WebsiteCheckView),
  findings: z.array(FindingView),
  comparison: Comparison,
});
export type ReviewPage = z.infer<typeof ReviewPage>;

/**
 * The contract of the agency's form (/cycles/:cycleId/agencies/:agencyId/submission…): every
 * request and response shape, once. The routes validate and document with these schemas, the use
 * cases return their inferred types, and the web application imports the types from here.
 */
import { z } from 'zod';
import { CYCLE_STATES } from '../../db/schema.ts';
import { Instant, Message, PersonRef, TextSchema, Uuid } from '../../platform/schema.ts';

/* ───────────────────────── requests ───────────────────────── */

export const FormParams = z.object({ cycleId: Uuid, agencyId: Uuid });
export type FormParams = z.infer<typeof FormParams>;
export const ClaimParams = FormParams.extend({ criterionId: z.string().trim().min(1).max(20) });
export const EvidenceParams = FormParams.extend({ evidenceId: Uuid });

/**
 * A value as a form holds it: a number, a text (a choice, a date and an address are texts), a
 * yes/no, or null to clear the field. Nothing nested: a deep array is refused here, naming the
 * field, before any rule reads it (a 5,000-deep one once overflowed the stack).
 */
export const FieldValue = z.union([z.number(), z.string().max(20_000), z.boolean(), z.null()]);

export const SaveDraftBody = z.object({
  version: z
    .number()
    .int()
    .positive()
    .nullable()
    .describe('Phiên bản phiếu mà người nhập đã đọc (null khi phiếu chưa có)'),
  values: z
    .record(z.string().max(100), FieldValue)
    .refine((v) => Object.keys(v).length <= 500, 'tối đa 500 trường mỗi lần lưu')
    .describe('Các ô cần lưu: mã trường → giá trị (null để xóa ô)'),
});
export type SaveDraftBody = z.infer<typeof SaveDraftBody>;

export const ClaimBody = z.object({ reason: z.string().max(4000) });
export const SubmitBody = z.object({
  version: z.number().int().positive(),
  attestedName: z.string().max(200),
  attestedTitle: z.string().max(200),
});
export type SubmitBody = z.infer<typeof SubmitBody>;
export const WithdrawBody = z.object({ reason: z.string().max(4000) });

/* ───────────────────────── responses ───────────────────────── */

export const ScoreView = z.object({
  total: z.number(),
  max: z.number(),
  class: z.object({ id: z.string(), label: TextSchema }),
  categories: z.array(
    z.object({
      id: z.string(),
      name: TextSchema,
      points: z.number(),
      max: z.number(),
      awaitingWebsite: z
        .boolean()
        .describe('Hạng mục chỉ chấm qua trang TTĐT, chưa có lần kiểm tra nào và cơ quan chưa tự đánh giá'),
    }),
  ),
  websiteNote: TextSchema.nullable().describe(
    'Nguồn của các tiêu chí chấm qua trang TTĐT trong điểm tự chấm: cơ quan tự đánh giá hay lần kiểm tra gần nhất',
  ),
  criteria: z.array(
    z.object({
      id: z.string(),
      categoryId: z.string(),
      name: TextSchema,
      points: z.number(),
      max: z.number(),
      basis: z.string(),
      explanation: TextSchema,
      notApplicableAllowed: z.boolean(),
    }),
  ),
  findings: z.array(
    z.object({
      ruleId: z.string(),
      severity: z.enum(['error', 'warning']),
      message: TextSchema,
      fields: z.array(z.string()),
    }),
  ),
});
export type ScoreView = z.infer<typeof ScoreView>;

export const ReceiptView = z.object({
  submissionId: z.string(),
  agency: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  cycle: z.object({ id: z.string(), year: z.number(), title: z.string() }),
  submittedAt: Instant,
  submittedAtVn: z.string().describe('dd/mm/yyyy HH:mm:ss, giờ Việt Nam'),
  deadline: Instant,
  deadlineVn: z.string(),
  late: z.boolean(),
  timeliness: TextSchema,
  contentHash: z.string(),
  attestation: z.object({ name: z.string(), title: z.string() }),
  submittedBy: PersonRef.nullable(),
});
export type ReceiptView = z.infer<typeof ReceiptView>;

export const EvidenceView = z.object({
  id: z.string(),
  criterionId: z.string().nullable(),
  filename: z.string(),
  mime: z.string(),
  size: z.number(),
  note: z.string().nullable(),
  uploadedAt: Instant,
  surveyId: z.string().nullable(),
});
export type EvidenceView = z.infer<typeof EvidenceView>;

export const ClaimView = z.object({
  criterionId: z.string(),
  criterionName: TextSchema,
  reason: z.string(),
  status: z.enum(['claimed', 'confirmed', 'rejected']),
  claimedAt: Instant,
  decidedAt: Instant.nullable(),
  decisionNote: z.string().nullable(),
});
export type ClaimView = z.infer<typeof ClaimView>;

export const SubmissionStatus = z.enum(['not_started', 'draft', 'submitted']);

/** The form as its reader sees it. The self-score is not in it: the browser computes it (GET …/score on demand). */
export const FormState = z.object({
  cycle: z.object({
    id: z.string(),
    year: z.number(),
    title: z.string(),
    state: z.enum(CYCLE_STATES),
    deadline: Instant,
    deadlineVn: z.string(),
    deadlinePassed: z.boolean(),
  }),
  agency: z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    groupId: z.string(),
    groupName: TextSchema,
  }),
  submissionId: z.string().nullable(),
  status: SubmissionStatus,
  version: z.number().nullable(),
  values: z.record(z.string(), z.unknown()),
  updatedAt: Instant.nullable(),
  updatedBy: PersonRef.nullable(),
  claims: z.array(ClaimView),
  evidence: z.array(EvidenceView),
  submittedAt: Instant.nullable(),
  contentHash: z.string().nullable(),
  attestation: z.object({ name: z.string().nullable(), title: z.string().nullable() }).nullable(),
  withdrawnCount: z.number(),
  late: z.boolean(),
  receipt: ReceiptView.nullable(),
  editable: z.boolean(),
  notEditable: z.object({ code: z.string(), message: z.string(), messageEn: z.string() }).nullable(),
  websiteCheck: z
    .object({ checkedAt: Instant, values: z.record(z.string(), z.unknown()) })
    .nullable()
    .describe('Lần kiểm tra trang TTĐT gần nhất của năm: điểm tự chấm dùng khi cơ quan không tự đánh giá'),
  previousValues: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe(
      'Số liệu chính thức năm trước của cơ quan, cho các kiểm tra logic so với năm trước (như Sở thấy)',
    ),
});
export type FormState = z.infer<typeof FormState>;

/**
 * GET …/submission also says how large an evidence file may be, so that the browser refuses a
 * too-large file before sending megabytes the server would drop.
 */
export const FormRead = FormState.extend({
  evidenceMaxBytes: z.number().describe('Dung lượng tối đa của một tệp minh chứng (byte)'),
});
export type FormRead = z.infer<typeof FormRead>;

/**
 * What an autosave answers: the new version and time, and the fields someone else changed since
 * the version the writer read (merged server-side, field by field), so its screen stays current.
 */
export const SaveDraftResult = z.object({
  version: z.number(),
  updatedAt: Instant,
  changed: z
    .record(z.string(), z.unknown())
    .describe('Các ô người khác đã sửa từ phiên bản người nhập đã đọc (null: ô đã bị xóa)'),
});
export type SaveDraftResult = z.infer<typeof SaveDraftResult>;

/**
 * The `details` of a 409 "stale" on a save: the form as it is now, and which of the writer's
 * fields someone else changed meanwhile, so that the screen can merge and ask about only those.
 */
export const StaleDetails = z.object({
  status: SubmissionStatus,
  version: z.number().nullable(),
  values: z.record(z.string(), z.unknown()),
  updatedAt: Instant.nullable(),
  conflicts: z.array(z.string()),
});
export type StaleDetails = z.infer<typeof StaleDetails>;

export const SubmitResult = z.object({ ...Message, receipt: ReceiptView, state: FormState });
export type SubmitResult = z.infer<typeof SubmitResult>;
export const WithdrawResult = z.object({ ...Message, state: FormState });
export type WithdrawResult = z.infer<typeof WithdrawResult>;

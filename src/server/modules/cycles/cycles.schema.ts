/**
 * The contract of /cycles, the yearly evaluation cycles up to the review (R8, R9, R10): every
 * request and response shape, once. The routes validate and document with these schemas, the use
 * cases return their inferred types, and the web application imports the types from here.
 */
import { z } from 'zod';
import { CYCLE_STATES } from '../../db/schema.ts';
import { Instant, TextSchema, Uuid } from '../../platform/schema.ts';

export const CycleState = z.enum(CYCLE_STATES);
export type CycleState = z.infer<typeof CycleState>;

export const DocumentKind = z.enum(['guidance', 'form']);
export type DocumentKind = z.infer<typeof DocumentKind>;

/* ───────────────────────── requests ───────────────────────── */

export const CycleParams = z.object({ id: Uuid });
export type CycleParams = z.infer<typeof CycleParams>;
export const DocumentParams = CycleParams.extend({ kind: DocumentKind });
export type DocumentParams = z.infer<typeof DocumentParams>;

const InstantInput = z.string().max(40).describe('ISO-8601 có múi giờ, ví dụ 2017-11-01T00:00:00+07:00');

/** What the administrator sets on a draft cycle; each one optional (defaults on creation). */
const CycleFields = z.object({
  title: z.string().max(600, 'Tên kỳ đánh giá tối đa 300 ký tự').optional(),
  criteriaVersionId: Uuid.optional(),
  guidanceBy: InstantInput.optional(),
  deadline: InstantInput.optional(),
  publishBy: InstantInput.optional(),
  /** The monitoring period (website checks that count); null: the default, 1 January to publishBy. */
  monitorFrom: InstantInput.nullable().optional(),
  monitorTo: InstantInput.nullable().optional(),
  announcement: z.string().max(10_000, 'Thông báo tối đa 5000 ký tự').nullable().optional(),
});
export type CycleFields = z.infer<typeof CycleFields>;

export const CreateCycleBody = CycleFields.extend({
  year: z
    .number()
    .int('Năm phải là số nguyên')
    .min(2016, 'Năm từ 2016 trở đi')
    .max(2100, 'Năm không quá 2100'),
});
export type CreateCycleBody = z.infer<typeof CreateCycleBody>;

export const EditCycleBody = CycleFields.extend({
  version: z.number().int().describe('Phiên bản kỳ đánh giá mà người sửa đã đọc'),
});
export type EditCycleBody = z.infer<typeof EditCycleBody>;

export const ExtendDeadlineBody = z.object({
  deadline: InstantInput,
  reason: z.string().max(2000, 'Lý do tối đa 2000 ký tự'),
  decisionRef: z.string().max(300, 'Số hiệu văn bản tối đa 300 ký tự'),
});
export type ExtendDeadlineBody = z.infer<typeof ExtendDeadlineBody>;

/* ───────────────────────── responses ───────────────────────── */

export const CriteriaRef = z.object({
  id: z.string(),
  setId: z.string(),
  version: z.string(),
  title: z.string(),
});
export type CriteriaRef = z.infer<typeof CriteriaRef>;

/** A cycle as a list shows it. */
export const CycleSummary = z.object({
  id: z.string(),
  year: z.number(),
  title: z.string(),
  state: CycleState,
  stateLabel: TextSchema,
  criteriaVersion: CriteriaRef,
  guidanceBy: Instant,
  deadline: Instant,
  publishBy: Instant,
  monitorFrom: Instant.describe('Đầu thời kỳ theo dõi trang TTĐT tính cho kỳ này (mặc định 01/01 của năm)'),
  monitorTo: Instant.describe(
    'Cuối thời kỳ theo dõi trang TTĐT (không tính thời điểm này; mặc định hạn công bố)',
  ),
  rosterDate: z.string().describe('Ngày chốt danh sách cơ quan: ngày ban hành hướng dẫn, giờ Việt Nam'),
  announcement: z.string().nullable(),
  openedAt: Instant.nullable(),
  closedAt: Instant.nullable(),
  approvedAt: Instant.nullable(),
  publishedAt: Instant.nullable(),
  createdAt: Instant,
  updatedAt: Instant,
  version: z.number(),
});
export type CycleSummary = z.infer<typeof CycleSummary>;

export const FileView = z.object({
  id: z.string(),
  filename: z.string(),
  mime: z.string(),
  size: z.number(),
  sha256: z.string(),
  uploadedAt: Instant,
});
export type FileView = z.infer<typeof FileView>;

export const ExtensionView = z.object({
  id: z.string(),
  oldDeadline: Instant,
  newDeadline: Instant,
  reason: z.string(),
  decisionRef: z.string(),
  decidedBy: z.string().nullable(),
  decidedByName: z.string().nullable(),
  createdAt: Instant,
});
export type ExtensionView = z.infer<typeof ExtensionView>;

/** A step the reader could take from the cycle's state, with the reason it is not possible yet. */
export const TransitionView = z.object({
  to: CycleState,
  action: TextSchema,
  allowed: z.boolean(),
  reason: TextSchema.nullable(),
});
export type TransitionView = z.infer<typeof TransitionView>;

/** One cycle: its documents, deadline extensions, roster by group and the steps open to the reader. */
export const CycleDetail = CycleSummary.extend({
  documents: z.object({ guidance: FileView.nullable(), form: FileView.nullable() }),
  extensions: z.array(ExtensionView),
  roster: z.object({
    date: z.string(),
    frozen: z.boolean(),
    total: z.number(),
    groups: z.array(z.object({ groupId: z.string(), count: z.number() })),
  }),
  transitions: z.array(TransitionView),
});
export type CycleDetail = z.infer<typeof CycleDetail>;

export const CycleList = z.object({ cycles: z.array(CycleSummary) });
export type CycleList = z.infer<typeof CycleList>;

export const CycleAnswer = z.object({ cycle: CycleDetail });
export type CycleAnswer = z.infer<typeof CycleAnswer>;

/**
 * The e-mails a change queued for the roster agencies' reporters (one per agency, to all its
 * active reporters): they go out through the job queue, with retries, after the answer.
 */
export const MailReport = z.object({
  agencies: z.number().describe('Số cơ quan trong danh sách của kỳ'),
  queued: z.number().describe('Số thư đã đưa vào hàng đợi gửi (mỗi cơ quan một thư)'),
  withoutRecipients: z.array(z.string()).describe('Mã các cơ quan chưa có người báo cáo có địa chỉ thư'),
  mailOff: z
    .boolean()
    .describe('Máy chủ chưa cấu hình gửi thư (SMTP_HOST): không thư nào được đưa vào hàng đợi'),
});
export type MailReport = z.infer<typeof MailReport>;

export const CycleWithMail = z.object({ cycle: CycleDetail, mail: MailReport });
export type CycleWithMail = z.infer<typeof CycleWithMail>;

/**
 * The contract of the feedback on the regulation (/feedback…, issue 14 item 5): every request and
 * response shape, once. The routes validate and document with these schemas, the use cases return
 * their inferred types, and the web application imports the types from here.
 */
import { z } from 'zod';
import { FEEDBACK_KINDS, FEEDBACK_STATUSES, FEEDBACK_SUBJECTS } from '../../db/schema.ts';
import { Instant, PersonRef, TextSchema, Uuid } from '../../platform/schema.ts';

/* ───────────────────────── requests ───────────────────────── */

const CriterionId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'Mã tiêu chí không hợp lệ')
  .max(40);

export const ItemParams = z.object({ itemId: Uuid });
export type ItemParams = z.infer<typeof ItemParams>;

export const FeedbackQuery = z.object({
  scope: z
    .enum(['mine', 'all'])
    .default('mine')
    .describe('mine: góp ý của chính người gọi; all: mọi góp ý (Sở, Ban Chỉ đạo)'),
});
export type FeedbackQuery = z.infer<typeof FeedbackQuery>;

export const RaiseBody = z.object({
  kind: z.enum(FEEDBACK_KINDS).describe('difficulty: khó khăn, vướng mắc; proposal: đề xuất'),
  subject: z
    .enum(FEEDBACK_SUBJECTS)
    .describe('criterion: một tiêu chí; form: phiếu thu thập; process: quy trình'),
  /** Required when the subject is a criterion: its id in the current criteria version. */
  criterionId: CriterionId.optional(),
  text: z.string().max(4000),
});
export type RaiseBody = z.infer<typeof RaiseBody>;

export const AnswerBody = z.object({
  status: z.enum(['answered', 'adopted', 'declined']),
  answer: z.string().max(4000),
  /** "adopted": the criteria version that takes the item in (null while that version is not loaded yet). */
  nextVersionId: Uuid.nullable().optional(),
  /** The item's revision the answer was written against (409 when someone answered meanwhile). */
  revision: z.number().int().min(0),
});
export type AnswerBody = z.infer<typeof AnswerBody>;

export const TopicBody = z.object({
  /** The topic's name (created when new); null takes the item out of its topic. */
  topic: z.string().max(120).nullable(),
});
export type TopicBody = z.infer<typeof TopicBody>;

export const SummaryQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).describe('năm nhận góp ý (giờ Việt Nam)'),
  format: z.enum(['docx', 'pdf']).default('docx').describe('docx (Word, sửa được) hoặc pdf'),
});
export type SummaryQuery = z.infer<typeof SummaryQuery>;

/* ───────────────────────── responses ───────────────────────── */

export const FeedbackFileView = z.object({
  id: z.string(),
  filename: z.string(),
  mime: z.string(),
  size: z.number(),
});
export type FeedbackFileView = z.infer<typeof FeedbackFileView>;

const VersionRef = z.object({ id: z.string(), label: z.string() });

export const FeedbackItemView = z.object({
  id: z.string(),
  kind: z.enum(FEEDBACK_KINDS),
  subject: z.enum(FEEDBACK_SUBJECTS),
  /** "Tiêu chí 1.1. …", "Phiếu thu thập số liệu", "Quy trình đánh giá". */
  about: TextSchema,
  criterion: z.object({ id: z.string(), name: z.string() }).nullable(),
  criteriaVersion: VersionRef.nullable(),
  text: z.string(),
  file: FeedbackFileView.nullable(),
  raisedBy: PersonRef,
  /** The raiser's agency, or null for the department's people. */
  agency: z.string().nullable(),
  raisedAt: Instant,
  status: z.enum(FEEDBACK_STATUSES),
  statusLabel: TextSchema,
  topic: z.object({ id: z.string(), name: z.string() }).nullable(),
  answer: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: Instant.nullable(),
  nextVersion: VersionRef.nullable(),
  revision: z.number(),
  /** The raiser may still attach a file (no file yet, not answered). */
  canAttach: z.boolean(),
});
export type FeedbackItemView = z.infer<typeof FeedbackItemView>;

export const FeedbackView = z.object({
  scope: z.enum(['mine', 'all']),
  items: z.array(FeedbackItemView),
  /** The criteria a new item may concern (the newest cycle's version, else the newest loaded). */
  criteria: z
    .object({
      version: VersionRef,
      options: z.array(z.object({ id: z.string(), name: z.string() })),
    })
    .nullable(),
  /** The department may answer and group (admin, assessor). */
  canManage: z.boolean(),
  /** May download the yearly summary (admin, assessor, approver). */
  canSummarise: z.boolean(),
  topics: z.array(z.object({ id: z.string(), name: z.string(), count: z.number() })),
  /** Criteria versions an "adopted" answer may name (newest first); empty for others. */
  versions: z.array(VersionRef),
  /** The years (Vietnam) in which items were raised, newest first (all scope). */
  years: z.array(z.number()),
  counts: z.object({
    new: z.number(),
    answered: z.number(),
    adopted: z.number(),
    declined: z.number(),
  }),
});
export type FeedbackView = z.infer<typeof FeedbackView>;

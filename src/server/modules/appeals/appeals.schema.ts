/**
 * The contract of the appeals (/cycles/:cycleId/appeals…): every request and response shape, once.
 * The routes validate and document with these schemas, the use cases return their inferred types,
 * and the web application imports the types from here.
 */
import { z } from 'zod';
import { APPEAL_STATUSES } from '../../db/schema.ts';
import { Instant, TextSchema, Uuid } from '../../platform/schema.ts';

/* ───────────────────────── requests ───────────────────────── */

const CriterionId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'Mã tiêu chí không hợp lệ')
  .max(40);
const FieldKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'Khóa trường số liệu không hợp lệ')
  .max(80);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');

export const CycleParams = z.object({ cycleId: Uuid });
export type CycleParams = z.infer<typeof CycleParams>;
export const AgencyParams = z.object({ cycleId: Uuid, agencyId: Uuid });
export type AgencyParams = z.infer<typeof AgencyParams>;
export const AppealParams = z.object({ cycleId: Uuid, appealId: Uuid });
export type AppealParams = z.infer<typeof AppealParams>;
export const AppealFileParams = AppealParams.extend({ fileId: Uuid });
export type AppealFileParams = z.infer<typeof AppealFileParams>;

export const AppealsQuery = z.object({ agencyId: Uuid.optional() });
export type AppealsQuery = z.infer<typeof AppealsQuery>;

export const FileAppealBody = z.object({
  criterionId: CriterionId,
  text: z.string().max(4000),
});
export type FileAppealBody = z.infer<typeof FileAppealBody>;

const JsonValue = z.union([z.boolean(), z.number(), z.string().max(5000)]);
export const AnswerBody = z.object({
  decision: z.enum(['upheld', 'rejected']),
  answer: z.string().max(4000),
  /** Upheld: the corrections of the criterion's fields (at least one). */
  corrections: z
    .array(z.object({ fieldKey: FieldKey, value: JsonValue }))
    .max(20)
    .optional(),
});
export type AnswerBody = z.infer<typeof AnswerBody>;

export const PeriodBody = z.object({
  days: z.number().int().min(0).max(30),
  holidays: z.array(IsoDate).max(60),
});
export type PeriodBody = z.infer<typeof PeriodBody>;

/* ───────────────────────── responses ───────────────────────── */

export const AppealPeriod = z.object({
  days: z.number(),
  holidays: z.array(z.string()),
  /** The approval that opened it, null before approval. */
  opensAt: Instant.nullable(),
  closesAt: Instant.nullable(),
  /** The last working day (Vietnam date), null before approval or with zero days. */
  lastDay: z.string().nullable(),
  open: z.boolean(),
});
export type AppealPeriod = z.infer<typeof AppealPeriod>;

export const AppealFileView = z.object({
  id: z.string(),
  filename: z.string(),
  mime: z.string(),
  size: z.number(),
});
export type AppealFileView = z.infer<typeof AppealFileView>;

export const AppealCorrectionView = z.object({
  fieldKey: z.string(),
  label: TextSchema,
  before: TextSchema,
  after: TextSchema,
});

export const AppealView = z.object({
  id: z.string(),
  agency: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  criterion: z.object({ id: z.string(), name: TextSchema }),
  text: z.string(),
  status: z.enum(APPEAL_STATUSES),
  statusLabel: TextSchema,
  filedBy: z.string().nullable(),
  filedAt: Instant,
  files: z.array(AppealFileView),
  answer: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: Instant.nullable(),
  /** Points of the criterion and total, whole hundredths as numbers with two decimals (87.25). */
  pointsBefore: z.number().nullable(),
  pointsAfter: z.number().nullable(),
  totalBefore: z.number().nullable(),
  totalAfter: z.number().nullable(),
  corrections: z.array(AppealCorrectionView),
  /** Fields an upheld answer may correct (staff only; empty for the agency). */
  fields: z.array(
    z.object({
      key: z.string(),
      label: TextSchema,
      type: z.string(),
      unit: TextSchema.nullable(),
      /** The choices of a list field, in the criteria set's order. */
      options: z.array(z.object({ value: z.string(), label: TextSchema })).nullable(),
      /** The official value now (what an unchanged field keeps), and as the reader sees it. */
      current: z.union([z.string(), z.number(), z.boolean(), z.null()]),
      currentShown: TextSchema,
    }),
  ),
});
export type AppealView = z.infer<typeof AppealView>;

export const AppealsView = z.object({
  cycle: z.object({ id: z.string(), year: z.number(), title: z.string(), state: z.string() }),
  period: AppealPeriod,
  /** Whether the caller may file an appeal now (a reporter of an agency on the roster). */
  canFile: z.boolean(),
  /** Why not, when a reporter may not. */
  fileRefusal: TextSchema.nullable(),
  canAnswer: z.boolean(),
  /** Criteria the agency may contest (reporter) — id and name. */
  criteria: z.array(z.object({ id: z.string(), name: TextSchema })),
  appeals: z.array(AppealView),
  openCount: z.number(),
  /** Publication waits for: the period's end, the open appeals (words), or null when nothing. */
  publishBlock: TextSchema.nullable(),
});
export type AppealsView = z.infer<typeof AppealsView>;

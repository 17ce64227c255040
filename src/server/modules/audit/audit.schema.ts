/**
 * The contract of /audit-log, the change history (nhật ký thay đổi): every request and response
 * shape, once. The routes validate and document with these schemas, the use cases return their
 * inferred types, and the web application imports the types from here.
 */
import { z } from 'zod';
import { ROLES } from '../../db/schema.ts';
import { Instant, TextSchema, Uuid } from '../../platform/schema.ts';

/* ───────────────────────── requests ───────────────────────── */

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày phải có dạng năm-tháng-ngày, ví dụ 2017-10-31' })
  .describe('Ngày theo giờ Việt Nam, ví dụ 2017-10-31');

/** What the history is narrowed to; every filter optional, all of them together. */
export const HistoryFilter = z.object({
  agencyId: Uuid.optional().describe('Chỉ các thay đổi về cơ quan này'),
  actorId: Uuid.optional().describe('Chỉ các việc người này làm'),
  field: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,100}$/, { message: 'Mã trường chỉ gồm chữ không dấu, số, dấu chấm, gạch' })
    .optional()
    .describe('Chỉ các thay đổi của trường số liệu này (mã trường, ví dụ total_staff)'),
  from: Day.optional().describe('Từ ngày (tính cả ngày này)'),
  to: Day.optional().describe('Đến ngày (tính cả ngày này)'),
});
export type HistoryFilter = z.infer<typeof HistoryFilter>;

export const HISTORY_PAGE_MAX = 200;

export const HistoryQuery = HistoryFilter.extend({
  before: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe('Trang sau: số của dòng cuối trang trước (giá trị "next" của trang đó)'),
  limit: z.coerce.number().int().min(1).max(HISTORY_PAGE_MAX).default(50),
});
export type HistoryQuery = z.infer<typeof HistoryQuery>;

/* ───────────────────────── responses ───────────────────────── */

/** One thing that changed, as a person reads it: "Tổng số CBCCVC: 45 → 47". */
export const ChangeView = z.object({
  label: TextSchema,
  before: TextSchema.nullable().describe('Giá trị trước; null khi không có (thêm mới)'),
  after: TextSchema.nullable().describe('Giá trị sau; null khi không có (xóa)'),
});
export type ChangeView = z.infer<typeof ChangeView>;

export const HistoryEntry = z.object({
  id: z.number().int(),
  at: Instant,
  /** Who did it; null for the system itself (the first administrator, a scheduled duty). */
  actor: z.object({ id: z.string(), displayName: z.string(), role: z.enum(ROLES).nullable() }).nullable(),
  action: z.string().describe('Mã việc, ví dụ submission.save'),
  /** The whole row in one sentence: who did what to what. */
  summary: TextSchema,
  agency: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
  cycle: z.object({ id: z.string(), year: z.number() }).nullable(),
  changes: z.array(ChangeView),
  reason: z.string().nullable(),
  /** The row as stored, for whoever must look closer (the administrator also sees the address). */
  record: z.object({
    entityType: z.string(),
    entityId: z.string().nullable(),
    field: z.string().nullable(),
    oldValue: z.unknown(),
    newValue: z.unknown(),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
  }),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const HistoryPage = z.object({
  entries: z.array(HistoryEntry),
  /** Pass as `before` for the next, older page; null on the last page. */
  next: z.number().int().nullable(),
  /** What this caller sees of the log, in words ("Chỉ các thay đổi trên phiếu của cơ quan bạn"). */
  scope: TextSchema,
});
export type HistoryPage = z.infer<typeof HistoryPage>;

/** The choices of the screen's filters, as far as this caller may see. */
export const HistoryOptions = z.object({
  agencies: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  people: z.array(
    z.object({
      id: z.string(),
      displayName: z.string(),
      username: z.string(),
      role: z.enum(ROLES),
      agencyName: z.string().nullable(),
    }),
  ),
  fields: z.array(z.object({ key: z.string(), label: TextSchema })),
});
export type HistoryOptions = z.infer<typeof HistoryOptions>;

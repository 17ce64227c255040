/**
 * The contract of the Excel form round-trip: download the agency's form as a workbook, upload it
 * back (a preview of every change, then a confirmation that saves), and an assessor's zip of many
 * workbooks. Every request and response shape, once; the web application imports the types.
 */
import { z } from 'zod';
import { Message, Uuid } from '../../platform/schema.ts';

export const FormParams = z.object({ cycleId: Uuid, agencyId: Uuid });
export type FormParams = z.infer<typeof FormParams>;
export const CycleParams = z.object({ cycleId: Uuid });
export type CycleParams = z.infer<typeof CycleParams>;

/** One thing wrong with an uploaded workbook: at a cell ("Hạng mục 2!C14") when there is one. */
export const FileProblem = z.object({
  cell: z.string().nullable(),
  field: z.string().nullable(),
  message: z.string(),
  messageEn: z.string(),
});
export type FileProblem = z.infer<typeof FileProblem>;

/** One value the upload changes: the cell, the field, what the form holds now and what it will. */
export const FormChange = z.object({
  cell: z.string(),
  field: z.string(),
  label: z.string(),
  old: z.unknown(),
  new: z.unknown(),
});
export type FormChange = z.infer<typeof FormChange>;

/** A logic check of the form (the web form's and the assessor's) that the uploaded values fail. */
export const UploadWarning = z.object({
  ruleId: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  messageEn: z.string(),
  cells: z.array(z.string()).describe('Các ô của biểu mẫu mà kiểm tra đọc ("Hạng mục 2!C14")'),
});
export type UploadWarning = z.infer<typeof UploadWarning>;

export const UploadPreview = z.object({
  upload: z.string().describe('Mã của tệp đã tải lên, dùng khi xác nhận lưu'),
  filename: z.string(),
  mode: z
    .enum(['draft', 'correction'])
    .describe(
      'draft: lưu vào phiếu nháp của cơ quan; correction: cơ quan đã nộp, mỗi giá trị khác được ghi thành điều chỉnh của Sở (cần lý do)',
    ),
  notice: z.string().describe('Điều sẽ xảy ra khi xác nhận, bằng lời'),
  noticeEn: z.string(),
  warnings: z.array(UploadWarning).describe('Các cảnh báo kiểm tra logic của số liệu sau khi lưu'),
  version: z
    .number()
    .nullable()
    .describe('Phiên bản phiếu khi xem trước; xác nhận chỉ được khi phiếu chưa đổi'),
  changes: z.array(FormChange),
  unchanged: z.number().describe('Số ô có giá trị giống phiếu hiện tại'),
});
export type UploadPreview = z.infer<typeof UploadPreview>;

export const ConfirmBody = z.object({
  upload: z.string().regex(/^[0-9a-f]{64}$/, 'mã tệp không hợp lệ'),
  filename: z.string().max(300),
  version: z.number().int().positive().nullable(),
  reason: z
    .string()
    .max(2000)
    .optional()
    .describe('Lý do điều chỉnh (bắt buộc khi cơ quan đã nộp phiếu: mỗi giá trị khác là một điều chỉnh)'),
});
export type ConfirmBody = z.infer<typeof ConfirmBody>;

export const ConfirmResult = z.object({
  ...Message,
  version: z.number().nullable(),
  changed: z.number(),
  evidenceId: z
    .string()
    .nullable()
    .describe('Minh chứng của phiếu nháp (null: điều chỉnh của Sở, tệp ghi trong nhật ký)'),
});
export type ConfirmResult = z.infer<typeof ConfirmResult>;

/** One line per file of an assessor's zip. */
export const BulkLine = z.object({
  file: z.string(),
  agencyCode: z.string().nullable(),
  agencyName: z.string().nullable(),
  status: z.enum(['ready', 'saved', 'unchanged', 'rejected']),
  changes: z.number(),
  problems: z.array(FileProblem),
});
export type BulkLine = z.infer<typeof BulkLine>;
export const BulkResult = z.object({ saved: z.boolean(), lines: z.array(BulkLine) });
export type BulkResult = z.infer<typeof BulkResult>;

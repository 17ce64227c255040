/** The contract of the official documents: which document, which revision, which file format. */
import { z } from 'zod';
import { Uuid } from '../../platform/schema.ts';

export const DocumentFormat = z.enum(['docx', 'pdf']);
export type DocumentFormat = z.infer<typeof DocumentFormat>;

export const CycleDocumentParams = z.object({ id: Uuid, kind: z.enum(['report', 'decision']) });
export type CycleDocumentParams = z.infer<typeof CycleDocumentParams>;
export const CycleParams = z.object({ id: Uuid });
export type CycleParams = z.infer<typeof CycleParams>;
export const NoticeParams = z.object({ id: Uuid, agencyId: Uuid });
export type NoticeParams = z.infer<typeof NoticeParams>;
export const ReceiptParams = z.object({ cycleId: Uuid, agencyId: Uuid });
export type ReceiptParams = z.infer<typeof ReceiptParams>;

export const DocumentQuery = z.object({
  format: DocumentFormat.default('docx').describe('docx (Word, sửa được) hoặc pdf'),
  revision: z.coerce.number().int().positive().optional().describe('lần công bố; mặc định lần mới nhất'),
});
export type DocumentQuery = z.infer<typeof DocumentQuery>;

export const MIME: Record<DocumentFormat | 'zip', string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  zip: 'application/zip',
};

/**
 * /cycles/:id/documents/…: the official documents (Decree 30/2020/NĐ-CP) of a published result,
 * as DOCX or PDF, and the receipt of a submission as PDF. Each route: who may call it, its
 * contract (documents.schema.ts), one use case.
 */
import { type App, type AppDeps, callerOf, sendDownload } from '../../platform/http.ts';
import { errorResponses } from '../../platform/schema.ts';
import { documentsAccess as access } from './documents.policy.ts';
import {
  CycleDocumentParams,
  CycleParams,
  DocumentQuery,
  MIME,
  NoticeParams,
  ReceiptParams,
} from './documents.schema.ts';
import {
  type DocumentFile,
  downloadAllNotices,
  downloadCycleDocument,
  downloadNotice,
  downloadReceipt,
} from './download-documents.ts';

const tags = ['documents'];

export function documentsRoutes(app: App, deps: AppDeps) {
  const send = (reply: Parameters<typeof sendDownload>[0], f: DocumentFile) =>
    sendDownload(reply, f.bytes, f.filename, MIME[f.format]);

  app.get(
    '/cycles/:id/official-documents/:kind',
    {
      config: { access: access.official },
      schema: {
        tags,
        summary:
          'Báo cáo kết quả năm gửi UBND tỉnh (report) hoặc dự thảo quyết định công bố (decision), DOCX hoặc PDF',
        params: CycleDocumentParams,
        querystring: DocumentQuery,
        response: errorResponses,
      },
    },
    async (req, reply) =>
      send(reply, await downloadCycleDocument(deps, callerOf(req), { ...req.params, ...req.query })),
  );

  app.get(
    '/cycles/:id/notices.zip',
    {
      config: { access: access.notices },
      schema: {
        tags,
        summary: 'Thông báo kết quả của mọi cơ quan (DOCX và PDF) trong một tệp .zip',
        params: CycleParams,
        response: errorResponses,
      },
    },
    async (req, reply) => send(reply, await downloadAllNotices(deps, callerOf(req), req.params)),
  );

  app.get(
    '/cycles/:id/notices/:agencyId',
    {
      config: { access: access.notice },
      schema: {
        tags,
        summary: 'Thông báo kết quả của một cơ quan, DOCX hoặc PDF',
        params: NoticeParams,
        querystring: DocumentQuery.pick({ format: true }),
        response: errorResponses,
      },
    },
    async (req, reply) =>
      send(reply, await downloadNotice(deps, callerOf(req), { ...req.params, ...req.query })),
  );

  app.get(
    '/cycles/:cycleId/agencies/:agencyId/submission/receipt.pdf',
    {
      config: { access: access.receipt },
      schema: {
        tags,
        summary: 'Biên nhận nộp phiếu dạng PDF',
        params: ReceiptParams,
        response: errorResponses,
      },
    },
    async (req, reply) => send(reply, await downloadReceipt(deps, callerOf(req), req.params)),
  );
}

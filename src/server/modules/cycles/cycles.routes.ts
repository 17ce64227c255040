/**
 * /cycles: the yearly evaluation cycles up to the review (R8, R9, R10). Each route: who may call
 * it, its contract (cycles.schema.ts), one use case.
 */
import type { FastifyRequest } from 'fastify';
import { invalid } from '../../platform/errors.ts';
import { type App, type AppDeps, callerOf, sendDownload } from '../../platform/http.ts';
import { ErrorSchema, errorResponses } from '../../platform/schema.ts';
import { attachDocument, type DocumentUpload, downloadDocument } from './attach-document.ts';
import { closeCycle } from './close-cycle.ts';
import { createCycle } from './create-cycle.ts';
import { cyclesAccess as access } from './cycles.policy.ts';
import {
  CreateCycleBody,
  CycleAnswer,
  CycleList,
  CycleParams,
  CycleWithMail,
  DocumentParams,
  EditCycleBody,
  ExtendDeadlineBody,
} from './cycles.schema.ts';
import { editCycle } from './edit-cycle.ts';
import { extendDeadline } from './extend-deadline.ts';
import { openCycle } from './open-cycle.ts';
import { listCycles, readCycle } from './read-cycles.ts';
import { startReview } from './start-review.ts';

const tags = ['cycles'];

/** Reads a multipart upload: one file, in the field "file". */
async function readDocument(req: FastifyRequest): Promise<DocumentUpload> {
  const needFile = () =>
    invalid('file', {
      vi: 'Hãy chọn một tệp và gửi trong trường "file" (multipart/form-data)',
      en: 'Send one file in the field "file" (multipart/form-data)',
    });
  if (!req.isMultipart()) throw needFile();
  const part = await req.file();
  if (part?.fieldname !== 'file') {
    part?.file.resume();
    throw needFile();
  }
  return { filename: part.filename, bytes: await part.toBuffer() };
}

export function cyclesRoutes(app: App, deps: AppDeps) {
  app.get(
    '/cycles',
    {
      config: { access: access.list },
      schema: {
        tags,
        summary: 'Danh sách kỳ đánh giá (người xem và đơn vị chỉ thấy các kỳ đã mở)',
        response: { 200: CycleList, ...errorResponses },
      },
    },
    async (req) => listCycles(deps, callerOf(req)),
  );

  app.get(
    '/cycles/:id',
    {
      config: { access: access.get },
      schema: {
        tags,
        summary: 'Một kỳ đánh giá: văn bản, lịch sử gia hạn, số cơ quan theo nhóm',
        params: CycleParams,
        response: { 200: CycleAnswer, ...errorResponses },
      },
    },
    async (req) => readCycle(deps, callerOf(req), req.params),
  );

  app.post(
    '/cycles',
    {
      config: { access: access.create },
      schema: {
        tags,
        summary:
          'Tạo kỳ đánh giá của một năm (mỗi năm một kỳ). Mặc định: hướng dẫn trước 01/10, hạn nộp trước 01/11 00:00, công bố trước 01/01 năm sau (giờ Việt Nam)',
        body: CreateCycleBody,
        response: { 201: CycleAnswer, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createCycle(deps, callerOf(req), req.body)),
  );

  app.patch(
    '/cycles/:id',
    {
      config: { access: access.update },
      schema: {
        tags,
        summary: 'Sửa kỳ đánh giá khi còn ở trạng thái Nháp (tên, thời hạn, bộ tiêu chí, thông báo)',
        params: CycleParams,
        body: EditCycleBody,
        response: { 200: CycleAnswer, ...errorResponses },
      },
    },
    async (req) => editCycle(deps, callerOf(req), { ...req.params, ...req.body }),
  );

  app.post(
    '/cycles/:id/documents/:kind',
    {
      config: { access: access.attachDocument },
      schema: {
        tags,
        summary:
          'Tải lên văn bản hướng dẫn (guidance) hoặc phiếu thu thập số liệu (form): multipart, một tệp ở trường "file"; chỉ nhận PDF, DOCX, DOC, XLSX, ODT',
        consumes: ['multipart/form-data'],
        params: DocumentParams,
        response: { 200: CycleAnswer, ...errorResponses, 413: ErrorSchema, 415: ErrorSchema },
      },
    },
    async (req) => attachDocument(deps, callerOf(req), { ...req.params, read: () => readDocument(req) }),
  );

  app.get(
    '/cycles/:id/documents/:kind',
    {
      config: { access: access.downloadDocument },
      schema: {
        tags,
        summary: 'Tải văn bản hướng dẫn (guidance) hoặc phiếu thu thập số liệu (form) của kỳ đánh giá',
        params: DocumentParams,
        response: errorResponses,
      },
    },
    async (req, reply) => {
      const doc = await downloadDocument(deps, callerOf(req), req.params);
      return sendDownload(reply, doc.bytes, doc.filename, doc.mime);
    },
  );

  app.post(
    '/cycles/:id/open',
    {
      config: { access: access.open },
      schema: {
        tags,
        summary:
          'Mở kỳ đánh giá: cần văn bản hướng dẫn; chốt danh sách cơ quan có hiệu lực vào ngày ban hành hướng dẫn; xếp thư thông báo cho người báo cáo của từng cơ quan vào hàng đợi gửi thư',
        params: CycleParams,
        response: { 200: CycleWithMail, ...errorResponses },
      },
    },
    async (req) => openCycle(deps, callerOf(req), req.params),
  );

  app.post(
    '/cycles/:id/close',
    {
      config: { access: access.close },
      schema: {
        tags,
        summary: 'Đóng kỳ nhận báo cáo (chỉ từ hạn nộp trở đi)',
        params: CycleParams,
        response: { 200: CycleAnswer, ...errorResponses },
      },
    },
    async (req) => closeCycle(deps, callerOf(req), req.params),
  );

  app.post(
    '/cycles/:id/start-review',
    {
      config: { access: access.startReview },
      schema: {
        tags,
        summary: 'Bắt đầu thẩm định kỳ đã đóng',
        params: CycleParams,
        response: { 200: CycleAnswer, ...errorResponses },
      },
    },
    async (req) => startReview(deps, callerOf(req), req.params),
  );

  app.post(
    '/cycles/:id/extend-deadline',
    {
      config: { access: access.extendDeadline },
      schema: {
        tags,
        summary:
          'Gia hạn nộp báo cáo cho toàn bộ kỳ (không có gia hạn riêng cho từng cơ quan): chỉ khi kỳ đang mở và chưa hết hạn; hạn mới sau hạn cũ, trước hạn công bố; cần lý do và số văn bản quyết định; thư báo hạn mới qua hàng đợi gửi thư',
        params: CycleParams,
        body: ExtendDeadlineBody,
        response: { 200: CycleWithMail, ...errorResponses },
      },
    },
    async (req) => extendDeadline(deps, callerOf(req), { ...req.params, ...req.body }),
  );
}

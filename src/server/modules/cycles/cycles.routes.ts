/** /cycles: the yearly evaluation cycles up to the review (R8, R9, R10). */
import { z } from 'zod';
import { CYCLE_STATES } from '../../db/schema.ts';
import { invalid } from '../../platform/errors.ts';
import {
  type App,
  type AppDeps,
  actorOf,
  ErrorSchema,
  errorResponses,
  Instant,
  sendDownload,
  Uuid,
  userOf,
} from '../../platform/http.ts';
import { cyclesPolicy } from './cycles.policy.ts';
import { cyclesService, DOCUMENT_KINDS } from './cycles.service.ts';

const TextSchema = z.object({ vi: z.string(), en: z.string().optional() });
const InstantInput = z.string().max(40).describe('ISO-8601 có múi giờ, ví dụ 2017-11-01T00:00:00+07:00');

const CycleView = z.object({
  id: z.string(),
  year: z.number(),
  title: z.string(),
  state: z.enum(CYCLE_STATES),
  stateLabel: TextSchema,
  criteriaVersion: z.object({ id: z.string(), setId: z.string(), version: z.string(), title: z.string() }),
  guidanceBy: Instant,
  deadline: Instant,
  publishBy: Instant,
  rosterDate: z.string(),
  announcement: z.string().nullable(),
  openedAt: Instant.nullable(),
  closedAt: Instant.nullable(),
  approvedAt: Instant.nullable(),
  publishedAt: Instant.nullable(),
  createdAt: Instant,
  updatedAt: Instant,
  version: z.number(),
});

const FileView = z.object({
  id: z.string(),
  filename: z.string(),
  mime: z.string(),
  size: z.number(),
  sha256: z.string(),
  uploadedAt: Instant,
});

const CycleDetail = CycleView.extend({
  documents: z.object({ guidance: FileView.nullable(), form: FileView.nullable() }),
  extensions: z.array(
    z.object({
      id: z.string(),
      oldDeadline: Instant,
      newDeadline: Instant,
      reason: z.string(),
      decisionRef: z.string(),
      decidedBy: z.string().nullable(),
      decidedByName: z.string().nullable(),
      createdAt: Instant,
    }),
  ),
  roster: z.object({
    date: z.string(),
    frozen: z.boolean(),
    total: z.number(),
    groups: z.array(z.object({ groupId: z.string(), count: z.number() })),
  }),
  transitions: z.array(
    z.object({
      to: z.enum(CYCLE_STATES),
      action: TextSchema,
      allowed: z.boolean(),
      reason: TextSchema.nullable(),
    }),
  ),
});

const MailReport = z.object({
  agencies: z.number(),
  sent: z.number(),
  failed: z.array(z.string()),
  withoutRecipients: z.array(z.string()),
});

const Editable = {
  title: z.string().max(600, 'Tên kỳ đánh giá tối đa 300 ký tự'),
  criteriaVersionId: Uuid,
  guidanceBy: InstantInput,
  deadline: InstantInput,
  publishBy: InstantInput,
  announcement: z.string().max(10_000, 'Thông báo tối đa 5000 ký tự').nullable(),
};

export function cyclesRoutes(app: App, deps: AppDeps) {
  const service = cyclesService(deps);
  const Id = z.object({ id: Uuid });

  app.get(
    '/cycles',
    {
      config: { access: cyclesPolicy.list },
      schema: {
        tags: ['cycles'],
        summary: 'Danh sách kỳ đánh giá (người xem và đơn vị chỉ thấy các kỳ đã mở)',
        response: { 200: z.object({ cycles: z.array(CycleView) }), ...errorResponses },
      },
    },
    async (req) => ({ cycles: await service.list(userOf(req)) }),
  );

  app.get(
    '/cycles/:id',
    {
      config: { access: cyclesPolicy.get },
      schema: {
        tags: ['cycles'],
        summary: 'Một kỳ đánh giá: văn bản, lịch sử gia hạn, số cơ quan theo nhóm',
        params: Id,
        response: { 200: z.object({ cycle: CycleDetail }), ...errorResponses },
      },
    },
    async (req) => ({ cycle: await service.get(userOf(req), req.params.id) }),
  );

  app.post(
    '/cycles',
    {
      config: { access: cyclesPolicy.create },
      schema: {
        tags: ['cycles'],
        summary:
          'Tạo kỳ đánh giá của một năm (mỗi năm một kỳ). Mặc định: hướng dẫn trước 01/10, hạn nộp trước 01/11 00:00, công bố trước 01/01 năm sau (giờ Việt Nam)',
        body: z.object({
          year: z
            .number()
            .int('Năm phải là số nguyên')
            .min(2016, 'Năm từ 2016 trở đi')
            .max(2100, 'Năm không quá 2100'),
          title: Editable.title.optional(),
          criteriaVersionId: Editable.criteriaVersionId.optional(),
          guidanceBy: Editable.guidanceBy.optional(),
          deadline: Editable.deadline.optional(),
          publishBy: Editable.publishBy.optional(),
          announcement: Editable.announcement.optional(),
        }),
        response: { 201: z.object({ cycle: CycleDetail }), ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send({ cycle: await service.create(actorOf(req), req.body) }),
  );

  app.patch(
    '/cycles/:id',
    {
      config: { access: cyclesPolicy.update },
      schema: {
        tags: ['cycles'],
        summary: 'Sửa kỳ đánh giá khi còn ở trạng thái Nháp (tên, thời hạn, bộ tiêu chí, thông báo)',
        params: Id,
        body: z.object({
          version: z.number().int(),
          title: Editable.title.optional(),
          criteriaVersionId: Editable.criteriaVersionId.optional(),
          guidanceBy: Editable.guidanceBy.optional(),
          deadline: Editable.deadline.optional(),
          publishBy: Editable.publishBy.optional(),
          announcement: Editable.announcement.optional(),
        }),
        response: { 200: z.object({ cycle: CycleDetail }), ...errorResponses },
      },
    },
    async (req) => ({ cycle: await service.update(actorOf(req), req.params.id, req.body) }),
  );

  app.post(
    '/cycles/:id/documents/:kind',
    {
      config: { access: cyclesPolicy.attachDocument },
      schema: {
        tags: ['cycles'],
        summary:
          'Tải lên văn bản hướng dẫn (guidance) hoặc phiếu thu thập số liệu (form): multipart, một tệp ở trường "file"; chỉ nhận PDF, DOCX, DOC, XLSX, ODT',
        consumes: ['multipart/form-data'],
        params: z.object({ id: Uuid, kind: z.enum(DOCUMENT_KINDS) }),
        response: {
          200: z.object({ cycle: CycleDetail }),
          ...errorResponses,
          413: ErrorSchema,
          415: ErrorSchema,
        },
      },
    },
    async (req) => {
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
      const bytes = await part.toBuffer();
      return {
        cycle: await service.attachDocument(actorOf(req), req.params.id, req.params.kind, {
          filename: part.filename,
          bytes,
        }),
      };
    },
  );

  app.get(
    '/cycles/:id/documents/:kind',
    {
      config: { access: cyclesPolicy.downloadDocument },
      schema: {
        tags: ['cycles'],
        summary: 'Tải văn bản hướng dẫn (guidance) hoặc phiếu thu thập số liệu (form) của kỳ đánh giá',
        params: z.object({ id: Uuid, kind: z.enum(DOCUMENT_KINDS) }),
        response: errorResponses,
      },
    },
    async (req, reply) => {
      const doc = await service.document(userOf(req), req.params.id, req.params.kind);
      return sendDownload(reply, doc.bytes, doc.filename, doc.mime);
    },
  );

  app.post(
    '/cycles/:id/open',
    {
      config: { access: cyclesPolicy.open },
      schema: {
        tags: ['cycles'],
        summary:
          'Mở kỳ đánh giá: cần văn bản hướng dẫn; chốt danh sách cơ quan có hiệu lực vào ngày ban hành hướng dẫn; gửi thư thông báo cho người báo cáo của từng cơ quan',
        params: Id,
        response: { 200: z.object({ cycle: CycleDetail, mail: MailReport }), ...errorResponses },
      },
    },
    async (req) => service.open(actorOf(req), req.params.id),
  );

  app.post(
    '/cycles/:id/close',
    {
      config: { access: cyclesPolicy.close },
      schema: {
        tags: ['cycles'],
        summary: 'Đóng kỳ nhận báo cáo (chỉ từ hạn nộp trở đi)',
        params: Id,
        response: { 200: z.object({ cycle: CycleDetail }), ...errorResponses },
      },
    },
    async (req) => service.close(actorOf(req), req.params.id),
  );

  app.post(
    '/cycles/:id/start-review',
    {
      config: { access: cyclesPolicy.startReview },
      schema: {
        tags: ['cycles'],
        summary: 'Bắt đầu thẩm định kỳ đã đóng',
        params: Id,
        response: { 200: z.object({ cycle: CycleDetail }), ...errorResponses },
      },
    },
    async (req) => service.startReview(actorOf(req), req.params.id),
  );

  app.post(
    '/cycles/:id/extend-deadline',
    {
      config: { access: cyclesPolicy.extendDeadline },
      schema: {
        tags: ['cycles'],
        summary:
          'Gia hạn nộp báo cáo cho toàn bộ kỳ (không có gia hạn riêng cho từng cơ quan): chỉ khi kỳ đang mở và chưa hết hạn; hạn mới sau hạn cũ, trước hạn công bố; cần lý do và số văn bản quyết định',
        params: Id,
        body: z.object({
          deadline: InstantInput,
          reason: z.string().max(2000, 'Lý do tối đa 2000 ký tự'),
          decisionRef: z.string().max(300, 'Số hiệu văn bản tối đa 300 ký tự'),
        }),
        response: { 200: z.object({ cycle: CycleDetail, mail: MailReport }), ...errorResponses },
      },
    },
    async (req) => service.extendDeadline(actorOf(req), req.params.id, req.body),
  );
}

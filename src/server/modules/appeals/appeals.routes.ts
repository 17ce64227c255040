/**
 * /cycles/:cycleId/appeals…: agencies contest criteria of their provisional result, the department
 * answers, the administrator sets the period. Each route: who may call it, its contract
 * (appeals.schema.ts), one use case.
 */
import type { FastifyRequest } from 'fastify';
import { type App, type AppDeps, callerOf, sendDownload } from '../../platform/http.ts';
import { readFilePart } from '../../platform/multipart.ts';
import { errorResponses } from '../../platform/schema.ts';
import { answerAppeal } from './answer-appeal.ts';
import { appealsAccess as access } from './appeals.policy.ts';
import {
  AgencyParams,
  AnswerBody,
  AppealFileParams,
  AppealFileView,
  AppealParams,
  AppealPeriod,
  AppealsQuery,
  AppealsView,
  AppealView,
  CycleParams,
  FileAppealBody,
  PeriodBody,
} from './appeals.schema.ts';
import { type AppealUpload, attachAppealFile, downloadAppealFile, fileAppeal } from './file-appeal.ts';
import { readAppealsView } from './read-appeals.ts';
import { setAppealPeriod } from './set-period.ts';

const tags = ['appeals'];

/** One file in the multipart field "file". */
async function readUpload(req: FastifyRequest): Promise<AppealUpload> {
  const part = await readFilePart(req);
  return part?.fieldname === 'file' ? { filename: part.filename, bytes: part.bytes } : null;
}

export function appealsRoutes(app: App, deps: AppDeps) {
  app.get(
    '/cycles/:cycleId/appeals',
    {
      config: { access: access.list },
      schema: {
        tags,
        summary: 'Kiến nghị về kết quả tạm thời của kỳ (đơn vị: của cơ quan mình), thời hạn kiến nghị',
        params: CycleParams,
        querystring: AppealsQuery,
        response: { 200: AppealsView, ...errorResponses },
      },
    },
    async (req) => readAppealsView(deps, callerOf(req), { ...req.params, ...req.query }),
  );

  app.post(
    '/cycles/:cycleId/agencies/:agencyId/appeals',
    {
      config: { access: access.file },
      schema: {
        tags,
        summary: 'Cơ quan gửi kiến nghị về một tiêu chí của kết quả tạm thời (trong thời hạn kiến nghị)',
        params: AgencyParams,
        body: FileAppealBody,
        response: { 201: AppealView, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await fileAppeal(deps, callerOf(req), { ...req.params, ...req.body })),
  );

  app.post(
    '/cycles/:cycleId/appeals/:appealId/files',
    {
      config: { access: access.attach },
      schema: {
        tags,
        summary: 'Đính kèm tệp vào kiến nghị (multipart, trường "file")',
        consumes: ['multipart/form-data'],
        params: AppealParams,
        response: { 201: AppealFileView, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await attachAppealFile(deps, callerOf(req), { ...req.params, read: () => readUpload(req) })),
  );

  app.get(
    '/cycles/:cycleId/appeals/:appealId/files/:fileId',
    {
      config: { access: access.download },
      schema: {
        tags,
        summary: 'Tải xuống tệp đính kèm của kiến nghị',
        params: AppealFileParams,
        response: { ...errorResponses },
      },
    },
    async (req, reply) => {
      const file = await downloadAppealFile(deps, callerOf(req), req.params);
      return sendDownload(reply, file.bytes, file.filename, file.mime);
    },
  );

  app.post(
    '/cycles/:cycleId/appeals/:appealId/answer',
    {
      config: { access: access.answer },
      schema: {
        tags,
        summary:
          'Trả lời kiến nghị: chấp nhận (kèm điều chỉnh số liệu của tiêu chí) hoặc không chấp nhận (có lý do)',
        params: AppealParams,
        body: AnswerBody,
        response: { 200: AppealView, ...errorResponses },
      },
    },
    async (req) => answerAppeal(deps, callerOf(req), { ...req.params, ...req.body }),
  );

  app.put(
    '/cycles/:cycleId/appeal-period',
    {
      config: { access: access.setPeriod },
      schema: {
        tags,
        summary: 'Đặt số ngày làm việc được kiến nghị sau phê duyệt và các ngày nghỉ lễ',
        params: CycleParams,
        body: PeriodBody,
        response: { 200: AppealPeriod, ...errorResponses },
      },
    },
    async (req) => setAppealPeriod(deps, callerOf(req), { ...req.params, ...req.body }),
  );
}

/**
 * /feedback…: difficulties and proposals about the regulation (issue 14 item 5): everyone signed
 * in raises and reads their own; the department answers and groups; the yearly summary for the
 * People's Committee. Each route: who may call it, its contract (feedback.schema.ts), one use case.
 */
import type { FastifyRequest } from 'fastify';
import { type App, type AppDeps, callerOf, sendDownload } from '../../platform/http.ts';
import { readFilePart } from '../../platform/multipart.ts';
import { errorResponses } from '../../platform/schema.ts';
import { MIME } from '../documents/documents.schema.ts';
import { answerFeedback, groupFeedback } from './answer-feedback.ts';
import { downloadFeedbackSummary } from './download-summary.ts';
import { feedbackAccess as access } from './feedback.policy.ts';
import {
  AnswerBody,
  FeedbackFileView,
  FeedbackItemView,
  FeedbackQuery,
  FeedbackView,
  ItemParams,
  RaiseBody,
  SummaryQuery,
  TopicBody,
} from './feedback.schema.ts';
import {
  attachFeedbackFile,
  downloadFeedbackFile,
  type FeedbackUpload,
  raiseFeedback,
} from './raise-feedback.ts';
import { readFeedback } from './read-feedback.ts';

const tags = ['feedback'];

/** One file in the multipart field "file". */
async function readUpload(req: FastifyRequest): Promise<FeedbackUpload> {
  const part = await readFilePart(req);
  return part?.fieldname === 'file' ? { filename: part.filename, bytes: part.bytes } : null;
}

export function feedbackRoutes(app: App, deps: AppDeps) {
  app.get(
    '/feedback',
    {
      config: { access: access.list },
      schema: {
        tags,
        summary: 'Góp ý về quy định: của chính mình (scope=mine) hoặc tất cả (scope=all, Sở và Ban Chỉ đạo)',
        querystring: FeedbackQuery,
        response: { 200: FeedbackView, ...errorResponses },
      },
    },
    async (req) => readFeedback(deps, callerOf(req), req.query),
  );

  app.post(
    '/feedback',
    {
      config: { access: access.raise },
      schema: {
        tags,
        summary: 'Gửi khó khăn, vướng mắc hoặc đề xuất về một tiêu chí, phiếu thu thập hoặc quy trình',
        body: RaiseBody,
        response: { 201: FeedbackItemView, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await raiseFeedback(deps, callerOf(req), req.body)),
  );

  app.post(
    '/feedback/:itemId/file',
    {
      config: { access: access.attach },
      schema: {
        tags,
        summary: 'Đính kèm một tệp vào góp ý của mình, trước khi được trả lời (multipart, trường "file")',
        consumes: ['multipart/form-data'],
        params: ItemParams,
        response: { 201: FeedbackFileView, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await attachFeedbackFile(deps, callerOf(req), { ...req.params, read: () => readUpload(req) })),
  );

  app.get(
    '/feedback/:itemId/file',
    {
      config: { access: access.download },
      schema: {
        tags,
        summary: 'Tải xuống tệp đính kèm của góp ý',
        params: ItemParams,
        response: { ...errorResponses },
      },
    },
    async (req, reply) => {
      const file = await downloadFeedbackFile(deps, callerOf(req), req.params);
      return sendDownload(reply, file.bytes, file.filename, file.mime);
    },
  );

  app.post(
    '/feedback/:itemId/answer',
    {
      config: { access: access.answer },
      schema: {
        tags,
        summary:
          'Sở trả lời góp ý: đã trả lời, tiếp thu vào phiên bản sau, hoặc không tiếp thu (sửa được về sau)',
        params: ItemParams,
        body: AnswerBody,
        response: { 200: FeedbackItemView, ...errorResponses },
      },
    },
    async (req) => answerFeedback(deps, callerOf(req), { ...req.params, ...req.body }),
  );

  app.put(
    '/feedback/:itemId/topic',
    {
      config: { access: access.topic },
      schema: {
        tags,
        summary: 'Xếp góp ý vào một chủ đề (tạo chủ đề mới nếu chưa có), hoặc bỏ khỏi chủ đề',
        params: ItemParams,
        body: TopicBody,
        response: { 200: FeedbackItemView, ...errorResponses },
      },
    },
    async (req) => groupFeedback(deps, callerOf(req), { ...req.params, ...req.body }),
  );

  app.get(
    '/feedback/summary',
    {
      config: { access: access.summary },
      schema: {
        tags,
        summary: 'Báo cáo tổng hợp góp ý của một năm gửi UBND tỉnh (DOCX hoặc PDF, thể thức Nghị định 30)',
        querystring: SummaryQuery,
        response: errorResponses,
      },
    },
    async (req, reply) => {
      const f = await downloadFeedbackSummary(deps, callerOf(req), req.query);
      return sendDownload(reply, f.bytes, f.filename, MIME[f.format]);
    },
  );
}

/**
 * /cycles/:cycleId/review…: the department's verification of the submissions (R10, R12, R16, R17),
 * and the queries an agency answers (/cycles/:cycleId/queries…, /cycles/:cycleId/agencies/:agencyId/queries).
 * Each route: who may call it, its contract (review.schema.ts), one use case.
 */
import type { FastifyRequest } from 'fastify';
import { type App, type AppDeps, callerOf, sendDownload } from '../../platform/http.ts';
import { readFilePart } from '../../platform/multipart.ts';
import { errorResponses } from '../../platform/schema.ts';
import { answerQuery, answerQueryWithFile, downloadQueryFile, type MessageUpload } from './answer-query.ts';
import { closeQuery } from './close-query.ts';
import { correctValue } from './correct-value.ts';
import { decideClaim } from './decide-claim.ts';
import { downloadEvidence } from './download-evidence.ts';
import { raiseQuery } from './raise-query.ts';
import { readAgencyQueries } from './read-queries.ts';
import { readReviewList, readReviewPage } from './read-review.ts';
import { addSurveyEvidence, recordSurvey, type SurveyUpload } from './record-survey.ts';
import { reviewAccess as access } from './review.policy.ts';
import {
  AgencyParams,
  AgencyQueries,
  ClaimParams,
  ClaimResult,
  ClosedQuery,
  CorrectionBody,
  CorrectionResult,
  CycleParams,
  DecisionBody,
  EvidenceParams,
  ListFilter,
  MessageBody,
  QueryFileParams,
  QueryParams,
  QueryResult,
  RaiseQueryBody,
  ReviewList,
  ReviewPage,
  SurveyBody,
  SurveyEvidenceResult,
  SurveyParams,
  SurveyResult,
  ValueParams,
} from './review.schema.ts';

const tags = ['review'];

/** Reads a survey's file from a multipart request: field "file", with a field "note" before it. */
async function readSurveyUpload(req: FastifyRequest): Promise<SurveyUpload> {
  const part = await readFilePart(req);
  if (part?.fieldname !== 'file') return null;
  return { filename: part.filename, bytes: part.bytes, note: part.text('note') };
}

/** Reads a message with a file from a multipart request: field "body" first, then field "file". */
async function readMessage(req: FastifyRequest): Promise<MessageUpload> {
  const part = await readFilePart(req);
  return {
    body: part?.text('body') ?? '',
    file: part?.fieldname === 'file' ? { filename: part.filename, bytes: part.bytes } : null,
  };
}

export function reviewRoutes(app: App, deps: AppDeps) {
  app.get(
    '/cycles/:cycleId/review',
    {
      config: { access: access.list },
      schema: {
        tags,
        summary: 'Danh sách thẩm định: tình trạng từng cơ quan của kỳ đánh giá',
        params: CycleParams,
        querystring: ListFilter,
        response: { 200: ReviewList, ...errorResponses },
      },
    },
    async (req) => readReviewList(deps, callerOf(req), { ...req.params, ...req.query }),
  );

  app.get(
    '/cycles/:cycleId/review/:agencyId',
    {
      config: { access: access.page },
      schema: {
        tags,
        summary:
          'Hồ sơ thẩm định của một cơ quan: số liệu, điều chỉnh, minh chứng, câu hỏi, khảo sát, so sánh tự đánh giá với kết quả chính thức',
        params: AgencyParams,
        response: { 200: ReviewPage, ...errorResponses },
      },
    },
    async (req) => readReviewPage(deps, callerOf(req), req.params),
  );

  app.post(
    '/cycles/:cycleId/review/:agencyId/queries',
    {
      config: { access: access.openQuery },
      schema: {
        tags,
        summary:
          'Gửi câu hỏi, đề nghị giải trình cho cơ quan (thư báo cho người báo cáo đi qua hàng đợi gửi thư)',
        params: AgencyParams,
        body: RaiseQueryBody,
        response: { 201: QueryResult, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await raiseQuery(deps, callerOf(req), { ...req.params, ...req.body })),
  );

  app.post(
    '/cycles/:cycleId/queries/:queryId/messages',
    {
      config: { access: access.postMessage },
      schema: {
        tags,
        summary:
          'Trao đổi về một câu hỏi (cơ quan trả lời, Sở TT&TT hỏi thêm); thư báo cho bên kia đi qua hàng đợi gửi thư',
        params: QueryParams,
        body: MessageBody,
        response: { 201: QueryResult, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await answerQuery(deps, callerOf(req), { ...req.params, ...req.body })),
  );

  app.post(
    '/cycles/:cycleId/queries/:queryId/messages-with-file',
    {
      config: { access: access.postMessage },
      schema: {
        tags,
        summary:
          'Trao đổi về một câu hỏi kèm một tệp (multipart: trường "body" là nội dung, trường "file" là tệp) — kể cả sau khi đã nộp phiếu',
        consumes: ['multipart/form-data'],
        params: QueryParams,
        response: { 201: QueryResult, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await answerQueryWithFile(deps, callerOf(req), { ...req.params, read: () => readMessage(req) }),
        ),
  );

  app.get(
    '/cycles/:cycleId/queries/:queryId/files/:fileId',
    {
      config: { access: access.postMessage },
      schema: {
        tags,
        summary: 'Tải tệp gửi kèm một trao đổi về câu hỏi',
        params: QueryFileParams,
        response: errorResponses,
      },
    },
    async (req, reply) => {
      const file = await downloadQueryFile(deps, callerOf(req), req.params);
      return sendDownload(reply, file.bytes, file.filename, file.mime);
    },
  );

  app.post(
    '/cycles/:cycleId/queries/:queryId/close',
    {
      config: { access: access.closeQuery },
      schema: {
        tags,
        summary: 'Đóng câu hỏi',
        params: QueryParams,
        response: { 200: ClosedQuery, ...errorResponses },
      },
    },
    async (req) => closeQuery(deps, callerOf(req), req.params),
  );

  app.get(
    '/cycles/:cycleId/agencies/:agencyId/queries',
    {
      config: { access: access.agencyQueries },
      schema: {
        tags,
        summary: 'Các câu hỏi của Sở TT&TT gửi cơ quan trong kỳ đánh giá',
        params: AgencyParams,
        response: { 200: AgencyQueries, ...errorResponses },
      },
    },
    async (req) => readAgencyQueries(deps, callerOf(req), req.params),
  );

  app.post(
    '/cycles/:cycleId/review/:agencyId/surveys',
    {
      config: { access: access.createSurvey },
      schema: {
        tags,
        summary: 'Ghi biên bản khảo sát thực tế tại cơ quan',
        params: AgencyParams,
        body: SurveyBody,
        response: { 201: SurveyResult, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await recordSurvey(deps, callerOf(req), { ...req.params, ...req.body })),
  );

  app.post(
    '/cycles/:cycleId/review/:agencyId/surveys/:surveyId/evidence',
    {
      config: { access: access.addSurveyEvidence },
      schema: {
        tags,
        summary:
          'Tải lên minh chứng của khảo sát thực tế (multipart, trường "file"; có thể kèm trường "note" trước tệp)',
        consumes: ['multipart/form-data'],
        params: SurveyParams,
        response: { 201: SurveyEvidenceResult, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await addSurveyEvidence(deps, callerOf(req), { ...req.params, read: () => readSurveyUpload(req) }),
        ),
  );

  app.get(
    '/cycles/:cycleId/review/:agencyId/evidence/:evidenceId',
    {
      config: { access: access.downloadEvidence },
      schema: {
        tags,
        summary: 'Tải xuống một minh chứng của cơ quan (của cơ quan hoặc của khảo sát)',
        params: EvidenceParams,
        response: { ...errorResponses },
      },
    },
    async (req, reply) => {
      const file = await downloadEvidence(deps, callerOf(req), req.params);
      return sendDownload(reply, file.bytes, file.filename, file.mime);
    },
  );

  app.post(
    '/cycles/:cycleId/review/:agencyId/claims/:criterionId/decision',
    {
      config: { access: access.decideClaim },
      schema: {
        tags,
        summary: 'Xác nhận hoặc từ chối đề nghị "không áp dụng" của cơ quan',
        params: ClaimParams,
        body: DecisionBody,
        response: { 200: ClaimResult, ...errorResponses },
      },
    },
    async (req) => decideClaim(deps, callerOf(req), { ...req.params, ...req.body }),
  );

  app.put(
    '/cycles/:cycleId/review/:agencyId/values/:fieldKey',
    {
      config: { access: access.correct },
      schema: {
        tags,
        summary:
          'Điều chỉnh số liệu của cơ quan (có lý do) hoặc chấm điểm của người thẩm định; value: null để trở lại số liệu của cơ quan',
        params: ValueParams,
        body: CorrectionBody,
        response: { 200: CorrectionResult, ...errorResponses },
      },
    },
    async (req) => correctValue(deps, callerOf(req), { ...req.params, ...req.body }),
  );
}

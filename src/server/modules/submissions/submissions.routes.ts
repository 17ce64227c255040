/**
 * /cycles/:cycleId/agencies/:agencyId/submission: the agency's form, claims, evidence, self-score,
 * submission, receipt. Each route: who may call it, its contract (submissions.schema.ts), one use case.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { invalid } from '../../platform/errors.ts';
import { type App, type AppDeps, callerOf, sendDownload } from '../../platform/http.ts';
import { ErrorSchema, errorResponses } from '../../platform/schema.ts';
import { attachEvidence, downloadEvidence, removeEvidence, type Upload } from './attach-evidence.ts';
import { claimNotApplicable, withdrawClaim } from './claim-not-applicable.ts';
import { readForm, readReceipt, readSelfScore } from './read-form.ts';
import { saveDraft } from './save-draft.ts';
import { submissionsAccess as access } from './submissions.policy.ts';
import {
  ClaimBody,
  ClaimParams,
  EvidenceParams,
  EvidenceView,
  FormParams,
  FormRead,
  FormState,
  ReceiptView,
  SaveDraftBody,
  SaveDraftResult,
  ScoreView,
  SubmitBody,
  SubmitResult,
  WithdrawBody,
  WithdrawResult,
} from './submissions.schema.ts';
import { submit } from './submit.ts';
import { withdraw } from './withdraw.ts';

const BASE = '/cycles/:cycleId/agencies/:agencyId/submission';
const tags = ['submissions'];

/** Reads a multipart upload: one file in field "file", and the text fields criterionId, note. */
async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart())
    throw invalid('file', {
      vi: 'Hãy gửi tệp minh chứng dưới dạng multipart/form-data, trong trường "file"',
      en: 'Send the evidence file as multipart/form-data, in the field "file"',
    });
  let file: Upload['file'] = null;
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      // Throws (413) when the file was cut at the size limit.
      const bytes = await part.toBuffer();
      if (part.fieldname !== 'file')
        throw invalid(part.fieldname, {
          vi: 'Tệp phải được gửi trong trường "file"',
          en: 'The file must be sent in the field "file"',
        });
      file = { filename: part.filename, bytes };
    } else if (part.fieldname === 'criterionId' || part.fieldname === 'note') {
      fields[part.fieldname] = String(part.value ?? '');
    }
  }
  return { file, fields };
}

export function submissionsRoutes(app: App, deps: AppDeps) {
  app.get(
    BASE,
    {
      config: { access: access.read },
      schema: {
        tags,
        summary: 'Phiếu thu thập số liệu của cơ quan: số liệu, không áp dụng, minh chứng, biên nhận',
        params: FormParams,
        response: { 200: FormRead, ...errorResponses },
      },
    },
    async (req) => readForm(deps, callerOf(req), req.params),
  );

  app.put(
    `${BASE}/values`,
    {
      config: { access: access.edit },
      schema: {
        tags,
        summary:
          'Lưu nháp một phần số liệu (null để xóa một ô), ghi kèm phiên bản đã đọc; chỉ từ chối ô người khác đã sửa',
        params: FormParams,
        body: SaveDraftBody,
        response: { 200: SaveDraftResult, ...errorResponses },
      },
    },
    async (req) => saveDraft(deps, callerOf(req), { ...req.params, ...req.body }),
  );

  app.get(
    `${BASE}/score`,
    {
      config: { access: access.read },
      schema: {
        tags,
        summary: 'Điểm tự đánh giá hiện tại, giải thích từng tiêu chí và kết quả kiểm tra logic',
        params: FormParams,
        response: { 200: ScoreView, ...errorResponses },
      },
    },
    async (req) => readSelfScore(deps, callerOf(req), req.params),
  );

  app.put(
    `${BASE}/claims/:criterionId`,
    {
      config: { access: access.edit },
      schema: {
        tags,
        summary: 'Khai tiêu chí "không áp dụng" kèm lý do',
        params: ClaimParams,
        body: ClaimBody,
        response: { 200: FormState, ...errorResponses },
      },
    },
    async (req) => claimNotApplicable(deps, callerOf(req), { ...req.params, ...req.body }),
  );

  app.delete(
    `${BASE}/claims/:criterionId`,
    {
      config: { access: access.edit },
      schema: {
        tags,
        summary: 'Bỏ khai "không áp dụng" của một tiêu chí',
        params: ClaimParams,
        response: { 200: FormState, ...errorResponses },
      },
    },
    async (req) => withdrawClaim(deps, callerOf(req), req.params),
  );

  app.post(
    `${BASE}/evidence`,
    {
      config: { access: access.edit },
      schema: {
        tags,
        summary:
          'Tải lên tệp minh chứng (multipart: file, criterionId, note); loại tệp xác định theo nội dung',
        consumes: ['multipart/form-data'],
        params: FormParams,
        response: { 201: EvidenceView, ...errorResponses, 413: ErrorSchema, 415: ErrorSchema },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await attachEvidence(deps, callerOf(req), { ...req.params, read: () => readUpload(req) })),
  );

  app.get(
    `${BASE}/evidence/:evidenceId`,
    {
      config: { access: access.read },
      schema: { tags, summary: 'Tải về tệp minh chứng', params: EvidenceParams },
    },
    async (req, reply) => {
      const file = await downloadEvidence(deps, callerOf(req), req.params);
      return sendDownload(reply, file.bytes, file.filename, file.mime);
    },
  );

  app.delete(
    `${BASE}/evidence/:evidenceId`,
    {
      config: { access: access.edit },
      schema: {
        tags,
        summary: 'Gỡ tệp minh chứng (khi phiếu còn là nháp)',
        params: EvidenceParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await removeEvidence(deps, callerOf(req), req.params);
      return reply.status(204).send(null);
    },
  );

  app.post(
    `${BASE}/submit`,
    {
      config: { access: access.submit },
      schema: {
        tags,
        summary: 'Nộp phiếu (thủ trưởng cơ quan xác nhận); thời điểm nộp theo đồng hồ máy chủ',
        params: FormParams,
        body: SubmitBody,
        response: { 200: SubmitResult, ...errorResponses },
      },
    },
    async (req) => submit(deps, callerOf(req), { ...req.params, ...req.body }),
  );

  app.get(
    `${BASE}/receipt`,
    {
      config: { access: access.read },
      schema: {
        tags,
        summary: 'Biên nhận nộp phiếu',
        params: FormParams,
        response: { 200: ReceiptView, ...errorResponses },
      },
    },
    async (req) => readReceipt(deps, callerOf(req), req.params),
  );

  app.post(
    `${BASE}/withdraw`,
    {
      config: { access: access.withdraw },
      schema: {
        tags,
        summary: 'Rút phiếu đã nộp về nháp (chỉ trước hạn chót), kèm lý do',
        params: FormParams,
        body: WithdrawBody,
        response: { 200: WithdrawResult, ...errorResponses },
      },
    },
    async (req) => withdraw(deps, callerOf(req), { ...req.params, ...req.body }),
  );
}

/** /cycles/:cycleId/agencies/:agencyId/submission: the agency's form, claims, evidence, self-score, submission, receipt. */
import type { FastifyRequest } from 'fastify';
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
import { submissionsPolicy } from './submissions.policy.ts';
import { submissionsService, type Upload } from './submissions.service.ts';

const BASE = '/cycles/:cycleId/agencies/:agencyId/submission';
const TAGS = ['submissions'];

const TextSchema = z.object({ vi: z.string(), en: z.string().optional() });
const Params = z.object({ cycleId: Uuid, agencyId: Uuid });
const ClaimParams = Params.extend({ criterionId: z.string().trim().min(1).max(20) });
const EvidenceParams = Params.extend({ evidenceId: Uuid });

const Score = z.object({
  total: z.number(),
  max: z.number(),
  class: z.object({ id: z.string(), label: TextSchema }),
  categories: z.array(z.object({ id: z.string(), name: TextSchema, points: z.number(), max: z.number() })),
  criteria: z.array(
    z.object({
      id: z.string(),
      categoryId: z.string(),
      name: TextSchema,
      points: z.number(),
      max: z.number(),
      basis: z.string(),
      explanation: TextSchema,
      notApplicableAllowed: z.boolean(),
    }),
  ),
  findings: z.array(
    z.object({
      ruleId: z.string(),
      severity: z.enum(['error', 'warning']),
      message: TextSchema,
      fields: z.array(z.string()),
    }),
  ),
});

const Person = z.object({ id: z.string(), displayName: z.string() });

const Receipt = z.object({
  submissionId: z.string(),
  agency: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  cycle: z.object({ id: z.string(), year: z.number(), title: z.string() }),
  submittedAt: Instant,
  submittedAtVn: z.string().describe('dd/mm/yyyy HH:mm:ss, giờ Việt Nam'),
  deadline: Instant,
  deadlineVn: z.string(),
  late: z.boolean(),
  timeliness: TextSchema,
  contentHash: z.string(),
  attestation: z.object({ name: z.string(), title: z.string() }),
  submittedBy: Person.nullable(),
});

const Evidence = z.object({
  id: z.string(),
  criterionId: z.string().nullable(),
  filename: z.string(),
  mime: z.string(),
  size: z.number(),
  note: z.string().nullable(),
  uploadedAt: Instant,
  surveyId: z.string().nullable(),
});

const FormState = z.object({
  cycle: z.object({
    id: z.string(),
    year: z.number(),
    title: z.string(),
    state: z.enum(CYCLE_STATES),
    deadline: Instant,
    deadlineVn: z.string(),
    deadlinePassed: z.boolean(),
  }),
  agency: z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    groupId: z.string(),
    groupName: TextSchema,
  }),
  submissionId: z.string().nullable(),
  status: z.enum(['not_started', 'draft', 'submitted']),
  version: z.number().nullable(),
  values: z.record(z.string(), z.unknown()),
  updatedAt: Instant.nullable(),
  updatedBy: Person.nullable(),
  claims: z.array(
    z.object({
      criterionId: z.string(),
      criterionName: TextSchema,
      reason: z.string(),
      status: z.enum(['claimed', 'confirmed', 'rejected']),
      claimedAt: Instant,
      decidedAt: Instant.nullable(),
      decisionNote: z.string().nullable(),
    }),
  ),
  evidence: z.array(Evidence),
  submittedAt: Instant.nullable(),
  contentHash: z.string().nullable(),
  attestation: z.object({ name: z.string().nullable(), title: z.string().nullable() }).nullable(),
  withdrawnCount: z.number(),
  late: z.boolean(),
  receipt: Receipt.nullable(),
  editable: z.boolean(),
  notEditable: z.object({ code: z.string(), message: z.string(), messageEn: z.string() }).nullable(),
  score: Score,
});

const Message = { message: z.string(), messageEn: z.string() };

/**
 * The form as read (GET) also says how large an evidence file may be, so the browser can refuse
 * a too-large file before sending megabytes the server will drop (the limit is the server's
 * CHISO_UPLOAD_MAX_MB; no separate config route for one number).
 */
const FormRead = FormState.extend({
  evidenceMaxBytes: z.number().describe('Dung lượng tối đa của một tệp minh chứng (byte)'),
});

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
  const service = submissionsService(deps.database.db, deps.clock, deps.files);

  app.get(
    BASE,
    {
      config: { access: submissionsPolicy.read },
      schema: {
        tags: TAGS,
        summary:
          'Phiếu thu thập số liệu của cơ quan: số liệu, không áp dụng, minh chứng, điểm tự đánh giá, biên nhận',
        params: Params,
        response: { 200: FormRead, ...errorResponses },
      },
    },
    async (req) => ({
      ...(await service.get(userOf(req), req.params.cycleId, req.params.agencyId)),
      evidenceMaxBytes: deps.config.uploadMaxBytes,
    }),
  );

  app.put(
    `${BASE}/values`,
    {
      config: { access: submissionsPolicy.edit },
      schema: {
        tags: TAGS,
        summary: 'Lưu nháp một phần số liệu (null để xóa một ô); ghi kèm phiên bản đã đọc',
        params: Params,
        body: z.object({
          version: z.number().int().positive().nullable(),
          values: z
            .record(z.string().max(100), z.unknown())
            .refine((v) => Object.keys(v).length <= 500, 'tối đa 500 trường mỗi lần lưu'),
        }),
        response: { 200: FormState, ...errorResponses },
      },
    },
    async (req) =>
      service.saveValues(
        actorOf(req),
        userOf(req),
        req.params.cycleId,
        req.params.agencyId,
        req.body.version,
        req.body.values,
      ),
  );

  app.get(
    `${BASE}/score`,
    {
      config: { access: submissionsPolicy.read },
      schema: {
        tags: TAGS,
        summary: 'Điểm tự đánh giá hiện tại, giải thích từng tiêu chí và kết quả kiểm tra logic',
        params: Params,
        response: { 200: Score, ...errorResponses },
      },
    },
    async (req) => service.score(userOf(req), req.params.cycleId, req.params.agencyId),
  );

  app.put(
    `${BASE}/claims/:criterionId`,
    {
      config: { access: submissionsPolicy.edit },
      schema: {
        tags: TAGS,
        summary: 'Khai tiêu chí "không áp dụng" kèm lý do',
        params: ClaimParams,
        body: z.object({ reason: z.string().max(4000) }),
        response: { 200: FormState, ...errorResponses },
      },
    },
    async (req) =>
      service.putClaim(
        actorOf(req),
        userOf(req),
        req.params.cycleId,
        req.params.agencyId,
        req.params.criterionId,
        req.body.reason,
      ),
  );

  app.delete(
    `${BASE}/claims/:criterionId`,
    {
      config: { access: submissionsPolicy.edit },
      schema: {
        tags: TAGS,
        summary: 'Bỏ khai "không áp dụng" của một tiêu chí',
        params: ClaimParams,
        response: { 200: FormState, ...errorResponses },
      },
    },
    async (req) =>
      service.deleteClaim(
        actorOf(req),
        userOf(req),
        req.params.cycleId,
        req.params.agencyId,
        req.params.criterionId,
      ),
  );

  app.post(
    `${BASE}/evidence`,
    {
      config: { access: submissionsPolicy.edit },
      schema: {
        tags: TAGS,
        summary:
          'Tải lên tệp minh chứng (multipart: file, criterionId, note); loại tệp xác định theo nội dung',
        consumes: ['multipart/form-data'],
        params: Params,
        response: { 201: Evidence, ...errorResponses, 413: ErrorSchema, 415: ErrorSchema },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await service.addEvidence(actorOf(req), userOf(req), req.params.cycleId, req.params.agencyId, () =>
            readUpload(req),
          ),
        ),
  );

  app.get(
    `${BASE}/evidence/:evidenceId`,
    {
      config: { access: submissionsPolicy.read },
      schema: { tags: TAGS, summary: 'Tải về tệp minh chứng', params: EvidenceParams },
    },
    async (req, reply) => {
      const file = await service.downloadEvidence(
        userOf(req),
        req.params.cycleId,
        req.params.agencyId,
        req.params.evidenceId,
      );
      return sendDownload(reply, file.bytes, file.filename, file.mime);
    },
  );

  app.delete(
    `${BASE}/evidence/:evidenceId`,
    {
      config: { access: submissionsPolicy.edit },
      schema: {
        tags: TAGS,
        summary: 'Gỡ tệp minh chứng (khi phiếu còn là nháp)',
        params: EvidenceParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await service.removeEvidence(
        actorOf(req),
        userOf(req),
        req.params.cycleId,
        req.params.agencyId,
        req.params.evidenceId,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    `${BASE}/submit`,
    {
      config: { access: submissionsPolicy.submit },
      schema: {
        tags: TAGS,
        summary: 'Nộp phiếu (thủ trưởng cơ quan xác nhận); thời điểm nộp theo đồng hồ máy chủ',
        params: Params,
        body: z.object({
          version: z.number().int().positive(),
          attestedName: z.string().max(200),
          attestedTitle: z.string().max(200),
        }),
        response: { 200: z.object({ ...Message, receipt: Receipt, state: FormState }), ...errorResponses },
      },
    },
    async (req) =>
      service.submit(actorOf(req), userOf(req), req.params.cycleId, req.params.agencyId, req.body),
  );

  app.get(
    `${BASE}/receipt`,
    {
      config: { access: submissionsPolicy.read },
      schema: {
        tags: TAGS,
        summary: 'Biên nhận nộp phiếu',
        params: Params,
        response: { 200: Receipt, ...errorResponses },
      },
    },
    async (req) => service.receipt(userOf(req), req.params.cycleId, req.params.agencyId),
  );

  app.post(
    `${BASE}/withdraw`,
    {
      config: { access: submissionsPolicy.withdraw },
      schema: {
        tags: TAGS,
        summary: 'Rút phiếu đã nộp về nháp (chỉ trước hạn chót), kèm lý do',
        params: Params,
        body: z.object({ reason: z.string().max(4000) }),
        response: { 200: z.object({ ...Message, state: FormState }), ...errorResponses },
      },
    },
    async (req) =>
      service.withdraw(actorOf(req), userOf(req), req.params.cycleId, req.params.agencyId, req.body.reason),
  );
}

/**
 * /cycles/:cycleId/review…: the department's verification of the submissions (R10, R12, R16, R17),
 * and the queries an agency answers (/cycles/:cycleId/queries…, /cycles/:cycleId/agencies/:agencyId/queries).
 */
import { z } from 'zod';
import { CYCLE_STATES } from '../../db/schema.ts';
import {
  type App,
  type AppDeps,
  actorOf,
  errorResponses,
  Instant,
  sendDownload,
  Uuid,
  userOf,
} from '../../platform/http.ts';
import { WebsiteCheckView } from '../website-checks/website-checks.schema.ts';
import { reviewPolicy } from './review.policy.ts';
import { reviewService } from './review.service.ts';
import { REVIEW_STATUSES } from './review-status.ts';

const Text = z.object({ vi: z.string(), en: z.string().optional() });
const UserRef = z.object({ id: z.string(), name: z.string() });
const CycleRef = z.object({
  id: z.string(),
  year: z.number(),
  title: z.string(),
  state: z.enum(CYCLE_STATES),
  deadline: Instant,
});
const CriterionId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'Mã tiêu chí không hợp lệ')
  .max(40);
const FieldKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'Khóa trường số liệu không hợp lệ')
  .max(80);

const ListRow = z.object({
  agencyId: z.string(),
  code: z.string(),
  name: z.string(),
  group: z.string(),
  submissionStatus: z.enum(['not_started', 'draft', 'submitted']),
  submittedAt: Instant.nullable(),
  late: z.boolean(),
  openQueries: z.number(),
  answeredQueries: z.number(),
  pendingClaims: z.number(),
  corrections: z.number(),
  findings: z.object({ errors: z.number(), warnings: z.number() }).nullable(),
  selfTotal: z.number().nullable(),
  officialTotal: z.number().nullable(),
  selfClass: z.object({ id: z.string(), label: Text }).nullable(),
  officialClass: z.object({ id: z.string(), label: Text }).nullable(),
  reviewStatus: z.enum(REVIEW_STATUSES),
  reviewStatusLabel: Text,
});

const FieldValue = z.object({
  key: z.string(),
  label: Text,
  source: z.enum(['agency', 'monitoring', 'reviewer']),
  type: z.string(),
  unit: Text.nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  options: z.array(z.object({ value: z.string(), label: Text })).nullable(),
  agencyValue: z.unknown(),
  officialValue: z.unknown(),
  corrected: z.boolean(),
  history: z.array(
    z.object({
      kind: z.enum(['correction', 'reviewer']),
      oldValue: z.unknown(),
      newValue: z.unknown(),
      restoresAgencyValue: z.boolean(),
      reason: z.string().nullable(),
      surveyId: z.string().nullable(),
      by: UserRef.nullable(),
      at: Instant,
    }),
  ),
});

const Claim = z.object({
  criterionId: z.string(),
  criterionName: Text.nullable(),
  reason: z.string(),
  status: z.enum(['claimed', 'confirmed', 'rejected']),
  claimedAt: Instant,
  decidedBy: UserRef.nullable(),
  decidedAt: Instant.nullable(),
  decisionNote: z.string().nullable(),
});

const Evidence = z.object({
  id: z.string(),
  criterionId: z.string().nullable(),
  surveyId: z.string().nullable(),
  filename: z.string(),
  mime: z.string(),
  size: z.number(),
  note: z.string().nullable(),
  addedBy: UserRef.nullable(),
  addedAt: Instant,
});

const Query = z.object({
  id: z.string(),
  agencyId: z.string(),
  criterionId: z.string().nullable(),
  fieldKey: z.string().nullable(),
  subject: z.string(),
  status: z.enum(['open', 'answered', 'closed']),
  createdBy: UserRef.nullable(),
  createdAt: Instant,
  closedAt: Instant.nullable(),
  messages: z.array(
    z.object({
      id: z.string(),
      body: z.string(),
      author: UserRef.extend({ role: z.string() }).nullable(),
      createdAt: Instant,
    }),
  ),
});

const Notified = z.object({ recipients: z.number(), sent: z.boolean() });

const Survey = z.object({
  id: z.string(),
  surveyDate: z.string(),
  team: z.string(),
  findings: z.string(),
  createdBy: UserRef.nullable(),
  createdAt: Instant,
  evidence: z.array(Evidence),
});

const Side = z.object({
  points: z.number(),
  basis: z.enum(['formula', 'not_applicable', 'gate_closed', 'website_checks']),
  explanation: Text,
});
const Totals = z.object({
  total: z.number(),
  classId: z.string(),
  classLabel: Text,
  categories: z.array(z.object({ id: z.string(), name: Text, points: z.number(), max: z.number() })),
});

const Page = z.object({
  cycle: CycleRef,
  agency: z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    group: z.string(),
    groupName: Text,
  }),
  submission: z
    .object({
      id: z.string(),
      status: z.enum(['draft', 'submitted']),
      submittedAt: Instant.nullable(),
      late: z.boolean(),
      version: z.number(),
      attestedName: z.string().nullable(),
      attestedTitle: z.string().nullable(),
    })
    .nullable(),
  reviewStatus: z.enum(REVIEW_STATUSES),
  reviewStatusLabel: Text,
  values: z.array(FieldValue),
  claims: z.array(Claim),
  evidence: z.array(Evidence),
  queries: z.array(Query),
  surveys: z.array(Survey),
  websiteChecks: z.array(WebsiteCheckView),
  findings: z.array(
    z.object({
      ruleId: z.string(),
      severity: z.enum(['error', 'warning']),
      message: Text,
      fields: z.array(z.string()),
    }),
  ),
  comparison: z.object({
    self: Totals,
    official: Totals,
    difference: z.number(),
    criteria: z.array(
      z.object({
        id: z.string(),
        name: Text,
        categoryId: z.string(),
        max: z.number(),
        fields: z.array(z.string()).describe('các trường số liệu tiêu chí sử dụng'),
        self: Side,
        official: Side,
        difference: z.number(),
        reasons: z.array(
          z.object({
            kind: z.enum(['correction', 'reviewer_mark', 'na_rejected', 'na_pending']),
            fieldKey: z.string().optional(),
            text: Text,
          }),
        ),
      }),
    ),
  }),
});

const CycleParams = z.object({ cycleId: Uuid });
const AgencyParams = z.object({ cycleId: Uuid, agencyId: Uuid });
const QueryParams = z.object({ cycleId: Uuid, queryId: Uuid });
const JsonValue = z.union([z.null(), z.boolean(), z.number(), z.string().max(5000)]);

export function reviewRoutes(app: App, deps: AppDeps) {
  const service = reviewService({
    db: deps.database.db,
    clock: deps.clock,
    mailer: deps.mailer,
    files: deps.files,
    publicUrl: deps.config.publicUrl,
  });
  const tags = ['review'];

  app.get(
    '/cycles/:cycleId/review',
    {
      config: { access: reviewPolicy.list },
      schema: {
        tags,
        summary: 'Danh sách thẩm định: tình trạng từng cơ quan của kỳ đánh giá',
        params: CycleParams,
        querystring: z.object({
          group: z.string().max(40).optional(),
          status: z.enum(REVIEW_STATUSES).optional(),
        }),
        response: { 200: z.object({ cycle: CycleRef, agencies: z.array(ListRow) }), ...errorResponses },
      },
    },
    async (req) => service.list(userOf(req), req.params.cycleId, req.query),
  );

  app.get(
    '/cycles/:cycleId/review/:agencyId',
    {
      config: { access: reviewPolicy.page },
      schema: {
        tags,
        summary:
          'Hồ sơ thẩm định của một cơ quan: số liệu, điều chỉnh, minh chứng, câu hỏi, khảo sát, so sánh tự đánh giá với kết quả chính thức',
        params: AgencyParams,
        response: { 200: Page, ...errorResponses },
      },
    },
    async (req) => service.page(userOf(req), req.params.cycleId, req.params.agencyId),
  );

  app.post(
    '/cycles/:cycleId/review/:agencyId/queries',
    {
      config: { access: reviewPolicy.openQuery },
      schema: {
        tags,
        summary: 'Gửi câu hỏi, đề nghị giải trình cho cơ quan (gửi thư điện tử cho người báo cáo)',
        params: AgencyParams,
        body: z.object({
          subject: z.string().max(200),
          body: z.string().max(5000),
          criterionId: CriterionId.nullable().optional(),
          fieldKey: FieldKey.nullable().optional(),
        }),
        response: { 201: z.object({ query: Query, notified: Notified }), ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await service.openQuery(
            actorOf(req),
            userOf(req),
            req.params.cycleId,
            req.params.agencyId,
            req.body,
          ),
        ),
  );

  app.post(
    '/cycles/:cycleId/queries/:queryId/messages',
    {
      config: { access: reviewPolicy.postMessage },
      schema: {
        tags,
        summary: 'Trao đổi về một câu hỏi (cơ quan trả lời, Sở TT&TT hỏi thêm)',
        params: QueryParams,
        body: z.object({ body: z.string().max(5000) }),
        response: { 201: z.object({ query: Query, notified: Notified }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const result = await service.postMessage(
        actorOf(req),
        userOf(req),
        req.params.cycleId,
        req.params.queryId,
        req.body.body,
      );
      if (result.notified.recipients > 0 && !result.notified.sent)
        req.log.warn({ queryId: req.params.queryId }, 'query e-mail not sent');
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/cycles/:cycleId/queries/:queryId/close',
    {
      config: { access: reviewPolicy.closeQuery },
      schema: {
        tags,
        summary: 'Đóng câu hỏi',
        params: QueryParams,
        response: { 200: z.object({ query: Query }), ...errorResponses },
      },
    },
    async (req) => ({
      query: await service.closeQuery(actorOf(req), userOf(req), req.params.cycleId, req.params.queryId),
    }),
  );

  app.get(
    '/cycles/:cycleId/agencies/:agencyId/queries',
    {
      config: { access: reviewPolicy.agencyQueries },
      schema: {
        tags,
        summary: 'Các câu hỏi của Sở TT&TT gửi cơ quan trong kỳ đánh giá',
        params: AgencyParams,
        response: { 200: z.object({ queries: z.array(Query) }), ...errorResponses },
      },
    },
    async (req) => ({
      queries: await service.agencyQueries(userOf(req), req.params.cycleId, req.params.agencyId),
    }),
  );

  app.post(
    '/cycles/:cycleId/review/:agencyId/surveys',
    {
      config: { access: reviewPolicy.createSurvey },
      schema: {
        tags,
        summary: 'Ghi biên bản khảo sát thực tế tại cơ quan',
        params: AgencyParams,
        body: z.object({
          surveyDate: z.string().max(10),
          team: z.string().max(1000),
          findings: z.string().max(20000),
        }),
        response: { 201: z.object({ survey: Survey }), ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send({
        survey: await service.createSurvey(
          actorOf(req),
          userOf(req),
          req.params.cycleId,
          req.params.agencyId,
          req.body,
        ),
      }),
  );

  app.post(
    '/cycles/:cycleId/review/:agencyId/surveys/:surveyId/evidence',
    {
      config: { access: reviewPolicy.addSurveyEvidence },
      schema: {
        tags,
        summary:
          'Tải lên minh chứng của khảo sát thực tế (multipart, trường "file"; có thể kèm trường "note" trước tệp)',
        consumes: ['multipart/form-data'],
        params: AgencyParams.extend({ surveyId: Uuid }),
        response: { 201: z.object({ evidence: Evidence }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const evidence = await service.addSurveyEvidence(
        actorOf(req),
        userOf(req),
        req.params.cycleId,
        req.params.agencyId,
        req.params.surveyId,
        async () => {
          if (!req.isMultipart()) return null;
          const part = await req.file();
          if (!part) return null;
          // Read first: the size limit applies (413) and the stream is drained whatever its field.
          const bytes = await part.toBuffer();
          if (part.fieldname !== 'file') return null;
          const note = part.fields.note;
          const noteValue =
            note && !Array.isArray(note) && note.type === 'field' && typeof note.value === 'string'
              ? note.value
              : undefined;
          return { filename: part.filename, bytes, note: noteValue };
        },
      );
      return reply.status(201).send({ evidence });
    },
  );

  app.get(
    '/cycles/:cycleId/review/:agencyId/evidence/:evidenceId',
    {
      config: { access: reviewPolicy.downloadEvidence },
      schema: {
        tags,
        summary: 'Tải xuống một minh chứng của cơ quan (của cơ quan hoặc của khảo sát)',
        params: AgencyParams.extend({ evidenceId: Uuid }),
        response: { ...errorResponses },
      },
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

  app.post(
    '/cycles/:cycleId/review/:agencyId/claims/:criterionId/decision',
    {
      config: { access: reviewPolicy.decideClaim },
      schema: {
        tags,
        summary: 'Xác nhận hoặc từ chối đề nghị "không áp dụng" của cơ quan',
        params: AgencyParams.extend({ criterionId: CriterionId }),
        body: z.object({
          decision: z.enum(['confirm', 'reject']),
          note: z.string().max(2000).nullable().optional(),
        }),
        response: { 200: z.object({ claim: Claim }), ...errorResponses },
      },
    },
    async (req) => ({
      claim: await service.decideClaim(
        actorOf(req),
        userOf(req),
        req.params.cycleId,
        req.params.agencyId,
        req.params.criterionId,
        req.body,
      ),
    }),
  );

  app.put(
    '/cycles/:cycleId/review/:agencyId/values/:fieldKey',
    {
      config: { access: reviewPolicy.correct },
      schema: {
        tags,
        summary:
          'Điều chỉnh số liệu của cơ quan (có lý do) hoặc chấm điểm của người thẩm định; value: null để trở lại số liệu của cơ quan',
        params: AgencyParams.extend({ fieldKey: FieldKey }),
        body: z.object({
          value: JsonValue,
          reason: z.string().max(2000).nullable().optional(),
          surveyId: Uuid.nullable().optional(),
        }),
        response: { 200: z.object({ value: FieldValue }), ...errorResponses },
      },
    },
    async (req) => ({
      value: await service.correct(
        actorOf(req),
        userOf(req),
        req.params.cycleId,
        req.params.agencyId,
        req.params.fieldKey,
        req.body,
      ),
    }),
  );
}

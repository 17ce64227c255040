/**
 * /cycles/:id/approve · return · publish · revise, and /cycles/:id/results…: the Steering
 * Committee's decision, the frozen published revisions, one agency at a glance, the downloads.
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
import { resultsPolicy } from './results.policy.ts';
import { resultsService } from './results.service.ts';

const Text = z.object({ vi: z.string(), en: z.string().optional() });
const Reason = z.enum(['late', 'missing']);
const Points = z.number().describe('điểm, tối đa 2 chữ số thập phân');
const Values = z.record(z.string(), z.unknown());

const CycleStateView = z.object({
  id: z.string(),
  year: z.number(),
  title: z.string(),
  state: z.enum(CYCLE_STATES),
  stateLabel: Text,
  version: z.number(),
  approvedAt: Instant.nullable(),
  approvedBy: z.string().nullable(),
  approvalNote: z.string().nullable(),
  publishedAt: Instant.nullable(),
});

const RevisionMeta = z.object({
  number: z.number(),
  reason: z.string().nullable(),
  publishedAt: Instant,
  publishedBy: z.string().nullable(),
  contentHash: z.string(),
  verified: z.boolean().describe('nội dung lưu trữ vẫn khớp mã băm đã ghi'),
});

const Group = z.object({
  id: z.string(),
  name: Text,
  categories: z.array(z.object({ id: z.string(), name: Text, max: Points })),
  ranking: z.array(
    z.object({
      agencyId: z.string(),
      code: z.string(),
      name: z.string(),
      rank: z.number(),
      total: Points,
      class: z.string(),
      classLabel: Text,
      categories: z.array(z.object({ id: z.string(), points: Points, max: Points })),
      criteria: z.record(z.string(), Points),
    }),
  ),
  notRanked: z.array(
    z.object({ agencyId: z.string(), code: z.string(), name: z.string(), reason: Reason, reasonLabel: Text }),
  ),
});

const CriteriaRef = z.object({
  id: z.string(),
  setId: z.string(),
  version: z.string(),
  title: z.string(),
  hash: z.string(),
});
const Classes = z.array(z.object({ id: z.string(), label: Text, min: z.number() }));

const Snapshot = z.object({
  format: z.literal('chiso.published/1'),
  revision: z.number(),
  reason: z.string().nullable(),
  publishedAt: Instant,
  cycle: z.object({
    id: z.string(),
    year: z.number(),
    title: z.string(),
    guidanceBy: Instant,
    deadline: Instant,
    publishBy: Instant,
    openedAt: Instant.nullable(),
    closedAt: Instant.nullable(),
    approvedAt: Instant.nullable(),
    approvalNote: z.string().nullable(),
  }),
  criteria: CriteriaRef,
  classes: Classes,
  groups: z.array(Group),
  agencies: z.array(
    z.object({
      agencyId: z.string(),
      code: z.string(),
      name: z.string(),
      group: z.string(),
      submittedAt: Instant.nullable(),
      values: Values,
      notApplicable: z.array(z.string()),
      websiteChecks: z.array(z.object({ checkedAt: Instant.nullable(), values: Values })),
    }),
  ),
});

const ResultsView = z.object({
  cycle: z.object({
    id: z.string(),
    year: z.number(),
    title: z.string(),
    state: z.enum(CYCLE_STATES),
    stateLabel: Text,
  }),
  preview: z.boolean().describe('true: xếp hạng trực tiếp trên số liệu thẩm định hiện tại, chưa công bố'),
  revision: RevisionMeta.nullable(),
  criteria: CriteriaRef,
  classes: Classes,
  groups: z.array(Group),
});

const Standing = {
  ranked: z.boolean(),
  rank: z.number().nullable(),
  rankedInGroup: z.number(),
  total: Points.nullable(),
  class: z.string().nullable(),
  classLabel: Text.nullable(),
  notRankedReason: Reason.nullable(),
  notRankedLabel: Text.nullable(),
};

const AgencyView = z.object({
  cycle: z.object({ id: z.string(), year: z.number(), title: z.string(), state: z.enum(CYCLE_STATES) }),
  preview: z.boolean(),
  revision: RevisionMeta.nullable(),
  agency: z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    group: z.string(),
    groupName: Text,
  }),
  ...Standing,
  categories: z.array(
    z.object({
      id: z.string(),
      name: Text,
      max: Points,
      points: Points.nullable(),
      groupAverage: Points.nullable(),
    }),
  ),
  biggestLosses: z.array(
    z.object({
      criterionId: z.string(),
      name: Text,
      categoryId: z.string(),
      points: Points,
      max: Points,
      lost: Points,
      explanation: Text,
    }),
  ),
  previousYear: z
    .object({
      year: z.number(),
      cycleId: z.string(),
      revision: z.number(),
      ...Standing,
      change: Points.nullable(),
    })
    .nullable(),
});

const Params = z.object({ id: Uuid });
const Preview = z.object({
  preview: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
const RevisionQuery = z.object({ revision: z.coerce.number().int().min(1).optional() });
const ReasonBody = z.object({ reason: z.string().max(4000).optional() }).nullish();

export function resultsRoutes(app: App, deps: AppDeps) {
  const service = resultsService(deps.database.db, deps.clock);

  app.post(
    '/cycles/:id/approve',
    {
      config: { access: resultsPolicy.approve },
      schema: {
        tags: ['results'],
        summary: 'Phê duyệt kết quả của kỳ đang thẩm định (Ban Chỉ đạo)',
        params: Params,
        body: z.object({ note: z.string().max(4000).optional() }).nullish(),
        response: { 200: z.object({ cycle: CycleStateView }), ...errorResponses },
      },
    },
    async (req) => ({
      cycle: await service.approve(actorOf(req), userOf(req), req.params.id, req.body?.note),
    }),
  );

  app.post(
    '/cycles/:id/return',
    {
      config: { access: resultsPolicy.returnForReview },
      schema: {
        tags: ['results'],
        summary: 'Trả lại kết quả đã phê duyệt để thẩm định lại (cần lý do)',
        params: Params,
        body: ReasonBody,
        response: { 200: z.object({ cycle: CycleStateView }), ...errorResponses },
      },
    },
    async (req) => ({
      cycle: await service.returnForReview(actorOf(req), userOf(req), req.params.id, req.body?.reason),
    }),
  );

  app.post(
    '/cycles/:id/publish',
    {
      config: { access: resultsPolicy.publish },
      schema: {
        tags: ['results'],
        summary: 'Công bố kết quả đã phê duyệt (từ lần thứ hai cần lý do điều chỉnh)',
        params: Params,
        body: ReasonBody,
        response: { 200: z.object({ cycle: CycleStateView, revision: RevisionMeta }), ...errorResponses },
      },
    },
    async (req) => service.publish(actorOf(req), userOf(req), req.params.id, req.body?.reason),
  );

  app.post(
    '/cycles/:id/revise',
    {
      config: { access: resultsPolicy.revise },
      schema: {
        tags: ['results'],
        summary: 'Mở lại kết quả đã công bố để điều chỉnh (bản đã công bố vẫn hiển thị)',
        params: Params,
        body: ReasonBody,
        response: { 200: z.object({ cycle: CycleStateView }), ...errorResponses },
      },
    },
    async (req) => ({
      cycle: await service.revise(actorOf(req), userOf(req), req.params.id, req.body?.reason),
    }),
  );

  app.get(
    '/cycles/:id/results',
    {
      config: { access: resultsPolicy.read },
      schema: {
        tags: ['results'],
        summary: 'Kết quả xếp hạng đã công bố (cán bộ Sở, Ban Chỉ đạo: ?preview=true để xem trước)',
        params: Params,
        querystring: Preview,
        response: { 200: ResultsView, ...errorResponses },
      },
    },
    async (req) => service.results(userOf(req), req.params.id, { preview: req.query.preview }),
  );

  app.get(
    '/cycles/:id/results/revisions',
    {
      config: { access: resultsPolicy.read },
      schema: {
        tags: ['results'],
        summary: 'Các lần công bố kết quả của kỳ đánh giá',
        params: Params,
        response: {
          200: z.object({
            revisions: z.array(
              z.object({
                number: z.number(),
                reason: z.string().nullable(),
                publishedAt: Instant,
                publishedBy: z.string().nullable(),
                contentHash: z.string(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => ({ revisions: await service.revisions(userOf(req), req.params.id) }),
  );

  app.get(
    '/cycles/:id/results/revisions/:n',
    {
      config: { access: resultsPolicy.read },
      schema: {
        tags: ['results'],
        summary: 'Một lần công bố, nguyên văn như đã lưu',
        params: z.object({ id: Uuid, n: z.coerce.number().int().min(1) }),
        response: { 200: z.object({ revision: RevisionMeta, content: Snapshot }), ...errorResponses },
      },
    },
    async (req) => service.revision(userOf(req), req.params.id, req.params.n),
  );

  app.get(
    '/cycles/:id/results/agencies/:agencyId',
    {
      config: { access: resultsPolicy.read },
      schema: {
        tags: ['results'],
        summary:
          'Kết quả của một cơ quan: thứ hạng, điểm theo hạng mục, tiêu chí mất nhiều điểm nhất, so với năm trước',
        params: z.object({ id: Uuid, agencyId: Uuid }),
        querystring: Preview,
        response: { 200: AgencyView, ...errorResponses },
      },
    },
    async (req) =>
      service.agency(userOf(req), req.params.id, req.params.agencyId, { preview: req.query.preview }),
  );

  app.get(
    '/cycles/:id/results/export.csv',
    {
      config: { access: resultsPolicy.export },
      schema: {
        tags: ['results'],
        summary: 'Tải kết quả đã công bố dạng CSV (mở bằng Excel)',
        params: Params,
        querystring: RevisionQuery.extend({ group: z.string().max(50).optional() }),
        response: errorResponses,
      },
    },
    async (req, reply) => {
      const { body, filename } = await service.exportCsv(userOf(req), req.params.id, req.query);
      return sendDownload(reply, Buffer.from(body, 'utf8'), filename, 'text/csv; charset=utf-8');
    },
  );

  app.get(
    '/cycles/:id/results/export.json',
    {
      config: { access: resultsPolicy.export },
      schema: {
        tags: ['results'],
        summary: 'Tải kết quả đã công bố theo định dạng của lệnh chiso score (interchange.md)',
        params: Params,
        querystring: RevisionQuery,
        response: errorResponses,
      },
    },
    async (req, reply) => {
      const { result, filename } = await service.exportJson(userOf(req), req.params.id, req.query);
      return sendDownload(
        reply,
        Buffer.from(`${JSON.stringify(result, null, 2)}\n`, 'utf8'),
        filename,
        'application/json; charset=utf-8',
      );
    },
  );
}

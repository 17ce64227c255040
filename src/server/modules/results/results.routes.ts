/**
 * /cycles/:id/approve · return · publish · revise, and /cycles/:id/results…: the Steering
 * Committee's decisions, the frozen published revisions, one agency at a glance, the downloads.
 * Each route: who may call it, its contract (results.schema.ts), one use case.
 */
import { type App, type AppDeps, callerOf, sendDownload } from '../../platform/http.ts';
import { errorResponses } from '../../platform/schema.ts';
import { approve } from './approve.ts';
import { exportCsv, exportJson, exportWorkbook } from './export-results.ts';
import { publish } from './publish.ts';
import { readAgencyResult } from './read-agency-result.ts';
import { listRevisions, readResults, readRevision } from './read-results.ts';
import { resultsAccess as access } from './results.policy.ts';
import {
  AgencyParams,
  AgencyView,
  ApproveBody,
  CsvQuery,
  CycleDecision,
  CycleParams,
  PreviewQuery,
  PublishBody,
  PublishResult,
  ReasonBody,
  ResultsView,
  RevisionDocument,
  RevisionList,
  RevisionParams,
  RevisionQuery,
} from './results.schema.ts';
import { returnForReview } from './return-for-review.ts';
import { revise } from './revise.ts';

const tags = ['results'];

export function resultsRoutes(app: App, deps: AppDeps) {
  app.post(
    '/cycles/:id/approve',
    {
      config: { access: access.approve },
      schema: {
        tags,
        summary: 'Phê duyệt kết quả của kỳ đang thẩm định (Ban Chỉ đạo)',
        params: CycleParams,
        body: ApproveBody,
        response: { 200: CycleDecision, ...errorResponses },
      },
    },
    async (req) => approve(deps, callerOf(req), { ...req.params, ...req.body }),
  );

  app.post(
    '/cycles/:id/return',
    {
      config: { access: access.returnForReview },
      schema: {
        tags,
        summary: 'Trả lại kết quả đã phê duyệt để thẩm định lại (cần lý do)',
        params: CycleParams,
        body: ReasonBody,
        response: { 200: CycleDecision, ...errorResponses },
      },
    },
    async (req) => returnForReview(deps, callerOf(req), { ...req.params, ...req.body }),
  );

  app.post(
    '/cycles/:id/publish',
    {
      config: { access: access.publish },
      schema: {
        tags,
        summary:
          'Công bố kết quả đã phê duyệt với số, ngày, người ký quyết định (từ lần thứ hai cần lý do điều chỉnh; lần đầu chờ hết thời hạn kiến nghị và trả lời mọi kiến nghị, hoặc ghi lý do appealOverride)',
        params: CycleParams,
        body: PublishBody,
        response: { 200: PublishResult, ...errorResponses },
      },
    },
    async (req) => publish(deps, callerOf(req), { ...req.params, ...req.body }),
  );

  app.post(
    '/cycles/:id/revise',
    {
      config: { access: access.revise },
      schema: {
        tags,
        summary: 'Mở lại kết quả đã công bố để điều chỉnh (bản đã công bố vẫn hiển thị)',
        params: CycleParams,
        body: ReasonBody,
        response: { 200: CycleDecision, ...errorResponses },
      },
    },
    async (req) => revise(deps, callerOf(req), { ...req.params, ...req.body }),
  );

  app.get(
    '/cycles/:id/results',
    {
      config: { access: access.read },
      schema: {
        tags,
        summary: 'Kết quả xếp hạng đã công bố (cán bộ Sở, Ban Chỉ đạo: ?preview=true để xem trước)',
        params: CycleParams,
        querystring: PreviewQuery,
        response: { 200: ResultsView, ...errorResponses },
      },
    },
    async (req) => readResults(deps, callerOf(req), { ...req.params, ...req.query }),
  );

  app.get(
    '/cycles/:id/results/revisions',
    {
      config: { access: access.read },
      schema: {
        tags,
        summary: 'Các lần công bố kết quả của kỳ đánh giá',
        params: CycleParams,
        response: { 200: RevisionList, ...errorResponses },
      },
    },
    async (req) => listRevisions(deps, callerOf(req), req.params),
  );

  app.get(
    '/cycles/:id/results/revisions/:n',
    {
      config: { access: access.read },
      schema: {
        tags,
        summary: 'Một lần công bố, nguyên văn như đã lưu',
        params: RevisionParams,
        response: { 200: RevisionDocument, ...errorResponses },
      },
    },
    async (req) => readRevision(deps, callerOf(req), req.params),
  );

  app.get(
    '/cycles/:id/results/agencies/:agencyId',
    {
      config: { access: access.read },
      schema: {
        tags,
        summary:
          'Kết quả của một cơ quan: thứ hạng, điểm theo hạng mục, tiêu chí mất nhiều điểm nhất, so với năm trước',
        params: AgencyParams,
        querystring: PreviewQuery,
        response: { 200: AgencyView, ...errorResponses },
      },
    },
    async (req) => readAgencyResult(deps, callerOf(req), { ...req.params, ...req.query }),
  );

  app.get(
    '/cycles/:id/results/export.csv',
    {
      config: { access: access.export },
      schema: {
        tags,
        summary: 'Tải kết quả đã công bố dạng CSV (mở bằng Excel)',
        params: CycleParams,
        querystring: CsvQuery,
        response: errorResponses,
      },
    },
    async (req, reply) => {
      const { body, filename } = await exportCsv(deps, callerOf(req), { ...req.params, ...req.query });
      return sendDownload(reply, Buffer.from(body, 'utf8'), filename, 'text/csv; charset=utf-8');
    },
  );

  app.get(
    '/cycles/:id/results/export-excel.csv',
    {
      config: { access: access.export },
      schema: {
        tags,
        summary:
          'Tải kết quả đã công bố dạng CSV mở đúng cột trong Excel tiếng Việt (dấu ; ngăn cột, dấu phẩy thập phân)',
        params: CycleParams,
        querystring: CsvQuery,
        response: errorResponses,
      },
    },
    async (req, reply) => {
      const { body, filename } = await exportCsv(deps, callerOf(req), {
        ...req.params,
        ...req.query,
        separator: ';',
      });
      return sendDownload(reply, Buffer.from(body, 'utf8'), filename, 'text/csv; charset=utf-8');
    },
  );

  app.get(
    '/cycles/:id/results/export.xlsx',
    {
      config: { access: access.export },
      schema: {
        tags,
        summary: 'Tải bảng xếp hạng đã công bố dạng Excel (mỗi nhóm một trang, in A4 ngang)',
        params: CycleParams,
        querystring: RevisionQuery,
        response: errorResponses,
      },
    },
    async (req, reply) => {
      const { bytes, filename } = await exportWorkbook(deps, callerOf(req), { ...req.params, ...req.query });
      return sendDownload(
        reply,
        bytes,
        filename,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
    },
  );

  app.get(
    '/cycles/:id/results/export.json',
    {
      config: { access: access.export },
      schema: {
        tags,
        summary: 'Tải kết quả đã công bố theo định dạng của lệnh chiso score (interchange.md)',
        params: CycleParams,
        querystring: RevisionQuery,
        response: errorResponses,
      },
    },
    async (req, reply) => {
      const { result, filename } = await exportJson(deps, callerOf(req), { ...req.params, ...req.query });
      return sendDownload(
        reply,
        Buffer.from(`${JSON.stringify(result, null, 2)}\n`, 'utf8'),
        filename,
        'application/json; charset=utf-8',
      );
    },
  );
}

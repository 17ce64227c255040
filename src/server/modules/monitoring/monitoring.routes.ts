/**
 * The website monitoring (R5): /agencies/:agencyId/sites, …/monitoring, …/content-checks, and
 * /monitoring/… for snapshots and the overview. Each route: who may call it, its contract
 * (monitoring.schema.ts), one use case.
 */
import type { FastifyReply } from 'fastify';
import { type App, type AppDeps, callerOf } from '../../platform/http.ts';
import { errorResponses } from '../../platform/schema.ts';
import { confirmSnapshot } from './confirm-snapshot.ts';
import { monitoringAccess as access } from './monitoring.policy.ts';
import {
  AgencyMonitoring,
  AgencyParams,
  ConfirmBody,
  ContentCheckQueued,
  Overview,
  PageParams,
  SchedulesAnswer,
  SchedulesBody,
  SetSiteBody,
  SiteParams,
  SitesAnswer,
  SnapshotAnswer,
  SnapshotParams,
  YearQuery,
} from './monitoring.schema.ts';
import { readAgencyMonitoring } from './read-agency-monitoring.ts';
import { readOverview } from './read-overview.ts';
import { readSites } from './read-sites.ts';
import { readPageCopy, readSnapshot } from './read-snapshot.ts';
import { requestContentCheck } from './request-content-check.ts';
import { readMonitoringSchedules, setMonitoringSchedules } from './schedules.ts';
import { setSite } from './set-site.ts';

const tags = ['monitoring'];

/**
 * A stored page is shown as it was fetched, never run: the sandbox gives it no scripts, no forms,
 * no same origin, and `default-src 'none'` stops it loading anything from the live site.
 */
const STORED_PAGE_CSP =
  "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

export function monitoringRoutes(app: App, deps: AppDeps) {
  app.get(
    '/agencies/:agencyId/sites',
    {
      config: { access: access.sites },
      schema: {
        tags,
        summary: 'Trang TTĐT và cổng dịch vụ công của cơ quan được theo dõi (hiện tại và lịch sử)',
        params: AgencyParams,
        response: { 200: SitesAnswer, ...errorResponses },
      },
    },
    async (req) => readSites(deps, callerOf(req), req.params),
  );
  app.put(
    '/agencies/:agencyId/sites/:kind',
    {
      config: { access: access.setSite },
      schema: {
        tags,
        summary: 'Đặt địa chỉ trang TTĐT (portal) hoặc cổng dịch vụ công (services) của cơ quan',
        params: SiteParams,
        body: SetSiteBody,
        response: { 200: SitesAnswer, ...errorResponses },
      },
    },
    async (req) => setSite(deps, callerOf(req), { ...req.params, ...req.body }),
  );
  app.post(
    '/agencies/:agencyId/content-checks',
    {
      config: { access: access.requestCheck },
      schema: {
        tags,
        summary: 'Kiểm tra nội dung trang TTĐT của cơ quan ngay (qua hàng đợi việc nền)',
        params: AgencyParams,
        response: { 202: ContentCheckQueued, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(202).send(await requestContentCheck(deps, callerOf(req), req.params)),
  );
  app.get(
    '/agencies/:agencyId/monitoring',
    {
      config: { access: access.agencyView },
      schema: {
        tags,
        summary: 'Kết quả theo dõi trang TTĐT của cơ quan trong năm',
        params: AgencyParams,
        querystring: YearQuery,
        response: { 200: AgencyMonitoring, ...errorResponses },
      },
    },
    async (req) => readAgencyMonitoring(deps, callerOf(req), { ...req.params, ...req.query }),
  );
  app.get(
    '/monitoring/overview',
    {
      config: { access: access.overview },
      schema: {
        tags,
        summary: 'Tổng quan trang TTĐT của mọi cơ quan trong năm',
        querystring: YearQuery,
        response: { 200: Overview, ...errorResponses },
      },
    },
    async (req) => readOverview(deps, callerOf(req), req.query),
  );
  app.get(
    '/monitoring/schedules',
    {
      config: { access: access.schedules },
      schema: {
        tags,
        summary: 'Lịch kiểm tra truy cập và kiểm tra nội dung trang TTĐT',
        response: { 200: SchedulesAnswer, ...errorResponses },
      },
    },
    async (req) => readMonitoringSchedules(deps, callerOf(req)),
  );
  app.put(
    '/monitoring/schedules',
    {
      config: { access: access.setSchedules },
      schema: {
        tags,
        summary: 'Đổi lịch kiểm tra trang TTĐT (chu kỳ kiểm tra truy cập, ngày giờ kiểm tra nội dung)',
        body: SchedulesBody,
        response: { 200: SchedulesAnswer, ...errorResponses },
      },
    },
    async (req) => setMonitoringSchedules(deps, callerOf(req), req.body),
  );
  app.get(
    '/monitoring/snapshots/:snapshotId',
    {
      config: { access: access.snapshot },
      schema: {
        tags,
        summary: 'Một lần kiểm tra nội dung: các mục tìm thấy, bằng chứng, các trang đã lưu',
        params: SnapshotParams,
        response: { 200: SnapshotAnswer, ...errorResponses },
      },
    },
    async (req) => readSnapshot(deps, callerOf(req), req.params),
  );
  app.get(
    '/monitoring/snapshots/:snapshotId/pages/:pageId',
    {
      config: { access: access.snapshot },
      schema: {
        tags,
        summary: 'Bản lưu của một trang (hiển thị trong khung cách ly, không chạy mã của trang)',
        params: PageParams,
        response: { ...errorResponses },
      },
    },
    async (req, reply) => {
      const page = await readPageCopy(deps, callerOf(req), req.params);
      return (reply as FastifyReply)
        .header('content-type', page.contentType)
        .header('content-security-policy', STORED_PAGE_CSP)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', 'inline')
        .send(page.body);
    },
  );
  app.post(
    '/monitoring/snapshots/:snapshotId/confirm',
    {
      config: { access: access.confirm },
      schema: {
        tags,
        summary: 'Xác nhận kết quả một lần kiểm tra nội dung (giữ hoặc sửa từng mục, có lý do)',
        params: SnapshotParams,
        body: ConfirmBody,
        response: { 200: SnapshotAnswer, ...errorResponses },
      },
    },
    async (req) => confirmSnapshot(deps, callerOf(req), { ...req.params, ...req.body }),
  );
}

/**
 * /audit-log: the change history (nhật ký thay đổi) for the department and, of their own form,
 * the agencies. Each route: who may call it, its contract (audit.schema.ts), one use case.
 */
import { type App, type AppDeps, callerOf, sendDownload } from '../../platform/http.ts';
import { errorResponses } from '../../platform/schema.ts';
import { auditAccess as access } from './audit.policy.ts';
import { HistoryFilter, HistoryOptions, HistoryPage, HistoryQuery } from './audit.schema.ts';
import { exportHistory } from './export-history.ts';
import { readHistory } from './read-history.ts';
import { readHistoryOptions } from './read-history-options.ts';

const tags = ['audit'];

export function auditRoutes(app: App, deps: AppDeps) {
  app.get(
    '/audit-log',
    {
      config: { access: access.list },
      schema: {
        tags,
        summary: 'Nhật ký thay đổi, mới nhất trước, từng trang (lọc theo cơ quan, người, trường, ngày)',
        querystring: HistoryQuery,
        response: { 200: HistoryPage, ...errorResponses },
      },
    },
    async (req) => readHistory(deps, callerOf(req), req.query),
  );

  app.get(
    '/audit-log/options',
    {
      config: { access: access.options },
      schema: {
        tags,
        summary: 'Các lựa chọn của bộ lọc nhật ký: cơ quan, người, trường số liệu',
        response: { 200: HistoryOptions, ...errorResponses },
      },
    },
    async (req) => readHistoryOptions(deps, callerOf(req)),
  );

  app.get(
    '/audit-log/export.csv',
    {
      config: { access: access.export },
      schema: {
        tags,
        summary: 'Tải nhật ký thay đổi đã lọc dạng CSV (mở bằng Excel)',
        querystring: HistoryFilter,
        response: errorResponses,
      },
    },
    async (req, reply) => {
      const { body, filename } = await exportHistory(deps, callerOf(req), req.query);
      return sendDownload(reply, Buffer.from(body, 'utf8'), filename, 'text/csv; charset=utf-8');
    },
  );
}

/** /cycles/:id/progress and /cycles/:id/reminders/send: following up the agencies (R18). */
import { type App, type AppDeps, callerOf } from '../../platform/http.ts';
import { errorResponses } from '../../platform/schema.ts';
import { followProgress } from './follow-progress.ts';
import { progressAccess as access } from './progress.policy.ts';
import { Board, BoardQuery, CycleParams, RemindResult } from './progress.schema.ts';
import { remindNow } from './remind-now.ts';

export function progressRoutes(app: App, deps: AppDeps) {
  app.get(
    '/cycles/:id/progress',
    {
      config: { access: access.board },
      schema: {
        tags: ['progress'],
        summary: 'Tiến độ nộp báo cáo và thẩm định của từng cơ quan',
        params: CycleParams,
        querystring: BoardQuery,
        response: { 200: Board, ...errorResponses },
      },
    },
    async (req) => followProgress(deps, callerOf(req), { ...req.params, ...req.query }),
  );

  app.post(
    '/cycles/:id/reminders/send',
    {
      config: { access: access.remind },
      schema: {
        tags: ['progress'],
        summary: 'Gửi ngay thư nhắc nộp báo cáo cho các cơ quan chưa nộp (qua hàng đợi gửi thư)',
        params: CycleParams,
        response: { 200: RemindResult, ...errorResponses },
      },
    },
    async (req) => remindNow(deps, callerOf(req), req.params),
  );
}

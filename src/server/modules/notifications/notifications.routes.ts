/** /notifications: the bell in the header (listed every 60 s by the web app) and its read marks. */
import { type App, type AppDeps, callerOf } from '../../platform/http.ts';
import { errorResponses } from '../../platform/schema.ts';
import { notificationsAccess as access } from './notifications.policy.ts';
import { MarkReadBody, MarkReadResult, NotificationList } from './notifications.schema.ts';
import { listNotifications, markNotificationsRead } from './read-notifications.ts';

export function notificationsRoutes(app: App, deps: AppDeps) {
  app.get(
    '/notifications',
    {
      config: { access: access.list },
      schema: {
        tags: ['notifications'],
        summary: 'Thông báo của người dùng: câu hỏi, trả lời, hạn nộp, kết quả, phiếu mới nộp',
        response: { 200: NotificationList, ...errorResponses },
      },
    },
    async (req) => listNotifications(deps, callerOf(req)),
  );

  app.post(
    '/notifications/read',
    {
      config: { access: access.markRead },
      schema: {
        tags: ['notifications'],
        summary: 'Đánh dấu đã đọc một số thông báo, hoặc tất cả',
        body: MarkReadBody,
        response: { 200: MarkReadResult, ...errorResponses },
      },
    },
    async (req) => markNotificationsRead(deps, callerOf(req), req.body),
  );
}

/**
 * /backups: the administrator's backups — the folder's list, a backup started now, one of them (or
 * the newest) downloaded. Each route: who may call it, its contract (backup.schema.ts), one use case.
 */
import { type App, type AppDeps, callerOf, sendDownload } from '../../platform/http.ts';
import { errorResponses } from '../../platform/schema.ts';
import { backupAccess as access } from './backup.policy.ts';
import { BackupParams, BackupsBoard, StartAnswer } from './backup.schema.ts';
import { downloadBackup, readBackups, startBackup } from './backups.ts';

const tags = ['backups'];

export function backupRoutes(app: App, deps: AppDeps) {
  app.get(
    '/backups',
    {
      config: { access: access.list },
      schema: {
        tags,
        summary: 'Các bản sao lưu trong thư mục sao lưu (mới nhất trước)',
        response: { 200: BackupsBoard, ...errorResponses },
      },
    },
    async (req) => readBackups(deps, callerOf(req)),
  );

  app.post(
    '/backups',
    {
      config: { access: access.start },
      schema: {
        tags,
        summary: 'Sao lưu ngay (một việc nền, chạy trong khoảng 15 giây)',
        response: { 200: StartAnswer, ...errorResponses },
      },
    },
    async (req) => startBackup(deps, callerOf(req)),
  );

  app.get(
    '/backups/:name',
    {
      config: { access: access.download },
      schema: {
        tags,
        summary:
          'Tải một bản sao lưu theo tên, hoặc bản mới nhất (latest); khôi phục bằng lệnh chiso restore TỆP',
        params: BackupParams,
        response: errorResponses,
      },
    },
    async (req, reply) => {
      const { name, body } = await downloadBackup(deps, callerOf(req), req.params.name);
      return sendDownload(reply, body, name, 'application/gzip');
    },
  );
}

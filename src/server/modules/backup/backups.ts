/**
 * The backups as the administrator manages them: the list of the folder, a backup started now (a
 * job of the queue, run by the next tick: on the jobs screen like any other), the newest one to
 * download. The backup itself is archive.ts; the folder is backup-folder.ts.
 */
import { createReadStream } from 'node:fs';
import { audit } from '../../platform/audit.ts';
import { notFound } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { enqueue } from '../../platform/jobs.ts';
import { authorize } from '../../platform/policy.ts';
import { canManageBackups } from './backup.policy.ts';
import type { BackupsBoard, StartAnswer } from './backup.schema.ts';
import { listBackups } from './backup-folder.ts';
import { BACKUP_JOB } from './backup-job.ts';

export async function readBackups(deps: AppDeps, caller: Caller): Promise<BackupsBoard> {
  authorize(canManageBackups(caller.user));
  return {
    engine: deps.database.engine,
    daily: deps.database.engine === 'pglite',
    keep: deps.config.backupKeep,
    backups: listBackups(deps.config.backupDir).map((b) => ({
      name: b.name,
      size: b.size,
      createdAt: b.modifiedAt.toISOString(),
    })),
  };
}

export async function startBackup(deps: AppDeps, caller: Caller): Promise<StartAnswer> {
  authorize(canManageBackups(caller.user));
  const now = deps.clock.now();
  const jobId = await deps.database.db.transaction(async (tx) => {
    const id = await enqueue(tx, BACKUP_JOB, { requestedBy: caller.user.id }, now);
    await audit(tx, caller, now, { action: 'backup.start', entityType: 'backup', newValue: { jobId: id } });
    return id;
  });
  return deps.config.scheduler
    ? {
        jobId,
        message:
          'Đã đưa việc sao lưu vào hàng đợi; bản sao lưu sẽ có sau khoảng 15 giây (xem trên màn hình Việc nền).',
        messageEn: 'The backup is queued; it will be ready in about 15 seconds (see the jobs screen).',
      }
    : {
        jobId,
        message:
          'Đã đưa việc sao lưu vào hàng đợi; việc chạy khi một máy chủ chạy việc nền nhận nó (máy chủ này không chạy việc nền: CHISO_SCHEDULER=false).',
        messageEn:
          'The backup is queued; it runs when a server that runs the queue takes it (this one does not: CHISO_SCHEDULER=false).',
      };
}

/** The newest backup of the folder, to download. */
export async function latestBackup(
  deps: AppDeps,
  caller: Caller,
): Promise<{ name: string; body: NodeJS.ReadableStream }> {
  authorize(canManageBackups(caller.user));
  const [newest] = listBackups(deps.config.backupDir);
  if (!newest)
    throw notFound({ vi: 'bản sao lưu nào trong thư mục sao lưu', en: 'any backup in the backup folder' });
  await deps.database.db.transaction((tx) =>
    audit(tx, caller, deps.clock.now(), {
      action: 'backup.download',
      entityType: 'backup',
      newValue: { name: newest.name, size: newest.size },
    }),
  );
  return { name: newest.name, body: createReadStream(newest.path) };
}

/**
 * The backups as the administrator manages them: the list of the folder, a backup started now (a
 * job of the queue, run by the next tick: on the jobs screen like any other), any of them (or the
 * newest) to download. The backup itself is archive.ts; the folder is backup-folder.ts.
 */
import { createReadStream } from 'node:fs';
import { and, inArray } from 'drizzle-orm';
import { jobs } from '../../db/schema.ts';
import { audit } from '../../platform/audit.ts';
import { notFound } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { enqueue } from '../../platform/jobs.ts';
import { authorize } from '../../platform/policy.ts';
import { canManageBackups } from './backup.policy.ts';
import type { BackupsBoard, StartAnswer } from './backup.schema.ts';
import { instantOfName, listBackups } from './backup-folder.ts';
import { BACKUP_JOB, BACKUP_SCHEDULE } from './backup-job.ts';

export async function readBackups(deps: AppDeps, caller: Caller): Promise<BackupsBoard> {
  authorize(canManageBackups(caller.user));
  // A backup waiting in the queue or running now, so the screen can say so and wait for it.
  const busy = await deps.database.db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(inArray(jobs.kind, [BACKUP_JOB, BACKUP_SCHEDULE]), inArray(jobs.status, ['pending', 'running'])),
    )
    .limit(1);
  return {
    engine: deps.database.engine,
    inProgress: busy.length > 0,
    daily: deps.database.engine === 'pglite',
    keep: deps.config.backupKeep,
    backups: listBackups(deps.config.backupDir).map((b) => ({
      name: b.name,
      size: b.size,
      createdAt: instantOfName(b.name).toISOString(),
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

/** A backup of the folder to download: the one named, or the newest (`latest`). */
export async function downloadBackup(
  deps: AppDeps,
  caller: Caller,
  which: string,
): Promise<{ name: string; body: NodeJS.ReadableStream }> {
  authorize(canManageBackups(caller.user));
  const all = listBackups(deps.config.backupDir);
  // Only a name the folder lists is ever opened: the name never becomes a path by itself.
  const chosen = which === 'latest' ? all[0] : all.find((b) => b.name === which);
  if (!chosen)
    throw notFound(
      which === 'latest'
        ? { vi: 'bản sao lưu nào trong thư mục sao lưu', en: 'any backup in the backup folder' }
        : { vi: `bản sao lưu ${which}`, en: `the backup ${which}` },
    );
  await deps.database.db.transaction((tx) =>
    audit(tx, caller, deps.clock.now(), {
      action: 'backup.download',
      entityType: 'backup',
      newValue: { name: chosen.name, size: chosen.size },
    }),
  );
  return { name: chosen.name, body: createReadStream(chosen.path) };
}

/**
 * The daily backup of the embedded database (its files are on this one machine: a disk lost is the
 * whole province's data lost), and the backup an administrator starts by hand: a job of the queue
 * either way, so it runs on one server, outside any request, and shows on the jobs screen. With
 * PostgreSQL the daily run does nothing (the database server is backed up by its own means, and
 * may be shared by several chiso servers); a backup started by hand runs on either engine.
 */
import { registerJob } from '../../platform/jobs.ts';
import { declareSchedule } from '../../platform/schedules.ts';
import { backupIntoFolder, pruneBackups } from './backup-folder.ts';

export const BACKUP_SCHEDULE = 'backup.daily';
export const BACKUP_JOB = 'backup.run';

export function declareBackups(): void {
  declareSchedule({
    name: BACKUP_SCHEDULE,
    cron: '0 2 * * *',
    description: {
      vi: 'Sao lưu cơ sở dữ liệu nhúng và các tệp tải lên (mỗi đêm; giữ các bản mới nhất)',
      en: 'Back up the embedded database and the uploaded files (nightly; the newest are kept)',
    },
  });
  registerJob(BACKUP_SCHEDULE, async (_payload, { deps, log }) => {
    if (deps.database.engine !== 'pglite') {
      log.info('daily backup skipped: the database is PostgreSQL, backed up by its own means');
      return;
    }
    const { file, manifest } = await backupIntoFolder(
      deps.database,
      deps.config.filesDir,
      deps.config.backupDir,
      deps.clock.now(),
    );
    const deleted = pruneBackups(deps.config.backupDir, deps.config.backupKeep);
    log.info({ file: file.name, bytes: file.size, tables: manifest.tables.length, deleted }, 'backup made');
  });
  registerJob(BACKUP_JOB, async (_payload, { deps, log }) => {
    const { file } = await backupIntoFolder(
      deps.database,
      deps.config.filesDir,
      deps.config.backupDir,
      deps.clock.now(),
    );
    const deleted = pruneBackups(deps.config.backupDir, deps.config.backupKeep);
    log.info({ file: file.name, bytes: file.size, deleted }, 'backup made on request');
  });
}

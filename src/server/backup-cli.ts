/**
 * `chiso backup` and `chiso restore` (src/cli/backup.ts hands over here, as `chiso serve` does to
 * main.ts): they use the configuration of the server (CHISO_DATA_DIR or DATABASE_URL,
 * CHISO_FILES_DIR, CHISO_BACKUP_DIR) and the archive of modules/backup.
 *
 * The embedded database is one process's at a time (its lock file): while `chiso serve` runs on
 * the data directory, `chiso backup` says so and points to the backup the server makes itself
 * (POST /api/v1/backups, or the nightly one) instead of waiting or forcing the lock.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatNumber } from '../core/format.ts';
import { type Database, DatabaseOpenError, openDatabase } from './db/open.ts';
import { BackupError, createBackup, type Manifest, restoreBackup } from './modules/backup/archive.ts';
import { backupIntoFolder } from './modules/backup/backup-folder.ts';
import { loadConfig } from './platform/config.ts';

const LOCKED = (dataDir: string) =>
  new BackupError({
    vi: `Máy chủ chiso đang chạy trên thư mục dữ liệu ${dataDir} nên lệnh này không mở được cơ sở dữ liệu. Hãy để máy chủ sao lưu (quản trị viên gọi POST /api/v1/backups, rồi tải GET /api/v1/backups/latest; bản sao lưu mỗi đêm nằm trong CHISO_BACKUP_DIR), hoặc dừng máy chủ rồi chạy lại lệnh.`,
    en: `A chiso server is running on the data directory ${dataDir}, so this command cannot open the database. Let the server back up (an administrator calls POST /api/v1/backups, then downloads GET /api/v1/backups/latest; the nightly backups are in CHISO_BACKUP_DIR), or stop the server and run the command again.`,
  });

async function open(config: ReturnType<typeof loadConfig>): Promise<Database> {
  try {
    return await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, poolSize: 2 });
  } catch (e) {
    if (e instanceof DatabaseOpenError && e.reason === 'locked') throw LOCKED(config.dataDir);
    throw e;
  }
}

const where = (config: ReturnType<typeof loadConfig>) =>
  config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `thư mục dữ liệu ${config.dataDir}`;

const summary = (m: Manifest) => {
  const rows = m.tables.reduce((n, t) => n + t.rows, 0);
  return `${m.tables.length} bảng, ${formatNumber(rows, 'vi', 0)} dòng, ${formatNumber(m.files, 'vi', 0)} tệp tải lên`;
};

/** `chiso backup [--out FILE]`; returns the lines to print. */
export async function backupCli(options: { out?: string | undefined; now?: Date }): Promise<string[]> {
  const config = loadConfig();
  const now = options.now ?? new Date();
  if (!config.databaseUrl) {
    const dir = join(config.dataDir, 'pglite');
    if (!existsSync(dir) || readdirSync(dir).length === 0)
      throw new BackupError({
        vi: `Không có cơ sở dữ liệu nào trong ${config.dataDir} để sao lưu (đặt CHISO_DATA_DIR hoặc DATABASE_URL cho đúng).`,
        en: `There is no database in ${config.dataDir} to back up (set CHISO_DATA_DIR or DATABASE_URL).`,
      });
  }
  const database = await open(config);
  try {
    if (options.out !== undefined) {
      const path = resolve(options.out);
      const manifest = await createBackup(database, config.filesDir, path, now);
      return [`Đã sao lưu ${where(config)} vào ${path}: ${summary(manifest)}.`];
    }
    const { file, manifest } = await backupIntoFolder(database, config.filesDir, config.backupDir, now);
    return [`Đã sao lưu ${where(config)} vào ${file.path}: ${summary(manifest)}.`];
  } finally {
    await database.close();
  }
}

/** `chiso restore FILE`; returns the lines to print. */
export async function restoreCli(file: string): Promise<string[]> {
  const config = loadConfig();
  const manifest = await restoreBackup(resolve(file), () => open(config), config.filesDir);
  return [
    `Đã khôi phục bản sao lưu ngày ${manifest.createdAt} (chiso ${manifest.chisoVersion}) vào ${where(config)}: ${summary(manifest)}.`,
    'Chạy chiso serve để dùng; đăng nhập bằng các tài khoản của bản sao lưu.',
  ];
}

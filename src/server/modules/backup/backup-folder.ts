/**
 * The backups folder (CHISO_BACKUP_DIR, default <data dir>/backups): archives named by the instant
 * they were made, chiso-backup-YYYYMMDD-HHMMSSZ.tar.gz (UTC), so that their names sort by age; the
 * daily backup keeps the newest CHISO_BACKUP_KEEP of them and deletes the older ones.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../../db/open.ts';
import { createBackup, type Manifest } from './archive.ts';

const NAME = /^chiso-backup-\d{8}-\d{6}Z(-\d+)?\.tar\.gz$/;

export interface BackupFile {
  readonly name: string;
  readonly path: string;
  readonly size: number;
  readonly modifiedAt: Date;
}

/** The archive name for an instant: chiso-backup-20171120-030000Z.tar.gz. */
export function backupName(at: Date): string {
  const s = at.toISOString(); // 2017-11-20T03:00:00.000Z
  return `chiso-backup-${s.slice(0, 10).replaceAll('-', '')}-${s.slice(11, 19).replaceAll(':', '')}Z.tar.gz`;
}

/** The instant a backup was made, read back from its name (the server's clock when it was made). */
export function instantOfName(name: string): Date {
  const d = /^chiso-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})Z/.exec(name)!;
  return new Date(`${d[1]}-${d[2]}-${d[3]}T${d[4]}:${d[5]}:${d[6]}Z`);
}

/** The backups in a folder, newest first (none when the folder does not exist yet). */
export function listBackups(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => NAME.test(n));
  } catch {
    return [];
  }
  return names
    .sort()
    .reverse()
    .flatMap((name) => {
      try {
        const st = statSync(join(dir, name));
        return st.isFile() ? [{ name, path: join(dir, name), size: st.size, modifiedAt: st.mtime }] : [];
      } catch {
        return []; // deleted meanwhile
      }
    });
}

/** Deletes all but the newest `keep` backups of a folder; returns the names deleted. */
export function pruneBackups(dir: string, keep: number): string[] {
  const old = listBackups(dir).slice(keep);
  for (const b of old) rmSync(b.path, { force: true });
  return old.map((b) => b.name);
}

/** Makes a backup into the folder under a fresh name; returns where and what. */
export async function backupIntoFolder(
  database: Database,
  filesDir: string,
  dir: string,
  now: Date,
): Promise<{ file: BackupFile; manifest: Manifest }> {
  const taken = new Set(listBackups(dir).map((b) => b.name));
  let name = backupName(now);
  for (let i = 2; taken.has(name); i++) name = backupName(now).replace('.tar.gz', `-${i}.tar.gz`);
  const path = join(dir, name);
  const manifest = await createBackup(database, filesDir, path, now);
  const st = statSync(path);
  return { file: { name, path, size: st.size, modifiedAt: st.mtime }, manifest };
}

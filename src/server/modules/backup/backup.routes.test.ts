/**
 * The administrator's backups through the API: the list, a backup started now and run by the job
 * queue (the folder keeps the newest CHISO_BACKUP_KEEP), the newest downloaded and readable by
 * `chiso restore`; nobody else may do any of it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, testServer } from '../../../../test/server.ts';
import { runDueJobs, silentLog } from '../../platform/jobs.ts';
import { verifyBackup } from './archive.ts';
import { backupName, listBackups, pruneBackups } from './backup-folder.ts';
import { declareBackups } from './backup-job.ts';

describe('/backups', () => {
  let s: TestServer;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chiso-backups-'));
    // Three older backups already in the folder (names by date, as the job makes them).
    for (const day of ['2017-10-01', '2017-10-02', '2017-10-03'])
      writeFileSync(join(dir, backupName(new Date(`${day}T19:00:00Z`))), 'old');
    writeFileSync(join(dir, 'notes.txt'), 'not a backup: never listed nor deleted');
    s = await testServer({ env: { CHISO_BACKUP_DIR: dir, CHISO_BACKUP_KEEP: '2' } });
    declareBackups();
  }, 60_000);

  afterAll(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is the administrator’s alone', async () => {
    for (const role of ['assessor', 'approver', 'reporter', 'viewer'] as const) {
      const cookie = await s.as(role);
      expect((await s.request({ method: 'GET', url: '/api/v1/backups', cookie })).statusCode).toBe(403);
      expect(
        (await s.request({ method: 'POST', url: '/api/v1/backups', cookie, payload: {} })).statusCode,
      ).toBe(403);
      expect((await s.request({ method: 'GET', url: '/api/v1/backups/latest', cookie })).statusCode).toBe(
        403,
      );
    }
  });

  it('lists the folder, makes a backup through the queue, keeps the newest and serves it', async () => {
    const admin = await s.as('admin');
    const before = (await s.request({ method: 'GET', url: '/api/v1/backups', cookie: admin })).json();
    expect(before.backups.map((b: { name: string }) => b.name)).toEqual([
      'chiso-backup-20171003-190000Z.tar.gz',
      'chiso-backup-20171002-190000Z.tar.gz',
      'chiso-backup-20171001-190000Z.tar.gz',
    ]);
    expect(before.keep).toBe(2);

    const start = await s.request({ method: 'POST', url: '/api/v1/backups', cookie: admin, payload: {} });
    expect(start.statusCode, start.body).toBe(200);
    expect(start.json().message).toMatch(/hàng đợi/);
    const run = await runDueJobs(s.deps, silentLog);
    expect(run).toEqual({ done: 1, retried: 0, failed: 0 });

    const names = listBackups(dir).map((b) => b.name);
    expect(names).toEqual(['chiso-backup-20171015-030000Z.tar.gz', 'chiso-backup-20171003-190000Z.tar.gz']);
    const jobs = (await s.request({ method: 'GET', url: '/api/v1/jobs?status=done', cookie: admin })).json();
    expect(jobs.jobs[0].kindLabel.vi).toMatch(/Sao lưu/);

    const latest = await s.request({ method: 'GET', url: '/api/v1/backups/latest', cookie: admin });
    expect(latest.statusCode).toBe(200);
    expect(latest.headers['content-type']).toBe('application/gzip');
    expect(latest.headers['content-disposition']).toMatch(/chiso-backup-20171015-030000Z\.tar\.gz/);
    const copy = join(dir, 'downloaded.tar.gz');
    writeFileSync(copy, latest.rawPayload);
    const manifest = await verifyBackup(copy);
    expect(manifest.tables.find((t) => t.name === 'agencies')!.rows).toBeGreaterThan(30);

    // Any backup of the list by its name; a name not listed, or not a backup's name, is never opened.
    const named = await s.request({
      method: 'GET',
      url: '/api/v1/backups/chiso-backup-20171003-190000Z.tar.gz',
      cookie: admin,
    });
    expect(named.statusCode).toBe(200);
    expect(named.body).toBe('old');
    const gone = await s.request({
      method: 'GET',
      url: '/api/v1/backups/chiso-backup-20171001-190000Z.tar.gz',
      cookie: admin,
    });
    expect(gone.statusCode).toBe(404);
    for (const bad of ['notes.txt', '..%2F..%2Fetc%2Fpasswd', 'chiso-backup-20171003-190000Z.tar.gz%2F..'])
      expect(
        (await s.request({ method: 'GET', url: `/api/v1/backups/${bad}`, cookie: admin })).statusCode,
      ).toBe(400);
    const board = (await s.request({ method: 'GET', url: '/api/v1/backups', cookie: admin })).json();
    expect(board.inProgress).toBe(false);
  }, 120_000);

  it('says a backup is in progress while its job waits in the queue', async () => {
    const admin = await s.as('admin');
    await s.request({ method: 'POST', url: '/api/v1/backups', cookie: admin, payload: {} });
    const waiting = (await s.request({ method: 'GET', url: '/api/v1/backups', cookie: admin })).json();
    expect(waiting.inProgress).toBe(true);
    expect(await runDueJobs(s.deps, silentLog)).toEqual({ done: 1, retried: 0, failed: 0 });
    const done = (await s.request({ method: 'GET', url: '/api/v1/backups', cookie: admin })).json();
    expect(done.inProgress).toBe(false);
  }, 120_000);

  it('prunes only backups, oldest first', () => {
    const keep = mkdtempSync(join(tmpdir(), 'chiso-prune-'));
    try {
      for (let d = 1; d <= 5; d++) writeFileSync(join(keep, backupName(new Date(Date.UTC(2018, 0, d)))), '');
      writeFileSync(join(keep, 'other.tar.gz'), '');
      expect(pruneBackups(keep, 3)).toEqual([
        'chiso-backup-20180102-000000Z.tar.gz',
        'chiso-backup-20180101-000000Z.tar.gz',
      ]);
      expect(listBackups(keep)).toHaveLength(3);
    } finally {
      rmSync(keep, { recursive: true, force: true });
    }
  });
});

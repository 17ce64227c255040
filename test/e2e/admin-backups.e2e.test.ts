/**
 * The backups screen in a real browser: the administrator reads what is backed up and when,
 * starts a backup, sees it in progress until the queue's worker has made it (the test runs the
 * worker's tick, as the scheduler would), downloads it, and the file is a backup `chiso restore`
 * accepts; the restore steps are on the page. Other roles have no such screen.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBackup } from '../../src/server/modules/backup/archive.ts';
import { runDueJobs, silentLog } from '../../src/server/platform/jobs.ts';
import { registerBackgroundWork } from '../../src/server/scheduler.ts';
import { type BrowserSession, startBrowserSession } from './browser.ts';

let s: BrowserSession;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chiso-e2e-backups-'));
  s = await startBrowserSession({
    now: '2017-11-20T09:00:00+07:00',
    env: { CHISO_BACKUP_DIR: dir, CHISO_BACKUP_KEEP: '3' },
  });
  registerBackgroundWork();
  await s.addUser('quantri', 'admin');
  await s.addUser('thamdinh', 'assessor');
}, 240_000);
afterAll(async () => {
  await s?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the backups screen', () => {
  it('backs up now, shows it in progress, lists it and downloads a file restore accepts', async () => {
    const page = s.page;
    await s.signInAs('quantri', 'Các kỳ đánh giá');
    await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Sao lưu' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sao lưu dữ liệu' }).waitFor();
    await page.getByText('Chưa có bản sao lưu nào.').waitFor();
    const engine = process.env.DATABASE_URL
      ? 'Dữ liệu nằm trên máy chủ PostgreSQL'
      : 'Máy chủ tự sao lưu mỗi đêm lúc 02:00 và giữ 3 bản mới nhất';
    await page.getByText(engine).waitFor();
    expect(await page.getByRole('heading', { name: 'Khôi phục từ một bản sao lưu' }).isVisible()).toBe(true);
    expect(await page.getByText('chiso restore TỆP').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
    const dialog = s.dialog('Sao lưu ngay bây giờ?');
    expect(await dialog.textContent()).toContain('Nếu số bản vượt quá 3, bản cũ nhất bị xóa');
    await dialog.getByRole('button', { name: 'Sao lưu ngay' }).click();
    const busy = page
      .getByRole('status')
      .filter({ hasText: 'Đang sao lưu: bản mới sẽ hiện trong danh sách' });
    await busy.waitFor();
    expect(await page.getByRole('button', { name: 'Đang sao lưu…' }).isDisabled()).toBe(true);
    await s.checkScreen('sao-luu-dang-chay');

    // The worker's tick makes the backup; the page, asking again by itself, shows it.
    expect(await runDueJobs(s.deps, silentLog)).toEqual({ done: 1, retried: 0, failed: 0 });
    await busy.waitFor({ state: 'detached', timeout: 20_000 });
    const row = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toMatch(
      /20\/11\/2017 09:00.*\(mới nhất\).*chiso-backup-20171120-020000Z\.tar\.gz/,
    );
    await s.checkScreen('sao-luu');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải về bản sao lưu 20/11/2017 09:00' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('chiso-backup-20171120-020000Z.tar.gz');
    const copy = join(dir, 'tai-ve.tar.gz');
    writeFileSync(copy, readFileSync((await download.path())!));
    const manifest = await verifyBackup(copy);
    expect(manifest.tables.find((t) => t.name === 'users')!.rows).toBeGreaterThanOrEqual(3);
  });

  it('is not offered to an assessor, and its address says so', async () => {
    const page = s.page;
    await s.signInAs('thamdinh', 'Các kỳ đánh giá');
    const nav = page.getByRole('navigation', { name: 'Chức năng' });
    expect(await nav.getByRole('link', { name: 'Sao lưu' }).count()).toBe(0);
    await page.goto(`${s.baseUrl}/quan-tri/sao-luu`);
    await page
      .getByText(/không có quyền/i)
      .first()
      .waitFor();
  });
});

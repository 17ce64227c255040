/**
 * The background jobs in a real browser: mails and a reminder that failed for good (the mail
 * server refused them) are listed with their recipient, subject and error in plain words; the
 * administrator retries one, which leaves the failed list and runs, then retries the rest at
 * once; the retries are in the change history. The failed jobs are put in the queue's table as
 * the worker leaves them after its last attempt.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencies, jobs } from '../../src/server/db/schema.ts';
import { JOB_MAX_ATTEMPTS, runDueJobs, silentLog } from '../../src/server/platform/jobs.ts';
import { registerBackgroundWork } from '../../src/server/scheduler.ts';
import { createCycle } from '../fixtures.ts';
import { type BrowserSession, startBrowserSession } from './browser.ts';

let s: BrowserSession;

const rows = () => s.page.locator('.ant-table-tbody tr.ant-table-row');
const stateButton = (label: RegExp) => s.page.getByRole('button', { name: label });

beforeAll(async () => {
  s = await startBrowserSession({ now: '2017-10-25T09:00:00+07:00' });
  registerBackgroundWork(); // the worker that sends queued mail (this server sends none: no SMTP)
  const db = s.deps.database.db;
  const cycle = await createCycle(db, { year: 2017, state: 'open' });
  const [sxd] = (await db.select().from(agencies)).filter((a) => a.code === 'SXD');
  const now = s.clock.now();
  const failed = { status: 'failed' as const, attempts: JOB_MAX_ATTEMPTS, runAt: now, finishedAt: now };
  await db.insert(jobs).values([
    {
      ...failed,
      kind: 'mail.send',
      payload: { to: ['vanthu@sxd.caobang.gov.vn'], subject: 'Mở kỳ đánh giá năm 2017', text: '…' },
      lastError: 'connect ECONNREFUSED 10.0.0.5:25',
      createdAt: new Date(now.getTime() - 3_600_000),
    },
    {
      ...failed,
      kind: 'mail.send',
      payload: { to: ['vanthu@syt.caobang.gov.vn'], subject: 'Gia hạn nộp báo cáo', text: '…' },
      lastError:
        "Can't send mail - all recipients were rejected: 550 5.1.1 <vanthu@syt.caobang.gov.vn>: Recipient address rejected",
      createdAt: new Date(now.getTime() - 2_400_000),
    },
    {
      ...failed,
      kind: 'progress.reminder',
      payload: { cycleId: cycle.id, agencyId: sxd!.id, daysBefore: 7 },
      lastError: 'Greeting never received',
      createdAt: new Date(now.getTime() - 1_200_000),
    },
    {
      kind: 'mail.send',
      payload: { to: ['a@stttt.caobang.gov.vn'], subject: 'Thư đã gửi', text: '…' },
      status: 'done',
      attempts: 1,
      runAt: now,
      finishedAt: now,
      createdAt: new Date(now.getTime() - 4_000_000),
    },
  ]);
  await s.addUser('quantri', 'admin');
  await s.addUser('thamdinh', 'assessor');
}, 240_000);
afterAll(async () => {
  await s?.close();
});

describe('the background jobs', () => {
  it('lists the failed jobs with recipient, subject and the error in plain words', async () => {
    const page = s.page;
    await s.signInAs('quantri', 'Các kỳ đánh giá');
    await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Việc nền' }).click();
    await page.getByRole('heading', { level: 1, name: 'Việc nền' }).waitFor();
    await page.getByText('Máy chủ này không chạy việc nền (CHISO_SCHEDULER=false)').waitFor();
    expect(await stateButton(/^Bị lỗi: 3$/).getAttribute('aria-pressed')).toBe('true');
    await stateButton(/^Đã xong: 1$/).waitFor();
    await expect.poll(() => rows().count()).toBe(3);

    const first = rows().filter({ hasText: 'vanthu@sxd.caobang.gov.vn' });
    expect(await first.textContent()).toContain('Tiêu đề: Mở kỳ đánh giá năm 2017');
    expect(await first.textContent()).toContain('5/5');
    expect(await first.textContent()).toContain('Không kết nối được máy chủ thư: máy chủ từ chối kết nối');
    expect(await rows().filter({ hasText: 'vanthu@syt.caobang.gov.vn' }).textContent()).toContain(
      'Máy chủ thư từ chối địa chỉ người nhận',
    );
    const reminder = rows().filter({ hasText: 'Gửi thư nhắc hạn nộp báo cáo cho một cơ quan' });
    expect(await reminder.textContent()).toContain(
      'Sở Xây dựng: nhắc trước 7 ngày hạn nộp báo cáo kỳ đánh giá năm 2017',
    );
    expect(await reminder.textContent()).toContain('Máy chủ thư không trả lời kịp');
    await first.getByText('Thông báo kỹ thuật').click();
    await first.getByText('connect ECONNREFUSED 10.0.0.5:25').waitFor();
    await s.checkScreen('quan-tri-viec-nen');
  });

  it('retries one failed job: it leaves the failed list, waits, then runs', async () => {
    const page = s.page;
    await page.getByRole('button', { name: 'Chạy lại: Gửi thư điện tử “Mở kỳ đánh giá năm 2017”' }).click();
    const box = s.dialog('Chạy lại việc này?');
    await box.getByText('số lần thử tính lại từ đầu').waitFor();
    await box.getByRole('button', { name: 'Chạy lại' }).click();
    await page.getByText('Đã đưa việc "Gửi thư điện tử" vào hàng đợi').waitFor();
    await expect.poll(() => rows().count()).toBe(2);
    expect(await rows().filter({ hasText: 'vanthu@sxd.caobang.gov.vn' }).count()).toBe(0);
    await stateButton(/^Bị lỗi: 2$/).waitFor();

    await stateButton(/^Đang chờ: 1$/).click();
    const waiting = rows().filter({ hasText: 'vanthu@sxd.caobang.gov.vn' });
    await waiting.waitFor();
    expect(await waiting.textContent()).toContain('0/5');
    expect(await waiting.textContent()).toContain('Chạy lúc 25/10/2017 09:00');
    expect(new URL(page.url()).searchParams.get('trangthai')).toBe('pending');

    // A tick of the queue (this test's server runs none by itself): the mail goes.
    expect(await runDueJobs(s.deps, silentLog)).toMatchObject({ done: 1, failed: 0 });
    await page.getByRole('button', { name: 'Tải lại' }).click();
    await stateButton(/^Đã xong: 2$/).waitFor();
    await page.getByText('Không có việc nào đang chờ.').waitFor();
  });

  it('retries every failed job at once, and the retries are in the change history', async () => {
    const page = s.page;
    await stateButton(/^Bị lỗi: 2$/).click();
    await expect.poll(() => rows().count()).toBe(2);
    await page.getByRole('button', { name: 'Chạy lại tất cả việc bị lỗi' }).click();
    await s.dialog('Chạy lại 2 việc bị lỗi?').getByRole('button', { name: 'Chạy lại' }).click();
    await page.getByText('Đã đưa 2 việc bị lỗi vào hàng đợi').waitFor();
    await page.getByText('Không có việc nào bị lỗi.').waitFor();
    await stateButton(/^Bị lỗi: 0$/).waitFor();
    expect(await page.getByRole('button', { name: 'Chạy lại tất cả việc bị lỗi' }).count()).toBe(0);

    await page
      .getByRole('navigation', { name: 'Chức năng' })
      .getByRole('link', { name: 'Nhật ký thay đổi' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Nhật ký thay đổi' }).waitFor();
    await page.getByText('quantri cho chạy lại 2 việc nền bị lỗi').waitFor();
    await page.getByText('quantri cho chạy lại việc nền bị lỗi: Gửi thư điện tử').waitFor();
  });

  it('is the administrator’s only', async () => {
    await s.signInAs('thamdinh', 'Các kỳ đánh giá');
    expect(await s.page.getByRole('link', { name: 'Việc nền' }).count()).toBe(0);
    await s.open('/quan-tri/viec-nen', 'Không có quyền xem trang này');
  });
});

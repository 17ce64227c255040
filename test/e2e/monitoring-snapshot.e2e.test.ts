/**
 * A content check in a real browser: the assessor sees each item with its proposed value and its
 * evidence, opens the stored copy of the page beside it (shown isolated: its script does not run),
 * decides what the detectors left open, changes a value with a reason, and confirms; the agency's
 * reporter then reads the confirmed result. The snapshot is put in the tables as the content
 * check's job leaves it.
 */
import { gzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agencies,
  contentSnapshots,
  monitoredSites,
  snapshotPages,
  websiteChecks,
} from '../../src/server/db/schema.ts';
import { perfectWebsite } from '../fixtures.ts';
import { type BrowserSession, startBrowserSession } from './browser.ts';

let s: BrowserSession;
let snapshotId = '';
const SITE = 'https://stttt.caobang.gov.vn/';

const page = (title: string, body: string) =>
  gzipSync(
    Buffer.from(
      `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}<script>document.body.insertAdjacentHTML('beforeend','<p id="ran">mã của trang đã chạy</p>')</script></body></html>`,
    ),
  );

beforeAll(async () => {
  s = await startBrowserSession({ now: '2017-09-10T09:00:00+07:00' });
  await s.addUser('thamdinh', 'assessor');
  await s.addUser('bc.stttt', 'reporter', 'STTTT');
  const db = s.deps.database.db;
  const [stttt] = await db.select().from(agencies).where(eq(agencies.code, 'STTTT'));
  const [site] = await db.select().from(monitoredSites).where(eq(monitoredSites.agencyId, stttt!.id));
  const findings = Object.entries(perfectWebsite('department')).map(([field, value]) =>
    field === 'ws_func_qa'
      ? {
          field,
          value: false,
          evidence: null,
          reason: { vi: 'Không thấy mục Hỏi đáp trên 3 trang đã xem', en: '' },
        }
      : field === 'ws_science_stats'
        ? { field, value: null, evidence: null, reason: { vi: 'Không xác định được', en: '' } }
        : field === 'ws_news_per_month'
          ? {
              field,
              value: 6,
              evidence: { url: `${SITE}tin-tuc`, excerpt: '6 tin trong 30 ngày, mới nhất 08/09/2017' },
              reason: { vi: 'Đếm tin có ngày', en: '' },
            }
          : {
              field,
              value,
              evidence: { url: SITE, excerpt: `Thấy mục của ${field} trên trang chủ` },
              reason: { vi: 'Thấy trên trình đơn', en: '' },
            },
  );
  const [snap] = await db
    .insert(contentSnapshots)
    .values({
      siteId: site!.id,
      agencyId: stttt!.id,
      state: 'proposed',
      startedAt: new Date('2017-09-10T01:00:00Z'),
      finishedAt: new Date('2017-09-10T01:01:00Z'),
      findings,
      stoppedBy: 'done',
    })
    .returning();
  snapshotId = snap!.id;
  const at = new Date('2017-09-10T01:00:30Z');
  await db.insert(snapshotPages).values([
    {
      snapshotId,
      url: SITE,
      depth: 0,
      status: 200,
      contentType: 'text/html; charset=utf-8',
      bytes: 400,
      fetchedAt: at,
      title: 'Sở Thông tin và Truyền thông',
      body: page('Sở Thông tin và Truyền thông', '<h1>Cổng thông tin Sở Thông tin và Truyền thông</h1>'),
    },
    {
      snapshotId,
      url: `${SITE}tin-tuc`,
      depth: 1,
      status: 200,
      contentType: 'text/html; charset=utf-8',
      bytes: 300,
      fetchedAt: at,
      title: 'Tin tức - Sự kiện',
      body: page('Tin tức', '<h1>Tin tức - Sự kiện</h1><p>Hội nghị chuyển đổi số (08/09/2017)</p>'),
    },
  ]);
}, 240_000);
afterAll(async () => {
  await s?.close();
});

describe('a content check, confirmed by an assessor', () => {
  it('shows each item with its evidence and the stored page beside it, isolated', async () => {
    await s.signInAs('thamdinh', 'Các kỳ đánh giá');
    await s.open(`/theo-doi/anh-chup/${snapshotId}`, 'Kết quả kiểm tra nội dung trang TTĐT');
    const p = s.page;
    await p.getByText('Chờ thẩm định xác nhận').waitFor();
    await p.getByText('“6 tin trong 30 ngày, mới nhất 08/09/2017”').waitFor();
    await p.getByText('Không thấy mục Hỏi đáp trên 3 trang đã xem').waitFor();
    const frame = p.frameLocator('iframe.snapshot-frame');
    await frame.getByRole('heading', { name: 'Cổng thông tin Sở Thông tin và Truyền thông' }).waitFor();
    await p.getByRole('button', { name: `Xem bản lưu của trang ${SITE}tin-tuc` }).click();
    await frame.getByRole('heading', { name: 'Tin tức - Sự kiện' }).waitFor();
    expect(await p.locator('iframe.snapshot-frame').getAttribute('title')).toBe(
      `Bản lưu trang ${SITE}tin-tuc`,
    );
    // The page's own script never ran: the frame is sandboxed and served with a sandboxing CSP.
    expect(await frame.locator('#ran').count()).toBe(0);
    await s.checkScreen('monitoring-snapshot');
  });

  it('needs a value where the detector found none and a reason for a change, then confirms', async () => {
    const p = s.page;
    const confirm = p.getByRole('button', { name: 'Xác nhận kết quả' });
    expect(await confirm.isDisabled()).toBe(true);
    await p.getByRole('status').filter({ hasText: 'Thông tin KH, thống kê' }).waitFor();
    await p.getByLabel(/^Giá trị xác nhận: Thông tin KH, thống kê$/).selectOption('false');
    await p
      .getByLabel(/^Lý do thay đổi: Thông tin KH, thống kê$/)
      .fill('Đã xem trực tiếp: không có số liệu thống kê');
    await p.getByLabel(/^Giá trị xác nhận: Hỏi đáp, phản hồi$/).selectOption('true');
    expect(await confirm.isDisabled()).toBe(true);
    await p.getByLabel(/^Lý do thay đổi: Hỏi đáp, phản hồi$/).fill('Mục Hỏi đáp nằm ở chân trang');
    await confirm.click();
    await p.getByText('Đã xác nhận', { exact: true }).waitFor();
    await p.getByText(/^Xác nhận bởi thamdinh lúc /).waitFor();
    const [check] = await s.deps.database.db
      .select()
      .from(websiteChecks)
      .where(eq(websiteChecks.snapshotId, snapshotId));
    expect(check).toMatchObject({ source: 'crawler' });
    expect(check!.values).toMatchObject({ ws_func_qa: true, ws_science_stats: false, ws_news_per_month: 6 });
  });

  it('shows the agency’s reporter its confirmed result, with nothing to change', async () => {
    await s.signInAs('bc.stttt');
    await s.open(`/theo-doi/anh-chup/${snapshotId}`, 'Kết quả kiểm tra nội dung trang TTĐT');
    const p = s.page;
    await p.getByText(/đã đổi: Mục Hỏi đáp nằm ở chân trang/).waitFor();
    expect(await p.getByRole('button', { name: 'Xác nhận kết quả' }).count()).toBe(0);
  });
});

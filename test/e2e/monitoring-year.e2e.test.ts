/**
 * The monitoring's year in a real browser: the department's overview of every portal (status,
 * uptime, the latest content check, snapshots to confirm), an agency's page with its chart of
 * availability and response time over the year and its months, and the agency's reporter reading
 * its own results and what is missing. The checks are put in the tables as the jobs leave them.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agencies,
  availabilityChecks,
  contentSnapshots,
  monitoredSites,
} from '../../src/server/db/schema.ts';
import { type BrowserSession, startBrowserSession } from './browser.ts';

let s: BrowserSession;
const DAY = 86_400_000;

beforeAll(async () => {
  s = await startBrowserSession({ now: '2017-09-10T09:00:00+07:00' });
  await s.addUser('thamdinh', 'assessor');
  await s.addUser('bc.stttt', 'reporter', 'STTTT');
  const db = s.deps.database.db;
  const [stttt] = await db.select().from(agencies).where(eq(agencies.code, 'STTTT'));
  const [site] = await db.select().from(monitoredSites).where(eq(monitoredSites.agencyId, stttt!.id));
  // Four checks a day from 1 January to 9 September; the site was down all of 3 July.
  const rows: (typeof availabilityChecks.$inferInsert)[] = [];
  for (let t = Date.UTC(2016, 11, 31, 17); t < Date.UTC(2017, 8, 9, 17); t += DAY / 4) {
    const down = t >= Date.UTC(2017, 6, 2, 17) && t < Date.UTC(2017, 6, 3, 17);
    rows.push({
      siteId: site!.id,
      checkedAt: new Date(t),
      ok: !down,
      status: down ? null : 200,
      ttfbMs: down ? null : 150 + (Math.floor(t / DAY) % 7) * 20,
      failureCode: down ? 'timeout' : null,
      failure: down ? { vi: 'Máy chủ không trả lời trong 10 giây', en: 'Timed out' } : null,
    });
  }
  for (let i = 0; i < rows.length; i += 200)
    await db.insert(availabilityChecks).values(rows.slice(i, i + 200));
  await db.insert(contentSnapshots).values({
    siteId: site!.id,
    agencyId: stttt!.id,
    state: 'proposed',
    startedAt: new Date('2017-09-01T19:00:00Z'),
    finishedAt: new Date('2017-09-01T19:01:00Z'),
    findings: [
      {
        field: 'website_active',
        value: true,
        evidence: { url: 'https://stttt.caobang.gov.vn/', excerpt: 'Trang chủ' },
        reason: { vi: 'Trang chủ trả lời 200', en: '' },
      },
      {
        field: 'ws_func_qa',
        value: false,
        evidence: null,
        reason: { vi: 'Không thấy mục Hỏi đáp trên 14 trang đã xem', en: '' },
      },
      {
        field: 'ws_dir_schedule',
        value: true,
        evidence: { url: 'https://stttt.caobang.gov.vn/lich-cong-tac', excerpt: 'Lịch công tác tuần' },
        reason: { vi: 'Thấy trên trình đơn', en: '' },
      },
    ],
    stoppedBy: 'done',
  });
}, 240_000);
afterAll(async () => {
  await s?.close();
});

describe('the monitoring of the year', () => {
  it('gives the department an overview of every portal', async () => {
    const p = s.page;
    await s.signInAs('thamdinh', 'Các kỳ đánh giá');
    await p
      .getByRole('navigation', { name: 'Chức năng' })
      .getByRole('link', { name: 'Theo dõi trang TTĐT' })
      .click();
    await p.getByRole('heading', { level: 1, name: 'Theo dõi trang TTĐT' }).waitFor();
    const row = p
      .locator('.ant-table-tbody tr.ant-table-row')
      .filter({ hasText: 'Sở Thông tin và Truyền thông' });
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('Truy cập được (200,');
    // 1,008 checks in the year (252 days), the 4 of 3 July failed.
    expect(text).toContain('99,6 % (1008 lần kiểm tra)');
    expect(text).toContain('02/09/2017 02:00: 2/3 mục');
    expect(text).toContain('1 chờ xác nhận');
    expect(await p.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(33);
    await s.checkScreen('monitoring-overview');
  });

  it('opens an agency’s year: the chart of availability and response time, the months, the checks', async () => {
    const p = s.page;
    await p.getByRole('link', { name: 'Sở Thông tin và Truyền thông' }).click();
    await p.getByRole('heading', { level: 1, name: 'Trang TTĐT của Sở Thông tin và Truyền thông' }).waitFor();
    await p.getByRole('img', { name: 'Truy cập được và thời gian phản hồi trong năm' }).waitFor();
    expect(await p.locator('.monitoring-chart path').count()).toBe(2);
    const months = p.locator('.ant-table-tbody tr.ant-table-row');
    expect(await months.count()).toBe(9);
    expect(await months.filter({ hasText: '07/2017' }).textContent()).toContain('96,77 %');
    await p.getByText('02/09/2017 02:00 — Chờ thẩm định xác nhận: 2/3 mục').waitFor();
    await s.checkScreen('monitoring-agency');
    await p.getByRole('link', { name: 'Xem chi tiết lần kiểm tra 02/09/2017 02:00' }).click();
    await p.getByRole('heading', { level: 1, name: 'Kết quả kiểm tra nội dung trang TTĐT' }).waitFor();
  });

  it('shows the agency’s reporter its own portal and what is missing', async () => {
    const p = s.page;
    await s.signInAs('bc.stttt');
    await p
      .getByRole('navigation', { name: 'Chức năng' })
      .getByRole('link', { name: 'Trang TTĐT của cơ quan' })
      .click();
    await p.getByRole('heading', { level: 1, name: 'Trang TTĐT của Sở Thông tin và Truyền thông' }).waitFor();
    const missing = p.locator('section', {
      has: p.getByRole('heading', { name: 'Các mục chưa thấy ở lần kiểm tra gần nhất' }),
    });
    expect(await missing.textContent()).toMatch(
      /Hỏi đáp, phản hồi: Không thấy mục Hỏi đáp trên 14 trang đã xem/,
    );
    expect(await p.getByRole('button', { name: 'Kiểm tra nội dung ngay' }).count()).toBe(0);
    await s.checkScreen('monitoring-agency-reporter');
  });
});

/**
 * The administrator's side of the website monitoring in a real browser (issue 10): an agency's
 * portal address changed from a chosen day (the old one kept in the history with its dates), an
 * online-service portal added, an item pinned to a page (refused outside the portal, in
 * Vietnamese, beside the field), the check schedule changed in words; and an assessor records a
 * manual check from a content check that could not fetch the site. Axe at both sizes.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agencies,
  contentSnapshots,
  monitoredSites,
  schedules,
  websiteChecks,
} from '../../src/server/db/schema.ts';
import { type BrowserSession, fillDate, startBrowserSession } from './browser.ts';

let s: BrowserSession;
let stttt = '';
let failedId = '';

beforeAll(async () => {
  s = await startBrowserSession({ now: '2017-09-10T09:00:00+07:00' });
  await s.addUser('quantri', 'admin');
  await s.addUser('thamdinh', 'assessor');
  const db = s.deps.database.db;
  const [agency] = await db.select().from(agencies).where(eq(agencies.code, 'STTTT'));
  stttt = agency!.id;
  const [site] = await db.select().from(monitoredSites).where(eq(monitoredSites.agencyId, stttt));
  // A content check that reached nothing: the site did not answer.
  const [snap] = await db
    .insert(contentSnapshots)
    .values({
      siteId: site!.id,
      agencyId: stttt,
      state: 'failed',
      startedAt: new Date('2017-09-01T19:00:00Z'),
      finishedAt: new Date('2017-09-01T19:00:10Z'),
      findings: [],
      stoppedBy: 'failure',
      failure: { vi: 'Máy chủ không trả lời khi kết nối (quá thời gian chờ)', en: 'Connection timed out' },
    })
    .returning();
  failedId = snap!.id;
}, 240_000);
afterAll(async () => {
  await s?.close();
});

/** Picks an option of a searchable choice list by typing part of it. */
async function choose(label: string, typed: string) {
  const select = s.page.getByLabel(label, { exact: true });
  await select.click();
  await select.fill(typed);
  await s.page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active')
    .waitFor();
  await s.page.keyboard.press('Enter');
}

/** Picks an option of a plain choice list by its text. */
async function pickOption(label: string, option: string) {
  await s.page.getByLabel(label, { exact: true }).click();
  await s.page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
      hasText: option,
    })
    .first()
    .click();
}

describe('the administrator sets an agency’s monitored sites', () => {
  it('changes the portal address from a chosen day, the old one kept with its dates', async () => {
    await s.signInAs('quantri', 'Các kỳ đánh giá');
    await s.open(`/theo-doi/co-quan/${stttt}`, /^Trang TTĐT của Sở Thông tin và Truyền thông/);
    const p = s.page;
    await p.getByRole('heading', { name: 'Quản trị địa chỉ theo dõi' }).waitFor();
    await p.getByRole('button', { name: 'Đổi địa chỉ Trang TTĐT' }).click();
    const dialog = s.dialog('Đổi địa chỉ Trang TTĐT');
    await dialog.waitFor();
    await dialog.getByLabel('Địa chỉ', { exact: true }).fill('ftp://stttt.caobang.gov.vn');
    await fillDate(dialog.getByLabel('Áp dụng từ ngày'), '01/06/2017');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByText('Địa chỉ trang TTĐT phải bắt đầu bằng http:// hoặc https://').waitFor();
    await dialog.getByLabel('Địa chỉ', { exact: true }).fill('https://caobang.gov.vn/web/so-thong-tin');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await p.getByText('Đã lưu địa chỉ.').waitFor();
    const history = p.getByRole('row', { name: /stttt\.caobang\.gov\.vn/ });
    await history.waitFor();
    expect(await history.textContent()).toContain('01/06/2017');
    await p.getByText('https://caobang.gov.vn/web/so-thong-tin/', { exact: true }).waitFor();
    const rows = await s.deps.database.db
      .select()
      .from(monitoredSites)
      .where(and(eq(monitoredSites.agencyId, stttt), isNull(monitoredSites.validTo)));
    expect(rows.map((r) => [r.kind, r.url, r.validFrom])).toEqual([
      ['portal', 'https://caobang.gov.vn/web/so-thong-tin/', '2017-06-01'],
    ]);
  });

  it('adds the online-service portal', async () => {
    const p = s.page;
    await p.getByRole('button', { name: 'Nhập địa chỉ Cổng dịch vụ công' }).click();
    const dialog = s.dialog('Nhập địa chỉ Cổng dịch vụ công');
    await dialog.getByLabel('Địa chỉ', { exact: true }).fill('https://dichvucong.caobang.gov.vn/');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await p.getByText('https://dichvucong.caobang.gov.vn/', { exact: true }).waitFor();
    // No day chosen: from the server's today, 10/09/2017.
    const row = p.getByRole('row', { name: /dichvucong\.caobang\.gov\.vn/ });
    expect(await row.textContent()).toContain('10/09/2017');
    await p.getByRole('button', { name: 'Ngừng theo dõi Cổng dịch vụ công' }).waitFor();
  });

  it('pins an item to a page of the portal, refusing one outside it in Vietnamese', async () => {
    const p = s.page;
    await choose('Mục kiểm tra', 'Hỏi đáp');
    await p.getByLabel('Trang chứa mục').fill('https://example.com/hoi-dap');
    await p.getByRole('button', { name: 'Ghim', exact: true }).click();
    await p
      .getByText(/phải nằm trong trang TTĐT của cơ quan \(https:\/\/caobang\.gov\.vn\/web\/so-thong-tin\/\)/)
      .waitFor();
    await p.getByLabel('Trang chứa mục').fill('https://caobang.gov.vn/web/so-thong-tin/hoi-dap');
    await p.getByRole('button', { name: 'Ghim', exact: true }).click();
    await p.getByText('Đã ghim mục.').waitFor();
    await p.getByRole('button', { name: /^Bỏ ghim mục .*Hỏi đáp/ }).waitFor();
    const [portal] = await s.deps.database.db
      .select()
      .from(monitoredSites)
      .where(
        and(
          eq(monitoredSites.agencyId, stttt),
          eq(monitoredSites.kind, 'portal'),
          isNull(monitoredSites.validTo),
        ),
      );
    expect(Object.values(portal!.pins as Record<string, string>)).toEqual([
      'https://caobang.gov.vn/web/so-thong-tin/hoi-dap',
    ]);
    await s.checkScreen('monitoring-sites-admin');
  });
});

describe('the administrator changes the check schedule', () => {
  it('reads it in words and changes it to hourly and weekly on Monday at 06:00', async () => {
    await s.signInAs('quantri', 'Các kỳ đánh giá');
    await s.open('/theo-doi', 'Theo dõi trang TTĐT');
    const p = s.page;
    await p.getByText('Hiện tại: 30 phút một lần.').waitFor();
    await p.getByText('Hiện tại: Ngày 1 hằng tháng, lúc 02:00.').waitFor();
    await pickOption('Chu kỳ', '1 giờ một lần');
    await pickOption('Tần suất', 'Hằng tuần');
    await pickOption('Thứ', 'Thứ Hai');
    await pickOption('Giờ', '06:00');
    await p.getByRole('button', { name: 'Lưu lịch' }).click();
    await p.getByText('Đã lưu lịch kiểm tra.').waitFor();
    await p.getByText('Hiện tại: Thứ Hai hằng tuần, lúc 06:00.').waitFor();
    await p.getByText(/Lần tới: 11\/09\/2017 06:00/).waitFor();
    const rows = await s.deps.database.db.select().from(schedules);
    const cron = Object.fromEntries(rows.map((r) => [r.name, r.cron]));
    expect(cron).toMatchObject({
      'monitoring.availability': '0 */1 * * *',
      'monitoring.content': '0 6 * * 1',
    });
    await s.checkScreen('monitoring-schedules');
  });
});

describe('a content check that could not fetch the site', () => {
  it('lets the assessor record a manual check from the same screen, marked manual', async () => {
    await s.signInAs('thamdinh', 'Các kỳ đánh giá');
    await s.open(`/theo-doi/anh-chup/${failedId}`, 'Kết quả kiểm tra nội dung trang TTĐT');
    const p = s.page;
    await p.getByText('Không lấy được trang').first().waitFor();
    await p.getByRole('heading', { name: 'Ghi kết quả kiểm tra thủ công' }).waitFor();
    expect(await p.getByRole('button', { name: 'Xác nhận kết quả' }).count()).toBe(0);
    await fillDate(p.getByLabel('Thời điểm kiểm tra'), '10/09/2017 08:30');
    // Nothing chosen: the server names what is missing, shown by that item.
    await p.getByRole('button', { name: 'Lưu kết quả thủ công' }).click();
    await p.locator('.monitoring-error').first().waitFor();
    await p.getByLabel(/Trang TTĐT hoạt động$/).selectOption('false');
    await p
      .getByLabel('Ghi chú (cách kiểm tra, bằng chứng)')
      .fill('Đã mở trang lúc 08:30: máy chủ không trả lời');
    await p.getByRole('button', { name: 'Lưu kết quả thủ công' }).click();
    await p.getByText('Đã ghi kết quả kiểm tra thủ công lúc 10/09/2017 08:30.').waitFor();
    const checks = await s.deps.database.db
      .select()
      .from(websiteChecks)
      .where(eq(websiteChecks.agencyId, stttt));
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({
      source: 'manual',
      snapshotId: null,
      values: { website_active: false },
      checkedAt: new Date('2017-09-10T01:30:00Z'),
    });
    await s.checkScreen('monitoring-manual-check');
  });
});

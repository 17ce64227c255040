/** The agency registry: the administrator records the 2020 district merger; a viewer reads the list. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, fillDate, startBrowserSession } from './browser.ts';

let s: BrowserSession;
beforeAll(async () => {
  s = await startBrowserSession({ now: '2020-06-01T09:00:00+07:00' });
  await s.addUser('nguoixem', 'viewer');
  await s.addUser('quantri', 'admin');
  await s.signInAs('quantri', 'Các kỳ đánh giá');
}, 180_000);
afterAll(async () => {
  await s?.close();
});

describe('the agency registry', () => {
  it('lists the agencies by group in Vietnamese order, and finds one typed without tones', async () => {
    const page = s.page;
    await s.open('/quan-tri/co-quan', 'Cơ quan, đơn vị được đánh giá');
    const districts = page.getByRole('table', { name: 'UBND huyện, thành phố' });
    await districts.getByRole('row', { name: /HTK/ }).waitFor();
    const names = await districts.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(names.length).toBe(13);
    expect([...names].sort(new Intl.Collator('vi').compare)).toEqual(names);
    await s.checkScreen('quan-tri-co-quan');

    await page.getByLabel('Tìm cơ quan theo tên hoặc mã').fill('so y te');
    await expect.poll(() => page.locator('tbody tr.ant-table-row').count()).toBe(1);
    expect(await page.locator('tbody tr.ant-table-row').first().textContent()).toContain('Sở Y tế');
    await page.getByLabel('Tìm cơ quan theo tên hoặc mã').fill('');
  });

  it('records the merger of Quảng Uyên and Phục Hòa into Quảng Hòa, shown on the timelines', async () => {
    const page = s.page;
    await s.open('/quan-tri/co-quan', 'Cơ quan, đơn vị được đánh giá');
    await page.getByRole('button', { name: 'Ghi nhận thay đổi' }).click();
    const box = s.dialog('Ghi nhận thay đổi danh sách cơ quan');
    await box.waitFor();
    await box.getByText('Hợp nhất, sáp nhập', { exact: true }).click();
    const from = box.getByLabel('Các cơ quan hợp nhất, sáp nhập');
    await from.click();
    await from.fill('Quảng Uyên');
    await page.keyboard.press('Enter');
    await from.fill('Phục Hòa');
    await page.keyboard.press('Enter');
    await box.getByLabel('Mã đơn vị mới 1').click();
    await box.getByLabel('Mã đơn vị mới 1').fill('HQH');
    await box.getByLabel('Tên đơn vị mới 1').fill('UBND huyện Quảng Hòa');
    await fillDate(box.getByLabel('Ngày có hiệu lực'), '01/03/2020');
    await box.getByLabel('Văn bản quyết định').fill('NQ 864/NQ-UBTVQH14');
    await s.checkScreen('quan-tri-co-quan-thay-doi');
    await box.getByRole('button', { name: 'Ghi nhận' }).click();
    await box.waitFor({ state: 'hidden' });

    const timeline = page.getByRole('list', { name: 'Lịch sử thay đổi danh sách cơ quan' });
    const entry = timeline.getByRole('listitem').filter({ hasText: 'Quảng Hòa' });
    await entry.waitFor();
    const text = await entry.textContent();
    expect(text).toContain('01/03/2020');
    expect(text).toContain('UBND huyện Quảng Uyên (HQU)');
    expect(text).toContain('UBND huyện Phục Hòa (HPH)');
    expect(text).toContain('hợp nhất thành UBND huyện Quảng Hòa (HQH)');
    expect(text).toContain('NQ 864/NQ-UBTVQH14');

    // Today's list has the new district, not the two old ones.
    const districts = page.getByRole('table', { name: 'UBND huyện, thành phố' });
    await districts.getByRole('row', { name: /HQH/ }).waitFor();
    expect(await districts.getByRole('row', { name: /HQU/ }).count()).toBe(0);

    // The new district's own history.
    await page.getByRole('button', { name: 'Lịch sử: UBND huyện Quảng Hòa' }).click();
    const history = s.dialog('Lịch sử: UBND huyện Quảng Hòa');
    await history.getByText('Có hiệu lực từ 01/03/2020.').waitFor();
    await history.getByText(/hợp nhất thành UBND huyện Quảng Hòa/).waitFor();
    await history.getByRole('button', { name: 'Đóng' }).last().click();
    await history.waitFor({ state: 'hidden' });

    // With the ended units shown, the old districts say when they ended.
    await page.getByText('Hiện cả cơ quan đã kết thúc').click();
    await districts.getByRole('row', { name: /HQU/ }).getByText('Đã kết thúc từ 29/02/2020').waitFor();
    await s.checkScreen('quan-tri-co-quan-lich-su');
  });

  it('lets a viewer read the list and the history, without the administrator’s buttons', async () => {
    const page = s.page;
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await s.signInAs('nguoixem', 'Các kỳ đánh giá');
    await page.getByRole('link', { name: 'Cơ quan, đơn vị' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cơ quan, đơn vị được đánh giá' }).waitFor();
    await page.getByRole('table', { name: 'Sở, ban, ngành' }).getByRole('row', { name: /STTTT/ }).waitFor();
    await page.getByText('chỉ xem').waitFor();
    expect(await page.getByRole('button', { name: 'Thêm cơ quan' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Ghi nhận thay đổi' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Sửa:/ }).count()).toBe(0);
    await page.getByText(/hợp nhất thành UBND huyện Quảng Hòa/).waitFor();
    await s.checkScreen('quan-tri-co-quan-nguoi-xem');
    // The server refuses a viewer's change whatever the screen shows.
    const res = await page.evaluate(async () => {
      const r = await fetch('/api/v1/agencies', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: 'X', name: 'X', group: 'department' }),
      });
      return r.status;
    });
    expect(res).toBe(403);
  });
});

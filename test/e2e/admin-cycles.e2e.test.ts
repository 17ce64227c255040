/** The administrator's cycle screens: create a year's cycle, upload the guidance, open it, extend the deadline. */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_PDF } from '../http.ts';
import { type BrowserSession, fillDate, startBrowserSession } from './browser.ts';

let s: BrowserSession;
beforeAll(async () => {
  // Mid-September 2027: the guidance is due, the deadline (1 November) still ahead.
  s = await startBrowserSession({ now: '2027-09-15T09:00:00+07:00' });
  await s.addUser('quantri', 'admin');
  await s.signInAs('quantri', 'Các kỳ đánh giá');
}, 180_000);
afterAll(async () => {
  await s?.close();
});

describe('the administrator runs a year’s cycle from the screens', () => {
  it('creates the cycle with the regulation’s dates, uploads the guidance, opens it and extends the deadline', async () => {
    const page = s.page;
    await s.open('/quan-tri/ky-danh-gia', 'Quản lý kỳ đánh giá');
    await page.getByText('Chưa có kỳ đánh giá nào').first().waitFor();
    await page.getByRole('button', { name: 'Tạo kỳ đánh giá' }).click();
    await page.getByLabel('Năm đánh giá').fill('2027');
    // The dates follow the year, as the regulation sets them.
    await expect
      .poll(() => page.getByLabel('Hạn nộp báo cáo (trước 00:00 ngày)').inputValue())
      .toBe('01/11/2027');
    expect(await page.getByLabel('Hạn ban hành văn bản hướng dẫn').inputValue()).toBe('01/10/2027');
    expect(await page.getByLabel('Hạn công bố kết quả').inputValue()).toBe('01/01/2028');
    expect(await page.getByLabel('Tên kỳ đánh giá').inputValue()).toContain('năm 2027');
    await page.getByText('ngày ban hành hướng dẫn (01/10/2027)').waitFor();
    await s.checkScreen('quan-tri-ky-tao');
    await page.getByLabel('Thông báo gửi các cơ quan').fill('Các cơ quan nộp báo cáo đúng hạn.');
    await page.getByRole('button', { name: 'Tạo kỳ đánh giá' }).click();

    await page.getByRole('heading', { level: 1, name: /năm 2027/ }).waitFor();
    await page.getByText('Nháp', { exact: true }).first().waitFor();
    // A draft is edited in place (the server checks the version it was read at).
    await page.getByRole('button', { name: 'Sửa thông tin kỳ đánh giá' }).click();
    await page.getByLabel('Tên kỳ đánh giá').fill('Đánh giá mức độ ứng dụng CNTT năm 2027');
    await page.getByText('Đã chọn: 01/11/2027.').waitFor();
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đánh giá mức độ ứng dụng CNTT năm 2027' }).waitFor();
    // Opening needs the guidance: the step is offered, disabled, with the reason beside it.
    const openButton = page.getByRole('button', { name: 'Mở kỳ đánh giá' });
    expect(await openButton.isDisabled()).toBe(true);
    await page.getByText('Chưa đính kèm văn bản hướng dẫn').waitFor();

    const pdf = join(tmpdir(), `huong-dan-2027-${process.pid}.pdf`);
    writeFileSync(pdf, SMALL_PDF);
    await page.getByLabel('Chọn tệp Văn bản hướng dẫn').setInputFiles(pdf);
    const link = page.getByRole('link', { name: /huong-dan-2027/ });
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(/\/api\/v1\/cycles\/.+\/documents\/guidance$/);
    await page.getByText(/\d+ B, tải lên lúc 15\/09\/2027/).waitFor();
    await expect.poll(() => openButton.isDisabled()).toBe(false);
    await s.checkScreen('quan-tri-ky-chi-tiet');

    await openButton.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('gửi thư thông báo cho người báo cáo của từng cơ quan').waitFor();
    await dialog.getByRole('button', { name: 'Mở kỳ đánh giá' }).click();
    await page.getByText('Đang nhận báo cáo', { exact: true }).first().waitFor();
    // This server has no mail settings: the notice says mail is off and how to tell the agencies,
    // rather than counting mails that would never go.
    await page.getByText('Thư điện tử đang tắt: chưa gửi thư thông báo cho 33 cơ quan').waitFor();
    await page.getByText(/Hãy báo cho các cơ quan bằng công văn hoặc điện thoại/).waitFor();
    expect(await page.getByText(/vào hàng đợi gửi thư/).count()).toBe(0);
    await page.getByText(/Đã chốt theo ngày 01\/10\/2027: 33 cơ quan/).waitFor();
    // Closing before the deadline is not allowed: disabled, with the server's reason.
    const close = page.getByRole('button', { name: 'Đóng kỳ nhận báo cáo' });
    expect(await close.isDisabled()).toBe(true);
    await page.getByText(/Chưa hết hạn nộp: các cơ quan vẫn được nộp báo cáo/).waitFor();
    expect(await close.getAttribute('aria-describedby')).toBe('transition-reason-closed');

    // The extension: a new deadline, the decision and the reason, confirmed.
    await fillDate(page.getByLabel('Hạn nộp mới (trước 00:00 ngày)'), '15/11/2027');
    await page.getByLabel('Số hiệu văn bản quyết định').fill('1234/QĐ-STTTT');
    await page.getByLabel('Lý do gia hạn').fill('Nhiều cơ quan đề nghị thêm thời gian do mưa lũ.');
    await page.getByRole('button', { name: 'Gia hạn…' }).click();
    await dialog.getByText('theo văn bản 1234/QĐ-STTTT').waitFor();
    await dialog.getByRole('button', { name: 'Gia hạn' }).click();
    const history = page.getByRole('table', { name: 'Các lần gia hạn' });
    await history.waitFor();
    const row = history.getByRole('row', { name: /1234\/QĐ-STTTT/ });
    expect(await row.textContent()).toContain('15/11/2027 00:00');
    expect(await row.textContent()).toContain('01/11/2027 00:00');
    await page.getByText('trước 15/11/2027 00:00').first().waitFor();
    await s.checkScreen('quan-tri-ky-da-mo');

    // The home page shows the cycle open, the new deadline with it.
    await s.open('/', 'Các kỳ đánh giá');
    const home = page.getByRole('row', { name: /2027/ });
    await expect.poll(() => home.textContent()).toContain('Đang nhận báo cáo');
    expect(await home.textContent()).toContain('15/11/2027');

    await s.open('/quan-tri/ky-danh-gia', 'Quản lý kỳ đánh giá');
    await page.getByRole('row', { name: /2027/ }).waitFor();
    await s.checkScreen('quan-tri-ky-danh-sach');
  });

  it('shows the server’s reason beside a date the regulation does not allow', async () => {
    const page = s.page;
    await s.open('/quan-tri/ky-danh-gia', 'Quản lý kỳ đánh giá');
    await page.getByRole('button', { name: 'Tạo kỳ đánh giá' }).click();
    await page.getByLabel('Năm đánh giá').fill('2028');
    // Dates read and typed day first, whatever the browser's own locale (05/10 is 5 October).
    const deadline = page.getByLabel('Hạn nộp báo cáo (trước 00:00 ngày)');
    expect(await deadline.inputValue()).toBe('01/11/2028');
    await fillDate(deadline, '01/09/2028');
    await page.getByRole('button', { name: 'Tạo kỳ đánh giá' }).click();
    // Beside the deadline itself, in the server's words.
    const item = page.locator('.ant-form-item', {
      has: page.getByLabel('Hạn nộp báo cáo (trước 00:00 ngày)'),
    });
    await item.getByText('phải sau hạn ban hành hướng dẫn').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Quản lý kỳ đánh giá');
  });

  it('opens the new cycle form only once it knows the next year and the criteria set', async () => {
    const page = s.page;
    // The criteria list is held back, as on a slow line: the form must not open without it.
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    const criteriaList = /\/api\/v1\/criteria$/;
    await page.route(criteriaList, async (route) => {
      await held;
      await route.continue();
    });
    try {
      await page.goto(`${s.baseUrl}/quan-tri/ky-danh-gia`);
      const open = page.getByRole('button', { name: 'Tạo kỳ đánh giá' });
      await open.waitFor();
      expect(await open.isDisabled()).toBe(true);
      release();
      await open.click();
      const criteria = page.locator('.ant-form-item', {
        has: page.getByLabel('Bộ tiêu chí', { exact: false }),
      });
      await expect
        .poll(() => criteria.locator('.ant-select-content, .ant-select-selection-item').first().textContent())
        .toMatch(/\S/);
    } finally {
      release();
      await page.unroute(criteriaList);
    }
  });
});

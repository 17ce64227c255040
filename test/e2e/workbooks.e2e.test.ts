/**
 * The Excel form in a real browser: the reporter downloads the workbook from the form page, fills
 * it in Excel's way (here with exceljs), with one mistake; uploads it and reads the error by sheet
 * and cell; fixes it, uploads again, reads the preview of every change, confirms, and the web form
 * shows the values. The assessor does the same on the review page for an agency that e-mailed
 * its workbook. Real server, real database.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formValues } from '../fixtures.ts';
import { inputCell, openWorkbook, saveWorkbook, typeValues, writeZip } from '../workbooks.ts';
import { type BrowserSession, startBrowserSession } from './browser.ts';

let s: BrowserSession;
let cycleId: string;
const ids: Record<string, string> = {};
const YEAR = 2028;

beforeAll(async () => {
  s = await startBrowserSession();
  const cycle = await s.createCycle({ year: YEAR, title: `Đánh giá mức độ ứng dụng CNTT năm ${YEAR}` });
  cycleId = cycle.id;
  await s.openCycle(cycleId, 'huong-dan-2028.pdf');
  const { agencies } = await s.adminApi<{ agencies: { id: string; code: string }[] }>(
    'GET',
    '/api/v1/agencies',
  );
  for (const a of agencies) ids[a.code] = a.id;
  await s.addUser('bc-sct', 'reporter', 'SCT');
  await s.addUser('td-excel', 'assessor');
}, 240_000);

afterAll(async () => {
  await s?.close();
});

/** Clicks the download button and returns the workbook's bytes. */
async function downloadWorkbook(): Promise<Buffer> {
  const [download] = await Promise.all([
    s.page.waitForEvent('download'),
    s.page.getByRole('link', { name: 'Tải biểu mẫu Excel' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^bieu-mau-2028-[A-Z]+\.xlsx$/);
  return readFileSync((await download.path())!);
}

function saveAs(name: string, bytes: Buffer): string {
  const path = join(tmpdir(), `${name}-${process.pid}.xlsx`);
  writeFileSync(path, bytes);
  return path;
}

describe('the Excel form', () => {
  it('reporter: download, fill with one mistake, see it by sheet and cell, fix, preview, confirm, see the values', async () => {
    const page = s.page;
    await s.signInAs('bc-sct', 'Báo cáo của cơ quan');
    await page.goto(`${s.baseUrl}/bao-cao/${cycleId}`);
    await page.getByRole('heading', { level: 1, name: `Phiếu thu thập số liệu năm ${YEAR}` }).waitFor();
    const values = formValues('department', YEAR);
    const wb = await openWorkbook(await downloadWorkbook());
    typeValues(wb, values);
    const staff = inputCell(wb, 'total_staff');
    staff.cell.value = '4 5'; // typed with a space, stored by Excel as text
    const upload = page.getByLabel('Nộp từ tệp Excel');
    await upload.setInputFiles(saveAs('sai', await saveWorkbook(wb)));
    const alert = page.getByRole('alert').filter({ hasText: 'Tệp chưa được nhận, chưa lưu gì' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      `${staff.address}: Tổng số CBCCVC (total_staff): phải là một số nguyên`,
    );
    expect(await alert.textContent()).toContain('nhận được "4 5"');
    expect(await page.locator('[id="field-total_staff"]').inputValue()).toBe('');

    staff.cell.value = values.total_staff as number;
    await upload.setInputFiles(saveAs('dung', await saveWorkbook(wb)));
    const dialog = s.dialog(`Xem trước thay đổi từ tệp "dung-${process.pid}.xlsx"`);
    await dialog.waitFor();
    const row = dialog.locator('tr', { hasText: staff.address });
    expect(await row.locator('td').allTextContents()).toEqual([
      staff.address,
      expect.stringMatching(/^Tổng số cán bộ/),
      '(trống)',
      String(values.total_staff),
    ]);
    // What confirming does, and the form's logic checks on the values before anything is saved.
    expect(await dialog.textContent()).toContain('giá trị sẽ được lưu vào phiếu nháp');
    const warnings = dialog
      .getByRole('alert')
      .filter({ hasText: 'Cảnh báo kiểm tra logic của số liệu sau khi lưu (1)' });
    await warnings.waitFor();
    expect(await warnings.textContent()).toContain('V36');
    await s.checkScreen('bieu-mau-excel-xem-truoc');
    await dialog.getByRole('button', { name: 'Lưu vào phiếu' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Đã lưu \d+ giá trị từ tệp/ })
      .waitFor();
    await expect
      .poll(() => page.locator('[id="field-total_staff"]').inputValue())
      .toBe(String(values.total_staff));
    await page.reload();
    await page.getByRole('heading', { level: 1, name: `Phiếu thu thập số liệu năm ${YEAR}` }).waitFor();
    expect(await page.locator('[id="field-total_staff"]').inputValue()).toBe(String(values.total_staff));
    expect(await page.locator('[id="field-staff_with_computer"]').inputValue()).toBe(
      String(values.staff_with_computer),
    );
  });

  it('assessor: enters the workbook an agency sent by e-mail from the review page', async () => {
    const page = s.page;
    await s.signInAs('td-excel');
    await s.open(`/ky/${cycleId}/tham-dinh/${ids.SXD}`, /SXD/);
    const wb = await openWorkbook(await downloadWorkbook());
    typeValues(wb, { total_staff: 64, has_tthc: true });
    await page
      .getByLabel('Nhập phiếu từ tệp Excel cơ quan gửi')
      .setInputFiles(saveAs('sxd', await saveWorkbook(wb)));
    const dialog = s.dialog(`Xem trước thay đổi từ tệp "sxd-${process.pid}.xlsx"`);
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Có');
    await dialog.getByRole('button', { name: 'Lưu vào phiếu' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Đã lưu 3 giá trị từ tệp/ })
      .waitFor();
    const form = await s.apiAs<{ values: Record<string, unknown> }>(
      'td-excel',
      'GET',
      `/api/v1/cycles/${cycleId}/agencies/${ids.SXD}/submission`,
    );
    expect(form.values).toEqual({ report_year: YEAR, total_staff: 64, has_tthc: true });
  });

  it('assessor: checks a zip of e-mailed workbooks on the progress board, one line per file, then saves the valid ones', async () => {
    const page = s.page;
    await s.signInAs('td-excel');
    const fetchForm = async (code: string) =>
      openWorkbook(
        Buffer.from(
          await (
            await page.request.get(
              `${s.baseUrl}/api/v1/cycles/${cycleId}/agencies/${ids[code]}/submission/workbook`,
            )
          ).body(),
        ),
      );
    const good = await fetchForm('STP');
    typeValues(good, { total_staff: 21 });
    const bad = await fetchForm('SNV');
    inputCell(bad, 'total_staff').cell.value = '1.000,5';
    const zip = join(tmpdir(), `thu-${process.pid}.zip`);
    writeFileSync(
      zip,
      writeZip([
        { name: 'STP.xlsx', data: await saveWorkbook(good) },
        { name: 'SNV.xlsx', data: await saveWorkbook(bad) },
      ]),
    );
    await s.open(`/ky/${cycleId}/tien-do`, /Tiến độ/);
    await page.getByLabel('Chọn tệp .zip các biểu mẫu').setInputFiles(zip);
    const result = page.getByTestId('bulk-result');
    await result.waitFor();
    expect(await result.locator('tr[data-status="ready"]').textContent()).toContain(
      'Hợp lệ: 2 ô sẽ thay đổi',
    );
    expect(await result.locator('tr[data-status="rejected"]').textContent()).toMatch(
      /SNV\.xlsx.*Hạng mục 1!C\d+: .*"1\.000,5"/,
    );
    await s.checkScreen('nhap-nhieu-bieu-mau');
    await page.getByRole('button', { name: 'Lưu các biểu mẫu hợp lệ' }).click();
    await result.locator('tr[data-status="saved"]').waitFor();
    const form = await s.apiAs<{ values: Record<string, unknown> }>(
      'td-excel',
      'GET',
      `/api/v1/cycles/${cycleId}/agencies/${ids.STP}/submission`,
    );
    expect(form.values).toEqual({ report_year: YEAR, total_staff: 21 });
  });
});

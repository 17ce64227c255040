/**
 * The Excel form in a real browser: the reporter downloads the workbook from the form page, fills
 * it in Excel's way (here with exceljs), with one mistake; uploads it and reads the error by sheet
 * and cell; fixes it, uploads again, reads the preview of every change, confirms, and the web form
 * shows the values. The assessor does the same on the review page for an agency that e-mailed
 * its workbook. Then the year ends as an agency that only touches Excel sees it: the reporter
 * submits the form filled from the workbook, the approver publishes with a decision number, and
 * the report to the People's Committee, downloaded as Word and PDF, names the decision and ranks
 * the agency with the points the server computed. Real server, real database.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxXml, pdfText, textOf } from '../documents.ts';
import { formValues, perfectWebsite } from '../fixtures.ts';
import { inputCell, openWorkbook, saveWorkbook, typeValues, writeZip } from '../workbooks.ts';
import { type BrowserSession, fillDecision, startBrowserSession } from './browser.ts';

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
  await s.addUser('pd-excel', 'approver');
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
    expect(await alert.textContent()).toContain(`${staff.address}: Tổng số CBCCVC: phải là một số nguyên`);
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

  it('the year ends: submit the form filled from Excel, publish with a decision number, download the report', async () => {
    const page = s.page;
    await s.signInAs('bc-sct', 'Báo cáo của cơ quan');
    await page.goto(`${s.baseUrl}/bao-cao/${cycleId}`);
    await page.getByRole('heading', { level: 1, name: `Phiếu thu thập số liệu năm ${YEAR}` }).waitFor();
    await page.getByLabel('Họ và tên thủ trưởng cơ quan').fill('Lục Văn Thành');
    await page.getByLabel('Chức vụ', { exact: true }).fill('Giám đốc Sở');
    await page.getByRole('checkbox', { name: /Tôi xác nhận số liệu/ }).check();
    await page.getByRole('button', { name: 'Nộp phiếu', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Nộp phiếu', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Biên nhận nộp phiếu năm ${YEAR}` }).waitFor();

    // The deadline passes; the department closes the cycle, reviews and marks the data quality
    // and its website checks of the year (screens other tests watch), then the approver approves and publishes on the screen.
    const { cycle } = await s.adminApi<{ cycle: { deadline: string } }>('GET', `/api/v1/cycles/${cycleId}`);
    s.clock.set(new Date(Date.parse(cycle.deadline) + 3_600_000).toISOString());
    await s.adminApi('POST', `/api/v1/cycles/${cycleId}/close`, {});
    await s.apiAs('td-excel', 'POST', `/api/v1/cycles/${cycleId}/start-review`, {});
    // Published right after approval (appeals.e2e.test.ts walks an appeal): no appeal period.
    await s.adminApi('PUT', `/api/v1/cycles/${cycleId}/appeal-period`, { days: 0, holidays: [] });
    await s.adminApi('POST', `/api/v1/agencies/${ids.SCT}/website-checks`, {
      checkedAt: `${YEAR}-09-15T09:00:00+07:00`,
      values: perfectWebsite('department', YEAR),
      note: 'Kiểm tra quý III',
    });
    await s.apiAs(
      'td-excel',
      'PUT',
      `/api/v1/cycles/${cycleId}/review/${ids.SCT}/values/data_quality_points`,
      {
        value: 2,
        reason: 'Số liệu đầy đủ, khớp kiểm chứng',
      },
    );
    await s.signInAs('pd-excel', 'Các kỳ đánh giá');
    await page.goto(`${s.baseUrl}/ky/${cycleId}/phe-duyet`);
    await page.getByRole('button', { name: 'Phê duyệt kết quả' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Phê duyệt' }).click();
    await expect.poll(() => page.getByTestId('cycle-state').textContent()).toBe('Đã phê duyệt');
    await page.getByRole('button', { name: 'Công bố kết quả' }).click();
    const decision = { number: '3105/QĐ-UBND', date: '22/12/2028' };
    await fillDecision(page.getByRole('dialog'), decision);
    await page.getByRole('dialog').getByRole('button', { name: 'Tôi hiểu, công bố' }).click();
    await expect.poll(() => page.getByTestId('cycle-state').textContent()).toBe('Đã công bố');

    const published = await s.adminApi<{
      groups: {
        ranking: { code: string; name: string; rank: number; total: number; classLabel: { vi: string } }[];
      }[];
    }>('GET', `/api/v1/cycles/${cycleId}/results`);
    const sct = published.groups.flatMap((g) => g.ranking).find((r) => r.code === 'SCT')!;
    expect(sct.rank).toBe(1);
    const totalVn = sct.total.toFixed(2).replace('.', ',');

    // The report's line of the documents list: "Báo cáo kết quả gửi UBND tỉnh: Word · PDF".
    const report = page.getByRole('listitem').filter({ hasText: 'Báo cáo kết quả gửi UBND tỉnh' });
    const download = async (format: 'Word' | 'PDF') => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        report.getByRole('link', { name: format, exact: true }).click(),
      ]);
      return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
    };
    const word = await download('Word');
    expect(word.name).toMatch(/\.docx$/);
    const text = textOf(await docxXml(word.bytes));
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain(`Quyết định số ${decision.number} ngày 22/12/2028`);
    // Its row of the ranking table: rank, name, five categories, total, class.
    expect(text).toMatch(new RegExp(`1${sct.name}(\\d+,\\d\\d){5}${totalVn}${sct.classLabel.vi}`));

    const pdf = await download('PDF');
    expect(pdf.name).toMatch(/\.pdf$/);
    const printed = pdfText(pdf.bytes);
    expect(printed).toContain(`Quyết định số ${decision.number}`);
    expect(printed).toContain(sct.name);
    expect(printed).toContain(totalVn);
  });
});

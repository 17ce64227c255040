/**
 * After the deadline (R9): the reporter is told that a late form is still recorded but will not
 * be ranked, on the home page, on the form and before submitting; the receipt says "Nộp muộn".
 * The server's clock is moved past the deadline; the browser's own clock is later still.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formValues } from '../fixtures.ts';
import { type BrowserSession, startBrowserSession } from './browser.ts';

let s: BrowserSession;
let cycleId: string;
let agencyId: string;
const YEAR = 2025;

beforeAll(async () => {
  s = await startBrowserSession({ now: `${YEAR}-10-31T20:00:00+07:00` });
  const cycle = await s.createCycle({ year: YEAR, title: `Đánh giá mức độ ứng dụng CNTT năm ${YEAR}` });
  cycleId = cycle.id;
  await s.openCycle(cycleId, 'huong-dan.pdf');
  const { agencies } = await s.adminApi<{ agencies: { id: string; code: string }[] }>(
    'GET',
    '/api/v1/agencies',
  );
  agencyId = agencies.find((a) => a.code === 'SYT')!.id;
  await s.addUser('bc-muon', 'reporter', 'SYT');
}, 240_000);

afterAll(async () => {
  await s?.close();
});

describe('a reporter after the deadline', () => {
  it('is told a late form is recorded but not ranked, and gets a receipt marked late', async () => {
    const page = s.page;
    await s.signInAs('bc-muon', 'Báo cáo của cơ quan');
    await s.apiAs(
      'bc-muon',
      'PUT',
      `/api/v1/cycles/${cycleId}/agencies/${agencyId}/submission/values`,
      { version: null, values: formValues('department', YEAR) },
      200,
    );
    // Half an hour past the deadline (a longer jump would outlast the server's session lifetime).
    s.clock.set(`${YEAR}-11-01T00:30:00+07:00`);

    await page.reload();
    const passed = page.getByTestId('countdown-passed');
    await passed.waitFor();
    expect(await passed.textContent()).toContain(
      'Phiếu nộp muộn vẫn được ghi nhận nhưng cơ quan sẽ không được đánh giá, xếp hạng',
    );
    await page.getByRole('button', { name: 'Tiếp tục nhập phiếu' }).click();
    await page.getByRole('heading', { level: 1, name: `Phiếu thu thập số liệu năm ${YEAR}` }).waitFor();
    await page.getByText('phiếu sẽ được ghi nhận là NỘP MUỘN').first().waitFor();

    await page.getByLabel('Họ và tên thủ trưởng cơ quan').fill('Trần Thị Lan');
    await page.getByLabel('Chức vụ', { exact: true }).fill('Giám đốc Sở');
    await page.getByRole('checkbox', { name: /Tôi xác nhận số liệu/ }).check();
    await page.getByRole('button', { name: 'Nộp phiếu', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Nộp phiếu cho Sở TT&TT?' });
    expect(await dialog.textContent()).toContain('NỘP MUỘN');
    await dialog.getByRole('button', { name: 'Nộp phiếu', exact: true }).click();

    await page.getByRole('heading', { level: 1, name: `Biên nhận nộp phiếu năm ${YEAR}` }).waitFor();
    const receipt = page.getByTestId('receipt');
    await receipt.getByText('Nộp muộn', { exact: true }).waitFor();
    expect(await page.getByTestId('receipt-at').textContent()).toBe('01/11/2025 00:30');
    expect(await receipt.textContent()).toContain('không được đánh giá, xếp hạng');

    await page.goto(`${s.baseUrl}/bao-cao`);
    await expect
      .poll(() => page.getByTestId('report-state').textContent())
      .toBe('Đã nộp muộn lúc 01/11/2025 00:30');
    // Past the deadline a submitted form can no longer be withdrawn: no such button is offered.
    await page.goto(`${s.baseUrl}/bao-cao/${cycleId}`);
    await page.getByText('Phiếu chỉ để xem').waitFor();
    expect(await page.getByRole('button', { name: 'Rút phiếu để sửa' }).count()).toBe(0);
  });
});

/**
 * A field survey from plan to finding in a real browser (issue 14, item 4): the assessor plans a
 * visit on the agency's review page, picking a figure the system proposes by risk (the self and
 * official scores of criterion 1.1 differ; a stricter rule set for the visit drops it); the agency's reporter sees it on its home and
 * confirms the date; on the day the assessor records that the figure differs, which becomes the
 * survey record, and takes the observed value with the audited correction that cites the survey.
 * The new screens pass axe at office and phone sizes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewPage } from '../../src/server/modules/review/review.schema.ts';
import { createCycle, createSubmission, formValues } from '../fixtures.ts';
import { type BrowserSession, fillDate, startBrowserSession } from './browser.ts';

const TOTAL = Number(formValues('department').total_staff);
const HALF = Math.floor(TOTAL / 2);

let s: BrowserSession;
let cycleId: string;
let agencyId: string;
const reviewUrl = () => `/ky/${cycleId}/tham-dinh/${agencyId}`;

beforeAll(async () => {
  // Wednesday 15/11/2017, 10:00 in Hà Nội.
  s = await startBrowserSession({ now: '2017-11-15T03:00:00Z' });
  await s.addUser('bc-stttt', 'reporter', 'STTTT');
  await s.addUser('thamdinh', 'assessor');
  const db = s.deps.database.db;
  cycleId = (await createCycle(db, { state: 'under_review' })).id;
  await createSubmission(db, cycleId, 'STTTT', { values: { ...formValues('department') } });
  const list = await s.adminApi<{ agencies: { id: string; code: string }[] }>('GET', '/api/v1/agencies');
  agencyId = list.agencies.find((a) => a.code === 'STTTT')!.id;
  // The department's figure differs from the agency's: criterion 1.1 becomes a risk to verify.
  await s.apiAs(
    'thamdinh',
    'PUT',
    `/api/v1/cycles/${cycleId}/review/${agencyId}/values/staff_with_computer`,
    { value: HALF, reason: 'Danh sách tài sản chỉ ghi một nửa số máy' },
    200,
  );
}, 240_000);
afterAll(async () => {
  await s?.close();
});

describe('a field survey from plan to finding', () => {
  it('lets the assessor plan a visit from the figures proposed by risk', async () => {
    const page = s.page;
    await s.signInAs('thamdinh');
    await s.open(reviewUrl(), /Sở Thông tin và Truyền thông/);
    const part = page.getByTestId('survey-plans');
    const form = part.getByTestId('plan-form');
    const proposed = form.locator('.plan-claim[data-field="staff_with_computer"]');
    await proposed.waitFor();
    expect(await proposed.textContent()).toMatch(/Tiêu chí 1\.1: tự chấm 5,00 điểm, sau thẩm định/);
    // A stricter rule for this visit: the gap must reach the criterion's whole maximum, and the
    // figure (half of it) is no longer proposed; back to the default, it is again.
    const rules = form.getByTestId('plan-rules');
    const gap = rules.getByLabel(/lệch từ/);
    expect(await gap.inputValue()).toBe('25');
    expect(await rules.getByLabel(/năm trước từ/).inputValue()).toBe('50');
    await gap.fill('100');
    await rules.getByRole('button', { name: 'Đề xuất lại' }).click();
    await proposed.waitFor({ state: 'detached' });
    await gap.fill('25');
    await rules.getByRole('button', { name: 'Đề xuất lại' }).click();
    await proposed.waitFor();
    await form.getByRole('button', { name: 'Lưu kế hoạch và báo cơ quan' }).click();
    await form.getByRole('alert').filter({ hasText: 'Hãy chọn hoặc ghi ngày khảo sát' }).waitFor();
    await fillDate(form.getByLabel('Ngày khảo sát (ngày/tháng/năm)'), '20/11/2017');
    await form.getByLabel('Thành phần đoàn khảo sát').fill('Nguyễn Văn A, Trần Thị B (Phòng CNTT)');
    await form.getByLabel('Mục đích').fill('Xác minh số cán bộ có máy tính');
    await proposed.getByRole('checkbox').check();
    await form.getByRole('button', { name: 'Lưu kế hoạch và báo cơ quan' }).click();
    await part.getByRole('status').filter({ hasText: 'Đã lưu kế hoạch khảo sát' }).waitFor();
    const card = part.getByTestId('survey-plan');
    await card.waitFor();
    expect(await card.getByTestId('plan-status').textContent()).toBe('Chờ cơ quan xác nhận');
    expect(await card.textContent()).toContain('Ngày khảo sát: 20/11/2017');
    await s.checkScreen('tham-dinh-ke-hoach-khao-sat');
  }, 180_000);

  it('shows the visit on the agency’s home, where its reporter confirms the date', async () => {
    const page = s.page;
    await s.signInAs('bc-stttt');
    await page.goto(`${s.baseUrl}/bao-cao`);
    const home = page.getByTestId('home-surveys');
    await home.waitFor();
    expect(await home.textContent()).toContain('Xác minh số cán bộ có máy tính');
    await s.checkScreen('bao-cao-khao-sat');
    await home.getByRole('button', { name: 'Xác nhận ngày khảo sát' }).click();
    await home.getByRole('status').filter({ hasText: 'Cơ quan đã xác nhận ngày khảo sát.' }).waitFor();
    await home.getByTestId('plan-status').filter({ hasText: 'Cơ quan đã xác nhận' }).waitFor();
  }, 180_000);

  it('records on the day that the figure differs, and corrects it citing the survey', async () => {
    const page = s.page;
    s.clock.set('2017-11-20T03:00:00Z');
    await s.signInAs('thamdinh');
    await s.open(`/ky/${cycleId}/khao-sat`, 'Khảo sát thực tế năm 2017');
    expect(await page.getByTestId('plan-row-status').textContent()).toBe('Cơ quan đã xác nhận');
    await s.checkScreen('khao-sat-ky');
    await page.getByTestId('plans-table').getByRole('link', { name: 'STTTT' }).click();
    const part = page.getByTestId('survey-plans');
    const findings = part.getByTestId('findings-form');
    await findings.waitFor();
    const claim = findings.locator('[data-field="staff_with_computer"]');
    await claim.getByText('Khác', { exact: true }).click();
    await claim.getByLabel(/^Giá trị thực tế của/).fill(String(TOTAL - 2));
    await findings.getByRole('button', { name: 'Lưu kết quả thành biên bản khảo sát' }).click();
    await part.getByRole('status').filter({ hasText: 'Đã lưu biên bản khảo sát.' }).waitFor();
    const card = part.getByTestId('survey-plan');
    await card.getByTestId('plan-status').filter({ hasText: 'Đã khảo sát' }).waitFor();
    // The survey record is in the review's survey list, with the finding in words.
    await page
      .getByText(`khác, thực tế ${TOTAL - 2}.`)
      .first()
      .waitFor();
    await s.checkScreen('tham-dinh-ket-qua-khao-sat');

    const fix = part
      .getByTestId('survey-corrections')
      .getByRole('button', { name: new RegExp(`thành ${TOTAL - 2}$`) });
    await fix.click();
    await part.getByRole('status').filter({ hasText: 'theo kết quả khảo sát' }).waitFor();
    const review = await s.apiAs<ReviewPage>(
      'thamdinh',
      'GET',
      `/api/v1/cycles/${cycleId}/review/${agencyId}`,
    );
    expect(review.values.find((v) => v.key === 'staff_with_computer')?.officialValue).toBe(TOTAL - 2);
    const k11 = review.comparison.criteria.find((c) => c.id === '1.1')!;
    expect(k11.reasons.map((r) => r.text.vi).join(' ')).toContain('theo khảo sát thực tế ngày 20/11/2017');
  }, 180_000);
});

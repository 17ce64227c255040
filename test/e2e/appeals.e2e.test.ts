/**
 * An appeal from filing to publication in a real browser (issue 12, item 3): the agency reads its
 * provisional result in the appeal period and contests criterion 1.1 with a reason and a file; the
 * assessor upholds it with the corrected figure, which changes the score; the agency reads the
 * answer and the new points; the approver, still inside the period, must write why it publishes
 * before the period ends, then publishes; the published result carries the upheld appeal. The
 * agency's appeal page passes axe at office and phone sizes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppealsView } from '../../src/server/modules/appeals/appeals.schema.ts';
import type { AgencyView } from '../../src/server/modules/results/results.schema.ts';
import { createCycle, createSubmission, formValues, markDataQuality } from '../fixtures.ts';
import { type BrowserSession, fillDecision, startBrowserSession } from './browser.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const pts = (n: number) => n.toFixed(2).replace('.', ',');
const TOTAL_STAFF = Number(formValues('department').total_staff);

let s: BrowserSession;
let cycleId: string;
let agencyId: string;
/** The provisional total before the appeal, and criterion 1.1's points. */
let before: { total: number; points: number };

beforeAll(async () => {
  // Sunday 10/12/2017, 10:00 in Hà Nội: the five working days run Monday 11 to Friday 15.
  s = await startBrowserSession({ now: '2017-12-10T03:00:00Z' });
  const db = s.deps.database.db;
  await s.addUser('bc-stttt', 'reporter', 'STTTT');
  await s.addUser('thamdinh', 'assessor');
  await s.addUser('pheduyet', 'approver');
  await s.addUser('quantri', 'admin');
  const cycle = await createCycle(db, { state: 'under_review', appealDays: 5 });
  cycleId = cycle.id;
  // Half the staff have a computer on the form: criterion 1.1 loses points.
  const values = formValues('department');
  await createSubmission(db, cycleId, 'STTTT', {
    values: { ...values, staff_with_computer: Math.floor(TOTAL_STAFF / 2) },
  });
  await createSubmission(db, cycleId, 'STC');
  await markDataQuality(db, cycleId, ['STTTT', 'STC']);
  await s.apiAs('pheduyet', 'POST', `/api/v1/cycles/${cycleId}/approve`, {}, 200);
  const list = await s.adminApi<{ agencies: { id: string; code: string }[] }>('GET', '/api/v1/agencies');
  agencyId = list.agencies.find((a) => a.code === 'STTTT')!.id;
  const view = await s.apiAs<AgencyView>(
    'bc-stttt',
    'GET',
    `/api/v1/cycles/${cycleId}/results/agencies/${agencyId}?preview=true`,
  );
  const k11 = view.comparison!.criteria.find((c) => c.id === '1.1')!;
  before = { total: view.total!, points: k11.official.points };
  expect(before.points).toBeLessThan(k11.max);
}, 240_000);
afterAll(async () => {
  await s?.close();
});

describe('an appeal from filing to publication', () => {
  it('shows the agency its provisional result, the deadline in working days, and takes an appeal with a file', async () => {
    const page = s.page;
    await s.signInAs('bc-stttt');
    // The reporter's home leads to the appeals while the result is approved.
    await page.goto(`${s.baseUrl}/bao-cao`);
    await page
      .getByTestId('home-approved')
      .getByRole('link', { name: 'Xem kết quả tạm thời, gửi kiến nghị' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Kiến nghị về kết quả tạm thời năm 2017' }).waitFor();
    expect(await page.getByTestId('appeal-deadline').textContent()).toBe(
      'Cơ quan được gửi kiến nghị đến hết ngày 15/12/2017 — 5 ngày làm việc kể từ ngày kết quả tạm thời được phê duyệt (10/12/2017 10:00), không tính thứ Bảy, Chủ nhật và ngày nghỉ lễ.',
    );
    const row = page.getByTestId('provisional-criteria').locator('tr[data-criterion="1.1"]');
    expect(await row.getByTestId('official-points').textContent()).toBe(`${pts(before.points)} / 5,00`);
    expect(await page.getByTestId('provisional-total').textContent()).toContain(
      `Tổng điểm tạm thời: ${pts(before.total)} điểm`,
    );
    await s.checkScreen('kien-nghi-co-quan');

    // Nothing chosen, nothing written: said next to the form, nothing sent.
    await page.getByRole('button', { name: 'Gửi kiến nghị' }).click();
    await page.getByRole('alert').filter({ hasText: 'Hãy chọn tiêu chí kiến nghị.' }).waitFor();

    await row.getByRole('button', { name: 'Kiến nghị tiêu chí 1.1' }).click();
    const form = page.getByTestId('appeal-form');
    expect(await form.getByLabel('Tiêu chí kiến nghị').inputValue()).toBe('1.1');
    await form
      .getByLabel('Nội dung kiến nghị')
      .fill('Toàn bộ cán bộ đã được trang bị máy tính từ tháng 6, xem biên bản bàn giao kèm theo');
    await form.getByLabel('Tệp kèm theo (không bắt buộc)').setInputFiles({
      name: 'Biên bản bàn giao.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await form.getByRole('button', { name: 'Gửi kiến nghị' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã gửi kiến nghị về tiêu chí 1.1.' }).waitFor();
    const filed = page.locator('[data-testid="appeal"][data-criterion="1.1"]');
    await filed.waitFor();
    expect(await filed.getByTestId('appeal-status').textContent()).toBe('Chờ trả lời');
    expect(await filed.getByRole('link', { name: 'Biên bản bàn giao.pdf' }).count()).toBe(1);
    // The row now says it is appealed; the criterion cannot be chosen twice while open.
    expect(await row.textContent()).toContain('Đã kiến nghị');
    await s.checkScreen('kien-nghi-co-quan-da-gui');

    // The agency's result page shows the provisional result while it may be contested, said so.
    await page.getByRole('link', { name: /Trang kết quả tạm thời của cơ quan/ }).click();
    const notice = page.getByTestId('provisional-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Kết quả tạm thời — chưa công bố');
    expect(await notice.textContent()).toContain('đến hết ngày 15/12/2017');
    await page.getByTestId('agency-appeals').getByText('Chờ trả lời').waitFor();
    expect(await page.getByText(/Chưa xem được kết quả|chưa được công bố/).count()).toBe(0);
    await s.checkScreen('ket-qua-tam-thoi-co-quan');
  }, 180_000);

  it('lets the assessor uphold it with the corrected figure, which changes the score', async () => {
    const page = s.page;
    await s.signInAs('thamdinh');
    // The bell tells the department of the new appeal and leads to the list.
    const bell = await s.apiAs<{ items: { kind: string; link: string }[] }>(
      'thamdinh',
      'GET',
      '/api/v1/notifications',
    );
    expect(bell.items).toContainEqual(
      expect.objectContaining({ kind: 'appeal', link: `/ky/${cycleId}/xu-ly-kien-nghi` }),
    );
    await s.open(`/ky/${cycleId}/xu-ly-kien-nghi`, 'Kiến nghị về kết quả tạm thời năm 2017');
    expect(await page.getByTestId('open-count').textContent()).toBe('(1 kiến nghị chờ trả lời)');
    const card = page.locator('[data-testid="appeal"][data-criterion="1.1"]');
    expect(await card.textContent()).toContain('Sở Thông tin và Truyền thông');
    await s.checkScreen('xu-ly-kien-nghi');
    const form = card.getByTestId('answer-form');
    await form.getByText('Chấp nhận — điều chỉnh số liệu của tiêu chí').click();
    // Upholding without a corrected figure is refused before anything is sent.
    await form
      .getByLabel('Nội dung trả lời (lý do)')
      .fill('Biên bản bàn giao xác nhận mọi cán bộ có máy tính');
    await form.getByRole('button', { name: 'Gửi trả lời' }).click();
    await form.getByRole('alert').filter({ hasText: 'ít nhất một số liệu' }).waitFor();
    // Each field of the criterion says what it holds now; typing the same value changes nothing.
    const staff = form.locator('[data-field="staff_with_computer"]');
    expect(await staff.textContent()).toContain(`Hiện tại: ${Math.floor(TOTAL_STAFF / 2)}`);
    await staff.locator('input').fill(String(Math.floor(TOTAL_STAFF / 2)));
    await form.getByRole('button', { name: 'Gửi trả lời' }).click();
    await form.getByRole('alert').filter({ hasText: 'khác với số liệu hiện tại' }).waitFor();
    await staff.locator('input').fill(String(TOTAL_STAFF));
    await form.getByRole('button', { name: 'Gửi trả lời' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã trả lời kiến nghị của' }).waitFor();
    await page.getByText('Tất cả', { exact: true }).click();
    const answered = page.locator('[data-testid="appeal"][data-criterion="1.1"]');
    expect(await answered.getByTestId('appeal-status').textContent()).toBe('Được chấp nhận');
    expect(await page.getByTestId('open-count').textContent()).toBe('(0 kiến nghị chờ trả lời)');
  }, 180_000);

  it('shows the agency the answer and its new points', async () => {
    const page = s.page;
    await s.signInAs('bc-stttt');
    await s.open(`/ky/${cycleId}/kien-nghi`, 'Kiến nghị về kết quả tạm thời năm 2017');
    const card = page.locator('[data-testid="appeal"][data-criterion="1.1"]');
    expect(await card.getByTestId('appeal-status').textContent()).toBe('Được chấp nhận');
    expect(await card.getByTestId('appeal-answer').textContent()).toContain(
      'Biên bản bàn giao xác nhận mọi cán bộ có máy tính',
    );
    const after = before.total + (5 - before.points);
    expect(await card.getByTestId('appeal-effect').textContent()).toBe(
      `Điểm tiêu chí: ${pts(before.points)} → 5,00; tổng điểm: ${pts(before.total)} → ${pts(after)}.`,
    );
    const row = page.getByTestId('provisional-criteria').locator('tr[data-criterion="1.1"]');
    expect(await row.getByTestId('official-points').textContent()).toBe('5,00 / 5,00');
    const view = await s.apiAs<AppealsView>('bc-stttt', 'GET', `/api/v1/cycles/${cycleId}/appeals`);
    expect(view.appeals[0]!.totalAfter).toBeCloseTo(after, 2);
  }, 180_000);

  it('makes the approver give a reason to publish inside the period, then publishes the upheld result', async () => {
    const page = s.page;
    await s.signInAs('pheduyet');
    await s.open(`/ky/${cycleId}/phe-duyet`, 'Phê duyệt kết quả năm 2017');
    const appeals = page.getByTestId('publish-appeals');
    expect(await appeals.textContent()).toContain(
      'thời hạn kiến nghị của các cơ quan chưa hết (đến hết ngày 15/12/2017)',
    );
    expect(await appeals.textContent()).toContain('Đã trả lời 1 kiến nghị.');
    await page.getByRole('button', { name: 'Công bố kết quả' }).click();
    const dialog = s.dialog('Công bố kết quả?');
    await fillDecision(dialog);
    // No reason: the server refuses and says so next to the field.
    await dialog.getByRole('button', { name: 'Tôi hiểu, công bố' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'thời hạn kiến nghị' }).waitFor();
    await dialog
      .getByLabel('Lý do công bố khi chưa xong kiến nghị')
      .fill('Mọi cơ quan đã xác nhận không còn kiến nghị');
    await dialog.getByRole('button', { name: 'Tôi hiểu, công bố' }).click();
    await page.getByTestId('cycle-state').filter({ hasText: 'Đã công bố' }).waitFor();

    await s.signInAs('bc-stttt');
    await s.open(`/ky/${cycleId}/ket-qua/${agencyId}`, /Sở Thông tin và Truyền thông/);
    const published = await s.apiAs<AgencyView>(
      'bc-stttt',
      'GET',
      `/api/v1/cycles/${cycleId}/results/agencies/${agencyId}`,
    );
    expect(published.preview).toBe(false);
    expect(published.total).toBeCloseTo(before.total + (5 - before.points), 2);
    const mine = page.getByTestId('agency-appeals');
    expect(await mine.locator('[data-criterion="1.1"]').getByTestId('appeal-status').textContent()).toBe(
      'Được chấp nhận',
    );
  }, 180_000);

  it('lets the administrator set another cycle’s period and holidays, in day/month/year', async () => {
    const page = s.page;
    const next = await createCycle(s.deps.database.db, { year: 2018, state: 'open', appealDays: 5 });
    await s.signInAs('quantri');
    await s.open(`/quan-tri/ky-danh-gia/${next.id}`, /năm 2018/);
    const card = page.getByTestId('appeal-period-admin');
    expect(await card.getByLabel('Số ngày làm việc').inputValue()).toBe('5');
    await card.getByLabel('Số ngày làm việc').fill('7');
    await card.getByLabel('Ngày nghỉ lễ không tính').fill('01/01/2019, 30/02/2019');
    await card.getByRole('button', { name: 'Lưu thời hạn kiến nghị' }).click();
    await card.getByRole('alert').filter({ hasText: '"30/02/2019" không phải một ngày có thật' }).waitFor();
    await card.getByLabel('Ngày nghỉ lễ không tính').fill('01/01/2019');
    await card.getByRole('button', { name: 'Lưu thời hạn kiến nghị' }).click();
    await card.getByRole('status').filter({ hasText: 'Đã lưu thời hạn kiến nghị.' }).waitFor();
    await expect
      .poll(() => card.getByTestId('appeal-deadline').textContent())
      .toContain('cơ quan có 7 ngày làm việc');
    const view = await s.apiAs<AppealsView>('quantri', 'GET', `/api/v1/cycles/${next.id}/appeals`);
    expect(view.period).toMatchObject({ days: 7, holidays: ['2019-01-01'] });
    await s.checkScreen('quan-tri-thoi-han-kien-nghi');
  }, 180_000);
});

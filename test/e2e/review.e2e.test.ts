/**
 * The assessor's screens in a real browser: the cycle's progress board (states against the
 * deadline, filters and Vietnamese sorting kept in the address), and one agency's review page
 * (queries answered by the agency, a correction with its reason, an N/A claim rejected, self vs
 * official explained), read-only for the approver. Data is set up through the API and fixtures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencies } from '../../src/server/db/schema.ts';
import { createCycle, createSubmission, formValues } from '../fixtures.ts';
import { type BrowserSession, DESKTOP, PHONE, startBrowserSession } from './browser.ts';

let s: BrowserSession;
let cycleId: string;
const ids: Record<string, string> = {};

interface PageJson {
  comparison: {
    self: { total: number };
    official: { total: number; classLabel: { vi: string } };
    criteria: { id: string; self: { points: number }; official: { points: number }; difference: number }[];
  };
}
const serverPage = (code: string) =>
  s.apiAs<PageJson>('quantri-2', 'GET', `/api/v1/cycles/${cycleId}/review/${ids[code]}`);
/** 87.25 → "87,25", as the screens print scores. */
const vn = (n: number) => n.toFixed(2).replace('.', ',');

const board = () => `${s.baseUrl}/ky/${cycleId}/tien-do`;
const reviewOf = (code: string) => `${s.baseUrl}/ky/${cycleId}/tham-dinh/${ids[code]}`;
const rowOf = (code: string) => s.page.locator(`tr[data-agency="${code}"]`);
const shownNames = () => s.page.locator('.review-board-table tbody th a').allTextContents();

beforeAll(async () => {
  s = await startBrowserSession({ now: '2017-10-31T18:00:00+07:00' });
  const db = s.deps.database.db;
  for (const a of await db.select().from(agencies)) ids[a.code] = a.id;
  const cycle = await createCycle(db, { year: 2017, state: 'open' });
  cycleId = cycle.id;
  await createSubmission(db, cycleId, 'STTTT');
  await createSubmission(db, cycleId, 'SYT');
  // 2.7 earns 2 of 3 on the values; the agency claims it not applicable (3 of 3 in its own view).
  await createSubmission(db, cycleId, 'SGTVT', {
    values: { ...formValues('department'), tthc_records_on_software: 5 },
    claims: [{ criterionId: '2.7', reason: 'Sở không có thủ tục hành chính' }],
  });
  await createSubmission(db, cycleId, 'SXD', { status: 'draft' });
  await s.addUser('quantri-2', 'admin');
  await s.addUser('thamdinh', 'assessor');
  await s.addUser('pheduyet', 'approver');
  await s.addUser('baocao-stttt', 'reporter', 'STTTT');
}, 240_000);
afterAll(async () => {
  await s?.close();
});

describe('the progress board', () => {
  it('shows each agency’s state before and after the deadline, filters and sorts in Vietnamese order', async () => {
    const page = s.page;
    await s.signInAs('thamdinh', 'Các kỳ đánh giá');
    await page.goto(board());
    await page.getByRole('heading', { level: 1, name: /Tiến độ và thẩm định/ }).waitFor();

    await expect.poll(() => rowOf('STTTT').textContent()).toContain('Đã nộp đúng hạn');
    expect(await rowOf('SXD').textContent()).toContain('Đang soạn, chưa nộp');
    expect(await rowOf('SXD').textContent()).toMatch(/Lưu lần cuối \d{2}\/\d{2}\/\d{4}/);
    expect(await rowOf('HHA').textContent()).toContain('Chưa bắt đầu');
    expect(await rowOf('SYT').textContent()).toContain('20/10/2017 10:00');
    expect(await page.getByTestId('count-submitted_on_time').textContent()).toMatch(/^3/);
    expect(await page.getByTestId('count-draft').textContent()).toMatch(/^1/);
    expect(await page.getByTestId('count-not_started').textContent()).toMatch(/^29/);

    // Past the deadline (within the 12-hour session): a late submission, and those who never
    // started are now "not submitted".
    s.clock.set('2017-11-01T02:00:00+07:00');
    await createSubmission(s.deps.database.db, cycleId, 'HHA', {
      submittedAt: new Date('2017-11-01T01:30:00+07:00'),
    });
    await page.reload();
    await expect.poll(() => rowOf('HHA').textContent()).toContain('Nộp muộn');
    expect(await rowOf('HHA').textContent()).toContain('01/11/2017 01:30');
    expect(await rowOf('HNB').textContent()).toContain('Không nộp');
    expect(await rowOf('SXD').textContent()).toContain('Đang soạn, chưa nộp');
    expect(await page.getByTestId('count-missing').textContent()).toMatch(/^28/);
    expect(await page.getByTestId('count-late').textContent()).toMatch(/^1/);

    // District committees only, by name in Vietnamese order (Lạc before Lâm, Hạ before Hà).
    await page.getByLabel('Nhóm cơ quan').selectOption('district');
    await expect.poll(() => shownNames().then((n) => n.length)).toBe(13);
    expect(await shownNames()).toEqual([
      'UBND huyện Bảo Lạc',
      'UBND huyện Bảo Lâm',
      'UBND huyện Hạ Lang',
      'UBND huyện Hà Quảng',
      'UBND huyện Hòa An',
      'UBND huyện Nguyên Bình',
      'UBND huyện Phục Hòa',
      'UBND huyện Quảng Uyên',
      'UBND huyện Thạch An',
      'UBND huyện Thông Nông',
      'UBND huyện Trà Lĩnh',
      'UBND huyện Trùng Khánh',
      'UBND thành phố Cao Bằng',
    ]);
    expect(page.url()).toContain('nhom=district');
    // Sorted by the column header, then the other way round.
    await page.getByRole('button', { name: /^Cơ quan/ }).click();
    await expect.poll(() => shownNames().then((n) => n[0])).toBe('UBND thành phố Cao Bằng');
    expect(page.url()).toContain('chieu=giam');
    await s.checkScreen('tien-do');

    // The filtered link can be shared: opening it shows the same list.
    await page.goto(`${board()}?nhom=district&bc=late`);
    await expect.poll(shownNames).toEqual(['UBND huyện Hòa An']);
    await page.goto(`${board()}?bc=submitted_on_time&xep=self&chieu=giam`);
    await expect.poll(() => shownNames().then((n) => n.length)).toBe(3);

    // The cycle closes; the assessor starts the review from the board.
    await s.apiAs('quantri-2', 'POST', `/api/v1/cycles/${cycleId}/close`);
    await page.goto(board());
    await page.getByRole('button', { name: 'Bắt đầu thẩm định' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Bắt đầu thẩm định' }).click();
    await page.getByText('Kỳ đánh giá đã chuyển sang thẩm định.').waitFor();
    await expect
      .poll(() =>
        s
          .apiAs<{ cycle: { state: string } }>('quantri-2', 'GET', `/api/v1/cycles/${cycleId}`)
          .then((r) => r.cycle.state),
      )
      .toBe('under_review');
    await expect.poll(() => page.getByRole('button', { name: 'Bắt đầu thẩm định' }).count()).toBe(0);
  }, 240_000);
});

describe('one agency’s review', () => {
  it('raises a query on a field, shows the agency’s reply, and closes it', async () => {
    const page = s.page;
    await page.goto(reviewOf('STTTT'));
    await page.getByRole('heading', { level: 1, name: /Sở Thông tin và Truyền thông/ }).waitFor();
    await page.getByLabel('Tìm trường số liệu').fill('CBCCVC được trang bị máy tính');
    await page.getByRole('button', { name: /^Hỏi cơ quan: Số CBCCVC được trang bị máy tính/ }).click();
    await expect.poll(() => page.getByLabel('Tiêu đề').inputValue()).toContain('máy tính');
    await page.getByLabel('Nội dung câu hỏi').fill('Đề nghị gửi danh sách máy tính kèm số hiệu tài sản.');
    await page.getByRole('button', { name: 'Gửi câu hỏi' }).click();
    const thread = page.locator('li[data-query]').first();
    await expect.poll(() => thread.textContent()).toContain('Đề nghị gửi danh sách máy tính');
    expect(await thread.textContent()).toContain('Chờ cơ quan trả lời');
    expect(await thread.textContent()).toContain('Trường: Số CBCCVC được trang bị máy tính');

    // A few minutes later, the reporter answers through its own API.
    s.clock.set('2017-11-01T02:10:00+07:00');
    const { queries } = await s.apiAs<{ queries: { id: string }[] }>(
      'baocao-stttt',
      'GET',
      `/api/v1/cycles/${cycleId}/agencies/${ids.STTTT}/queries`,
    );
    await s.apiAs('baocao-stttt', 'POST', `/api/v1/cycles/${cycleId}/queries/${queries[0]!.id}/messages`, {
      body: 'Sở đã gửi danh sách 10 máy tính kèm biên bản bàn giao.',
    });
    await page.reload();
    await expect.poll(() => thread.textContent()).toContain('Sở đã gửi danh sách 10 máy tính');
    expect(await thread.textContent()).toContain('Cơ quan đã trả lời');
    expect(await thread.textContent()).toContain('(cơ quan)');
    // What came in since the last visit is marked.
    expect(await page.getByText('Thay đổi từ lần xem trước').count()).toBe(1);
    expect(await thread.getByText('Mới').count()).toBe(1);

    await thread.getByRole('button', { name: 'Đóng câu hỏi' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Đóng câu hỏi' }).click();
    await expect.poll(() => thread.textContent()).toContain('Đã đóng');
    expect(await thread.getByRole('button', { name: 'Đóng câu hỏi' }).count()).toBe(0);
  }, 180_000);

  it('refuses a correction without a reason next to the field, then explains the saved one', async () => {
    const page = s.page;
    const before = await serverPage('STTTT');
    await page.goto(reviewOf('STTTT'));
    await page.getByLabel('Tìm trường số liệu').fill('CBCCVC được trang bị máy tính');
    await page.getByRole('button', { name: /^Điều chỉnh: Số CBCCVC được trang bị máy tính/ }).click();
    const form = page.getByRole('form', { name: /Điều chỉnh "Số CBCCVC được trang bị máy tính/ });
    await form.getByLabel('Giá trị chính thức').fill('5');
    await form.getByRole('button', { name: 'Lưu điều chỉnh' }).click();
    const refusal = form.locator('#sua-staff_with_computer-reason-error');
    await expect.poll(() => refusal.textContent()).toMatch(/phải ghi lý do \(ít nhất 5 ký tự\)/);
    expect(await form.getByLabel(/Lý do điều chỉnh/).getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel(/Lý do điều chỉnh/).fill('Khảo sát thực tế: chỉ 5 người có máy tính');
    await form.getByRole('button', { name: 'Lưu điều chỉnh' }).click();
    await page.getByText('Đã lưu điều chỉnh').first().waitFor();
    const row = page.locator('tr[data-criterion="1.1"]');
    await expect.poll(() => row.getByTestId('official').textContent()).toBe('2,50');
    expect(await row.getByTestId('self').textContent()).toBe('5,00');
    expect(await row.getByTestId('diff').textContent()).toContain('−2,50');
    expect(await row.getByTestId('diff').textContent()).toContain('≠ Khác');
    expect(await row.getByTestId('reasons').textContent()).toContain(
      'Lý do: Khảo sát thực tế: chỉ 5 người có máy tính',
    );

    // The official total is the server's, 2,50 below the self-assessed one.
    const after = await serverPage('STTTT');
    expect(after.comparison.official.total).toBeCloseTo(before.comparison.official.total - 2.5, 2);
    expect(await page.getByTestId('summary-official').textContent()).toContain(
      vn(after.comparison.official.total),
    );
    expect(await page.getByTestId('summary-self').textContent()).toContain(vn(after.comparison.self.total));
    expect(await page.getByTestId('summary-diff').textContent()).toContain('−2,50');
    // The field shows its history with the reason.
    const field = page.locator('tr[data-field="staff_with_computer"]').first();
    expect(await field.textContent()).toContain('Đã điều chỉnh');
    await s.checkScreen('tham-dinh');
    // The comparison and the top of the page as the assessor sees them (the full page is long).
    await page
      .locator('#so-sanh')
      .screenshot({ path: 'test-results/screenshots/tham-dinh-so-sanh-1366.png' });
    await page.setViewportSize(PHONE);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: 'test-results/screenshots/tham-dinh-dau-trang-390.png' });
    await page.setViewportSize(DESKTOP);
  }, 180_000);

  it('rejects an N/A claim with a reason: the official points change and say why', async () => {
    const page = s.page;
    await page.goto(reviewOf('SGTVT'));
    await page.getByRole('heading', { level: 1, name: /Sở Giao thông Vận tải/ }).waitFor();
    const row = page.locator('tr[data-criterion="2.7"]');
    const claim = page.locator('li[data-claim="2.7"]');
    // Confirmed first: the agency's full 3 points count officially.
    await claim.getByRole('button', { name: 'Xác nhận không áp dụng' }).click();
    await expect.poll(() => row.getByTestId('official').textContent()).toBe('3,00');
    expect(await claim.textContent()).toContain('Đã xác nhận');

    await claim.getByRole('button', { name: 'Từ chối' }).click();
    await expect
      .poll(() => claim.locator('#na-2\\.7-error').textContent())
      .toMatch(/Từ chối đề nghị "không áp dụng" của tiêu chí 2\.7 phải ghi lý do/);
    await claim
      .getByLabel('Lý do quyết định cho tiêu chí 2.7')
      .fill('Sở có 12 TTHC thuộc thẩm quyền giải quyết');
    await claim.getByRole('button', { name: 'Từ chối' }).click();
    await expect.poll(() => row.getByTestId('official').textContent()).toBe('2,00');
    expect(await row.getByTestId('self').textContent()).toBe('3,00');
    expect(await row.getByTestId('diff').textContent()).toContain('−1,00');
    expect(await row.getByTestId('reasons').textContent()).toContain(
      'Sở TT&TT không chấp nhận đề nghị "không áp dụng" của cơ quan, nên điểm chính thức tính theo số liệu. Lý do: Sở có 12 TTHC thuộc thẩm quyền giải quyết',
    );
    expect(await claim.textContent()).toContain('Đã từ chối');
    const server = await serverPage('SGTVT');
    expect(server.comparison.criteria.find((c) => c.id === '2.7')!.official.points).toBe(2);
    expect(await page.getByTestId('summary-official').textContent()).toContain(
      vn(server.comparison.official.total),
    );
  }, 180_000);

  it('records and removes the department’s website checks, with the server’s word on a bad one', async () => {
    const page = s.page;
    await page.goto(reviewOf('SYT'));
    const section = page.locator('#trang-ttdt');
    await section.getByText(/Kiểm tra ngày 15\/09\/2017/).waitFor();
    await section.getByText('Ghi kết quả kiểm tra thủ công').click();
    await section.getByRole('button', { name: 'Lưu kết quả kiểm tra' }).click();
    await expect.poll(() => section.getByRole('alert').count()).toBeGreaterThan(0);

    await section.getByRole('button', { name: 'Xóa kết quả kiểm tra' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Xóa kết quả kiểm tra' }).click();
    await section.getByText('Chưa có kết quả kiểm tra trang TTĐT của cơ quan trong kỳ này').waitFor();
  }, 180_000);

  it('opens read-only for the approver: no correction, decision or query controls', async () => {
    const page = s.page;
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await s.signInAs('pheduyet', 'Các kỳ đánh giá');
    await page.goto(reviewOf('STTTT'));
    await page.getByRole('heading', { level: 1, name: /Sở Thông tin và Truyền thông/ }).waitFor();
    await page.getByText('Bạn đang xem hồ sơ ở chế độ chỉ đọc').waitFor();
    // The correction and its reason are there to read…
    await expect
      .poll(() => page.locator('tr[data-criterion="1.1"]').getByTestId('official').textContent())
      .toBe('2,50');
    // …but nothing to change.
    await page.getByLabel('Tìm trường số liệu').fill('máy tính');
    expect(await page.getByRole('button', { name: /^Điều chỉnh/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Hỏi cơ quan/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Gửi câu hỏi' }).count()).toBe(0);
    expect(await page.getByText('Ghi kết quả kiểm tra thủ công').count()).toBe(0);
    await page.goto(reviewOf('SGTVT'));
    await page.locator('li[data-claim="2.7"]').waitFor();
    expect(await page.getByRole('button', { name: 'Từ chối' }).count()).toBe(0);
    // The approver's board: no start or reminder action.
    await page.goto(board());
    await rowOf('STTTT').waitFor();
    expect(await page.getByRole('button', { name: 'Gửi thư nhắc ngay' }).count()).toBe(0);
  }, 240_000);
});

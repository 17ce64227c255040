/**
 * The agency reporter in a real browser: the home page with its countdown, the form generated
 * from the criteria set (typed through the keyboard, autosaved, nothing lost on reload), N/A
 * claims, evidence, the live self-score against the server's, a 409 conflict, submission and the
 * printable receipt. Real server, real database (PGlite, or PostgreSQL with DATABASE_URL).
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledCompiledSet } from '../../src/core/criteria/bundled.ts';
import { formValues } from '../fixtures.ts';
import { SMALL_PDF } from '../http.ts';
import { VIETNAMESE_SAMPLE, vietnameseFontFamilies } from '../machine.ts';
import { type BrowserSession, DESKTOP, fillDate, PHONE, startBrowserSession } from './browser.ts';

let s: BrowserSession;
let cycleId: string;
const agencyIds: Record<string, string> = {};
const YEAR = 2027;

const form = (code: string) => `/api/v1/cycles/${cycleId}/agencies/${agencyIds[code]}/submission`;

const field = (key: string) => s.page.locator(`[id="field-${key}"]`);
const fieldBox = (key: string) => s.page.locator(`[data-field="${key}"]`);

beforeAll(async () => {
  s = await startBrowserSession();
  const cycle = await s.createCycle({ year: YEAR, title: `Đánh giá mức độ ứng dụng CNTT năm ${YEAR}` });
  cycleId = cycle.id;
  await s.openCycle(cycleId, 'huong-dan-2027.pdf');
  const { agencies } = await s.adminApi<{ agencies: { id: string; code: string }[] }>(
    'GET',
    '/api/v1/agencies',
  );
  for (const a of agencies) agencyIds[a.code] = a.id;
  await s.addUser('bc-stttt', 'reporter', 'STTTT');
  await s.addUser('bc-syt', 'reporter', 'SYT');
}, 240_000);

afterAll(async () => {
  await s?.close();
});

describe('the agency reporter', () => {
  it('sees the deadline counting down, the guidance and the next step on the home page', async () => {
    await s.signInAs('bc-stttt', 'Báo cáo của cơ quan');
    await expect.poll(() => s.page.getByTestId('countdown').textContent()).toMatch(/^Còn \d+ ngày \d+ giờ$/);
    const page = s.page;
    await page.getByText('Trước 01/11/2027 00:00 (giờ Việt Nam)').waitFor();
    await page.getByRole('link', { name: /Văn bản hướng dẫn: huong-dan-2027\.pdf/ }).waitFor();
    expect(await page.getByTestId('report-state').textContent()).toBe('Chưa bắt đầu nhập');
    expect(await page.getByTestId('open-queries').textContent()).toContain('Không có câu hỏi');
    await s.checkScreen('bao-cao-trang-chu');
    await page.getByRole('button', { name: 'Bắt đầu nhập phiếu' }).click();
    await page.getByRole('heading', { level: 1, name: `Phiếu thu thập số liệu năm ${YEAR}` }).waitFor();
  });

  it('draws every Vietnamese letter of the form with a font that has it (no boxes on screen or in print)', async () => {
    const page = s.page;
    await s.signInAs('bc-stttt', 'Báo cáo của cơ quan');
    await page.goto(`${s.baseUrl}/bao-cao/${cycleId}`);
    await page.getByRole('heading', { level: 1, name: `Phiếu thu thập số liệu năm ${YEAR}` }).waitFor();
    // The sample goes in once the form has loaded: the page redraws its heading when the saved
    // values arrive, and a paragraph put in before that is gone with the old heading.
    await page.locator('label[for^="field-"]').first().waitFor();
    await page.waitForLoadState('networkidle');
    // The letters a machine without Vietnamese fonts draws as boxes, in the page's own font.
    await page.evaluate(
      (sample) => {
        const p = document.createElement('p');
        p.id = 'mau-chu-viet';
        p.lang = 'vi';
        p.textContent = `Mẫu chữ: ${sample} — Hạ tầng, Thủ trưởng, Dịch vụ công trực tuyến`;
        document.querySelector('h1')!.after(p);
      },
      [...VIETNAMESE_SAMPLE].join(' '),
    );
    const covering = vietnameseFontFamilies();
    expect(covering, 'fontconfig lists the fonts').not.toBeNull();
    for (const selector of ['h1', 'label[for^="field-"]', '#mau-chu-viet']) {
      const fonts = await s.fontsOf(selector);
      expect(fonts.length, selector).toBeGreaterThan(0);
      for (const family of fonts)
        expect(covering!.has(family), `${selector} drawn with ${family}`).toBe(true);
    }
    await page
      .locator('#mau-chu-viet')
      .screenshot({ path: 'test-results/screenshots/phong-chu-tieng-viet.png' });
  });

  it('fills in the form through the keyboard, claims N/A, attaches evidence and submits; the receipt prints', async () => {
    const page = s.page;
    const values = formValues('department', YEAR);
    const set = bundledCompiledSet('cao-bang-2016')!;
    const group = set.groupsById.get('department')!;
    // A dozen numbers typed by hand; the rest through the API first, to keep the test short.
    const typed = group.fields
      .filter(
        (f) =>
          f.source === 'agency' &&
          f.type === 'integer' &&
          f.key !== 'report_year' &&
          values[f.key] !== undefined,
      )
      .slice(0, 14)
      .map((f) => f.key);
    const rest = Object.fromEntries(Object.entries(values).filter(([k]) => !typed.includes(k)));
    await s.signInAs('bc-stttt', 'Báo cáo của cơ quan');
    await s.apiAs('bc-stttt', 'PUT', `${form('STTTT')}/values`, { version: null, values: rest });
    await page.goto(`${s.baseUrl}/bao-cao/${cycleId}`);
    await field(typed[0]!).waitFor();
    for (const key of typed) {
      await field(key).click();
      await field(key).pressSequentially(String(values[key]).replace('.', ','));
    }
    await s.waitSaved();
    // Every typed value reached the server.
    const saved = await s.apiAs<{ values: Record<string, unknown> }>('bc-stttt', 'GET', form('STTTT'));
    for (const key of typed) expect(saved.values[key], key).toBe(values[key]);

    // Criterion 3.11 does not apply: the agency has no science-statistics duty.
    const na = page.getByTestId('na-3.11');
    await na.getByRole('checkbox', { name: 'Tiêu chí này không áp dụng với cơ quan' }).check();
    await page
      .getByLabel('Lý do không áp dụng tiêu chí 3.11')
      .fill('Cơ quan không có nhiệm vụ thống kê khoa học');
    await na.getByRole('button', { name: 'Gửi khai không áp dụng' }).click();
    await na.getByText('Đã khai không áp dụng, chờ Sở TT&TT xác nhận').waitFor();

    // Evidence for criterion 2.1: a PDF, listed with a download link once the server has it.
    const pdf = join(tmpdir(), `minh-chung-${Date.now()}.pdf`);
    writeFileSync(pdf, SMALL_PDF);
    await page.locator('[id="ev-2.1"]').setInputFiles(pdf);
    await page
      .getByTestId('evidence-2.1')
      .getByRole('link', { name: /minh-chung-.*\.pdf/ })
      .waitFor();

    // Every recompute of the live score is measured for the browser benchmark (npm run bench --
    // browser), which reports the times; speed itself is never asserted in a test.
    const measured = await page.evaluate(() => performance.getEntriesByName('chiso:recompute').length);
    expect(measured).toBeGreaterThan(10);

    // Submission: the summary, the attestation, the confirmation.
    const summary = page.getByTestId('submit-summary');
    expect(await summary.textContent()).toContain('Khai không áp dụng: 3.11');
    await page.getByLabel('Họ và tên thủ trưởng cơ quan').fill('Nguyễn Văn Hùng');
    await page.getByLabel('Chức vụ', { exact: true }).fill('Giám đốc Sở');
    await page.getByRole('button', { name: 'Nộp phiếu', exact: true }).click();
    await page.getByText('Hãy đánh dấu ô xác nhận số liệu').waitFor();
    await page.getByRole('checkbox', { name: /Tôi xác nhận số liệu/ }).check();
    await page.getByRole('button', { name: 'Nộp phiếu', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Nộp phiếu cho Sở TT&TT?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Nộp phiếu', exact: true }).click();

    await page.getByRole('heading', { level: 1, name: `Biên nhận nộp phiếu năm ${YEAR}` }).waitFor();
    const receipt = page.getByTestId('receipt');
    await receipt.getByText('Đúng hạn', { exact: true }).waitFor();
    const text = await receipt.textContent();
    expect(text).toContain('Sở Thông tin và Truyền thông');
    expect(text).toContain('Nguyễn Văn Hùng — Giám đốc Sở');
    expect(await page.getByTestId('receipt-at').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    const server = await s.apiAs<{ contentHash: string }>('bc-stttt', 'GET', `${form('STTTT')}/receipt`);
    expect(await page.getByTestId('receipt-hash').textContent()).toBe(server.contentHash);
    await receipt.getByRole('table', { name: 'Số liệu cơ quan đã khai' }).waitFor();
    await s.checkScreen('bao-cao-bien-nhan');

    // Printed: no application chrome, no buttons; the receipt itself is there.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'In biên nhận' }).isVisible()).toBe(false);
    expect(await receipt.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });

  it('shows, for the submitted form, the same self-score as the server, criterion by criterion', async () => {
    const page = s.page;
    await page.goto(`${s.baseUrl}/bao-cao/${cycleId}`);
    await page.getByText('Phiếu chỉ để xem').waitFor();
    const rows = page.getByTestId('live-criterion');
    await rows.first().waitFor({ state: 'attached' });
    const live = await rows.evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-id'), e.getAttribute('data-points')] as const),
    );
    const server = await s.apiAs<{ total: number; criteria: { id: string; points: number }[] }>(
      'bc-stttt',
      'GET',
      `${form('STTTT')}/score`,
    );
    const vn = (n: number) => n.toFixed(2).replace('.', ',');
    expect(live.length).toBe(server.criteria.length);
    expect(Object.fromEntries(live)).toEqual(
      Object.fromEntries(server.criteria.map((k) => [k.id, vn(k.points)])),
    );
    expect(await page.getByTestId('live-total').textContent()).toBe(vn(server.total));
    // N/A claimed for 3.11: full points until the department decides.
    expect(Object.fromEntries(live)['3.11']).not.toBe('0,00');
  });

  it('shows an assessor’s query on the home page and beside its field, and sends the answer', async () => {
    await s.addUser('tham-dinh', 'assessor');
    await s.apiAs(
      'tham-dinh',
      'POST',
      `/api/v1/cycles/${cycleId}/review/${agencyIds.STTTT}/queries`,
      {
        subject: 'Số máy tính kết nối Internet',
        body: 'Đề nghị cơ quan gửi danh sách máy tính kết nối Internet.',
        fieldKey: 'computers_internet',
      },
      201,
    );
    const page = s.page;
    await page.goto(`${s.baseUrl}/bao-cao`);
    await expect
      .poll(() => page.getByTestId('open-queries').textContent())
      .toBe('Có 1 câu hỏi đang chờ cơ quan trả lời.');
    await page.getByRole('link', { name: 'Xem và trả lời' }).click();
    await fieldBox('computers_internet').getByText('Sở TT&TT hỏi: Số máy tính kết nối Internet').waitFor();
    await page
      .getByLabel('Trả lời câu hỏi "Số máy tính kết nối Internet"')
      .fill('Đã gửi danh sách kèm theo công văn số 12/STTTT.');
    // The form is submitted, its evidence locked: the list goes with the answer.
    const list = join(tmpdir(), `danh-sach-may-tinh-${process.pid}.pdf`);
    writeFileSync(list, SMALL_PDF);
    await page.getByLabel(/^Gửi kèm một tệp/).setInputFiles(list);
    await page.getByRole('button', { name: 'Gửi trả lời' }).click();
    await page.getByText('Đã gửi trả lời').waitFor();
    const { queries } = await s.apiAs<{
      queries: { status: string; messages: { body: string; file: { filename: string } | null }[] }[];
    }>('bc-stttt', 'GET', `/api/v1/cycles/${cycleId}/agencies/${agencyIds.STTTT}/queries`);
    const answer = queries[0]!.messages.find(
      (q) => q.body === 'Đã gửi danh sách kèm theo công văn số 12/STTTT.',
    );
    expect(answer?.file?.filename).toBe(`danh-sach-may-tinh-${process.pid}.pdf`);
    const link = page.getByRole('link', { name: /^Tệp gửi kèm: danh-sach-may-tinh-/ });
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`danh-sach-may-tinh-${process.pid}.pdf`);
  });

  it('withdraws a submitted form before the deadline, after confirming, and can edit it again', async () => {
    const page = s.page;
    await page.goto(`${s.baseUrl}/bao-cao/${cycleId}`);
    await page.getByRole('button', { name: 'Rút phiếu để sửa' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rút phiếu về dạng nháp?' });
    await dialog.getByLabel('Lý do rút phiếu').fill('Cần sửa số máy tính kết nối Internet');
    await dialog.getByRole('button', { name: 'Rút phiếu' }).click();
    // The fields were there, disabled; they open once the server has taken the form back.
    await expect.poll(() => field('total_staff').isEnabled()).toBe(true);
    expect(await page.getByText('Phiếu chỉ để xem').count()).toBe(0);
    const state = await s.apiAs<{ status: string; withdrawnCount: number }>('bc-stttt', 'GET', form('STTTT'));
    expect(state).toMatchObject({ status: 'draft', withdrawnCount: 1 });
  });

  it('says what is wrong next to the field as the user types, and keeps it all over a reload', async () => {
    await s.signInAs('bc-syt', 'Báo cáo của cơ quan');
    const page = s.page;
    await page.goto(`${s.baseUrl}/bao-cao/${cycleId}`);
    await field('total_staff').waitFor();
    await field('total_staff').pressSequentially('12a');
    await expect
      .poll(() => fieldBox('total_staff').getByTestId('field-error').textContent())
      .toContain('phải là một số nguyên, nhận được "12a"');
    // A part larger than its whole: more computers on the Internet than computers.
    await field('total_computers').pressSequentially('10');
    await field('computers_internet').pressSequentially('20');
    await expect
      .poll(() => fieldBox('computers_internet').getByTestId('field-finding').allTextContents())
      .toContain('Lỗi logic: Máy kết nối Internet vượt tổng số máy tính');
    // A file over the limit is refused in the browser, with the limit in words.
    const big = join(tmpdir(), `qua-lon-${Date.now()}.pdf`);
    writeFileSync(big, Buffer.alloc(21 * 1024 * 1024, 0x20));
    await page.locator('[id="ev-1.1"]').setInputFiles(big);
    await expect
      .poll(() => page.getByTestId('evidence-1.1').getByTestId('evidence-error').textContent())
      .toMatch(/nặng 21(,0)? MB, vượt quá giới hạn 20(,0)? MB/);
    // A file whose content is not an accepted type: the server's Vietnamese message, by its criterion.
    const text = join(tmpdir(), `ghi-chu-${Date.now()}.pdf`);
    writeFileSync(text, 'Chỉ là văn bản thường, không phải PDF');
    await page.locator('[id="ev-1.2"]').setInputFiles(text);
    await expect
      .poll(() => page.getByTestId('evidence-1.2').getByTestId('evidence-error').textContent())
      .toContain('không thuộc loại được chấp nhận');
    await s.waitSaved();
    await s.checkScreen('bao-cao-phieu-loi');
    // The full form is very tall: the part around the errors, as a reviewer would see it.
    await field('total_computers').scrollIntoViewIfNeeded();
    await page.screenshot({ path: await s.screenshot(page, 'bao-cao-phieu-loi-man-hinh-1366') });
    await page.setViewportSize(PHONE);
    await field('total_computers').scrollIntoViewIfNeeded();
    await page.screenshot({ path: await s.screenshot(page, 'bao-cao-phieu-loi-man-hinh-390') });
    await page.setViewportSize(DESKTOP);

    await page.reload();
    await field('total_staff').waitFor();
    expect(await field('total_staff').inputValue()).toBe('12a');
    expect(await field('total_computers').inputValue()).toBe('10');
    expect(await field('computers_internet').inputValue()).toBe('20');
    await page.getByText(/Đã khôi phục 1 giá trị bạn nhập trước đó/).waitFor();
    await expect
      .poll(() => fieldBox('total_staff').getByTestId('field-error').textContent())
      .toContain('phải là một số nguyên');
    // The valid ones are on the server; the invalid one only on this computer.
    const saved = await s.apiAs<{ values: Record<string, unknown> }>('bc-syt', 'GET', form('SYT'));
    expect(saved.values).toMatchObject({ total_computers: 10, computers_internet: 20 });
    expect(saved.values.total_staff).toBeUndefined();
    // A 21 MB file, two screenshots and axe at two sizes of the whole form: a minute on a busy machine.
  }, 150_000);

  it('saves as the user types: after "Đã lưu" a reload brings the value back from the server', async () => {
    const page = s.page;
    await field('total_staff').fill('');
    await field('total_staff').pressSequentially('45');
    await s.waitSaved();
    await expect
      .poll(
        async () =>
          (await s.apiAs<{ values: Record<string, unknown> }>('bc-syt', 'GET', form('SYT'))).values
            .total_staff,
      )
      .toBe(45);
    // Nothing left in the browser's own store once the server has it.
    await expect
      .poll(() =>
        page.evaluate(() =>
          Object.keys(localStorage)
            .filter((k) => k.startsWith('chiso.reporter.draft.'))
            .map((k) => localStorage.getItem(k))
            .join(''),
        ),
      )
      .not.toContain('total_staff');
    await page.reload();
    await field('total_staff').waitFor();
    expect(await field('total_staff').inputValue()).toBe('45');
    expect(await page.getByText(/Đã khôi phục/).count()).toBe(0);

    // A date is typed day first, as written on the plan (not the browser's month-first), and kept.
    await fillDate(field('it_plan_date'), '15/03/2017');
    await s.waitSaved();
    await expect
      .poll(
        async () =>
          (await s.apiAs<{ values: Record<string, unknown> }>('bc-syt', 'GET', form('SYT'))).values
            .it_plan_date,
      )
      .toBe('2017-03-15');
    await page.reload();
    await field('it_plan_date').waitFor();
    expect(await field('it_plan_date').inputValue()).toBe('15/03/2017');

    // The connection drops: the status says so and the save is retried once it is back.
    await page.context().setOffline(true);
    await field('staff_with_computer').fill('');
    await field('staff_with_computer').pressSequentially('44');
    await expect
      .poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 })
      .toBe('Chưa lưu được — sẽ thử lại');
    await page.context().setOffline(false);
    await s.waitSaved();
    await expect
      .poll(
        async () =>
          (await s.apiAs<{ values: Record<string, unknown> }>('bc-syt', 'GET', form('SYT'))).values
            .staff_with_computer,
      )
      .toBe(44);
  });

  it('shows a conflict with a save made elsewhere and keeps the user’s value when asked', async () => {
    const page = s.page;
    await s.waitSaved().catch(() => {});
    const before = await s.apiAs<{ version: number }>('bc-syt', 'GET', form('SYT'));
    // Another window saves the same field in between.
    await s.apiAs('bc-syt', 'PUT', `${form('SYT')}/values`, {
      version: before.version,
      values: { total_computers: 30 },
    });
    await field('total_computers').fill('');
    await field('total_computers').pressSequentially('40');
    const dialog = page.getByRole('dialog', { name: 'Phiếu vừa được sửa ở nơi khác' });
    await dialog.waitFor({ timeout: 15_000 });
    const text = await dialog.textContent();
    expect(text).toContain('40');
    expect(text).toContain('30');
    await page.screenshot({ path: await s.screenshot(page, 'bao-cao-xung-dot-1366') });
    await dialog.getByRole('button', { name: 'Giữ số liệu của tôi' }).click();
    await s.waitSaved();
    await expect
      .poll(
        async () =>
          (await s.apiAs<{ values: Record<string, unknown> }>('bc-syt', 'GET', form('SYT'))).values
            .total_computers,
      )
      .toBe(40);
    expect(await field('total_computers').inputValue()).toBe('40');
  });
});

/**
 * A whole year in the browser, each step on the screen of the role that takes it: the
 * administrator opens the cycle; two reporters fill in their forms (one with an N/A claim and an
 * evidence file) and submit, one after the deadline (the server's clock is moved); an assessor
 * raises a query, the reporter answers it, the assessor corrects one value with a reason and
 * rejects the N/A claim; the approver approves and publishes. The public /ket-qua page then shows
 * the ranking that `chiso score` computes from the same data, and the late agency as not ranked.
 * Three more agencies report through the API so that the ranking has something to order, and
 * the department's website checks of the year (monitored all year, R16) are recorded through it.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreWithCli } from '../chiso.ts';
import { formValues, perfectWebsite } from '../fixtures.ts';
import { SMALL_PDF } from '../http.ts';
import { type BrowserSession, fillDecision, startBrowserSession } from './browser.ts';

const YEAR = 2027;
/** Two days before the deadline (00:00 on 1 November 2027, Vietnam time). */
const START = '2027-10-30T20:00:00+07:00';
const AFTER_DEADLINE = '2027-11-01T00:20:00+07:00';
/** What the assessor finds on the field survey: half of Sở TT&TT's staff have their own computer. */
const CORRECTED = Math.floor((formValues('department', YEAR).total_staff as number) / 2);

let s: BrowserSession;
let cycleId: string;
const ids: Record<string, string> = {};
/** The agencies whose websites the department checked this year, and what it found. */
const MONITORED = {
  STTTT: 'department',
  SYT: 'department',
  SNV: 'department',
  TPCB: 'district',
  HHA: 'district',
};
const CHECKED_AT = '2027-09-15T09:00:00+07:00';
const websites: Record<string, Record<string, unknown>> = {};
/** The data-quality mark (0–2) the assessor gives the agencies reviewed through the API. */
const MARK = 2;
/** What each agency reported, as the test typed or sent it. */
const reported: Record<string, Record<string, unknown>> = {};

interface Agency {
  id: string;
  code: string;
  name: string;
  groupId: string;
}

const submission = (code: string) => `/api/v1/cycles/${cycleId}/agencies/${ids[code]}/submission`;
const field = (key: string) => s.page.locator(`[id="field-${key}"]`);

/**
 * The reporter's form: most values sent as a saved draft first (as if typed on an earlier day),
 * then `typed` entered through the keyboard on the form, which saves them itself.
 */
async function fillForm(username: string, code: string, values: Record<string, unknown>, typed: string[]) {
  reported[code] = values;
  const rest = Object.fromEntries(Object.entries(values).filter(([k]) => !typed.includes(k)));
  await s.apiAs(username, 'PUT', `${submission(code)}/values`, { version: null, values: rest });
  await s.page.goto(`${s.baseUrl}/bao-cao/${cycleId}`);
  await field(typed[0]!).waitFor();
  for (const key of typed) {
    await field(key).click();
    await field(key).pressSequentially(String(values[key]).replace('.', ','));
  }
  await s.waitSaved();
}

/** Submits the open form with the head's attestation; returns the receipt's lateness label. */
async function submitForm(head: string, title: string): Promise<string> {
  const page = s.page;
  await page.getByLabel('Họ và tên thủ trưởng cơ quan').fill(head);
  await page.getByLabel('Chức vụ', { exact: true }).fill(title);
  await page.getByRole('checkbox', { name: /Tôi xác nhận số liệu/ }).check();
  await page.getByRole('button', { name: 'Nộp phiếu', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Nộp phiếu cho Sở TT&TT?' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Nộp phiếu', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `Biên nhận nộp phiếu năm ${YEAR}` }).waitFor();
  const receipt = page.getByTestId('receipt');
  await receipt.getByText(/^(Đúng hạn|Nộp muộn)$/).waitFor();
  return (await receipt.getByText(/^(Đúng hạn|Nộp muộn)$/).textContent()) ?? '';
}

/** An agency that reports through the API alone (on time), with its values scaled down a little. */
async function reportByApi(code: string, group: string, share: number) {
  const username = `bc-${code.toLowerCase()}`;
  await s.addUser(username, 'reporter', code);
  const values = formValues(group, YEAR);
  values.staff_with_computer = Math.floor((values.total_staff as number) * share);
  reported[code] = values;
  const saved = await s.apiAs<{ version: number }>(username, 'PUT', `${submission(code)}/values`, {
    version: null,
    values,
  });
  await s.apiAs(username, 'POST', `${submission(code)}/submit`, {
    version: saved.version,
    attestedName: 'Thủ trưởng',
    attestedTitle: 'Giám đốc',
  });
}

beforeAll(async () => {
  s = await startBrowserSession({ now: START });
  await s.addUser('quantri', 'admin');
  await s.addUser('bc-stttt', 'reporter', 'STTTT');
  await s.addUser('bc-hha', 'reporter', 'HHA');
  await s.addUser('thamdinh', 'assessor');
  await s.addUser('pheduyet', 'approver');
  const { agencies } = await s.adminApi<{ agencies: Agency[] }>('GET', '/api/v1/agencies');
  for (const a of agencies) ids[a.code] = a.id;
  const cycle = await s.createCycle({ year: YEAR, title: `Đánh giá mức độ ứng dụng CNTT năm ${YEAR}` });
  cycleId = cycle.id;
  // A new cycle has five working days of appeals after approval; this year's walk publishes right
  // after approving (appeals/appeals.e2e.test.ts walks an appeal), so it sets no appeal period.
  await s.adminApi('PUT', `/api/v1/cycles/${cycleId}/appeal-period`, { days: 0, holidays: [] });
  for (const [code, group] of Object.entries(MONITORED)) {
    websites[code] = perfectWebsite(group, YEAR);
    await s.adminApi('POST', `/api/v1/agencies/${ids[code]}/website-checks`, {
      checkedAt: CHECKED_AT,
      values: websites[code],
      note: 'Kiểm tra quý III',
    });
  }
}, 240_000);

afterAll(async () => {
  await s?.close();
});

describe(`the year ${YEAR}, from opening to publication, in the browser`, () => {
  it('the administrator uploads the guidance and opens the cycle', async () => {
    const page = s.page;
    await s.signInAs('quantri', 'Các kỳ đánh giá');
    await page.goto(`${s.baseUrl}/quan-tri/ky-danh-gia/${cycleId}`);
    await page
      .getByRole('heading', { level: 1, name: `Đánh giá mức độ ứng dụng CNTT năm ${YEAR}` })
      .waitFor();
    const pdf = join(tmpdir(), `huong-dan-${YEAR}-${process.pid}.pdf`);
    writeFileSync(pdf, SMALL_PDF);
    await page.getByLabel('Chọn tệp Văn bản hướng dẫn').setInputFiles(pdf);
    await page.getByRole('link', { name: /huong-dan-2027/ }).waitFor();
    const open = page.getByRole('button', { name: 'Mở kỳ đánh giá' });
    await expect.poll(() => open.isDisabled()).toBe(false);
    await open.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Mở kỳ đánh giá' }).click();
    await page.getByText('Đang nhận báo cáo', { exact: true }).first().waitFor();
  });

  it('Sở TT&TT fills in its form, claims N/A with a reason, attaches evidence and submits on time', async () => {
    const page = s.page;
    await s.signInAs('bc-stttt', 'Báo cáo của cơ quan');
    await fillForm('bc-stttt', 'STTTT', formValues('department', YEAR), [
      'total_staff',
      'staff_with_computer',
      'total_computers',
      'computers_internet',
    ]);
    const na = page.getByTestId('na-3.11');
    await na.getByRole('checkbox', { name: 'Tiêu chí này không áp dụng với cơ quan' }).check();
    await page
      .getByLabel('Lý do không áp dụng tiêu chí 3.11')
      .fill('Cơ quan không có nhiệm vụ thống kê khoa học');
    await na.getByRole('button', { name: 'Gửi khai không áp dụng' }).click();
    await na.getByText('Đã khai không áp dụng, chờ Sở TT&TT xác nhận').waitFor();
    const pdf = join(tmpdir(), `minh-chung-${process.pid}.pdf`);
    writeFileSync(pdf, SMALL_PDF);
    await page.locator('[id="ev-2.1"]').setInputFiles(pdf);
    await page
      .getByTestId('evidence-2.1')
      .getByRole('link', { name: /minh-chung-.*\.pdf/ })
      .waitFor();
    expect(await submitForm('Nguyễn Văn Hùng', 'Giám đốc Sở')).toBe('Đúng hạn');
  });

  it('three more agencies report on time through the API', async () => {
    await reportByApi('SYT', 'department', 0.6);
    await reportByApi('SNV', 'department', 0.9);
    await reportByApi('TPCB', 'district', 0.8);
  });

  it('Huyện Hòa An saves its draft before the deadline and submits it after: late', async () => {
    const page = s.page;
    await s.signInAs('bc-hha', 'Báo cáo của cơ quan');
    await fillForm('bc-hha', 'HHA', formValues('district', YEAR), ['total_staff', 'total_computers']);
    s.clock.set(AFTER_DEADLINE);
    // The session began before the clock moved; the reporter signs in again.
    await s.signInAs('bc-hha', 'Báo cáo của cơ quan');
    await page.goto(`${s.baseUrl}/bao-cao/${cycleId}`);
    await page
      .getByText(/không được xếp hạng/)
      .first()
      .waitFor();
    expect(await submitForm('Hoàng Văn Nam', 'Chủ tịch UBND huyện')).toBe('Nộp muộn');
  });

  it('the administrator closes the cycle and the assessor starts the review from the board', async () => {
    const page = s.page;
    await s.signInAs('quantri', 'Các kỳ đánh giá');
    await page.goto(`${s.baseUrl}/quan-tri/ky-danh-gia/${cycleId}`);
    const close = page.getByRole('button', { name: 'Đóng kỳ nhận báo cáo' });
    await expect.poll(() => close.isDisabled()).toBe(false);
    await close.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Đóng kỳ nhận báo cáo' }).click();
    await page.getByText('Đã hết hạn nộp', { exact: true }).first().waitFor();

    await s.signInAs('thamdinh', 'Các kỳ đánh giá');
    await page.goto(`${s.baseUrl}/ky/${cycleId}/tien-do`);
    await page.getByRole('heading', { level: 1, name: /Tiến độ và thẩm định/ }).waitFor();
    expect(await page.getByTestId('count-late').textContent()).toMatch(/^1/);
    expect(await page.getByTestId('count-submitted_on_time').textContent()).toMatch(/^4/);
    await page.getByRole('button', { name: 'Bắt đầu thẩm định' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Bắt đầu thẩm định' }).click();
    await page.getByText('Kỳ đánh giá đã chuyển sang thẩm định.').waitFor();
  });

  it('the assessor raises a query; the reporter answers it on the form; the assessor sees the answer', async () => {
    const page = s.page;
    await page.goto(`${s.baseUrl}/ky/${cycleId}/tham-dinh/${ids.STTTT}`);
    await page.getByRole('heading', { level: 1, name: /Sở Thông tin và Truyền thông/ }).waitFor();
    await page.getByLabel('Tìm trường số liệu').fill('CBCCVC được trang bị máy tính');
    await page.getByRole('button', { name: /^Hỏi cơ quan: Số CBCCVC được trang bị máy tính/ }).click();
    await page.getByLabel('Nội dung câu hỏi').fill('Đề nghị gửi danh sách máy tính kèm số hiệu tài sản.');
    await page.getByRole('button', { name: 'Gửi câu hỏi' }).click();
    const thread = page.locator('li[data-query]').first();
    await expect.poll(() => thread.textContent()).toContain('Chờ cơ quan trả lời');

    await s.signInAs('bc-stttt', 'Báo cáo của cơ quan');
    await expect
      .poll(() => page.getByTestId('open-queries').textContent())
      .toBe('Có 1 câu hỏi đang chờ cơ quan trả lời.');
    await page.getByRole('link', { name: 'Xem và trả lời' }).click();
    const answer = page.getByLabel(/^Trả lời câu hỏi/).first();
    await answer.fill('Thực tế chỉ một nửa số người có máy tính riêng; số đã khai gồm cả máy dùng chung.');
    await page.getByRole('button', { name: 'Gửi trả lời' }).first().click();
    await page.getByText('Đã gửi trả lời').waitFor();

    await s.signInAs('thamdinh', 'Các kỳ đánh giá');
    await page.goto(`${s.baseUrl}/ky/${cycleId}/tham-dinh/${ids.STTTT}`);
    await expect.poll(() => thread.textContent()).toContain('Thực tế chỉ một nửa số người có máy tính riêng');
    expect(await thread.textContent()).toContain('Cơ quan đã trả lời');
  });

  it('the assessor corrects one value with a reason and rejects the N/A claim with a reason', async () => {
    const page = s.page;
    await page.getByLabel('Tìm trường số liệu').fill('CBCCVC được trang bị máy tính');
    await page.getByRole('button', { name: /^Điều chỉnh: Số CBCCVC được trang bị máy tính/ }).click();
    const form = page.getByRole('form', { name: /Điều chỉnh "Số CBCCVC được trang bị máy tính/ });
    await form.getByLabel('Giá trị chính thức').fill(String(CORRECTED));
    await form
      .getByLabel(/Lý do điều chỉnh/)
      .fill('Theo trả lời của Sở: chỉ một nửa số người có máy tính riêng');
    await form.getByRole('button', { name: 'Lưu điều chỉnh' }).click();
    await page.getByText('Đã lưu điều chỉnh').first().waitFor();
    const row = page.locator('tr[data-criterion="1.1"]');
    await expect
      .poll(() => row.getByTestId('reasons').textContent())
      .toContain('Theo trả lời của Sở: chỉ một nửa số người có máy tính riêng');

    const claim = page.locator('li[data-claim="3.11"]');
    await claim
      .getByLabel('Lý do quyết định cho tiêu chí 3.11')
      .fill('Sở có nhiệm vụ thống kê về bưu chính, viễn thông');
    await claim.getByRole('button', { name: 'Từ chối' }).click();
    const na = page.locator('tr[data-criterion="3.11"]');
    await expect
      .poll(() => na.getByTestId('reasons').textContent())
      .toContain('Sở có nhiệm vụ thống kê về bưu chính, viễn thông');

    // The data-quality mark closes the review of Sở TT&TT; the other agencies' marks are set
    // through the API (their review is not what this test watches).
    await page.getByLabel('Tìm trường số liệu').fill('chất lượng số liệu');
    await page.getByRole('button', { name: /^Chấm điểm: Điểm chất lượng số liệu/ }).click();
    const mark = page.getByRole('form', { name: /Điểm chất lượng số liệu/ });
    await mark.getByLabel('Giá trị chính thức').fill('1,5');
    await mark.getByRole('button', { name: 'Lưu điều chỉnh' }).click();
    await page.getByText('Đã lưu điều chỉnh').first().waitFor();
    // The late report is marked too: not ranked, but its data are kept on record like the others.
    for (const code of ['SYT', 'SNV', 'TPCB', 'HHA'])
      await s.apiAs(
        'thamdinh',
        'PUT',
        `/api/v1/cycles/${cycleId}/review/${ids[code]}/values/data_quality_points`,
        {
          value: MARK,
          reason: 'Số liệu đầy đủ, khớp kiểm chứng',
        },
      );
  });

  it('the approver approves and publishes', async () => {
    const page = s.page;
    await s.signInAs('pheduyet', 'Các kỳ đánh giá');
    await page.goto(`${s.baseUrl}/ky/${cycleId}/phe-duyet`);
    await page.getByRole('button', { name: 'Phê duyệt kết quả' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Phê duyệt' }).click();
    await expect.poll(() => page.getByTestId('cycle-state').textContent()).toBe('Đã phê duyệt');
    await page.getByRole('button', { name: 'Công bố kết quả' }).click();
    await fillDecision(page.getByRole('dialog'), { number: '2568/QĐ-UBND', date: '20/12/2017' });
    await page.getByRole('dialog').getByRole('button', { name: 'Tôi hiểu, công bố' }).click();
    await expect.poll(() => page.getByTestId('cycle-state').textContent()).toBe('Đã công bố');
  });

  it('/ket-qua shows the ranking `chiso score` computes from the same data, the late agency not ranked', async () => {
    const { agencies } = await s.adminApi<{ agencies: Agency[] }>('GET', '/api/v1/agencies');
    const submittedAt: Record<string, string> = {};
    for (const code of Object.keys(reported)) {
      const sub = await s.adminApi<{ submittedAt: string }>('GET', submission(code));
      submittedAt[code] = sub.submittedAt;
    }
    // The department's data: what each agency reported, with the assessor's correction laid over,
    // no N/A (the one claim was rejected), and the website checks of the year.
    const official: Record<string, Record<string, unknown>> = {
      ...reported,
      STTTT: { ...reported.STTTT, staff_with_computer: CORRECTED, data_quality_points: 1.5 },
      SYT: { ...reported.SYT, data_quality_points: MARK },
      SNV: { ...reported.SNV, data_quality_points: MARK },
      TPCB: { ...reported.TPCB, data_quality_points: MARK },
      HHA: { ...reported.HHA, data_quality_points: MARK },
    };
    const input = {
      criteriaSet: 'cao-bang-2016',
      year: YEAR,
      agencies: agencies
        .filter((a) => a.code in ids)
        .map((a) => ({
          code: a.code,
          name: a.name,
          group: a.groupId,
          submittedAt: submittedAt[a.code] ?? null,
          values: official[a.code] ?? {},
          notApplicable: [],
          websiteChecks: websites[a.code] ? [{ checkedAt: CHECKED_AT, values: websites[a.code] }] : [],
        })),
    };
    const { status, stdout, stderr } = await scoreWithCli(input);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const expected = JSON.parse(stdout) as {
      groups: {
        group: string;
        ranking: { code: string; rank: number; total: number }[];
        notRanked: { code: string; reason: string }[];
      }[];
    };
    const dept = expected.groups.find((g) => g.group === 'department')!;
    expect(dept.ranking.map((r) => r.code).sort()).toEqual(['SNV', 'STTTT', 'SYT']);
    const district = expected.groups.find((g) => g.group === 'district')!;
    expect(district.ranking.map((r) => r.code)).toEqual(['TPCB']);
    expect(district.notRanked).toContainEqual({ code: 'HHA', reason: 'late' });

    // The public page, as anyone reads it: no sign-in, plain HTML.
    const page = s.page;
    await page.context().clearCookies();
    await page.goto(`${s.baseUrl}/ket-qua/${YEAR}`);
    const nameOf = new Map(agencies.map((a) => [a.code, a.name]));
    const rankings = page.getByRole('table', { name: /^Bảng xếp hạng — / });
    for (const g of expected.groups) {
      for (const r of g.ranking) {
        const name = nameOf.get(r.code)!;
        const row = rankings
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name, exact: true }) });
        const cells = await row.getByRole('cell').allTextContents();
        expect(cells[0], r.code).toBe(String(r.rank));
        expect(cells, r.code).toContain(r.total.toFixed(2).replace('.', ','));
      }
    }
    const late = page
      .getByRole('table', { name: /^Không xếp hạng — / })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: nameOf.get('HHA')!, exact: true }) });
    expect(await late.getByRole('cell').allTextContents()).toEqual(['Nộp muộn']);
    await s.screenshot(page, 'nam-ket-qua-cong-khai');
  });
});

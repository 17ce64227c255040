/**
 * The results screens in a real browser, on two sample years loaded the way the modules store
 * them: 2017 published, 2018 under review (33 agencies; SNV and HTN late, SNGV missing). The
 * approver approves, returns, publishes and revises; the ranking shown is the server's and the
 * scoring core's; a leader reads and prints one agency's page; a reporter and a viewer read the
 * published result; every screen passes axe at office and phone sizes.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledCompiledSet } from '../../src/core/criteria/bundled.ts';
import { readCycle } from '../../src/core/input/cycle.ts';
import { scoreCycle } from '../../src/core/ranking/rank.ts';
import { CAO_BANG_AGENCIES } from '../../src/sample/cao-bang.ts';
import { generateCycle } from '../../src/sample/generate.ts';
import { loadSampleYear } from '../../src/server/demo.ts';
import { approve } from '../../src/server/modules/results/approve.ts';
import { publish as publishResult } from '../../src/server/modules/results/publish.ts';
import { scoreVn } from '../../src/web/format.ts';
import { createCycle } from '../fixtures.ts';
import { openWorkbook } from '../workbooks.ts';
import { type BrowserSession, callerAs, DECISION, fillDecision, startBrowserSession } from './browser.ts';

const SET = bundledCompiledSet('cao-bang-2016')!;

interface Row {
  agencyId: string;
  code: string;
  name: string;
  rank: number;
  total: number;
  classLabel: { vi: string };
}
interface Group {
  id: string;
  name: { vi: string };
  ranking: Row[];
  notRanked: { agencyId: string; code: string; name: string; reasonLabel: { vi: string } }[];
}
interface Results {
  revision: { number: number; reason: string | null } | null;
  groups: Group[];
}

let s: BrowserSession;
let c2018: string;
let sample2018: ReturnType<typeof generateCycle>;
const ids = new Map<string, string>();

/** A sample year in the tables, under review; published when asked (as the approver would). */
async function sampleYear(
  year: number,
  seed: number,
  approver: ReturnType<typeof callerAs>,
  publish: boolean,
) {
  const db = s.deps.database.db;
  const cycle = await createCycle(db, { year, state: 'under_review' });
  const sample = generateCycle(SET, {
    year,
    seed,
    agencies: CAO_BANG_AGENCIES,
    lateShare: 0,
    missingShare: 0,
    late: ['SNV', 'HTN'],
    missing: ['SNGV'],
    checkedShare: 1,
  });
  await loadSampleYear(db, SET, cycle.id, sample);
  if (publish) {
    await approve(s.deps, approver, { id: cycle.id, note: 'Biên bản họp số 1' });
    await publishResult(s.deps, approver, { id: cycle.id });
  }
  return { id: cycle.id, sample };
}

beforeAll(async () => {
  s = await startBrowserSession({ now: '2018-12-10T09:00:00+07:00' });
  const approver = await s.addUser('pheduyet', 'approver');
  await s.addUser('noivu', 'viewer');
  await s.addUser('bc-stttt', 'reporter', 'STTTT');
  const caller = callerAs(approver, 'approver');
  await sampleYear(2017, 2310, caller, true);
  const y2018 = await sampleYear(2018, 2311, caller, false);
  c2018 = y2018.id;
  sample2018 = y2018.sample;
}, 240_000);
afterAll(async () => {
  await s?.close();
});

/** The ranking rows of a group as the screen shows them: rank, agency, total, class. */
async function shownRanking(groupId: string) {
  return s.page
    .locator(`[data-group="${groupId}"] table.results-ranking tbody tr[data-agency]`)
    .evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = tr.querySelectorAll(':scope > td, :scope > th');
        const name = cells[1]!.querySelector('a')?.textContent ?? cells[1]!.firstChild?.textContent ?? '';
        return [cells[0]!.textContent, name, cells[2]!.textContent, cells[3]!.textContent];
      }),
    );
}

const expectedRanking = (g: Group) =>
  g.ranking.map((r) => [String(r.rank), r.name, scoreVn(r.total), r.classLabel.vi]);

describe('the approver’s page and the results', () => {
  let provisional: Results;

  it('shows the approver the provisional ranking, the server’s and the scoring core’s, and approves it', async () => {
    provisional = await s.adminApi<Results>('GET', `/api/v1/cycles/${c2018}/results?preview=true`);
    // The same data scored by the core alone gives the same ranks and totals.
    const read = readCycle(sample2018, { resolveSet: (id) => bundledCompiledSet(id) });
    if (!read.ok) throw new Error('sample does not read');
    const core = scoreCycle(read.set, read.cycle);
    for (const g of provisional.groups) {
      const coreGroup = core.groups.find((x) => x.group.id === g.id)!;
      expect(g.ranking.map((r) => [r.code, r.rank, Math.round(r.total * 100)])).toEqual(
        coreGroup.ranking.map((r) => [r.code, r.rank, r.score.total]),
      );
    }
    for (const g of provisional.groups) for (const r of g.ranking) ids.set(r.code, r.agencyId);
    for (const g of provisional.groups) for (const r of g.notRanked) ids.set(r.code, r.agencyId);

    await s.signInAs('pheduyet');
    await s.page.goto(`${s.baseUrl}/ky/${c2018}/phe-duyet`);
    await s.page.getByRole('heading', { level: 1, name: 'Phê duyệt kết quả năm 2018' }).waitFor();
    await s.page.getByText('Kết quả tạm tính — chưa công bố').waitFor();
    await s.page.locator('table.results-ranking').first().waitFor();
    for (const g of provisional.groups) expect(await shownRanking(g.id)).toEqual(expectedRanking(g));
    // Totals with a decimal comma, as published.
    expect(await s.page.locator('[data-group="department"] .results-total').first().textContent()).toMatch(
      /^\d{1,3},\d\d$/,
    );
    // The not-ranked agencies, with the reason.
    const dep = s.page.locator('[data-group="department"] table.results-notranked');
    expect(await dep.locator('tr[data-agency="SNV"]').textContent()).toContain('Nộp muộn');
    expect(await dep.locator('tr[data-agency="SNGV"]').textContent()).toContain('Không nộp');
    expect(
      await s.page
        .locator('[data-group="district"] table.results-notranked tr[data-agency="HTN"]')
        .textContent(),
    ).toContain('Nộp muộn');
    // How far the review has got.
    expect(await s.page.getByTestId('completeness').textContent()).toMatch(
      /Đã thẩm định \d+\/32 cơ quan đã nộp\. 1 cơ quan không nộp/,
    );
    await s.checkScreen('phe-duyet');

    await s.page.getByRole('button', { name: 'Phê duyệt kết quả' }).click();
    const dialog = s.page.getByRole('dialog');
    await dialog.getByText('Chưa công khai cho đến khi công bố').waitFor();
    await dialog.getByLabel('Ý kiến kèm theo (không bắt buộc)').fill('Biên bản họp Ban Chỉ đạo số 2');
    await dialog.getByRole('button', { name: 'Phê duyệt' }).click();
    await s.page.getByText('Đã phê duyệt kết quả.').waitFor();
    await expect.poll(() => s.page.getByTestId('cycle-state').textContent()).toBe('Đã phê duyệt');
  });

  it('refuses to return the result without a reason, in Vietnamese, and returns it with one', async () => {
    await s.page.getByRole('button', { name: 'Trả lại để thẩm định lại' }).click();
    const dialog = s.page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    const error = dialog.getByRole('alert');
    await expect.poll(() => error.textContent()).toContain('Hãy ghi lý do trả lại');
    // The message is tied to the field it is about.
    const field = dialog.getByLabel('Lý do trả lại');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await s.checkScreen('phe-duyet-tra-lai-loi');
    await field.fill('Xem lại số liệu hạ tầng của UBND huyện Hà Quảng');
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await s.page.getByText('Đã trả lại kết quả để thẩm định lại.').waitFor();
    await expect.poll(() => s.page.getByTestId('cycle-state').textContent()).toBe('Đang thẩm định');
    const audit = await s.adminApi<{ cycle: { state: string } }>('GET', `/api/v1/cycles/${c2018}`);
    expect(audit.cycle.state).toBe('under_review');
  });

  it('publishes after a confirmation that says it is irreversible and public; the ranking is the server’s', async () => {
    await s.page.getByRole('button', { name: 'Phê duyệt kết quả' }).click();
    await s.page.getByRole('dialog').getByRole('button', { name: 'Phê duyệt' }).click();
    await s.page.getByText('Đã phê duyệt kết quả.').waitFor();
    await s.page.getByRole('button', { name: 'Công bố kết quả' }).click();
    const dialog = s.page.getByRole('dialog');
    const text = await dialog.textContent();
    expect(text).toContain('Không thể hoàn tác');
    expect(text).toContain('/ket-qua');
    expect(text).toContain('không thể sửa hay thu hồi'.replace('không', 'Không'));
    await fillDecision(dialog);
    await s.checkScreen('phe-duyet-cong-bo');
    await dialog.getByRole('button', { name: 'Tôi hiểu, công bố' }).click();
    await s.page.getByText(/Đã công bố lần 1 lúc \d\d\/\d\d\/2018/).waitFor();
    // The decision entered once is on the public page.
    const publicPage = await fetch(`${s.baseUrl}/ket-qua/2018`).then((r) => r.text());
    expect(publicPage).toContain(`Số ${DECISION.number} ngày 20/12/2018`);
    await expect.poll(() => s.page.getByTestId('cycle-state').textContent()).toBe('Đã công bố');

    const published = await s.adminApi<Results>('GET', `/api/v1/cycles/${c2018}/results`);
    expect(published.revision?.number).toBe(1);
    expect(published.groups.map(expectedRanking)).toEqual(provisional.groups.map(expectedRanking));

    await s.page.goto(`${s.baseUrl}/ky/${c2018}/ket-qua`);
    await s.page.getByRole('heading', { level: 1, name: 'Kết quả đánh giá năm 2018' }).waitFor();
    await s.page.getByText(/Kết quả chính thức — công bố lần 1 ngày \d\d\/\d\d\/2018/).waitFor();
    for (const g of published.groups) expect(await shownRanking(g.id)).toEqual(expectedRanking(g));
    await s.checkScreen('ket-qua');
    // Printed, the ranking drops the application's chrome and the buttons.
    await s.page.emulateMedia({ media: 'print' });
    expect(await s.page.locator('.app-header').isVisible()).toBe(false);
    expect(await s.page.getByRole('button', { name: 'In bảng xếp hạng' }).isVisible()).toBe(false);
    await s.screenshot(s.page, 'ket-qua-in');
    await s.page.emulateMedia({ media: 'screen' });

    const pub = await fetch(`${s.baseUrl}/ket-qua`, { headers: { accept: 'text/html' } });
    expect(await pub.text()).toContain('2018');
  });

  it('opens the criteria of a ranked agency from its row, with the keyboard', async () => {
    const row = s.page.locator('[data-group="department"] tr[data-agency]').first();
    const button = row.locator('button.results-expand');
    expect(await button.textContent()).toContain('Xem điểm từng tiêu chí');
    await button.focus();
    await s.page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const detail = s.page.locator('.results-detail-row').first();
    await detail.locator('caption').first().waitFor();
    expect(await detail.locator('caption').first().textContent()).toMatch(/^HM1\. Hạ tầng kỹ thuật/);
    expect(await detail.textContent()).toMatch(/\d,\d\d \/ \d/);
  });

  it('draws the charts with text alternatives that give the data, and the same data as tables', async () => {
    const published = await s.adminApi<Results>('GET', `/api/v1/cycles/${c2018}/results`);
    const dep = published.groups.find((g) => g.id === 'department')!;
    const top = dep.ranking[0]!;
    const charts = s.page.locator('[data-group="department"] svg[role="img"]');
    expect(await charts.count()).toBe(3);
    const totals = await charts.nth(0).getAttribute('aria-label');
    expect(totals).toContain(`cao nhất ${top.name} ${scoreVn(top.total)} điểm`);
    expect(totals).toContain('ngưỡng xếp loại 50, 65, 85');
    const distribution = await charts.nth(1).getAttribute('aria-label');
    expect(distribution).toContain('2 cơ quan không xếp hạng');
    const categories = await charts.nth(2).getAttribute('aria-label');
    expect(categories).toContain(top.name);
    expect(categories).toMatch(
      /Hạ tầng kỹ thuật công nghệ thông tin \d+,\d\d\/20,00 \(trung bình nhóm \d+,\d\d\)/,
    );
    // The data tables open from the keyboard.
    const disclosure = s.page.locator('[data-group="department"] .results-chart-data').first();
    await disclosure.locator('summary').focus();
    await s.page.keyboard.press('Enter');
    const rows = disclosure.locator('tbody tr');
    expect(await rows.count()).toBe(dep.ranking.length);
    expect(await rows.first().textContent()).toContain(scoreVn(top.total));
    // Year over year: the agency's 2017 total beside 2018.
    const trend = s.page.locator('svg[role="img"][aria-label^="Biểu đồ cột tổng điểm qua các năm"]');
    expect(await trend.getAttribute('aria-label')).toMatch(/2017: (\d+,\d\d|Không xếp hạng).*2018: /);
  });

  it('shows one agency at a glance: rank, total, class, where it lost points, and prints without the chrome', async () => {
    const published = await s.adminApi<Results>('GET', `/api/v1/cycles/${c2018}/results`);
    const dep = published.groups.find((g) => g.id === 'department')!;
    const row = dep.ranking.find((r) => r.code === 'STTTT') ?? dep.ranking[1]!;
    const view = await s.adminApi<{
      biggestLosses: { criterionId: string; lost: number }[];
      previousYear: { year: number } | null;
    }>('GET', `/api/v1/cycles/${c2018}/results/agencies/${row.agencyId}`);
    await s.page.goto(`${s.baseUrl}/ky/${c2018}/ket-qua/${row.agencyId}`);
    await s.page.getByRole('heading', { level: 1, name: `${row.name} — kết quả năm 2018` }).waitFor();
    const standing = s.page.getByTestId('standing');
    const text = await standing.textContent();
    expect(text).toContain(`${row.rank}/${dep.ranking.length}`);
    expect(text).toContain(scoreVn(row.total));
    expect(text).toContain(row.classLabel.vi);
    expect(text).toContain('Năm 2017');
    // The criteria that lost the most points, largest first, as the server orders them.
    const shown = await s.page
      .getByTestId('losses')
      .locator('li')
      .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-criterion')));
    expect(shown).toEqual(view.biggestLosses.map((k) => k.criterionId));
    const lost = view.biggestLosses.map((k) => k.lost);
    expect(lost).toEqual([...lost].sort((a, b) => b - a));
    await s.page.getByRole('heading', { name: 'Cần cải thiện trước' }).waitFor();
    await s.checkScreen('ket-qua-co-quan');

    await s.page.emulateMedia({ media: 'print' });
    expect(await s.page.locator('.app-header').isVisible()).toBe(false);
    expect(await s.page.getByRole('button', { name: 'In trang này' }).isVisible()).toBe(false);
    expect(await standing.isVisible()).toBe(true);
    await s.page.screenshot({ path: 'test-results/screenshots/ket-qua-co-quan-in.png', fullPage: true });
    await s.page.emulateMedia({ media: 'screen' });
  });

  it('lets a reporter read the published result of its own agency, and only its own', async () => {
    await s.signInAs('bc-stttt');
    await s.page.goto(`${s.baseUrl}/ky/${c2018}/ket-qua`);
    await s.page.getByRole('heading', { level: 1, name: 'Kết quả đánh giá năm 2018' }).waitFor();
    await s.page.locator('table.results-ranking').first().waitFor();
    // No downloads for a reporter; a link only to its own agency.
    expect(await s.page.getByText('Tải kết quả').count()).toBe(0);
    expect(await s.page.locator('tr.results-own').textContent()).toContain('Đơn vị của bạn');
    const links = s.page.locator('table.results-ranking a');
    expect(await links.count()).toBe(1);
    await links.first().click();
    await s.page.getByTestId('standing').waitFor();
    expect(await s.page.getByRole('heading', { level: 1 }).textContent()).toContain(
      'Sở Thông tin và Truyền thông',
    );
    await s.page.goto(`${s.baseUrl}/ky/${c2018}/ket-qua/${ids.get('SYT')}`);
    await s.page.getByText('Đơn vị chỉ xem được kết quả của chính mình').waitFor();
  });

  it('lets a viewer read the ranking and download the CSV', async () => {
    await s.signInAs('noivu');
    await s.page.goto(`${s.baseUrl}/ky/${c2018}/ket-qua`);
    await s.page.locator('table.results-ranking').first().waitFor();
    const published = await s.adminApi<Results>('GET', `/api/v1/cycles/${c2018}/results`);
    for (const g of published.groups) expect(await shownRanking(g.id)).toEqual(expectedRanking(g));
    const [download] = await Promise.all([
      s.page.waitForEvent('download'),
      s.page.getByRole('link', { name: 'Bảng kết quả cả hai nhóm (CSV, mở bằng Excel)' }).click(),
    ]);
    expect(download.suggestedFilename()).toContain('2018');
    const csv = readFileSync((await download.path())!, 'utf8');
    const top = published.groups[0]!.ranking[0]!;
    expect(csv).toContain(`"1","${top.code}","${top.name}","${scoreVn(top.total)}","${top.classLabel.vi}"`);
    expect(csv).toContain('Không xếp hạng: nộp muộn');

    // The ranking workbook, read back as Excel would: the first group's leader on its first row.
    const [xlsx] = await Promise.all([
      s.page.waitForEvent('download'),
      s.page.getByRole('link', { name: 'Bảng xếp hạng (Excel, in A4 ngang)' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/2018.*\.xlsx$/);
    const wb = await openWorkbook(readFileSync((await xlsx.path())!));
    const lead = wb.worksheets[0]!.getRow(6);
    expect([lead.getCell(1).value, lead.getCell(2).value, lead.getCell(4).value]).toEqual([
      1,
      top.code,
      top.total,
    ]);

    // A late agency's page says why it is not ranked.
    await s.page.goto(`${s.baseUrl}/ky/${c2018}/ket-qua/${ids.get('SNV')}`);
    await expect
      .poll(() => s.page.getByTestId('standing').textContent())
      .toContain('Không được xếp hạng trong nhóm Cơ quan chuyên môn thuộc UBND tỉnh. Lý do: Nộp muộn.');
  });

  it('reopens a published result with a reason; publishing again makes revision 2 with its reason', async () => {
    await s.signInAs('pheduyet');
    await s.page.goto(`${s.baseUrl}/ky/${c2018}/phe-duyet`);
    await s.page.getByRole('button', { name: 'Mở lại để điều chỉnh' }).click();
    let dialog = s.page.getByRole('dialog');
    expect(await dialog.textContent()).toContain('Lần công bố 1 vẫn hiển thị công khai');
    await dialog.getByRole('button', { name: 'Mở lại' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('Hãy ghi lý do điều chỉnh');
    await dialog.getByLabel('Lý do điều chỉnh').fill('Sửa số liệu cổng thông tin của Sở Y tế');
    await dialog.getByRole('button', { name: 'Mở lại' }).click();
    await expect.poll(() => s.page.getByTestId('cycle-state').textContent()).toBe('Đang thẩm định');

    // Meanwhile the staff see the provisional ranking by default, and revision 1 still stands.
    await s.page.goto(`${s.baseUrl}/ky/${c2018}/ket-qua`);
    await s.page.getByText('Kết quả tạm tính — chưa công bố').waitFor();
    await s.page.locator('.results-mode').getByText('Kết quả đã công bố').click();
    await s.page.getByText(/Kết quả chính thức — công bố lần 1 ngày/).waitFor();
    await s.page.getByText('Kết quả đang được điều chỉnh').waitFor();

    await s.page.goto(`${s.baseUrl}/ky/${c2018}/phe-duyet`);
    await s.page.getByRole('button', { name: 'Phê duyệt kết quả' }).click();
    await s.page.getByRole('dialog').getByRole('button', { name: 'Phê duyệt' }).click();
    await s.page.getByText('Đã phê duyệt kết quả.').waitFor();
    await s.page.getByRole('button', { name: 'Công bố kết quả' }).click();
    dialog = s.page.getByRole('dialog');
    await dialog.getByText('Công bố lần 2? Không thể hoàn tác').waitFor();
    await fillDecision(dialog, { number: '2601/QĐ-UBND', date: '28/12/2018' });
    await dialog.getByRole('button', { name: 'Tôi hiểu, công bố' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('cần ghi lý do điều chỉnh');
    await dialog.getByLabel('Lý do điều chỉnh').fill('Sửa số liệu cổng thông tin của Sở Y tế');
    await dialog.getByRole('button', { name: 'Tôi hiểu, công bố' }).click();
    await s.page.getByText(/Đã công bố lần 2/).waitFor();

    await s.page.goto(`${s.baseUrl}/ky/${c2018}/ket-qua`);
    await s.page.getByText(/Kết quả chính thức — công bố lần 2 ngày/).waitFor();
    await s.page.getByText('Lý do điều chỉnh: Sửa số liệu cổng thông tin của Sở Y tế').first().waitFor();
    const revisions = s.page.locator('.results-revision-list li');
    expect(await revisions.count()).toBe(2);
    expect(await revisions.first().textContent()).toContain('Lần 2');
    expect(await revisions.nth(1).textContent()).toContain('Công bố lần đầu.');
    // Each revision stays downloadable as it was published.
    expect(
      await revisions.nth(1).getByRole('link', { name: 'Tải bảng kết quả lần 1 (CSV)' }).getAttribute('href'),
    ).toBe(`/api/v1/cycles/${c2018}/results/export.csv?revision=1`);
  });

  it('shows the administrator the approver’s page without the approver’s decisions', async () => {
    await s.signInAs('quantri-thu');
    await s.page.goto(`${s.baseUrl}/ky/${c2018}/phe-duyet`);
    await expect.poll(() => s.page.getByTestId('cycle-state').textContent()).toBe('Đã công bố');
    await s.page.getByRole('button', { name: 'Mở lại để điều chỉnh' }).waitFor();
    expect(await s.page.getByRole('button', { name: 'Công bố kết quả' }).count()).toBe(0);
    expect(await s.page.getByRole('button', { name: 'Phê duyệt kết quả' }).count()).toBe(0);
    await s.page.getByText('phê duyệt và công bố là việc của Ban Chỉ đạo').waitFor();
  });
});

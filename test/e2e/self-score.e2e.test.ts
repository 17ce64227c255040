/**
 * One self-score on every screen (interchange.md, "The self-score"): the form's live score, the
 * receipt and the assessor's review page show the same number, and the website's criteria say
 * where they come from — waiting for a check rather than a bare 0, then the latest check with its
 * date, while the official score averages the year's checks and the review says so.
 */

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencies, cycles, websiteChecks } from '../../src/server/db/schema.ts';
import { approve } from '../../src/server/modules/results/approve.ts';
import { publish } from '../../src/server/modules/results/publish.ts';
import { createCycle, createSubmission, formValues, markDataQuality, perfectWebsite } from '../fixtures.ts';
import { type BrowserSession, callerAs, startBrowserSession } from './browser.ts';

let s: BrowserSession;
let cycleId: string;
const ids: Record<string, string> = {};
const form = () => `/api/v1/cycles/${cycleId}/agencies/${ids.SYT}/submission`;
const vn = (n: number) => n.toFixed(2).replace('.', ',');
let liveTotal = '';

beforeAll(async () => {
  s = await startBrowserSession({ now: '2017-10-20T09:00:00+07:00' });
  const db = s.deps.database.db;
  for (const a of await db.select().from(agencies)) ids[a.code] = a.id;
  const cycle = await createCycle(db, { year: 2017, state: 'open' });
  cycleId = cycle.id;
  await createSubmission(db, cycleId, 'SYT', {
    status: 'draft',
    values: formValues('department'),
    website: null,
  });
  await s.addUser('bc-syt', 'reporter', 'SYT');
  await s.addUser('thamdinh', 'assessor');
}, 240_000);

afterAll(async () => {
  await s?.close();
});

describe('the self-score', () => {
  it('shows the website’s category as waiting for a check, not as 0, before there is one', async () => {
    const page = s.page;
    await s.signInAs('bc-syt', 'Báo cáo của cơ quan');
    await page.goto(`${s.baseUrl}/bao-cao/${cycleId}`);
    await page.getByTestId('live-total').waitFor();
    expect(await page.getByTestId('live-category-3').textContent()).toBe(
      'chờ kiểm tra trang TTĐT (tối đa 20,00 điểm)',
    );
    expect(await page.getByTestId('live-website-note').textContent()).toBe(
      'Tiêu chí chấm qua trang TTĐT: chưa có lần kiểm tra trang TTĐT nào và cơ quan chưa tự đánh giá.',
    );
    await s.checkScreen('tu-cham-cho-kiem-tra-trang');
  });

  it('takes the website from the latest check, with its date, on the form and on the receipt', async () => {
    const db = s.deps.database.db;
    // March: the site was down; September: everything in place.
    await db.insert(websiteChecks).values([
      {
        agencyId: ids.SYT!,
        checkedAt: new Date('2017-03-15T02:00:00Z'),
        values: { ...perfectWebsite('department'), website_active: false },
      },
      {
        agencyId: ids.SYT!,
        checkedAt: new Date('2017-09-15T02:00:00Z'),
        values: perfectWebsite('department'),
      },
    ]);
    const page = s.page;
    await page.goto(`${s.baseUrl}/bao-cao/${cycleId}`);
    await page.getByTestId('live-total').waitFor();
    expect(await page.getByTestId('live-category-3').textContent()).toBe('20,00 / 20,00 điểm');
    expect(await page.getByTestId('live-website-note').textContent()).toBe(
      'Tiêu chí chấm qua trang TTĐT: cơ quan chưa tự đánh giá, lấy theo lần kiểm tra trang TTĐT gần nhất của Sở TT&TT ngày 15/09/2017.',
    );
    liveTotal = (await page.getByTestId('live-total').textContent()) ?? '';
    // Without the department's data-quality mark (criterion 4.8): 98 of 100.
    expect(liveTotal).toBe('98,00');

    const current = await s.apiAs<{ version: number }>('bc-syt', 'GET', form());
    await s.apiAs('bc-syt', 'POST', `${form()}/submit`, {
      version: current.version,
      attestedName: 'Nguyễn Văn A',
      attestedTitle: 'Giám đốc',
    });
    await page.goto(`${s.baseUrl}/bao-cao/${cycleId}/bien-nhan`);
    const receipt = page.getByTestId('receipt');
    await receipt.getByText(`Điểm tự đánh giá theo hạng mục: ${liveTotal} / 100,00`).waitFor();
    expect(await page.getByTestId('receipt-website-note').textContent()).toBe(
      'Tiêu chí chấm qua trang TTĐT: cơ quan chưa tự đánh giá, lấy theo lần kiểm tra trang TTĐT gần nhất của Sở TT&TT ngày 15/09/2017.',
    );
  });

  it('shows the assessor the same self-score, and why the official one differs on the website', async () => {
    const page = s.page;
    await s.signInAs('thamdinh', 'Các kỳ đánh giá');
    await page.goto(`${s.baseUrl}/ky/${cycleId}/tham-dinh/${ids.SYT}`);
    await page.getByTestId('comparison').waitFor();
    expect(await page.getByTestId('summary-self').textContent()).toContain(liveTotal);
    const row = page.locator('tr[data-criterion="3.5"]');
    expect(await row.getByTestId('self').textContent()).toBe(vn(1));
    // The official score is the mean of both checks: (0 + 1) / 2.
    expect(await row.getByTestId('official').textContent()).toBe(vn(0.5));
    expect(await row.getByTestId('reasons').textContent()).toContain(
      'Kiểm tra trang TTĐT Điểm tự chấm: cơ quan chưa tự đánh giá, lấy theo lần kiểm tra trang TTĐT gần nhất của Sở TT&TT ngày 15/09/2017; điểm chính thức là trung bình 2 lần kiểm tra trang TTĐT trong năm của Sở TT&TT',
    );
    const server = await s.apiAs<{ agencies: { code: string; selfTotal: number }[] }>(
      'thamdinh',
      'GET',
      `/api/v1/cycles/${cycleId}/review`,
    );
    expect(vn(server.agencies.find((a) => a.code === 'SYT')!.selfTotal)).toBe(liveTotal);
  });

  it('leads the reporter from its home to its result after publication, self-score beside the official one', async () => {
    const db = s.deps.database.db;
    const approver = await s.addUser('pheduyet', 'approver');
    const caller = callerAs(approver, 'approver');
    await db.update(cycles).set({ state: 'under_review' }).where(eq(cycles.id, cycleId));
    await markDataQuality(db, cycleId, ['SYT']);
    await approve(s.deps, caller, { id: cycleId, note: 'Biên bản họp số 1' });
    await publish(s.deps, caller, { id: cycleId });

    const page = s.page;
    await s.signInAs('bc-syt', 'Báo cáo của cơ quan');
    await page.getByTestId('home-published').waitFor();
    expect(await page.getByText('Hạn chót nộp phiếu').count()).toBe(0);
    await s.checkScreen('bao-cao-sau-cong-bo');
    await page.getByRole('button', { name: 'Xem kết quả của cơ quan' }).click();
    await page.getByTestId('standing').waitFor();
    const view = await s.apiAs<{ total: number; selfTotal: number }>(
      'bc-syt',
      'GET',
      `/api/v1/cycles/${cycleId}/results/agencies/${ids.SYT}`,
    );
    expect(vn(view.selfTotal)).toBe(liveTotal);
    // The official score: the website averaged over both checks (10 of 20), the data-quality mark given (2).
    expect(view.total).toBe(90);
    expect(await page.getByTestId('self-vs-official').textContent()).toBe(
      `Điểm tự chấm của cơ quan: ${liveTotal}; điểm chính thức: 90,00 (-8,00).`,
    );
    // Each criterion that differs, with its reason: the website checks, the department's mark.
    const website = page.locator('[data-testid="self-criteria"] tr[data-criterion="3.5"]');
    expect(await website.getByTestId('self-reasons').textContent()).toContain(
      'điểm chính thức là trung bình 2 lần kiểm tra trang TTĐT trong năm của Sở TT&TT',
    );
    const mark = page.locator('[data-testid="self-criteria"] tr[data-criterion="4.8"]');
    expect(await mark.getByTestId('self-reasons').textContent()).toMatch(/^Sở TT&TT chấm/);
    await s.checkScreen('ket-qua-co-quan-tu-cham');
  });
});

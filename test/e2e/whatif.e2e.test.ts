/**
 * What-if and dry runs in a real browser: a reporter tries other values on its form and on its
 * published result (a simulation, computed by the core in the browser, reset in one click, with
 * "to reach the next class you need about X more points; the cheapest are …"); the administrator
 * loads a revised criteria version deriving from the bundled one and dry-runs it on the published
 * year. Every screen passes axe at office and phone sizes.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/core/calendar/time.ts';
import { bundledCompiledSet } from '../../src/core/criteria/bundled.ts';
import { scoreAgency } from '../../src/core/scoring/score.ts';
import { scoreSelf } from '../../src/core/scoring/self.ts';
import { adviceFor } from '../../src/core/scoring/whatif.ts';
import { CAO_BANG_AGENCIES } from '../../src/sample/cao-bang.ts';
import { generateCycle } from '../../src/sample/generate.ts';
import { loadSampleYear } from '../../src/server/demo.ts';
import { approve } from '../../src/server/modules/results/approve.ts';
import { publish } from '../../src/server/modules/results/publish.ts';
import type { AgencyView } from '../../src/server/modules/results/results.schema.ts';
import { createCycle, createSubmission, formValues } from '../fixtures.ts';
import { type BrowserSession, callerAs, startBrowserSession } from './browser.ts';

const SET = bundledCompiledSet('cao-bang-2016')!;
const pts = (h: number) => (h / 100).toFixed(2).replace('.', ',');

let s: BrowserSession;
let c2017: string;
let c2018: string;
const ids = new Map<string, string>();

beforeAll(async () => {
  s = await startBrowserSession({ now: '2018-06-10T09:00:00+07:00' });
  const db = s.deps.database.db;
  const approver = await s.addUser('pheduyet', 'approver');
  await s.addUser('bc-syt', 'reporter', 'SYT');
  await s.addUser('quantri', 'admin');
  const cycle = await createCycle(db, { year: 2017, state: 'under_review' });
  c2017 = cycle.id;
  const sample = generateCycle(SET, {
    year: 2017,
    seed: 2310,
    agencies: CAO_BANG_AGENCIES,
    lateShare: 0,
    missingShare: 0,
    late: ['SNV'],
    missing: ['SNGV'],
    checkedShare: 1,
  });
  await loadSampleYear(db, SET, c2017, sample);
  const caller = callerAs(approver, 'approver');
  await approve(s.deps, caller, { id: c2017, note: 'Biên bản họp số 1' });
  await publish(s.deps, caller, { id: c2017 });
  const open = await createCycle(db, { year: 2018, state: 'open' });
  c2018 = open.id;
  await createSubmission(db, c2018, 'SYT', {
    status: 'draft',
    values: formValues('department'),
    website: null,
  });
  const list = await s.adminApi<{ agencies: { id: string; code: string }[] }>('GET', '/api/v1/agencies');
  for (const a of list.agencies) ids.set(a.code, a.id);
}, 240_000);
afterAll(async () => {
  await s?.close();
});

describe('what-if on the form', () => {
  it('simulates a change without saving it, shows its effect and the cheapest way to the next class, resets in one click', async () => {
    const page = s.page;
    await s.signInAs('bc-syt', 'Báo cáo của cơ quan');
    await page.goto(`${s.baseUrl}/bao-cao/${c2018}`);
    const panel = page.getByTestId('whatif');
    await panel.waitFor();
    const live = await page.getByTestId('live-total').textContent();
    expect(await panel.getByTestId('whatif-base').textContent()).toBe(live);
    expect(await panel.getByTestId('whatif-total').textContent()).toBe(live);
    expect(await panel.getByTestId('whatif-badge').textContent()).toBe('Mô phỏng — không lưu');
    // 78,00 (Khá): Tốt needs 7 more, the cheapest four criteria of 2 points each.
    expect(live).toBe('78,00');
    const advice = await panel.getByTestId('whatif-advice').textContent();
    expect(advice).toMatch(
      /^Để đạt Tốt cần thêm khoảng 7,00 điểm; rẻ nhất là: .+\(\+2,00 điểm, công sức 1\)/,
    );
    await s.checkScreen('thu-gia-dinh-phieu');

    // Try criterion 3.5: the website is up and publishes the law; its self-score follows.
    await panel.getByLabel('Tiêu chí muốn thử').selectOption('3.5');
    const fields = panel.getByTestId('whatif-fields');
    await fields.locator('[data-field="website_active"]').getByText('Có', { exact: true }).click();
    await fields.locator('[data-field="ws_law_propaganda"]').getByText('Có', { exact: true }).click();
    const expected = scoreSelf(
      SET,
      {
        group: 'department',
        values: formValues('department'),
        claimed: [],
        stated: { website_active: true, ws_law_propaganda: true },
      },
      2018,
    ).total;
    await expect.poll(() => panel.getByTestId('whatif-total').textContent()).toBe(pts(expected));
    expect(expected).toBeGreaterThan(7800);
    expect(await panel.getByTestId('whatif-difference').textContent()).toBe(`+${pts(expected - 7800)}`);
    expect(await panel.getByTestId('whatif-effects').textContent()).toContain('3.5');
    expect(await panel.getByTestId('whatif-changed').textContent()).toContain('(trống) → Có');
    // The form's own score and its saved values are untouched.
    expect(await page.getByTestId('live-total').textContent()).toBe(live);
    const saved = await s.apiAs<{ values: Record<string, unknown> }>(
      'bc-syt',
      'GET',
      `/api/v1/cycles/${c2018}/agencies/${ids.get('SYT')}/submission`,
    );
    expect(saved.values.ws_law_propaganda).toBeUndefined();
    await s.checkScreen('thu-gia-dinh-phieu-da-doi');

    await panel.getByTestId('whatif-reset').click();
    expect(await panel.getByTestId('whatif-total').textContent()).toBe(live);
    expect(await panel.getByTestId('whatif-changed').count()).toBe(0);
  }, 180_000);
});

describe('what-if on the published result', () => {
  it('starts from the official total and scores a change with the same core', async () => {
    const page = s.page;
    const agencyId = ids.get('SYT')!;
    const view = await s.apiAs<AgencyView>(
      'bc-syt',
      'GET',
      `/api/v1/cycles/${c2017}/results/agencies/${agencyId}`,
    );
    const sim = view.simulation!;
    expect(sim).not.toBeNull();
    await page.goto(`${s.baseUrl}/ky/${c2017}/ket-qua/${agencyId}`);
    const panel = page.getByTestId('whatif');
    await panel.waitFor();
    const official = Math.round(view.total! * 100);
    expect(await panel.getByTestId('whatif-base').textContent()).toBe(pts(official));
    const input = (overrides: Record<string, unknown>) => ({
      group: 'department',
      values: { ...sim.values, ...overrides },
      notApplicable: sim.notApplicable,
      websiteChecks: sim.websiteChecks.map((c) => ({
        checkedAt: c.checkedAt === null ? undefined : (parseInstant(c.checkedAt) ?? undefined),
        values: c.values,
      })),
    });
    const base = scoreAgency(SET, input({}), 2017);
    expect(base.total).toBe(official);
    const advice = adviceFor(SET, base);
    const shownAdvice = await panel.getByTestId('whatif-advice').textContent();
    if (advice.next)
      expect(shownAdvice).toContain(
        `Để đạt ${advice.next.label.vi} cần thêm khoảng ${pts(advice.next.needed)} điểm`,
      );
    else expect(shownAdvice).toContain('đã ở xếp loại cao nhất');
    // The gains table lists the largest gain per unit of effort first, as the core does.
    const first = await panel
      .locator('[data-testid="whatif-gains"] tbody tr')
      .first()
      .getAttribute('data-criterion');
    expect(first).toBe(advice.gains[0]!.id);
    await s.checkScreen('thu-gia-dinh-ket-qua');

    // Criterion 1.1: no computers at all — the score drops exactly as the core says.
    await panel.getByLabel('Tiêu chí muốn thử').selectOption('1.1');
    const key = SET.groupsById.get('department')!.criteriaById.get('1.1')!.def.inputs[0]!;
    await panel.locator(`[data-field="${key}"] input`).fill('0');
    const after = scoreAgency(SET, input({ [key]: 0 }), 2017);
    await expect.poll(() => panel.getByTestId('whatif-total').textContent()).toBe(pts(after.total));
    expect(after.total).not.toBe(official);
    // Not a number: said so, not counted.
    await panel.locator(`[data-field="${key}"] input`).fill('4 5');
    await expect.poll(() => panel.getByTestId('whatif-total').textContent()).toBe(pts(official));
    await panel.getByTestId('whatif-reset').click();
    expect(await panel.getByTestId('whatif-total').textContent()).toBe(pts(official));
  });
});

describe('dry run of a revised criteria version', () => {
  it('loads a version deriving from the bundled one, shows the chain and the dry run side by side', async () => {
    const page = s.page;
    await s.signInAs('quantri', 'Các kỳ đánh giá');
    const set = JSON.parse(
      readFileSync(new URL('../../criteria/cao-bang-2016.json', import.meta.url), 'utf8'),
    );
    set.version = '2.0';
    set.title = { vi: 'Bộ tiêu chí Cao Bằng (sửa đổi 2019)' };
    set.derivedFrom = { id: 'cao-bang-2016', version: '1.0-reconstructed' };
    const dept = set.groups.find((g: { id: string }) => g.id === 'department');
    const cat5 = dept.categories[4];
    cat5.max = 9;
    const c52 = cat5.criteria.find((c: { id: string }) => c.id === '5.2');
    c52.max = 1;
    c52.formula.map = { dai_hoc_tro_len_cntt: 1, cao_dang_trung_cap_cntt: 0.5, khac: 0, khong_co: 0 };
    const c11 = dept.categories[0].criteria.find((c: { id: string }) => c.id === '1.1');
    c11.effort = 3;
    dept.categories[0].max = 21;
    Object.assign(
      dept.categories[0].criteria.find((c: { id: string }) => c.id === '1.4'),
      { max: 3, formula: { op: 'bool', field: 'tslcd_connected', points: 3 } },
    );
    set.fields.push({
      key: 'has_data_center',
      label: { vi: 'Có phòng máy chủ' },
      type: 'boolean',
      source: 'agency',
      required: false,
    });
    await page.goto(`${s.baseUrl}/quan-tri/bo-tieu-chi`);
    await page.locator('input[type=file]').setInputFiles({
      name: 'cao-bang-2019.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(set)),
    });
    await page
      .getByRole('status')
      .filter({ hasText: 'Đã nạp phiên bản mới' })
      .waitFor()
      .catch(async () => {
        const problems = await page
          .locator('.admin-load-problems')
          .textContent()
          .catch(() => null);
        throw new Error(problems ?? 'no problems shown');
      });
    await page.reload();
    expect(await page.getByRole('row').filter({ hasText: 'sửa đổi 2019' }).textContent()).toContain(
      'cao-bang-2016 — phiên bản 1.0-reconstructed',
    );
    // The version page shows the chain and leads to the dry run.
    await page.getByRole('link', { name: /Xem Bộ tiêu chí Cao Bằng \(sửa đổi 2019\)/ }).click();
    await page.getByTestId('lineage').waitFor();
    expect(await page.getByTestId('lineage').textContent()).toMatch(
      /^Bộ tiêu chí Cao Bằng \(sửa đổi 2019\) — 2\.0 ← .+ — 1\.0-reconstructed$/,
    );
    const picker = page.getByTestId('dry-run-picker');
    await picker.getByRole('button', { name: 'Chấm thử' }).click();
    await page.getByTestId('dry-run-banner').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Chấm thử năm 2017 bằng Bộ tiêu chí Cao Bằng (sửa đổi 2019) — 2.0',
    );
    expect(await page.getByTestId('dry-run-cli').textContent()).toContain('chiso score --criteria nhận tệp');
    expect(await page.getByTestId('lineage').textContent()).toContain('1.0-reconstructed');
    // The rows are the server's dry run, old beside new.
    const versions = await s.adminApi<{ versions: { id: string; version: string }[] }>(
      'GET',
      '/api/v1/criteria',
    );
    const v2 = versions.versions.find((v) => v.version === '2.0')!;
    const run = await s.adminApi<{
      groups: {
        id: string;
        rows: {
          code: string;
          old: { total: number } | null;
          new: { total: number } | null;
          move: number | null;
        }[];
      }[];
      summary: { up: number; down: number; same: number; classChanged: number };
    }>('GET', `/api/v1/criteria/${v2.id}/dry-run?cycleId=${c2017}`);
    expect(await page.getByTestId('dry-run-summary').textContent()).toBe(
      `${run.summary.up} cơ quan lên hạng, ${run.summary.down} cơ quan xuống hạng, ${run.summary.same} giữ nguyên; ${run.summary.classChanged} cơ quan đổi xếp loại.`,
    );
    const dept2 = run.groups.find((g) => g.id === 'department')!;
    const shown = await page
      .locator('[data-testid="dry-run-department"] tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.getAttribute('data-code'),
          tr.children[1]!.textContent,
          tr.children[2]!.textContent,
        ]),
      );
    expect(shown).toEqual(
      dept2.rows.map((r) => [
        r.code,
        r.old ? pts(Math.round(r.old.total * 100)) : '—',
        r.new ? pts(Math.round(r.new.total * 100)) : '—',
      ]),
    );
    expect(dept2.rows.some((r) => r.old && r.new && r.old.total !== r.new.total)).toBe(true);
    expect(await page.getByTestId('dry-run-missing').textContent()).toContain('Có phòng máy chủ');
    await s.checkScreen('chay-thu-bo-tieu-chi');
  }, 120_000);
});

/**
 * The province page and the peer comparison in a real browser, on two published sample years
 * (2017, 2018): the Steering Committee reads the indicators, sets a threshold and sees the
 * agencies below it, sees the chart of the years and downloads the tables; a reporter reads its
 * own agency against its group. Both screens pass axe at office and phone sizes.
 */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledCompiledSet } from '../../src/core/criteria/bundled.ts';
import { CAO_BANG_AGENCIES } from '../../src/sample/cao-bang.ts';
import { generateCycle } from '../../src/sample/generate.ts';
import { agencies } from '../../src/server/db/schema.ts';
import { loadSampleYear } from '../../src/server/demo.ts';
import { approve } from '../../src/server/modules/results/approve.ts';
import { publish } from '../../src/server/modules/results/publish.ts';
import { docxXml, textOf } from '../documents.ts';
import { createCycle } from '../fixtures.ts';
import { type BrowserSession, callerAs, startBrowserSession } from './browser.ts';

const SET = bundledCompiledSet('cao-bang-2016')!;
let s: BrowserSession;
let sample2018: ReturnType<typeof generateCycle>;

beforeAll(async () => {
  s = await startBrowserSession({ now: '2019-01-10T09:00:00+07:00' });
  const approver = await s.addUser('pheduyet', 'approver');
  await s.addUser('bc-hha', 'reporter', 'HHA');
  const caller = callerAs(approver, 'approver');
  const db = s.deps.database.db;
  for (const [year, seed] of [
    [2017, 2310],
    [2018, 2311],
  ] as const) {
    const cycle = await createCycle(db, { year, state: 'under_review' });
    const sample = generateCycle(SET, {
      year,
      seed,
      agencies: CAO_BANG_AGENCIES,
      lateShare: 0,
      missingShare: 0,
      late: ['SNV'],
      missing: ['SNGV'],
      checkedShare: 1,
    });
    if (year === 2018) sample2018 = sample;
    await loadSampleYear(db, SET, cycle.id, sample);
    await approve(s.deps, caller, { id: cycle.id, note: 'Biên bản họp' });
    await publish(s.deps, caller, { id: cycle.id });
  }
}, 240_000);
afterAll(async () => {
  await s?.close();
});

/** The agencies of 2018 whose share of computers with antivirus is below `t` %, from the raw values. */
function belowFromSample(t: number): string[] {
  return sample2018.agencies
    .filter((a) => a.submittedAt !== null)
    .flatMap((a) => {
      const av = a.values.computers_antivirus;
      const pc = a.values.total_computers;
      return typeof av === 'number' && typeof pc === 'number' && pc > 0 && (av * 100) / pc < t
        ? [{ name: a.name, v: (av * 100) / pc }]
        : [];
    })
    .sort((x, y) => x.v - y.v)
    .map((x) => x.name);
}

describe('the province page (Điều 3.1)', () => {
  it('shows the years, a chart, the agencies below the threshold the user sets, and downloads the table', async () => {
    await s.signInAs('pheduyet');
    await s.page.getByRole('link', { name: 'Tình hình toàn tỉnh' }).click();
    await s.page.getByRole('heading', { level: 1, name: 'Tình hình ứng dụng CNTT toàn tỉnh' }).waitFor();
    await expect.poll(() => s.page.getByTestId('years-included').textContent()).toContain('2017, 2018');
    // On a slow line the box waits for the chosen indicator, so the threshold typed is not lost
    // when it arrives.
    const slow = '**/api/v1/indicators?*';
    await s.page.route(slow, async (r) => {
      await new Promise((done) => setTimeout(done, 800));
      await r.continue();
    });
    await s.page.getByTestId('indicator-select').selectOption('computers_antivirus_share');
    await s.page.getByTestId('threshold-input').fill('75');
    await s.page.getByRole('button', { name: 'Áp dụng ngưỡng' }).click();
    const expected = belowFromSample(75);
    await expect
      .poll(() => s.page.getByTestId('below-title').textContent())
      .toContain(`(${expected.length})`);
    // Every request has answered by now: the delay goes without one left half-handled.
    await s.page.unroute(slow);
    const shown = await s.page
      .getByTestId('below-table')
      .locator('tbody tr td:first-child')
      .allTextContents();
    // Worst first; agencies with the same value may come in either order.
    const collator = new Intl.Collator('vi');
    expect([...shown].sort(collator.compare)).toEqual([...expected].sort(collator.compare));
    const values = await s.page
      .getByTestId('below-table')
      .locator('tbody tr td:last-child')
      .allTextContents();
    const numbers = values.map((v) => Number(v.replace(',', '.')));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    const chart = s.page.getByTestId('indicator-chart');
    expect(await chart.isVisible()).toBe(true);
    expect(await chart.locator('circle').count()).toBeGreaterThanOrEqual(2);
    const [download] = await Promise.all([
      s.page.waitForEvent('download'),
      s.page.getByTestId('download-below').click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(expected.length + 1);
    for (const name of expected) expect(csv).toContain(name);
    await s.checkScreen('tinh-hinh');
  });

  it('lists the agencies short of a required level two years running, each with its draft letter', async () => {
    await s.signInAs('pheduyet');
    await s.open('/tinh-hinh', 'Tình hình ứng dụng CNTT toàn tỉnh');
    const section = s.page.getByTestId('shortcomings');
    await section.getByRole('heading', { name: /Hạn chế kéo dài hai năm/ }).waitFor();
    const api = await s.apiAs<{ agencies: { code: string; name: string; items: unknown[] }[] }>(
      'pheduyet',
      'GET',
      '/api/v1/indicators/shortcomings',
    );
    expect(api.agencies.length).toBeGreaterThan(0);
    const table = section.getByTestId('shortcomings-table');
    expect(await table.locator('tbody tr').count()).toBe(
      api.agencies.reduce((n, a) => n + a.items.length, 0),
    );
    const first = api.agencies[0]!;
    expect(await table.locator('tbody th').first().textContent()).toContain(first.name);
    // One click: the Word draft, read back.
    const [letter] = await Promise.all([
      s.page.waitForEvent('download'),
      table.getByRole('link', { name: `Word (${first.code})` }).click(),
    ]);
    const text = textOf(await docxXml(readFileSync((await letter.path())!)));
    expect(text).toContain(`Kính gửi: ${first.name}`);
    expect(text).toContain('V/v khắc phục hạn chế trong ứng dụng công nghệ thông tin năm 2017, 2018');
    await s.checkScreen('tinh-hinh-han-che');
  });

  it('shows a reporter its own agency against the group median and best, and not the province page', async () => {
    await s.signInAs('bc-hha');
    const [hha] = await s.deps.database.db.select().from(agencies).where(eq(agencies.code, 'HHA'));
    await s.open(`/tinh-hinh/co-quan/${hha!.id}`, /So sánh với cơ quan cùng nhóm/);
    const table = s.page.getByTestId('peer-table-computers_antivirus_share');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(2);
    const mine = sample2018.agencies.find((a) => a.code === 'HHA')!.values;
    const share =
      Math.round(((mine.computers_antivirus as number) * 10000) / (mine.total_computers as number)) / 100;
    const cell = await table.locator('tbody tr').nth(1).locator('td').nth(1).textContent();
    expect(cell).toBe(String(share).replace('.', ','));
    await s.checkScreen('tinh-hinh-co-quan');
    expect(await s.page.getByRole('link', { name: 'Tình hình toàn tỉnh' }).count()).toBe(0);
  });
});

/**
 * The published ranking as the office opens it: the workbook read back with exceljs (groups,
 * ranks, totals as numbers with two decimals, classes, the agencies not ranked and why, frozen
 * headers, A4 landscape), and the CSV for Vietnamese Excel (";" between columns, "87,25").
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle } from '../../../../test/fixtures.ts';
import { type TestServer, testServer } from '../../../../test/server.ts';
import { openWorkbook } from '../../../../test/workbooks.ts';
import { bundledCompiledSet } from '../../../core/criteria/bundled.ts';
import { loadSampleYear } from '../../demo.ts';
import type { SnapshotContent } from './results.schema.ts';

const SET = bundledCompiledSet('cao-bang-2016')!;
const EXAMPLE = new URL('../../../../examples/cao-bang-2017.json', import.meta.url);
const url = (cycleId: string, rest = '') => `/api/v1/cycles/${cycleId}${rest}`;

let s: TestServer;
let cycleId: string;
let content: SnapshotContent;
beforeAll(async () => {
  s = await testServer({ now: '2017-12-15T03:00:00Z' });
  const cycle = await createCycle(s.deps.database.db, { state: 'approved' });
  cycleId = cycle.id;
  await loadSampleYear(s.deps.database.db, SET, cycleId, JSON.parse(readFileSync(EXAMPLE, 'utf8')));
  const res = await s.request({
    method: 'POST',
    url: url(cycleId, '/publish'),
    cookie: await s.as('approver'),
    payload: {},
  });
  expect(res.statusCode).toBe(200);
  content = (
    await s.request({
      method: 'GET',
      url: url(cycleId, '/results/revisions/1'),
      cookie: await s.as('viewer'),
    })
  ).json().content;
});
afterAll(() => s.close());

describe('the ranking workbook', () => {
  it('has a sheet per group with the ranking, scores as numbers, the agencies not ranked, print set-up', async () => {
    const res = await s.request({
      method: 'GET',
      url: url(cycleId, '/results/export.xlsx'),
      cookie: await s.as('viewer'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const wb = await openWorkbook(res.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(content.groups.map((g) => g.name.vi.slice(0, 31)));
    for (const [i, g] of content.groups.entries()) {
      const ws = wb.worksheets[i]!;
      expect(String(ws.getCell('A1').value)).toContain('NĂM 2017');
      expect(String(ws.getCell('A3').value)).toMatch(/^Công bố lần 1 ngày 15\/12\/2017/);
      expect(ws.getRow(5).getCell(4).value).toBe('Tổng điểm');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '5:5' });
      const first = g.ranking[0]!;
      const row = ws.getRow(6);
      expect([
        row.getCell(1).value,
        row.getCell(2).value,
        row.getCell(3).value,
        row.getCell(4).value,
        row.getCell(5).value,
      ]).toEqual([first.rank, first.code, first.name, first.total, first.classLabel.vi]);
      expect(row.getCell(4).numFmt).toBe('0.00');
      const rankedRows = g.ranking.length;
      const notRanked: string[] = [];
      ws.eachRow((r, n) => {
        if (n > 5 + rankedRows && String(r.getCell(5).value ?? '').startsWith('Không xếp hạng'))
          notRanked.push(`${r.getCell(2).value}: ${r.getCell(5).value}`);
      });
      expect(notRanked).toEqual(
        g.notRanked.map((x) => `${x.code}: Không xếp hạng: ${x.reasonLabel.vi.toLowerCase()}`),
      );
    }
    expect(content.groups.some((g) => g.notRanked.length > 0)).toBe(true);
  });
});

describe('the CSV for Vietnamese Excel', () => {
  it('separates columns with ";" and writes points with a decimal comma, UTF-8 with BOM', async () => {
    const res = await s.request({
      method: 'GET',
      url: url(cycleId, '/results/export-excel.csv'),
      cookie: await s.as('viewer'),
    });
    expect(res.statusCode).toBe(200);
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.rawPayload.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^"Nhóm";"Hạng";"Mã";"Đơn vị";"Tổng điểm";"Xếp loại";/);
    const first = content.groups[0]!.ranking[0]!;
    const total = first.total.toFixed(2).replace('.', ',');
    expect(lines[1]).toContain(`"${first.code}";"${first.name}";"${total}";"${first.classLabel.vi}"`);
  });
});

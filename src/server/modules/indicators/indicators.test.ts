import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxXml, textOf } from '../../../../test/documents.ts';
import { createCycle } from '../../../../test/fixtures.ts';
import { type TestServer, testServer } from '../../../../test/server.ts';
import { bundledCompiledSet } from '../../../core/criteria/bundled.ts';
import { CAO_BANG_AGENCIES } from '../../../sample/cao-bang.ts';
import { generateCycle } from '../../../sample/generate.ts';
import { loadSampleYear } from '../../demo.ts';
import { silentLog } from '../../platform/jobs.ts';
import { backgroundTick } from '../../scheduler.ts';
import { forgetPublishedDocs } from './indicators.repo.ts';
import type { PeerView, ProvinceView, ShortcomingsView } from './indicators.schema.ts';
import { keepIndicatorsWarm } from './keep-warm.ts';

const SET = bundledCompiledSet('cao-bang-2016')!;
type Sample = Parameters<typeof loadSampleYear>[3];
const Y2017 = JSON.parse(
  readFileSync(new URL('../../../../examples/cao-bang-2017.json', import.meta.url), 'utf8'),
) as Sample;
const Y2018 = generateCycle(SET, {
  year: 2018,
  seed: 2018,
  agencies: CAO_BANG_AGENCIES,
  lateShare: 0,
  missingShare: 0,
  late: ['SYT'],
  missing: ['SNV'],
  checkedShare: 1,
}) as unknown as Sample;

/** Rounded half up to 0.01, independently of the code under test (integers only). */
const hundredths = (num: number, den: number) => Math.floor((num * 200 + den) / (2 * den)) / 100;

/** The raw figures of a sample year's agencies that reported, computed here from the file. */
function shareOf(sample: Sample, num: string, den: string, group?: string) {
  let n = 0;
  let d = 0;
  const own: { code: string; value: number }[] = [];
  for (const a of sample.agencies) {
    if (a.submittedAt === null || (group && a.group !== group)) continue;
    const x = a.values[num];
    const y = a.values[den];
    if (typeof x !== 'number' || typeof y !== 'number' || y <= 0) continue;
    n += x;
    d += y;
    own.push({ code: a.code, value: (x * 100) / y });
  }
  return { n, d, own };
}

describe('the province indicators (Điều 3.1, 3.2)', () => {
  let s: TestServer;
  let approver: string;
  let view: ProvinceView;

  beforeAll(async () => {
    s = await testServer({ now: '2019-01-10T03:00:00Z' });
    const db = s.deps.database.db;
    approver = await s.as('approver');
    for (const sample of [Y2017, Y2018]) {
      s.clock.set(`${sample.year}-12-20T03:00:00Z`);
      const cycle = await createCycle(db, { year: sample.year, state: 'approved' });
      await loadSampleYear(db, SET, cycle.id, sample);
      const pub = await s.request({
        method: 'POST',
        url: `/api/v1/cycles/${cycle.id}/publish`,
        cookie: approver,
        payload: {},
      });
      expect(pub.statusCode).toBe(200);
    }
    // A year under review never reaches the indicators.
    await createCycle(db, { year: 2019, state: 'under_review' });
    s.clock.set('2019-01-10T03:00:00Z');
    const res = await s.request({
      method: 'GET',
      url: '/api/v1/indicators?indicator=computers_antivirus_share&threshold=75',
      cookie: approver,
    });
    expect(res.statusCode).toBe(200);
    view = res.json();
  });
  afterAll(async () => {
    await s.close();
  });

  it('says which published years it reads, and no other', () => {
    expect(view.years.map((y) => y.year)).toEqual([2017, 2018]);
    expect(view.criteria).toEqual({ setId: 'cao-bang-2016', version: '1.0-reconstructed' });
  });

  it('the share of computers with antivirus is Σ antivirus / Σ computers of each year, with its change', () => {
    const [a, b] = view.detail!.series;
    const r17 = shareOf(Y2017, 'computers_antivirus', 'total_computers');
    const r18 = shareOf(Y2018, 'computers_antivirus', 'total_computers');
    expect(a!.province.value).toBe(hundredths(r17.n * 100, r17.d));
    expect(b!.province.value).toBe(hundredths(r18.n * 100, r18.d));
    expect(a!.province.reporting).toBe(r17.own.length);
    expect(b!.province.reporting).toBe(r18.own.length);
    // The change is computed exactly, then rounded once.
    expect(b!.province.change).toBe(hundredths(r18.n * 100 * r17.d - r17.n * 100 * r18.d, r17.d * r18.d));
    for (const g of ['department', 'district']) {
      const r = shareOf(Y2018, 'computers_antivirus', 'total_computers', g);
      expect(b!.groups[g]!.value).toBe(hundredths(r.n * 100, r.d));
      expect(b!.groups[g]!.reporting).toBe(r.own.length);
      const best = Math.max(...r.own.map((o) => o.value));
      const worst = Math.min(...r.own.map((o) => o.value));
      expect(b!.groups[g]!.best!.value).toBeCloseTo(best, 2);
      expect(b!.groups[g]!.weakest!.value).toBeCloseTo(worst, 2);
    }
  });

  it('the agencies below the threshold the user sets are exactly those under it, worst first', () => {
    const r = shareOf(Y2018, 'computers_antivirus', 'total_computers');
    const below = r.own.filter((o) => o.value < 75).sort((x, y) => x.value - y.value);
    expect(view.detail!.threshold).toBe(75);
    expect(view.detail!.belowThreshold.map((a) => a.code)).toEqual(below.map((o) => o.code));
    expect(view.detail!.agencies).toHaveLength(r.own.length);
  });

  it('sums add up: the province bandwidth and IT budget of the latest year', () => {
    const sum = (key: string) =>
      Y2018.agencies
        .filter((a) => a.submittedAt !== null && typeof a.values[key] === 'number')
        .reduce((t, a) => t + Math.round((a.values[key] as number) * 100), 0) / 100;
    const of = (id: string) => view.summary.find((x) => x.indicator.id === id)!.latest!;
    expect(of('internet_bandwidth').province.value).toBeCloseTo(sum('internet_bandwidth_mbps'), 2);
    expect(of('it_budget').province.value).toBeCloseTo(sum('it_budget_million'), 2);
    expect(of('internet_bandwidth').year).toBe(2018);
    // An indicator of the district form only applies to districts.
    const communes = view.summary.find((x) => x.indicator.id === 'communes_broadband_share')!;
    expect(communes.indicator.groups).toEqual(['district']);
    expect(Object.keys(communes.latest!.groups)).toEqual(['district']);
  });

  it('refuses an unknown indicator or an unpublished year in Vietnamese', async () => {
    const bad = await s.request({
      method: 'GET',
      url: '/api/v1/indicators?indicator=khong_co',
      cookie: approver,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('Không có chỉ số "khong_co"');
    const year = await s.request({ method: 'GET', url: '/api/v1/indicators?year=2019', cookie: approver });
    expect(year.statusCode).toBe(400);
    expect(year.json().error.message).toBe('Năm 2019 chưa có kết quả công bố');
  });

  it('a reporter sees its own agency against the group median and best, never the province page', async () => {
    const reporter = await s.as('reporter', 'HHA');
    const hha = await s.agencyId('HHA');
    const other = await s.agencyId('STTTT');
    expect((await s.request({ method: 'GET', url: '/api/v1/indicators', cookie: reporter })).statusCode).toBe(
      403,
    );
    expect(
      (await s.request({ method: 'GET', url: `/api/v1/indicators/agencies/${other}`, cookie: reporter }))
        .statusCode,
    ).toBe(403);
    const res = await s.request({
      method: 'GET',
      url: `/api/v1/indicators/agencies/${hha}`,
      cookie: reporter,
    });
    expect(res.statusCode).toBe(200);
    const peer: PeerView = res.json();
    expect(peer.years).toEqual([2017, 2018]);
    const av = peer.indicators.find((i) => i.indicator.id === 'computers_antivirus_share')!;
    for (const [k, sample] of [Y2017, Y2018].entries()) {
      const mine = sample.agencies.find((a) => a.code === 'HHA')!.values;
      const point = av.points[k]!;
      expect(point.value).toBe(
        hundredths((mine.computers_antivirus as number) * 100, mine.total_computers as number),
      );
      const group = shareOf(sample, 'computers_antivirus', 'total_computers', 'district').own.map(
        (o) => o.value,
      );
      group.sort((x, y) => x - y);
      const m = group.length >> 1;
      const median = group.length % 2 ? group[m]! : (group[m - 1]! + group[m]!) / 2;
      expect(point.groupMedian).toBeCloseTo(median, 2);
      expect(point.groupBest).toBeCloseTo(Math.max(...group), 2);
    }
    // No other agency's name travels with the comparison.
    expect(JSON.stringify(peer)).not.toContain('Sở Thông tin');
  });

  it('lists the agencies below a threshold both years (Điều 3.4), as computed here from the raw values', async () => {
    const res = await s.request({ method: 'GET', url: '/api/v1/indicators/shortcomings', cookie: approver });
    expect(res.statusCode).toBe(200);
    const got: ShortcomingsView = res.json();
    expect([got.previousYear, got.year]).toEqual([2017, 2018]);
    // Independently: each share indicator with a threshold, x × scale / y under it in both years.
    const below = (sample: Sample, num: string, den: string, scale: number, threshold: number) =>
      new Set(
        sample.agencies
          .filter((a) => {
            const x = a.values[num];
            const y = a.values[den];
            return a.submittedAt !== null && typeof x === 'number' && typeof y === 'number' && y > 0
              ? (x * scale) / y < threshold
              : false;
          })
          .map((a) => a.code),
      );
    const expected: string[] = [];
    for (const i of SET.def.indicators ?? []) {
      if (i.threshold === undefined || i.aggregate !== 'share') continue;
      const before = below(Y2017, i.numerator!, i.denominator!, i.scale ?? 1, i.threshold);
      for (const code of below(Y2018, i.numerator!, i.denominator!, i.scale ?? 1, i.threshold))
        if (before.has(code)) expected.push(`${code} ${i.id}`);
    }
    const listed = got.agencies.flatMap((a) => a.items.map((it) => `${a.code} ${it.indicator.id}`));
    expect(listed.sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThan(0);
    // In Vietnamese order of the agencies' names.
    const names = got.agencies.map((a) => a.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));

    // One click: the letter to the first agency, as Word, names it and each indicator with both years.
    const first = got.agencies[0]!;
    const letter = await s.request({
      method: 'GET',
      url: `/api/v1/indicators/shortcomings/${first.agencyId}/letter?format=docx`,
      cookie: approver,
    });
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toContain('officedocument.wordprocessingml');
    const text = textOf(await docxXml(letter.rawPayload));
    expect(text).toContain(`Kính gửi: ${first.name}`);
    expect(text).toContain('V/v khắc phục hạn chế trong ứng dụng công nghệ thông tin năm 2017, 2018');
    for (const it of first.items) expect(text).toContain(it.indicator.label.vi);
    expect(text).toContain('SỞ THÔNG TIN VÀ TRUYỀN THÔNG');
    const pdf = await s.request({
      method: 'GET',
      url: `/api/v1/indicators/shortcomings/${first.agencyId}/letter?format=pdf`,
      cookie: approver,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // An agency not on the list has no letter; a reporter gets neither list nor letter.
    const listedIds = new Set(got.agencies.map((a) => a.agencyId));
    const other = (await s.request({ method: 'GET', url: '/api/v1/agencies', cookie: approver }))
      .json()
      .agencies.find((a: { id: string }) => !listedIds.has(a.id));
    expect(other).toBeDefined();
    const none = await s.request({
      method: 'GET',
      url: `/api/v1/indicators/shortcomings/${other.id}/letter`,
      cookie: approver,
    });
    expect(none.statusCode).toBe(404);
    const reporter = await s.as('reporter', first.code);
    const refused = await s.request({
      method: 'GET',
      url: '/api/v1/indicators/shortcomings',
      cookie: reporter,
    });
    expect(refused.statusCode).toBe(403);
  });

  it('the server holds the published years in memory: its background tick reads them back once forgotten', async () => {
    forgetPublishedDocs();
    await backgroundTick(s.deps, silentLog);
    // The tick read both years; nothing is left to read.
    expect(await keepIndicatorsWarm(s.deps)).toEqual({ years: 2, read: 0 });
    const res = await s.request({
      method: 'GET',
      url: '/api/v1/indicators?indicator=computers_antivirus_share&threshold=75',
      cookie: approver,
    });
    expect(res.json()).toEqual(view);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle, createSubmission, formValues } from '../../../../test/fixtures.ts';
import { type TestServer, testServer } from '../../../../test/server.ts';
import { lineageOf } from './lineage.ts';

/**
 * Three published years across a rename, a chain (rename then merger), a merger of two and a split:
 * every reader of earlier years (the agency's page, the ranking's trend) follows the lineage and
 * loses no year.
 *
 *   2017 published: STTTT, STC, SYT, SNV, SXD
 *   2018-01-01   rename STTTT → TTTT-18; rename STC → STC-18
 *   2018 published: TTTT-18, STC-18, SYT, SNV, SXD
 *   2019-01-01   merge STC-18 + SYT → TCYT-19; split SNV → NV1-19, NV2-19
 *   2019 published: TTTT-18, TCYT-19, NV1-19, NV2-19, SXD
 */
describe('history across renames, mergers and splits (R19)', () => {
  let s: TestServer;
  const cycles: Record<number, string> = {};
  let admin: string;
  let approver: string;
  const id = (code: string) => s.agencyId(code);

  async function change(body: Record<string, unknown>) {
    const res = await s.request({
      method: 'POST',
      url: '/api/v1/agencies/events',
      cookie: admin,
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(201);
  }

  async function publishYear(year: number, codes: string[]) {
    const db = s.deps.database.db;
    const cycle = await createCycle(db, { year, state: 'approved' });
    cycles[year] = cycle.id;
    for (const [i, code] of codes.entries())
      await createSubmission(db, cycle.id, code, {
        values: formValues('department', year),
        submittedAt: new Date(`${year}-10-${10 + i}T03:00:00Z`),
        website: null,
      });
    const res = await s.request({
      method: 'POST',
      url: `/api/v1/cycles/${cycle.id}/publish`,
      cookie: approver,
      payload: {},
    });
    expect(res.statusCode, res.body).toBe(200);
  }

  const agencyPage = async (year: number, code: string, cookie = approver) => {
    const res = await s.request({
      method: 'GET',
      url: `/api/v1/cycles/${cycles[year]}/results/agencies/${await id(code)}`,
      cookie,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  const ranking = async (year: number) => {
    const res = await s.request({
      method: 'GET',
      url: `/api/v1/cycles/${cycles[year]}/results`,
      cookie: approver,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  /** The codes of a results document that have a row (ranked or not). */
  const codesIn = (doc: { groups: { ranking: { code: string }[]; notRanked: { code: string }[] }[] }) =>
    new Set(doc.groups.flatMap((g) => [...g.ranking, ...g.notRanked].map((r) => r.code)));

  beforeAll(async () => {
    s = await testServer({ now: '2019-12-15T03:00:00Z' });
    admin = await s.as('admin');
    approver = await s.as('approver');
    await publishYear(2017, ['STTTT', 'STC', 'SYT', 'SNV', 'SXD']);
    await change({
      kind: 'rename',
      effectiveDate: '2018-01-01',
      decisionRef: 'QĐ 1/QĐ-UBND',
      from: [await id('STTTT')],
      to: [{ code: 'TTTT-18', name: 'Sở Thông tin, Truyền thông và Chuyển đổi số' }],
    });
    await change({
      kind: 'rename',
      effectiveDate: '2018-01-01',
      decisionRef: 'QĐ 2/QĐ-UBND',
      from: [await id('STC')],
      to: [{ code: 'STC-18', name: 'Sở Tài chính và Kế hoạch' }],
    });
    await publishYear(2018, ['TTTT-18', 'STC-18', 'SYT', 'SNV', 'SXD']);
    await change({
      kind: 'merge',
      effectiveDate: '2019-01-01',
      decisionRef: 'NQ 3/NQ-HĐND',
      from: [await id('STC-18'), await id('SYT')],
      to: [{ code: 'TCYT-19', name: 'Sở Tài chính – Y tế' }],
    });
    await change({
      kind: 'split',
      effectiveDate: '2019-01-01',
      decisionRef: 'NQ 4/NQ-HĐND',
      from: [await id('SNV')],
      to: [
        { code: 'NV1-19', name: 'Sở Nội vụ' },
        { code: 'NV2-19', name: 'Sở Dân tộc và Tôn giáo' },
      ],
    });
    await publishYear(2019, ['TTTT-18', 'TCYT-19', 'NV1-19', 'NV2-19', 'SXD']);
    // Three years published through the API: slower than one hook's default on a shared machine.
  }, 240_000);
  afterAll(() => s.close());

  it('walks the registry backwards in one place: old names, merged units, the unit split from, in chains', async () => {
    const db = s.deps.database.db;
    const codes = async (code: string) =>
      (await lineageOf(db, await id(code))).map((p) => [p.code, p.kind, p.effectiveDate]);
    expect(await codes('TTTT-18')).toEqual([['STTTT', 'rename', '2018-01-01']]);
    expect(await codes('TCYT-19')).toEqual([
      ['STC-18', 'merge', '2019-01-01'],
      ['SYT', 'merge', '2019-01-01'],
      ['STC', 'rename', '2018-01-01'],
    ]);
    expect(await codes('NV1-19')).toEqual([['SNV', 'split', '2019-01-01']]);
    expect(await codes('NV2-19')).toEqual([['SNV', 'split', '2019-01-01']]);
    expect(await codes('SXD')).toEqual([]);
    const merged = await lineageOf(db, await id('TCYT-19'));
    expect(merged[1]!.label.vi).toBe('Sở Y tế (đã sáp nhập vào Sở Tài chính – Y tế từ 01/01/2019)');
    const split = await lineageOf(db, await id('NV2-19'));
    expect(split[0]!.label.vi).toBe(
      'Sở Nội vụ (đã chia tách thành Sở Nội vụ, Sở Dân tộc và Tôn giáo từ 01/01/2019)',
    );
    expect((await lineageOf(db, await id('TTTT-18')))[0]!.label).toEqual({
      vi: 'Sở Thông tin và Truyền thông (tên cũ, đổi thành Sở Thông tin, Truyền thông và Chuyển đổi số từ 01/01/2018)',
      en: 'Sở Thông tin và Truyền thông (former name, renamed Sở Thông tin, Truyền thông và Chuyển đổi số on 2018-01-01)',
    });
  });

  it('the year-on-year checks compare a renamed agency with its former unit, a merged one with none', async () => {
    const previous = async (year: number, code: string) => {
      const res = await s.request({
        method: 'GET',
        url: `/api/v1/cycles/${cycles[year]}/agencies/${await id(code)}/submission`,
        cookie: admin,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().previousValues as Record<string, unknown> | null;
    };
    const lastYear = formValues('department', 2017);
    expect((await previous(2018, 'TTTT-18'))?.total_staff).toBe(lastYear.total_staff);
    expect((await previous(2018, 'SXD'))?.total_staff).toBe(lastYear.total_staff);
    // Two units became one: no single unit of 2018 to compare with.
    expect(await previous(2019, 'TCYT-19')).toBeNull();
    expect(await previous(2019, 'NV1-19')).toBeNull();
  });

  it('a renamed agency keeps last year, with the change of its total', async () => {
    const page = await agencyPage(2018, 'TTTT-18', await s.as('reporter', 'TTTT-18'));
    expect(page.previousYear).toMatchObject({
      year: 2017,
      ranked: true,
      via: { vi: expect.stringMatching(/^Sở Thông tin và Truyền thông \(tên cũ/) },
    });
    expect(page.previousYear.change).toBe(Math.round((page.total - page.previousYear.total) * 100) / 100);
    expect(page.lineage.map((p: { code: string }) => p.code)).toEqual(['STTTT']);
    // A year later its own year comes first, unlabelled.
    const next = await agencyPage(2019, 'TTTT-18');
    expect(next.previousYear).toMatchObject({ year: 2018, ranked: true, via: null });
  });

  it('a merged agency shows its predecessors’ year, labelled, without a misleading change', async () => {
    const page = await agencyPage(2019, 'TCYT-19');
    expect(page.previousYear).toMatchObject({
      year: 2018,
      ranked: true,
      change: null,
      via: { vi: 'Sở Tài chính và Kế hoạch (đã sáp nhập vào Sở Tài chính – Y tế từ 01/01/2019)' },
    });
    const split = await agencyPage(2019, 'NV2-19');
    expect(split.previousYear).toMatchObject({ year: 2018, ranked: true, change: null });
    expect(split.previousYear.via.vi).toMatch(/^Sở Nội vụ \(đã chia tách/);
  });

  it('never loses a year: each agency of 2019 finds a row in 2017 and 2018 through the ranking’s lineage', async () => {
    const docs = { 2017: await ranking(2017), 2018: await ranking(2018), 2019: await ranking(2019) };
    const lineage = docs[2019].lineage as Record<string, { code: string; label: { vi: string } }[]>;
    // (The test roster holds every unit of the table, so the ended STC-18 is in it too.)
    const withLineage = ['TTTT-18', 'STC-18', 'TCYT-19', 'NV1-19', 'NV2-19'];
    expect(Object.keys(lineage).sort()).toEqual((await Promise.all(withLineage.map(id))).sort());
    for (const code of ['TTTT-18', 'TCYT-19', 'NV1-19', 'NV2-19', 'SXD']) {
      const members = [code, ...(lineage[await id(code)] ?? []).map((p) => p.code)];
      for (const year of [2017, 2018] as const)
        expect(
          members.some((c) => codesIn(docs[year]).has(c)),
          `${code} in ${year}`,
        ).toBe(true);
    }
    // The merged agency has two predecessors ranked in each earlier year (its chain: STC then STC-18).
    const merged = ['TCYT-19', ...lineage[await id('TCYT-19')]!.map((p) => p.code)];
    const ranked = (doc: { groups: { ranking: { code: string }[] }[] }) =>
      new Set(doc.groups.flatMap((g) => g.ranking.map((r) => r.code)));
    expect(merged.filter((c) => ranked(docs[2018]).has(c))).toEqual(['STC-18', 'SYT']);
    expect(merged.filter((c) => ranked(docs[2017]).has(c))).toEqual(['SYT', 'STC']);
    // Earlier documents are labelled with what happened since: the 2017 ranking knows SXD has no predecessor.
    expect(docs[2017].lineage[await id('SXD')]).toBeUndefined();
  });
});

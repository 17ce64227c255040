import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Indicator } from '../criteria/indicators.ts';
import * as X from '../exact.ts';
import { agencyValue, indicatorYears, median, persistentShortfalls, scopeFigure } from './aggregate.ts';

const share = Indicator.parse({
  id: 'av',
  label: { vi: 'Tỉ lệ máy có phần mềm diệt virus' },
  unit: { vi: '%' },
  aggregate: 'share',
  numerator: 'av',
  denominator: 'pc',
  scale: 100,
  higherIsBetter: true,
});
const sum = Indicator.parse({
  id: 'bw',
  label: { vi: 'Băng thông' },
  unit: { vi: 'Mbps' },
  aggregate: 'sum',
  field: 'bw',
  higherIsBetter: true,
});
const lowerBetter = { ...sum, id: 'late', higherIsBetter: false };

const agency = (key: string, values: Record<string, unknown>, group = 'g') => ({
  key,
  name: key,
  group,
  values,
});
const agencyArb = fc.record({
  pc: fc.integer({ min: 0, max: 500 }),
  av: fc.integer({ min: 0, max: 500 }),
  bw: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
  group: fc.constantFrom('a', 'b'),
});

describe('indicators across agencies', () => {
  it('a share is Σ numerator / Σ denominator, not the mean of the agencies’ shares', () => {
    const f = scopeFigure(share, [agency('A', { av: 1, pc: 1 }), agency('B', { av: 0, pc: 3 })]);
    expect(X.eq(f.value!, X.q(25))).toBe(true); // 1 of 4 computers, not (100 % + 0 %) / 2
    expect(f.reporting).toBe(2);
    expect(f.best?.key).toBe('A');
    expect(f.weakest?.key).toBe('B');
    expect(X.eq(f.median!, X.q(50))).toBe(true);
  });

  it('an agency without the figure, or with a zero denominator, does not count as reporting', () => {
    const f = scopeFigure(share, [
      agency('A', { av: 2, pc: 0 }),
      agency('B', {}),
      agency('C', { av: '3', pc: '4' }),
    ]);
    expect(f.reporting).toBe(1);
    expect(X.eq(f.value!, X.q(75))).toBe(true);
    expect(scopeFigure(share, []).value).toBeNull();
  });

  it('province sums equal the sum of the groups, and the change is this year minus the last', () => {
    fc.assert(
      fc.property(
        fc.array(agencyArb, { maxLength: 30 }),
        fc.array(agencyArb, { maxLength: 30 }),
        (y1, y2) => {
          const mk = (rows: typeof y1) => rows.map((r, i) => agency(`k${i}`, r, r.group));
          const [a, b] = indicatorYears(
            sum,
            [
              { year: 2018, agencies: mk(y2) },
              { year: 2017, agencies: mk(y1) },
            ],
            ['a', 'b'],
          );
          expect(a!.year).toBe(2017);
          const total = y2.reduce((s, r) => s + (r.bw ?? 0), 0);
          const reported = y2.filter((r) => r.bw !== undefined).length;
          expect(b!.province.reporting).toBe(reported);
          if (reported) expect(X.toNumber(b!.province.value!)).toBe(total);
          const groupsTotal = ['a', 'b'].reduce(
            (s, g) => s + (b!.groups[g]!.value ? X.toNumber(b!.groups[g]!.value!) : 0),
            0,
          );
          expect(groupsTotal).toBe(reported ? total : 0);
          if (a!.province.value && b!.province.value)
            expect(X.eq(b!.province.change!, X.sub(b!.province.value, a!.province.value))).toBe(true);
          else expect(b!.province.change).toBeNull();
        },
      ),
    );
  });

  it('the median lies between the weakest and the best, and below-threshold agencies are exactly the worse ones', () => {
    fc.assert(
      fc.property(
        fc.array(agencyArb, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 100 }),
        (rows, t) => {
          const list = rows.map((r, i) => agency(`k${i}`, r));
          const f = scopeFigure(share, list, X.q(t));
          const own = list.map((a) => agencyValue(share, a.values)).filter((v) => v !== undefined);
          expect(f.reporting).toBe(own.length);
          if (!own.length) return;
          expect(X.cmp(f.weakest!.value, f.median!)).toBeLessThanOrEqual(0);
          expect(X.cmp(f.median!, f.best!.value)).toBeLessThanOrEqual(0);
          expect(f.belowThreshold.length).toBe(own.filter((v) => X.cmp(v, X.q(t)) < 0).length);
          // The spread alone gives the same value, median, best and weakest as the full list.
          const quick = scopeFigure(share, list, undefined, { list: false });
          expect([quick.value, quick.median, quick.best, quick.weakest, quick.reporting]).toEqual([
            f.value,
            f.median,
            f.best,
            f.weakest,
            f.reporting,
          ]);
        },
      ),
    );
  });

  it('when lower is better, "below the threshold" means above it and the best is the smallest', () => {
    const f = scopeFigure(
      lowerBetter,
      [agency('A', { bw: 5 }), agency('B', { bw: 9 }), agency('C', { bw: 1 })],
      X.q(4),
    );
    expect(f.best?.key).toBe('C');
    expect(f.weakest?.key).toBe('B');
    expect(f.belowThreshold.map((a) => a.key)).toEqual(['B', 'A']);
  });

  it('the median of an even count is the mean of the two middle values, exactly', () => {
    expect(median([X.q(1), X.q(2), X.q(4), X.q(10)])).toEqual(X.q(3));
    expect(median([X.q(1, 3), X.q(1, 6)])).toEqual(X.q(1, 4));
    expect(median([])).toBeNull();
  });

  it('a shortcoming is an agency below the threshold in both of the last two consecutive years', () => {
    const years = [
      {
        year: 2017,
        agencies: [
          agency('A', { av: 1, pc: 10 }),
          agency('B', { av: 1, pc: 10 }),
          agency('C', { av: 9, pc: 10 }),
        ],
      },
      {
        year: 2018,
        agencies: [
          agency('A', { av: 2, pc: 10 }),
          agency('B', { av: 9, pc: 10 }),
          agency('C', { av: 1, pc: 10 }),
        ],
      },
    ];
    const out = persistentShortfalls(share, years, X.q(50));
    expect(out.map((s) => s.key)).toEqual(['A']);
    expect(X.eq(out[0]!.before, X.q(10))).toBe(true);
    expect(X.eq(out[0]!.now, X.q(20))).toBe(true);
    expect(persistentShortfalls(share, [years[1]!, { ...years[0]!, year: 2016 }], X.q(50))).toEqual([]);
  });
});

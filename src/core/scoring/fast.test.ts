import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryChecks, arbitraryNa, arbitraryValues } from '../../../test/builders.ts';
import { generateCycle } from '../../sample/generate.ts';
import { bundledCompiledSet } from '../criteria/bundled.ts';
import type { Field } from '../criteria/schema.ts';
import type * as X from '../exact.ts';
import { readCycle } from '../input/cycle.ts';
import { interchangeJson } from '../interchange.ts';
import { scoreCycle } from '../ranking/rank.ts';
import type { Values } from '../types.ts';
import { fastFormulas } from './fast.ts';
import { EvalContext, evaluate } from './formula.ts';
import { scoreAgency } from './score.ts';

const set = bundledCompiledSet('cao-bang-2016')!;
const YEAR = 2017;

/** Same fraction, representation included (a −0 numerator is not a 0 one). */
function expectSame(actual: X.Q, expected: X.Q, where: string): void {
  const same =
    Object.is(actual.n, expected.n) &&
    Object.is(actual.d, expected.d) &&
    typeof actual.n === typeof expected.n &&
    typeof actual.d === typeof expected.d;
  if (!same)
    expect({ where, n: String(actual.n), d: String(actual.d) }).toEqual({
      where,
      n: String(expected.n),
      d: String(expected.d),
    });
}

/** Any value a field could hold, and some it should not: negatives, −0, decimals, huge numbers. */
function wildValue(f: Field): fc.Arbitrary<unknown> {
  const numbers = fc.oneof(
    fc.integer({ min: -5, max: 60 }),
    fc.integer({ min: -3000, max: 3000 }),
    fc.constantFrom(0, -0, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 52, 94_906_267),
    fc.integer({ min: -300_000, max: 300_000 }).map((h) => h / 100),
    fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  );
  switch (f.type) {
    case 'integer':
    case 'decimal':
      return fc.option(numbers, { nil: undefined });
    case 'boolean':
      return fc.option(fc.boolean(), { nil: undefined });
    case 'enum':
      return fc.option(fc.constantFrom(...(f.options ?? []).map((o) => o.value), 'khác'), { nil: undefined });
    case 'date':
      return fc.option(
        fc.constantFrom('2016-12-31', '2017-01-01', '2017-06-30', '2017-07-01', '2018-01-02'),
        {
          nil: undefined,
        },
      );
    default:
      return fc.option(fc.string({ maxLength: 4 }), { nil: undefined });
  }
}

function wildValues(groupId: string): fc.Arbitrary<Values> {
  const group = set.groupsById.get(groupId)!;
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const f of group.fields) shape[f.key] = wildValue(f);
  return fc
    .record(shape)
    .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
}

describe('precompiled formulas (scoring/fast.ts)', () => {
  for (const group of set.groups) {
    const fast = fastFormulas(group, set.derived);
    const overlays = fc.option(wildValues(group.id), { nil: null });

    it(`give exactly what the exact evaluator gives, or defer to it (${group.id})`, () => {
      fc.assert(
        fc.property(wildValues(group.id), overlays, (values, overlay) => {
          const ctx = new EvalContext(values, overlay, set.derived, YEAR, false, group.fieldsByKey);
          for (const [i, k] of group.criteria.entries()) {
            let expected: X.Q | Error;
            try {
              expected = evaluate(k.node, ctx);
            } catch (e) {
              expected = e as Error;
            }
            const got = fast[i]!(values, overlay, YEAR);
            if (got === null) continue; // deferred to the exact evaluator
            if (expected instanceof Error)
              throw new Error(`${k.id}: fast path answered, exact threw ${expected}`);
            expectSame(got, expected, k.id);
          }
        }),
        { numRuns: 400 },
      );
    });
  }

  it('answers decimals it only compares itself, as the exact evaluator does (news a month, the reviewer mark)', () => {
    const group = set.groupsById.get('department')!;
    const fast = fastFormulas(group, set.derived);
    const formulaOf = (op: string, key: string) => {
      const i = group.criteria.findIndex(
        (k) => k.node.op === op && 'field' in k.node && k.node.field === key,
      );
      expect(i).toBeGreaterThanOrEqual(0);
      return { f: fast[i]!, k: group.criteria[i]! };
    };
    const cases: [ReturnType<typeof formulaOf>, number[]][] = [
      [formulaOf('tier', 'ws_news_per_month'), [0, -0, 2.99, 3, 3.01, 4.9, 7.99, 8, 8.2, 1e6]],
      [formulaOf('reviewer', 'data_quality_points'), [-0.25, -0, 0, 0.25, 0.75, 1, 1.999, 2, 2.5, 0.1 + 0.2]],
    ];
    for (const [{ f, k }, xs] of cases)
      for (const x of xs) {
        const values = { [(k.node as { field: string }).field]: x };
        const got = f(values, null, YEAR);
        expect(got, `${k.id} with ${x}`).not.toBeNull();
        const ctx = new EvalContext(values, null, set.derived, YEAR, false, group.fieldsByKey);
        expectSame(got!, evaluate(k.node, ctx), `${k.id} with ${x}`);
      }
  });

  it('scores an agency the same with and without explanations', () => {
    const groups = set.groups.map((g) => g.id);
    const agency = fc.constantFrom(...groups).chain((group) =>
      fc.record({
        group: fc.constant(group),
        values: arbitraryValues(set, group, YEAR),
        notApplicable: arbitraryNa(set, group),
        websiteChecks: arbitraryChecks(set, group, YEAR),
      }),
    );
    fc.assert(
      fc.property(agency, (a) => {
        const plain = scoreAgency(set, a, YEAR);
        const explained = scoreAgency(set, a, YEAR, { explain: true });
        expect(plain).toEqual({
          ...explained,
          criteria: explained.criteria.map(({ explanation: _, ...rest }) => rest),
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('a generated cycle scored in bulk and explained', () => {
  it('ranks, scores and writes every agency the same on both paths (the fast path changes no result)', () => {
    // As the benchmark makes its cycle: both groups interleaved, website checks for half of the
    // agencies, some late or missing; a few seeds, so that many forms are met.
    for (const seed of [1, 2, 3]) {
      const agencies = Array.from({ length: 400 }, (_, i) => ({
        code: `A${String(i).padStart(4, '0')}`,
        name: `Đơn vị ${i}`,
        group: i % 5 < 3 ? 'department' : 'district',
      }));
      const file = generateCycle(set, {
        year: YEAR,
        seed,
        agencies,
        lateShare: 0.05,
        missingShare: 0.05,
        checkedShare: 0.5,
      });
      // Through JSON, as `chiso score` reads it.
      const read = readCycle(JSON.parse(JSON.stringify(file)), { resolveSet: bundledCompiledSet });
      if (!read.ok) throw new Error(`the generated cycle does not validate: ${read.problems[0]?.message.en}`);
      const bulk = scoreCycle(set, read.cycle);
      const explained = scoreCycle(set, read.cycle, { explain: true });
      expect(bulk.groups.flatMap((g) => g.ranking).length).toBeGreaterThan(300);
      expect(interchangeJson(bulk)).toBe(interchangeJson(explained));
      for (const [gi, g] of bulk.groups.entries())
        for (const [ri, row] of g.ranking.entries()) {
          const other = explained.groups[gi]!.ranking[ri]!;
          expect(row.score).toEqual({
            ...other.score,
            criteria: other.score.criteria.map(({ explanation: _, ...rest }) => rest),
          });
        }
    }
  });
});

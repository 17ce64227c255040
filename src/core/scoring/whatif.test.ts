import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryChecks, arbitraryNa, arbitraryValues } from '../../../test/builders.ts';
import { bundledCompiledSet, bundledSet } from '../criteria/bundled.ts';
import { compileCriteriaSet } from '../criteria/compile.ts';
import * as X from '../exact.ts';
import { classOf, scoreAgency } from './score.ts';
import { adviceFor, DEFAULT_EFFORT, effortOf, gainsByEffort, nextClass, planToReach } from './whatif.ts';

const set = bundledCompiledSet('cao-bang-2016')!;
const YEAR = 2017;
const groups = set.groups.map((g) => g.id);

const arbitraryAgency = fc.constantFrom(...groups).chain((group) =>
  fc.record({
    group: fc.constant(group),
    values: arbitraryValues(set, group, YEAR),
    notApplicable: arbitraryNa(set, group),
    websiteChecks: arbitraryChecks(set, group, YEAR),
  }),
);

/** The bundled set with a random effort on some criteria (an exact decimal 0,5…10). */
const arbitraryEfforts = fc.dictionary(
  fc.constantFrom(...set.groups.flatMap((g) => g.criteria.map((k) => k.id))),
  fc.integer({ min: 5, max: 100 }).map((n) => n / 10),
);
function withEfforts(efforts: Record<string, number>) {
  const def = structuredClone(bundledSet('cao-bang-2016')!);
  for (const g of def.groups)
    for (const c of g.categories)
      for (const k of c.criteria) if (efforts[k.id] !== undefined) k.effort = efforts[k.id];
  return compileCriteriaSet(def);
}

describe('what would raise a score (whatif.ts)', () => {
  it('lists exactly the points lost, largest gain per unit of effort first', () => {
    fc.assert(
      fc.property(arbitraryAgency, arbitraryEfforts, (a, efforts) => {
        const s = withEfforts(efforts);
        const score = scoreAgency(s, a, YEAR);
        const gains = gainsByEffort(s, score);
        const max = score.categories.reduce((t, c) => t + c.max, 0);
        // Together the gains are every point the agency lost, each criterion once.
        expect(gains.reduce((t, g) => t + g.gain, 0)).toBe(max - score.total);
        expect(new Set(gains.map((g) => g.id)).size).toBe(gains.length);
        for (const g of gains) {
          expect(g.gain).toBeGreaterThan(0);
          expect(g.effort).toBe(efforts[g.id] ?? DEFAULT_EFFORT);
          expect(X.eq(X.mul(g.perEffort, X.fromNumber(g.effort)), X.q(g.gain, 100))).toBe(true);
        }
        for (let i = 1; i < gains.length; i++)
          expect(X.cmp(gains[i - 1]!.perEffort, gains[i]!.perEffort)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 200 },
    );
  });

  it('with no effort data ranks by points to gain', () => {
    fc.assert(
      fc.property(arbitraryAgency, (a) => {
        const gains = gainsByEffort(set, scoreAgency(set, a, YEAR));
        for (const g of gains) expect(g.perEffortHundredths).toBe(g.gain);
        for (let i = 1; i < gains.length; i++)
          expect(gains[i - 1]!.gain).toBeGreaterThanOrEqual(gains[i]!.gain);
      }),
      { numRuns: 100 },
    );
  });

  it('names the next class and the points it needs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (total) => {
        const next = nextClass(set, total);
        const now = set.bands.find((b) => b.id === classOf(set, total))!;
        if (next === null) expect(now.id).toBe(set.bands[0]!.id);
        else {
          expect(next.needed).toBe(next.min - total);
          expect(next.needed).toBeGreaterThan(0);
          // Reaching it changes the class; one hundredth less does not.
          expect(classOf(set, next.min)).toBe(next.id);
          expect(classOf(set, next.min - 1)).toBe(now.id);
        }
      }),
    );
    // The province's thresholds: Tốt 85, Khá 65, Trung bình 50.
    expect(nextClass(set, 6000)).toMatchObject({ id: 'kha', needed: 500 });
    expect(nextClass(set, 8499)).toMatchObject({ id: 'tot', needed: 1 });
    expect(nextClass(set, 4000)).toMatchObject({ id: 'trung_binh', needed: 1000 });
    expect(nextClass(set, 8500)).toBeNull();
  });

  it('plans the cheapest criteria whose full points reach the next class', () => {
    fc.assert(
      fc.property(arbitraryAgency, arbitraryEfforts, (a, efforts) => {
        const s = withEfforts(efforts);
        const score = scoreAgency(s, a, YEAR);
        const advice = adviceFor(s, score);
        if (advice.next === null) {
          expect(advice.plan).toBeNull();
          return;
        }
        const plan = advice.plan!;
        expect(plan.needed).toBe(advice.next.needed);
        // A prefix of the cheapest-first list, no longer than it must be.
        expect(plan.picks).toEqual(advice.gains.slice(0, plan.picks.length));
        const withoutLast = plan.gained - (plan.picks.at(-1)?.gain ?? 0);
        expect(withoutLast).toBeLessThan(plan.needed);
        expect(plan.reachable).toBe(plan.gained >= plan.needed);
        // Scoring every pick at its maximum reaches the class, as the arithmetic says.
        if (plan.reachable) expect(classOf(s, score.total + plan.gained)).not.toBe(score.classId);
        else expect(plan.picks.length).toBe(advice.gains.length);
        const effort = plan.picks.reduce((t, g) => X.add(t, X.fromNumber(g.effort)), X.ZERO as X.Q);
        expect(X.eq(effort, plan.effort)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('needs nothing when nothing is missing', () => {
    expect(planToReach([], 0)).toMatchObject({ picks: [], gained: 0, reachable: true });
    expect(planToReach([], 100)).toMatchObject({ picks: [], reachable: false });
  });

  it('reads the effort from the set, 1 when absent', () => {
    const s = withEfforts({ '1.1': 2.5 });
    expect(effortOf(s, 'department', '1.1')).toBe(2.5);
    expect(effortOf(s, 'department', '1.2')).toBe(DEFAULT_EFFORT);
  });
});

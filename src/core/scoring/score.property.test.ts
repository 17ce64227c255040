import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  arbitraryChecks,
  arbitraryNa,
  arbitraryValues,
  buildAgency,
  nodesOf,
  perfectValues,
} from '../../../test/builders.ts';
import { vnMidnight } from '../calendar/time.ts';
import { bundledCompiledSet } from '../criteria/bundled.ts';
import { toInterchange } from '../interchange.ts';
import { scoreCycle } from '../ranking/rank.ts';
import { scoreAgency } from './score.ts';

const set = bundledCompiledSet('cao-bang-2016')!;
const YEAR = 2017;
const groups = set.groups.map((g) => g.id);

/** A random agency of a random group: values, confirmed N/A claims and website checks. */
const arbitraryAgency = fc.constantFrom(...groups).chain((group) =>
  fc.record({
    group: fc.constant(group),
    values: arbitraryValues(set, group, YEAR),
    notApplicable: arbitraryNa(set, group),
    websiteChecks: arbitraryChecks(set, group, YEAR),
  }),
);

describe('scoring properties (cao-bang-2016)', () => {
  it('keeps every criterion, category and total within its maximum', () => {
    fc.assert(
      fc.property(arbitraryAgency, (a) => {
        const s = scoreAgency(set, a, YEAR);
        for (const k of s.criteria) {
          expect(k.points).toBeGreaterThanOrEqual(0);
          expect(k.points).toBeLessThanOrEqual(k.max);
        }
        for (const c of s.categories) {
          expect(c.points).toBeGreaterThanOrEqual(0);
          expect(c.points).toBeLessThanOrEqual(c.max);
        }
        expect(s.total).toBeGreaterThanOrEqual(0);
        expect(s.total).toBeLessThanOrEqual(10_000);
        expect(s.total).toBe(s.categories.reduce((t, c) => t + c.points, 0));
      }),
      { numRuns: 300 },
    );
  });

  it('never lowers a score when a numerator is raised', () => {
    for (const group of set.groups) {
      // Fields that only ever appear as the numerator of a ratio: more of them can only help.
      const uses = new Map<string, Set<string>>();
      const note = (key: string, role: string) => uses.set(key, (uses.get(key) ?? new Set()).add(role));
      for (const { node } of nodesOf(group)) {
        if (node.op === 'ratio') {
          note(node.num, 'num');
          note(node.den, 'den');
        } else if ('field' in node) note(node.field, 'other');
        else if (node.op === 'count') for (const f of node.fields) note(f, 'other');
      }
      for (const [, parts] of set.derived) for (const part of parts) note(part, 'other');
      const numerators = [...uses].filter(([, r]) => r.size === 1 && r.has('num')).map(([k]) => k);
      expect(numerators.length).toBeGreaterThan(5);
      fc.assert(
        fc.property(
          arbitraryValues(set, group.id, YEAR),
          fc.constantFrom(...numerators),
          fc.integer({ min: 1, max: 500 }),
          (values, key, more) => {
            const before = scoreAgency(set, { group: group.id, values }, YEAR);
            const raised = {
              ...values,
              [key]: (typeof values[key] === 'number' ? (values[key] as number) : 0) + more,
            };
            const after = scoreAgency(set, { group: group.id, values: raised }, YEAR);
            expect(after.total).toBeGreaterThanOrEqual(before.total);
            for (const [i, k] of after.criteria.entries())
              expect(k.points).toBeGreaterThanOrEqual(before.criteria[i]!.points);
          },
        ),
        { numRuns: 200 },
      );
    }
  });

  it('gives the maximum to every confirmed not-applicable criterion, whatever the values', () => {
    fc.assert(
      fc.property(arbitraryAgency, (a) => {
        const s = scoreAgency(set, a, YEAR);
        for (const id of a.notApplicable) {
          const k = s.criteria.find((x) => x.id === id)!;
          expect(k.points).toBe(k.max);
          expect(k.basis).toBe('not_applicable');
        }
      }),
      { numRuns: 200 },
    );
  });

  it('ranks the same whatever the order of agencies in the file', () => {
    const agencyList = fc.array(arbitraryAgency, { minLength: 1, maxLength: 12 }).map((list) =>
      list.map((a, i) =>
        buildAgency(set, {
          ...a,
          code: `C${String(i).padStart(2, '0')}`,
          submittedAt: i % 5 === 4 ? null : i % 7 === 6 ? vnMidnight(YEAR, 11, 1) : vnMidnight(YEAR, 10, 20),
        }),
      ),
    );
    fc.assert(
      fc.property(
        agencyList.chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
        ),
        ([list, shuffled]) => {
          const deadline = vnMidnight(YEAR, 11, 1);
          const a = toInterchange(scoreCycle(set, { year: YEAR, deadline, agencies: list }));
          const b = toInterchange(scoreCycle(set, { year: YEAR, deadline, agencies: shuffled }));
          expect(b).toEqual(a);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('gives a perfect agency 100 points and the top class in both groups', () => {
    for (const group of groups) {
      fc.assert(
        fc.property(arbitraryNa(set, group), fc.integer({ min: 0, max: 4 }), (na, checks) => {
          const values = perfectValues(set, group, YEAR);
          const monitoring = Object.fromEntries(
            set.groupsById
              .get(group)!
              .fields.filter((f) => f.source === 'monitoring')
              .map((f) => [f.key, values[f.key]]),
          );
          const websiteChecks = Array.from({ length: checks }, () => ({ values: monitoring }));
          const s = scoreAgency(set, { group, values, notApplicable: na, websiteChecks }, YEAR);
          expect(s.total).toBe(10_000);
          expect(s.classId).toBe('tot');
        }),
        { numRuns: 30 },
      );
    }
  });

  it('scores the website category 0 when the site is down, except confirmed N/A criteria', () => {
    const values = { ...perfectValues(set, 'department', YEAR), website_active: false };
    const s = scoreAgency(set, { group: 'department', values, notApplicable: ['3.8'] }, YEAR, {
      explain: true,
    });
    const web = s.criteria.filter((k) => k.categoryId === '3');
    for (const k of web) expect(k.points).toBe(k.id === '3.8' ? k.max : 0);
    expect(web.find((k) => k.id === '3.1')!.explanation!.vi).toMatch(/không → cả hạng mục 0 điểm/);
  });
});

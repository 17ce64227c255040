import { describe, expect, it } from 'vitest';
import { buildAgency } from '../../test/builders.ts';
import { vectorInputText, vectorNames } from '../../test/vectors.ts';
import { vnMidnight } from './calendar/time.ts';
import { bundledCompiledSet, bundledSet } from './criteria/bundled.ts';
import { compileCriteriaSet } from './criteria/compile.ts';
import { readCycleText } from './input/cycle.ts';
import { interchangeJson, toInterchange } from './interchange.ts';
import { type CycleResult, scoreCycle } from './ranking/rank.ts';

const stringified = (result: CycleResult) => `${JSON.stringify(toInterchange(result), null, 2)}\n`;

describe("chiso score's JSON text", () => {
  for (const name of vectorNames())
    it(`is JSON.stringify of the result, byte for byte (${name})`, () => {
      const read = readCycleText(vectorInputText(name), { resolveSet: bundledCompiledSet });
      if (!read.ok) throw new Error('bad vector');
      const result = scoreCycle(read.set, read.cycle);
      expect(interchangeJson(result)).toBe(stringified(result));
    });

  it('prints empty groups, and criteria ids that read as numbers in JavaScript’s key order', () => {
    const def = structuredClone(bundledSet('cao-bang-2016')!);
    const first = def.groups[0]!.categories[0]!;
    first.criteria[0]!.id = '10';
    first.criteria[1]!.id = '2';
    const set = compileCriteriaSet(def);
    const year = 2017;
    const agencies = ['A', 'B', 'C'].map((code, i) =>
      buildAgency(set, {
        code,
        group: def.groups[0]!.id,
        submittedAt: i === 2 ? null : vnMidnight(year, 10, 1),
      }),
    );
    const result = scoreCycle(set, { year, deadline: vnMidnight(year, 11, 1), agencies });
    expect(result.groups.some((g) => g.ranking.length === 0 && g.notRanked.length === 0)).toBe(true);
    expect(interchangeJson(result)).toBe(stringified(result));
    expect(Object.keys(toInterchange(result).groups[0]!.ranking[0]!.criteria).slice(0, 2)).toEqual([
      '2',
      '10',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { vectorExpected, vectorInputText, vectorNames } from '../../../test/vectors.ts';
import { bundledCompiledSet } from '../criteria/bundled.ts';
import { readCycleText } from '../input/cycle.ts';
import { toInterchange } from '../interchange.ts';
import { scoreCycle } from '../ranking/rank.ts';

describe('worked vectors of spec/vectors', () => {
  const names = vectorNames();

  it('has the vectors of the specification', () => {
    expect(names).toEqual(expect.arrayContaining(['boundaries', 'random-101', 'random-202']));
  });

  for (const name of names) {
    it(`scores ${name} exactly as ${name}.expected.json`, () => {
      const read = readCycleText(vectorInputText(name), { resolveSet: bundledCompiledSet });
      if (!read.ok) throw new Error(JSON.stringify(read.problems));
      const result = toInterchange(scoreCycle(read.set, read.cycle));
      expect(result).toEqual(vectorExpected(name));
    });

    it(`gives the same numbers for ${name} with explanations on`, () => {
      const read = readCycleText(vectorInputText(name), { resolveSet: bundledCompiledSet });
      if (!read.ok) throw new Error('bad vector');
      const plain = toInterchange(scoreCycle(read.set, read.cycle));
      const explained = scoreCycle(read.set, read.cycle, { explain: true });
      expect(toInterchange(explained)).toEqual(plain);
      for (const g of explained.groups)
        for (const r of g.ranking)
          for (const k of r.score.criteria) {
            expect(k.explanation?.vi).toMatch(/điểm/);
            expect(k.explanation?.en).toMatch(/points/);
          }
    });
  }
});

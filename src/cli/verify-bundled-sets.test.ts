import { describe, expect, it } from 'vitest';
import { BUNDLED_FILES } from '../core/criteria/bundled-files.ts';
import type { CriteriaSet } from '../core/criteria/schema.ts';
import { bundledSetProblems } from './verify-bundled-sets.ts';

/** A deep copy of the bundled set, changed by `edit`. */
function changed(edit: (set: CriteriaSet) => void): unknown {
  const set = structuredClone(BUNDLED_FILES['cao-bang-2016']) as CriteriaSet;
  edit(set);
  return set;
}

describe('the check the build of the command makes before trusting the bundled criteria sets', () => {
  it('passes every bundled set as it stands', () => {
    expect(bundledSetProblems()).toEqual([]);
  });

  it('refuses a set that does not validate, naming the set and the place', () => {
    const broken = changed((set) => {
      set.groups[0]!.categories[0]!.criteria[0]!.max = 6;
    });
    const problems = bundledSetProblems({ broken });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^criteria set broken: groups\[0\]\.categories\[0\]\.criteria\[0\]/);
  });

  it('refuses a valid set that loading would change (a default left out), since the command compiles the file as it stands', () => {
    const terse = changed((set) => {
      const ratio = set.groups[0]!.categories[0]!.criteria[0]!.formula;
      if (ratio.op !== 'ratio') throw new Error('the first criterion is a ratio');
      delete (ratio as { denZero?: string }).denZero;
    });
    expect(bundledSetProblems({ terse })).toEqual([
      'criteria set terse: valid, but loading it changes it (write every default the format fills in)',
    ]);
  });
});

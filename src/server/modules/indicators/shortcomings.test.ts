/**
 * The two-year shortcomings follow an agency across a rename: a unit short of the level in 2017
 * and its renamed successor short again in 2018 are one agency short two years running.
 */
import { describe, expect, it } from 'vitest';
import { bundledCompiledSet } from '../../../core/criteria/bundled.ts';
import type { Context } from './indicator-context.ts';
import { shortcomingsOf } from './read-shortcomings.ts';

const def = bundledCompiledSet('cao-bang-2016')!.def.indicators!.find(
  (i) => i.id === 'computers_antivirus_share',
)!;
const unit = (key: string, name: string, antivirus: number) => ({
  key,
  code: key.toUpperCase(),
  name,
  group: 'department',
  values: { computers_antivirus: antivirus, total_computers: 100 },
});

function context(): Context {
  return {
    docs: [],
    groups: [{ id: 'department', name: { vi: 'Sở, ban, ngành' } }],
    set: null,
    indicators: [
      {
        def,
        groups: ['department'],
        view: {
          id: def.id,
          label: def.label,
          unit: def.unit,
          help: null,
          aggregate: def.aggregate,
          howText: { vi: '', en: '' },
          higherIsBetter: def.higherIsBetter,
          groups: ['department'],
          threshold: def.threshold ?? null,
        },
      },
    ],
    years: [
      { year: 2017, agencies: [unit('old', 'Sở Thông tin và Truyền thông', 50), unit('syt', 'Sở Y tế', 60)] },
      { year: 2018, agencies: [unit('new', 'Sở TT, TT và Chuyển đổi số', 55), unit('syt', 'Sở Y tế', 65)] },
    ],
  };
}

describe('shortcomings two years running', () => {
  it('are found for an agency that kept its identity', () => {
    const v = shortcomingsOf(context());
    expect(def.threshold).toBe(80);
    expect(v.agencies.map((a) => [a.name, a.items[0]!.before, a.items[0]!.now])).toEqual([
      ['Sở Y tế', 60, 65],
    ]);
  });

  it('follow a rename: the former unit’s year is the renamed agency’s', () => {
    const v = shortcomingsOf(context(), 2018, new Map([['old', 'new']]));
    expect(v.agencies.map((a) => [a.agencyId, a.items[0]!.before, a.items[0]!.now])).toEqual([
      ['new', 50, 55],
      ['syt', 60, 65],
    ]);
  });
});

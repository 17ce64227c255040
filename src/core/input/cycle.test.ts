import { describe, expect, it } from 'vitest';
import { perfectValues } from '../../../test/builders.ts';
import { bundledCompiledSet } from '../criteria/bundled.ts';
import { readCycle } from './cycle.ts';

const set = bundledCompiledSet('cao-bang-2016')!;
const YEAR = 2017;

function read(values: Record<string, unknown>) {
  const agency = { code: 'D1', group: 'department', submittedAt: '2017-10-01T08:00:00+07:00', values };
  return readCycle(
    { criteriaSet: set.id, year: YEAR, agencies: [agency] },
    { resolveSet: bundledCompiledSet },
  );
}

describe("reading an agency's values", () => {
  it('keeps a file’s values as they are when they need no change', () => {
    const values = perfectValues(set, 'department', YEAR);
    const r = read(values);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.cycle.agencies[0]!.values).toEqual(values);
  });

  it('drops a null ("not given") and normalises text to NFC, in a copy, leaving the file’s object alone', () => {
    const decomposed = 'Kế hoạch'.normalize('NFD');
    const values = {
      ...perfectValues(set, 'department', YEAR),
      it_plan_ref: decomposed,
      internet_bandwidth_mbps: null,
    };
    const before = { ...values };
    const r = read(values);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const got = r.cycle.agencies[0]!.values;
    expect(got.it_plan_ref).toBe('Kế hoạch'.normalize('NFC'));
    expect(Object.hasOwn(got, 'internet_bandwidth_mbps')).toBe(false);
    expect(values).toEqual(before);
  });

  it('finds a required field missing, or given as null, but not one given with a bad value', () => {
    const { total_staff: _, ...without } = perfectValues(set, 'department', YEAR);
    const messages = (v: Record<string, unknown>) => {
      const r = read(v);
      return r.ok ? [] : r.problems.map((p) => `${p.field}: ${p.message.en}`);
    };
    expect(messages(without)).toEqual(['total_staff: required value missing']);
    expect(messages({ ...without, total_staff: null })).toEqual(['total_staff: required value missing']);
    expect(messages({ ...without, total_staff: 'forty' })).toEqual([
      'total_staff: must be a whole number, got "forty"',
    ]);
  });
});

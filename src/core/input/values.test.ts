import { describe, expect, it } from 'vitest';
import { bundledSet, DEFAULT_SET_ID } from '../criteria/bundled.ts';
import { formatFieldNumber, isYearField } from '../format.ts';
import { checkValue } from './values.ts';

const fields = bundledSet(DEFAULT_SET_ID)!.fields;
const field = (key: string) => {
  const f = fields.find((x) => x.key === key);
  if (!f) throw new Error(`no field ${key}`);
  return f;
};

describe('numbers of a field, as a person reads them', () => {
  it('writes a year as a year ("2016"), never as a quantity ("2.016")', () => {
    const year = field('report_year');
    expect(isYearField(year)).toBe(true);
    expect(formatFieldNumber(year, 2016, 'vi')).toBe('2016');
    expect(checkValue(year, 2015)).toEqual({
      vi: 'phải từ 2016 trở lên, nhận được 2015',
      en: 'must be at least 2016, got 2015',
    });
    expect(checkValue(year, 2101)?.vi).toBe('không được lớn hơn 2100, nhận được 2101');
  });

  it('groups the thousands of a quantity', () => {
    const staff = field('total_staff');
    expect(isYearField(staff)).toBe(false);
    expect(formatFieldNumber(staff, 12345, 'vi')).toBe('12.345');
    expect(formatFieldNumber(staff, 12345, 'en')).toBe('12,345');
  });
});

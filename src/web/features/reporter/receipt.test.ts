import { afterEach, describe, expect, it } from 'vitest';
import { bundledSet } from '../../../core/criteria/bundled.ts';
import { setLang } from '../../i18n/messages.ts';
import { layoutFor } from './formModel.ts';
import { receiptValueText } from './receipt.ts';

const fields = layoutFor('cao-bang-2016', bundledSet('cao-bang-2016'), 'department').group.fieldsByKey;
const text = (key: string, value: unknown) => receiptValueText(fields.get(key), value);

afterEach(() => setLang('vi'));

describe('a value on the printed receipt', () => {
  it('is a number the Vietnamese way with its unit, and the year as a year', () => {
    expect(text('internet_bandwidth_mbps', 1234.5)).toBe('1.234,5 Mbps');
    expect(text('total_computers', 38)).toBe('38 máy');
    expect(text('report_year', 2027)).toBe('2027');
  });

  it('is "Có"/"Không", an option’s label, a date as dd/mm/yyyy', () => {
    expect(text('has_lan', true)).toBe('Có');
    expect(text('has_lan', false)).toBe('Không');
    expect(text('internet_connection_type', 'ftth')).toBe(
      fields.get('internet_connection_type')!.options!.find((o) => o.value === 'ftth')!.label.vi,
    );
    expect(text('it_plan_date', '2027-03-31')).toBe('31/03/2027');
  });

  it('gives an option’s label in English to a reader who chose English', () => {
    setLang('en');
    const option = fields.get('internet_connection_type')!.options!.find((o) => o.value === 'ftth')!;
    expect(text('internet_connection_type', 'ftth')).toBe(option.label.en ?? option.label.vi);
  });

  it('shows an unknown field’s value as it is', () => {
    expect(receiptValueText(undefined, 'x')).toBe('x');
  });
});

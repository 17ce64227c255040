import { describe, expect, it } from 'vitest';
import { correctionText, correctionValue } from './correction.ts';
import { valueText } from './valueText.ts';

describe('the value a correction sends', () => {
  it('reads a number as the values table prints it: "1.234" is one thousand two hundred and thirty-four', () => {
    expect(correctionValue({ type: 'integer' }, '1.234')).toBe(1234);
    expect(correctionValue({ type: 'decimal' }, '12,5')).toBe(12.5);
    expect(correctionValue({ type: 'decimal' }, '1.234,5')).toBe(1234.5);
  });

  it('sends text that is not a number as typed, for the server to say what is wrong', () => {
    expect(correctionValue({ type: 'integer' }, '12a')).toBe('12a');
  });

  it('sends an empty choice as "", not as no value (null would restore the agency’s)', () => {
    expect(correctionValue({ type: 'integer' }, '  ')).toBe('');
    expect(correctionValue({ type: 'boolean' }, '')).toBe('');
  });

  it('sends yes/no as booleans, and an option or a date as it is', () => {
    expect(correctionValue({ type: 'boolean' }, 'true')).toBe(true);
    expect(correctionValue({ type: 'boolean' }, 'false')).toBe(false);
    expect(correctionValue({ type: 'enum' }, 'level_2')).toBe('level_2');
    expect(correctionValue({ type: 'date' }, '2017-03-31')).toBe('2017-03-31');
  });
});

describe('the text the correction form opens with', () => {
  it('is the official value as one would type it', () => {
    expect(correctionText({ officialValue: 1234.5 })).toBe('1234,5');
    expect(correctionText({ officialValue: true })).toBe('true');
    expect(correctionText({ officialValue: 'level_2' })).toBe('level_2');
    expect(correctionText({ officialValue: null })).toBe('');
  });

  it('reads back as the same value when saved unchanged', () => {
    for (const officialValue of [0, 40, 12.5, 1234.5])
      expect(correctionValue({ type: 'decimal' }, correctionText({ officialValue }))).toBe(officialValue);
  });
});

describe('a value as the review page reads it', () => {
  it('shows a year as a year and a quantity with its unit', () => {
    expect(valueText({ type: 'integer', unit: { vi: 'năm', en: 'year' }, options: null }, 2017)).toBe('2017');
    expect(valueText({ type: 'integer', unit: { vi: 'người', en: 'people' }, options: null }, 1234)).toBe(
      '1.234 người',
    );
  });
});

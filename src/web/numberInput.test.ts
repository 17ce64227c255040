import { describe, expect, it } from 'vitest';
import { numberInputText, parseNumberInput } from './numberInput.ts';

describe('a number typed into an input', () => {
  it('reads Vietnamese writing: dots group thousands, the comma is the decimal mark', () => {
    expect(parseNumberInput('1.234,5')).toBe(1234.5);
    expect(parseNumberInput('12,5')).toBe(12.5);
    expect(parseNumberInput('1.234')).toBe(1234);
    expect(parseNumberInput('1.234.567')).toBe(1_234_567);
    expect(parseNumberInput('-3')).toBe(-3);
    expect(parseNumberInput('0')).toBe(0);
  });

  it('reads a dot before other than three digits as a decimal point (an English keypad)', () => {
    expect(parseNumberInput('12.5')).toBe(12.5);
    expect(parseNumberInput('0.75')).toBe(0.75);
    expect(parseNumberInput('1234.5')).toBe(1234.5);
  });

  it('ignores spaces around the number and between groups of three digits', () => {
    expect(parseNumberInput(' 1 234 ')).toBe(1234);
    expect(parseNumberInput('1 234 567,5')).toBe(1_234_567.5);
    expect(parseNumberInput('\u00a012\t')).toBe(12);
  });

  it('is no number for digits split by a stray space, rather than reading "4 5" as 45', () => {
    for (const text of ['4 5', '12 34', '1 2345', '1 234.5', '- 3', '1,2 5'])
      expect(parseNumberInput(text), text).toBeNull();
  });

  it('is no number for text, an empty input, or what only a programmer would type', () => {
    for (const text of ['', '12a', 'mười', '1,2,3', '.5', '5.', '1e3', '0x10', 'Infinity', '+'])
      expect(parseNumberInput(text), text).toBeNull();
  });

  it('shows a stored number for editing so that it reads back as the same number', () => {
    expect(numberInputText(1234.5)).toBe('1234,5');
    expect(numberInputText(40)).toBe('40');
    for (const n of [0, 7, 12.5, 1234.5, 1_000_000, -2.25])
      expect(parseNumberInput(numberInputText(n))).toBe(n);
  });
});

describe('a number typed in English', () => {
  it('reads commas as thousands and the dot as the decimal point', () => {
    expect(parseNumberInput('1,234.5', 'en')).toBe(1234.5);
    expect(parseNumberInput('1,234', 'en')).toBe(1234);
    expect(parseNumberInput('1.234', 'en')).toBe(1.234);
    expect(parseNumberInput('1,234,567', 'en')).toBe(1_234_567);
    expect(parseNumberInput('1 234.5', 'en')).toBe(1234.5);
  });

  it('still reads a comma before other than three digits as a decimal comma', () => {
    expect(parseNumberInput('12,5', 'en')).toBe(12.5);
  });

  it('refuses what is no number, as in Vietnamese', () => {
    for (const text of ['4 5', '1,2,3.4.5', '12%', 'abc', '1.2.3'])
      expect(parseNumberInput(text, 'en'), text).toBeNull();
  });

  it('shows a stored number with the dot, and reads it back unchanged', () => {
    for (const v of [0, 12.5, 1234.5, -3, 0.75]) {
      expect(numberInputText(v, 'en')).toBe(String(v));
      expect(parseNumberInput(numberInputText(v, 'en'), 'en')).toBe(v);
      expect(parseNumberInput(numberInputText(v, 'vi'), 'vi')).toBe(v);
    }
  });
});

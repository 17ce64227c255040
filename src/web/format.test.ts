import { afterEach, describe, expect, it } from 'vitest';
import { byVietnamese, dateTimeVn, dateVn, fileSizeVn, foldVn, numberVn, scoreVn } from './format.ts';
import { setLang } from './i18n/messages.ts';

afterEach(() => setLang('vi'));

describe('numbers as the reader writes them', () => {
  it('groups thousands with dots and marks decimals with a comma in Vietnamese', () => {
    expect(numberVn(87.25)).toBe('87,25');
    expect(numberVn(1234.5)).toBe('1.234,5');
    expect(numberVn(1_000_000)).toBe('1.000.000');
    expect(numberVn(-2.5)).toBe('-2,5');
  });

  it('rounds a computed value to at most four decimals, or as many as asked, without trailing zeros', () => {
    expect(numberVn(1 / 3)).toBe('0,3333');
    expect(numberVn(0.1 + 0.2)).toBe('0,3');
    expect(numberVn(2.46, 1)).toBe('2,5');
    expect(numberVn(40)).toBe('40');
  });

  it('follows the reader who chose English', () => {
    setLang('en');
    expect(numberVn(1234.5)).toBe('1,234.5');
  });

  it('writes a score with exactly two decimals, from a number or the server’s decimal string', () => {
    expect(scoreVn(87.25)).toBe('87,25');
    expect(scoreVn(50)).toBe('50,00');
    expect(scoreVn('4.75')).toBe('4,75');
    expect(scoreVn(0.005)).toBe('0,01');
    expect(scoreVn('không')).toBe('không');
  });
});

describe('dates in Vietnam time', () => {
  it('shows an instant as dd/mm/yyyy HH:mm at UTC+7, whatever the computer’s zone', () => {
    // The deadline "before 00:00 on 1 November" is 17:00 UTC on 31 October.
    expect(dateTimeVn('2017-10-31T17:00:00Z')).toBe('01/11/2017 00:00');
    expect(dateTimeVn('2017-11-01T00:00:00+07:00')).toBe('01/11/2017 00:00');
    expect(dateTimeVn('2017-03-05T02:07:00Z')).toBe('05/03/2017 09:07');
  });

  it('shows the Vietnam calendar day of an instant, and a plain date as it is written', () => {
    expect(dateVn('2017-10-31T17:00:00Z')).toBe('01/11/2017');
    expect(dateVn('2017-10-31T16:59:00Z')).toBe('31/10/2017');
    expect(dateVn('2017-10-01')).toBe('01/10/2017');
  });

  it('leaves what is not a date as it came', () => {
    expect(dateTimeVn('sắp tới')).toBe('sắp tới');
    expect(dateVn('sắp tới')).toBe('sắp tới');
  });
});

describe('file sizes', () => {
  it('in bytes, KB or MB with a decimal comma', () => {
    expect(fileSizeVn(500)).toBe('500 B');
    expect(fileSizeVn(1536)).toBe('1,5 KB');
    expect(fileSizeVn(20 * 1024 * 1024)).toBe('20 MB');
    expect(fileSizeVn(1.25 * 1024 * 1024)).toBe('1,3 MB');
  });
});

describe('Vietnamese alphabetical order', () => {
  it('puts Đ after D, a toned letter with its bare one, and numbers in numeric order', () => {
    const names = ['Đài Phát thanh', 'Sở Y tế', 'Huyện 10', 'Dân tộc', 'Ủy ban', 'Huyện 2', 'Sở Tài chính'];
    expect([...names].sort(byVietnamese)).toEqual([
      'Dân tộc',
      'Đài Phát thanh',
      'Huyện 2',
      'Huyện 10',
      'Sở Tài chính',
      'Sở Y tế',
      'Ủy ban',
    ]);
  });
});

describe('searching without a Vietnamese keyboard', () => {
  it('drops tones, case and the stroke of đ, so that "so y te" finds "Sở Y tế"', () => {
    expect(foldVn('Sở Y tế')).toBe('so y te');
    expect(foldVn('ĐÀI PHÁT THANH')).toBe('dai phat thanh');
    expect(foldVn('Ủy ban nhân dân huyện Hà Quảng')).toBe('uy ban nhan dan huyen ha quang');
  });
});

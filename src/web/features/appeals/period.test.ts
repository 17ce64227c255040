import { describe, expect, it } from 'vitest';
import { holidaysText, parseHolidays } from './period.ts';

describe('the holidays of an appeal period as the administrator types them', () => {
  it('reads dd/mm/yyyy and YYYY-MM-DD, by lines or commas, sorted without repeats', () => {
    expect(parseHolidays('16/02/2018, 1/1/2018\n2018-04-30;01/01/2018')).toEqual({
      dates: ['2018-01-01', '2018-02-16', '2018-04-30'],
    });
    expect(parseHolidays('  \n ')).toEqual({ dates: [] });
  });

  it('names the first entry that is not a real date', () => {
    expect(parseHolidays('01/01/2018, 30/02/2018')).toEqual({ bad: '30/02/2018' });
    expect(parseHolidays('mùng 1 Tết')).toEqual({ bad: 'mùng 1 Tết' });
    expect(parseHolidays('2018-13-01')).toEqual({ bad: '2018-13-01' });
  });

  it('writes them back as it reads them', () => {
    const text = holidaysText(['2018-01-01', '2018-02-16']);
    expect(text).toBe('01/01/2018, 16/02/2018');
    expect(parseHolidays(text)).toEqual({ dates: ['2018-01-01', '2018-02-16'] });
  });
});

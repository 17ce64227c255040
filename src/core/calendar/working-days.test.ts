import { describe, expect, it } from 'vitest';
import { vnMidnight } from './time.ts';
import { appealPeriod, isWorkingDay, vnDate } from './working-days.ts';

describe('appeal period in working days (Vietnam time)', () => {
  it('skips the weekend: approved on Friday 04/12/2026, five working days end on Friday 11/12', () => {
    const approved = Date.parse('2026-12-04T03:00:00Z'); // 10:00 in Hà Nội
    const p = appealPeriod(approved, 5, []);
    expect(p.lastDay).toBe('2026-12-11');
    expect(p.closesAt).toBe(vnMidnight(2026, 12, 12));
  });

  it('skips listed holidays', () => {
    const approved = Date.parse('2026-12-04T03:00:00Z');
    const p = appealPeriod(approved, 5, ['2026-12-07', '2026-12-08']);
    expect(p.lastDay).toBe('2026-12-15');
  });

  it('counts from the Vietnam date: 23:30 UTC on Sunday is already Monday in Hà Nội', () => {
    const approved = Date.parse('2026-12-06T23:30:00Z');
    expect(vnDate(approved)).toBe('2026-12-07');
    expect(appealPeriod(approved, 1, []).lastDay).toBe('2026-12-08');
  });

  it('zero days: the period ends at approval', () => {
    expect(appealPeriod(1000, 0, []).closesAt).toBe(1000);
  });

  it('knows weekends', () => {
    expect(isWorkingDay('2026-12-05', new Set())).toBe(false);
    expect(isWorkingDay('2026-12-07', new Set())).toBe(true);
    expect(isWorkingDay('2026-12-07', new Set(['2026-12-07']))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { cronProblem } from '../../platform/schedules.ts';
import {
  AVAILABILITY_MINUTES,
  availabilityCron,
  availabilityMinutes,
  type ContentCadence,
  cadenceText,
  contentCadence,
  contentCron,
} from './schedule-cadence.ts';

describe('the monitoring schedules in the administrator’s words', () => {
  it('reads the defaults back: every 30 minutes, the 1st of each month at 02:00', () => {
    expect(availabilityMinutes('*/30 * * * *')).toBe(30);
    expect(contentCadence('0 2 1 * *')).toEqual({ every: 'month', day: 1, weekday: 1, hour: 2 });
    expect(cadenceText(contentCadence('0 2 1 * *')!).vi).toBe('Ngày 1 hằng tháng, lúc 02:00');
  });

  it.each(AVAILABILITY_MINUTES)('writes and reads back every %i minutes as a valid cron', (n) => {
    const cron = availabilityCron(n);
    expect(cronProblem(cron)).toBeNull();
    expect(availabilityMinutes(cron)).toBe(n);
  });

  it.each<ContentCadence>([
    { every: 'week', day: 1, weekday: 0, hour: 23 },
    { every: 'month', day: 28, weekday: 1, hour: 0 },
    { every: 'quarter', day: 15, weekday: 1, hour: 6 },
  ])('writes and reads back a content cadence %o', (c) => {
    const cron = contentCron(c);
    expect(cronProblem(cron)).toBeNull();
    expect(contentCadence(cron)).toEqual(c);
  });

  it('shows another cron as it is (null: not one of the screen’s forms)', () => {
    expect(availabilityMinutes('*/7 * * * *')).toBeNull();
    expect(availabilityMinutes('0 8-17 * * 1-5')).toBeNull();
    expect(contentCadence('0 2 31 * *')).toBeNull();
    expect(contentCadence('15 2 1 * *')).toBeNull();
  });
});

/**
 * The administrator changes when the monitoring runs, through the API on a real database: the
 * defaults read in words, a change written as cron and taking effect at its next slot, ranges
 * refused in Vietnamese naming the field, the change audited, and only the administrator may.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, testServer } from '../../../../test/server.ts';
import { auditLog, schedules } from '../../db/schema.ts';
import { prepareBackgroundWork } from '../../scheduler.ts';

let s: TestServer;
let admin: string;

beforeAll(async () => {
  // 20/11/2017 10:00 in Vietnam.
  s = await testServer({ now: '2017-11-20T03:00:00Z' });
  await prepareBackgroundWork(s.deps);
  admin = await s.as('admin');
});
afterAll(() => s.close());

const read = (cookie: string) => s.request({ method: 'GET', url: '/api/v1/monitoring/schedules', cookie });
const write = (payload: object, cookie = admin) =>
  s.request({ method: 'PUT', url: '/api/v1/monitoring/schedules', cookie, payload });
const body = (over: { availability?: object; content?: object } = {}) => ({
  availability: { everyMinutes: 30, enabled: true, ...over.availability },
  content: { every: 'month', day: 1, weekday: 1, hour: 2, enabled: true, ...over.content },
});

describe('the monitoring schedules', () => {
  it('read the defaults in words: every 30 minutes, the 1st of each month at 02:00', async () => {
    const res = await read(await s.as('assessor'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      availability: {
        cron: '*/30 * * * *',
        everyMinutes: 30,
        enabled: true,
        text: { vi: '30 phút một lần' },
      },
      content: {
        cron: '0 2 1 * *',
        cadence: { every: 'month', day: 1, hour: 2 },
        text: { vi: 'Ngày 1 hằng tháng, lúc 02:00' },
        // 1 December 2017, 02:00 in Vietnam.
        nextRunAt: '2017-11-30T19:00:00.000Z',
      },
      minuteChoices: expect.arrayContaining([5, 30, 60, 720]),
    });
  });

  it('change to every hour and weekly on Monday 06:00, next run from the new expression', async () => {
    const res = await write(
      body({ availability: { everyMinutes: 60 }, content: { every: 'week', weekday: 1, hour: 6 } }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      availability: { cron: '0 */1 * * *', everyMinutes: 60, text: { vi: '1 giờ một lần' } },
      content: {
        cron: '0 6 * * 1',
        text: { vi: 'Thứ Hai hằng tuần, lúc 06:00' },
        // Monday 27/11/2017 06:00 in Vietnam (20/11 is a Monday, 10:00 already past 06:00).
        nextRunAt: '2017-11-26T23:00:00.000Z',
        updatedBy: expect.any(String),
      },
    });
    const rows = await s.deps.database.db
      .select()
      .from(schedules)
      .where(eq(schedules.name, 'monitoring.content'));
    expect(rows[0]).toMatchObject({ cron: '0 6 * * 1', enabled: true });
    const audits = await s.deps.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'monitoring.schedule.set'), eq(auditLog.entityId, 'monitoring.content')),
      );
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      oldValue: { cron: '0 2 1 * *', enabled: true },
      newValue: { cron: '0 6 * * 1', enabled: true },
    });
  });

  it('can pause the content check (no next run) and resume it quarterly', async () => {
    const paused = await write(body({ content: { enabled: false } }));
    expect(paused.json().content).toMatchObject({ enabled: false, nextRunAt: null });
    const quarterly = await write(body({ content: { every: 'quarter', day: 5, hour: 1 } }));
    expect(quarterly.json().content).toMatchObject({
      cron: '0 1 5 1,4,7,10 *',
      enabled: true,
      // 5 January 2018, 01:00 in Vietnam.
      nextRunAt: '2018-01-04T18:00:00.000Z',
    });
  });

  it.each([
    [{ availability: { everyMinutes: 7 } }, 'availability.everyMinutes', 'Chu kỳ kiểm tra truy cập phải là'],
    [{ content: { day: 31 } }, 'content.day', 'phải từ 1 đến 28'],
    [{ content: { every: 'week', weekday: 9 } }, 'content.weekday', 'Thứ trong tuần không hợp lệ'],
    [{ content: { hour: 24 } }, 'content.hour', 'phải từ 0 đến 23'],
  ])('refuse %o, naming the field in Vietnamese', async (over, field, words) => {
    const res = await write(body(over));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe(field);
    expect(res.json().error.message).toContain(words);
  });

  it('are the administrator’s to change', async () => {
    expect((await write(body(), await s.as('assessor'))).statusCode).toBe(403);
    expect((await read(await s.as('reporter', 'STTTT'))).statusCode).toBe(403);
  });
});

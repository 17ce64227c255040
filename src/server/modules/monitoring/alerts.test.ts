/**
 * Alert episodes: one e-mail when a site has been down for N checks in a row or its certificate
 * is about to expire, none while it lasts, and a recovery ends it — the rule as a table, then on a
 * real database where the open episode is unique and the mail goes through the queue.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, testServer } from '../../../../test/server.ts';
import { jobs, monitorAlerts, monitoredSites } from '../../db/schema.ts';
import { MAIL_JOB } from '../../platform/outbox.ts';
import { alertChanges, applyAlerts } from './alerts.ts';
import * as repo from './monitoring.repo.ts';

const settings = { downChecks: 4, tlsDays: 14 };
const checks = (...oks: boolean[]) => oks.map((ok) => ({ ok }));

describe('what a check means for the episodes', () => {
  it.each([
    // latest checks newest first (the current one included), the current outcome → down, tls
    [checks(false, false, false), { ok: false, tlsDaysLeft: null }, null, null],
    [checks(false, false, false, false), { ok: false, tlsDaysLeft: null }, 'open', null],
    [checks(false, true, false, false), { ok: false, tlsDaysLeft: null }, null, null],
    [checks(true, false, false, false), { ok: true, tlsDaysLeft: 90 }, 'close', 'close'],
    [checks(true), { ok: true, tlsDaysLeft: 14 }, 'close', 'open'],
    [checks(true), { ok: true, tlsDaysLeft: 15 }, 'close', 'close'],
    [checks(true), { ok: true, tlsDaysLeft: -2 }, 'close', 'open'],
  ] as const)('%j, now %j → down %s, tls %s', (latest, now, down, tls) => {
    expect(alertChanges(latest, { ...now, failure: null }, settings)).toEqual({ down, tls });
  });
});

describe('episodes on the database', () => {
  let s: TestServer;
  let site: typeof monitoredSites.$inferSelect;
  const agency = { name: 'Sở Thông tin và Truyền thông' };

  beforeAll(async () => {
    s = await testServer({ now: '2017-05-10T03:00:00Z' });
    await s.createUser('bc-stttt', 'reporter', 'STTTT');
    await s.createUser('td-1', 'assessor');
    const stttt = await s.agencyId('STTTT');
    const rows = await s.deps.database.db
      .select()
      .from(monitoredSites)
      .where(eq(monitoredSites.agencyId, stttt));
    site = rows[0]!;
  });
  afterAll(() => s.close());

  /** One check recorded and its alerts applied, as the availability job does. */
  async function check(minute: number, ok: boolean, tlsDaysLeft: number | null = 60) {
    const at = new Date(Date.UTC(2017, 4, 10, 3, minute));
    const failure = ok ? null : { vi: 'Máy chủ không trả lời trong 10 giây', en: 'Timed out' };
    await s.deps.database.db.transaction(async (tx) => {
      await repo.insertAvailability(tx, { siteId: site.id, checkedAt: at, ok, tlsDaysLeft, failure });
      await applyAlerts(tx, s.deps, site, agency, at, { ok, tlsDaysLeft, failure });
    });
  }
  const mails = () =>
    s.deps.database.db
      .select()
      .from(jobs)
      .where(eq(jobs.kind, MAIL_JOB))
      .then((rows) => rows.map((r) => r.payload as { to: string[]; subject: string; text: string }));

  it('mails the reporters and the assessors once when the site has been down for 4 checks', async () => {
    for (let i = 0; i < 6; i++) await check(i * 30, false);
    const sent = await mails();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe('Trang TTĐT của Sở Thông tin và Truyền thông không truy cập được');
    expect(sent[0]!.to).toEqual(['bc-stttt@example.test', 'td-1@example.test']);
    expect(sent[0]!.text).toContain('không truy cập được trong 4 lần kiểm tra liên tiếp');
    expect(sent[0]!.text).toContain('Máy chủ không trả lời trong 10 giây');
  });

  it('ends the episode on recovery, so the next outage is a new one with its own mail', async () => {
    await check(200, true);
    const [ended] = await s.deps.database.db
      .select()
      .from(monitorAlerts)
      .where(and(eq(monitorAlerts.siteId, site.id), eq(monitorAlerts.kind, 'down')));
    expect(ended!.endedAt).not.toBeNull();
    for (let i = 0; i < 3; i++) await check(230 + i * 30, false);
    expect(await mails()).toHaveLength(1);
    await check(330, false);
    expect(await mails()).toHaveLength(2);
  });

  it('warns once of a certificate that expires within 14 days', async () => {
    await check(400, true, 13);
    await check(430, true, 12);
    const tls = (await mails()).filter((m) => m.subject.startsWith('Chứng chỉ bảo mật'));
    expect(tls).toHaveLength(1);
    expect(tls[0]!.text).toContain('còn 13 ngày là hết hạn');
  });
});

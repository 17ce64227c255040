/**
 * The monitoring's schedules and jobs on a real database, against portals served on loopback by
 * the test: each slot checks each current site once (however many ticks or servers), results are
 * stored with the slot's instant, a content check asked for from the agency's page runs through
 * the queue and keeps a compressed copy of every page it fetched.
 */
import { gunzipSync } from 'node:zlib';
import { and, eq, isNull, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FixtureSite,
  type FixtureSites,
  startFixtureSites,
} from '../../../../test/fixtures/websites/index.ts';
import { type TestServer, testServer } from '../../../../test/server.ts';
import {
  availabilityChecks,
  contentSnapshots,
  jobs,
  monitoredSites,
  schedules,
  snapshotPages,
} from '../../db/schema.ts';
import { runDueJobs, silentLog } from '../../platform/jobs.ts';
import { enqueueDueSchedules } from '../../platform/schedules.ts';
import { prepareBackgroundWork } from '../../scheduler.ts';
import { AVAILABILITY_JOB, AVAILABILITY_SCHEDULE } from './job-kinds.ts';

let s: TestServer;
let fx: FixtureSites;
/** STTTT's portal: a sub-site of the provincial portal (Liferay layout), beside other agencies' sub-sites. */
let site: FixtureSite;
let stttt: string;

beforeAll(async () => {
  fx = await startFixtureSites({ count: 5, seed: 310, now: new Date('2017-03-02T03:00:00Z') });
  site = fx.sites[0]!;
  s = await testServer({ now: '2017-03-01T01:59:50Z', monitor: fx.monitorOptions });
  await prepareBackgroundWork(s.deps);
  stttt = await s.agencyId('STTTT');
  const db = s.deps.database.db;
  // Only this agency's portal, served by the fixtures as a sub-site of the provincial portal.
  await db.update(monitoredSites).set({ validTo: '2017-01-01' }).where(ne(monitoredSites.agencyId, stttt));
  await db.update(monitoredSites).set({ url: site.url }).where(eq(monitoredSites.agencyId, stttt));
});
afterAll(async () => {
  await s.close();
  await fx.close();
});

const tick = async () => {
  await enqueueDueSchedules(s.deps);
  await runDueJobs(s.deps, silentLog);
};

describe('the monitoring schedules', () => {
  it('are declared with their defaults for the administrator to change', async () => {
    const rows = await s.deps.database.db.select().from(schedules);
    expect(rows.filter((r) => r.name.startsWith('monitoring.')).map((r) => [r.name, r.cron])).toEqual([
      ['monitoring.availability', '*/30 * * * *'],
      ['monitoring.content', '0 2 1 * *'],
    ]);
  });

  it('checks each current site once per slot, whatever the number of ticks', async () => {
    s.clock.set('2017-03-01T02:00:05Z');
    await tick();
    await tick();
    const db = s.deps.database.db;
    const rows = await db.select().from(availabilityChecks);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      checkedAt: new Date('2017-03-01T02:00:00Z'),
      ok: true,
      status: 200,
      finalUrl: null,
      failureCode: null,
      tlsDaysLeft: null,
    });
    expect(rows[0]!.ttfbMs).toBeGreaterThanOrEqual(0);
    const siteJobs = await db.select().from(jobs).where(eq(jobs.kind, AVAILABILITY_JOB));
    expect(siteJobs).toHaveLength(1);
    expect(siteJobs[0]).toMatchObject({
      status: 'done',
      dedupeKey: expect.stringContaining('@2017-03-01T02:00:00'),
    });
    // The fan-out of the slot itself is one job too.
    expect(await db.select().from(jobs).where(eq(jobs.kind, AVAILABILITY_SCHEDULE))).toHaveLength(1);
  });

  it('records a site that stopped answering with the engine’s reason in Vietnamese', async () => {
    const db = s.deps.database.db;
    await db
      .update(monitoredSites)
      .set({ url: new URL('/web/khong-co/', site.url).href })
      .where(and(eq(monitoredSites.agencyId, stttt), isNull(monitoredSites.validTo)));
    s.clock.set('2017-03-01T02:30:05Z');
    await tick();
    const [row] = await db
      .select()
      .from(availabilityChecks)
      .where(eq(availabilityChecks.checkedAt, new Date('2017-03-01T02:30:00Z')));
    expect(row).toMatchObject({ ok: false, status: 404 });
    expect((row!.failure as { vi: string }).vi).toMatch(/\S/);
    await db
      .update(monitoredSites)
      .set({ url: site.url })
      .where(and(eq(monitoredSites.agencyId, stttt), isNull(monitoredSites.validTo)));
  });
});

describe('a content check asked for from the agency’s page', () => {
  it('runs through the queue and keeps a compressed copy of the pages inside the site', async () => {
    s.clock.set('2017-03-02T03:00:00Z');
    const assessor = await s.as('assessor');
    const asked = await s.request({
      method: 'POST',
      url: `/api/v1/agencies/${stttt}/content-checks`,
      cookie: assessor,
    });
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toMatchObject({ siteUrl: site.url, jobId: expect.any(String) });
    await runDueJobs(s.deps, silentLog);
    const db = s.deps.database.db;
    const [snap] = await db.select().from(contentSnapshots);
    expect(snap).toMatchObject({
      agencyId: stttt,
      state: 'proposed',
      startedAt: new Date('2017-03-02T03:00:00Z'),
    });
    const pages = await db.select().from(snapshotPages).where(eq(snapshotPages.snapshotId, snap!.id));
    expect(pages.length).toBeGreaterThan(3);
    // The monitor stays inside the sub-site: other agencies' paths on the same host are never visited.
    expect(site.url).toMatch(/\/web\/[a-z0-9-]+\/$/);
    expect(pages.filter((p) => !p.url.startsWith(site.url))).toEqual([]);
    const home = pages.find((p) => p.url === site.url)!;
    const stored = gunzipSync(home.body!).toString('utf8');
    expect(stored).toContain(site.name);
    expect(home.title).toContain(site.name);
    // What it found is the portal's truth table (the detectors' own measure is src/monitor's test).
    const found = Object.fromEntries(
      (snap!.findings as { field: string; value: unknown }[]).map((f) => [f.field, f.value]),
    );
    const wrong = Object.entries(site.truth).filter(([k, v]) => k in found && found[k] !== v);
    expect(wrong).toEqual([]);
    const reporterOfOther = await s.as('reporter', 'SYT');
    const view = await s.request({
      method: 'GET',
      url: `/api/v1/monitoring/snapshots/${snap!.id}`,
      cookie: reporterOfOther,
    });
    expect(view.statusCode).toBe(403);
  });

  it('is the department’s to ask for', async () => {
    const reporter = await s.as('reporter', 'STTTT');
    const res = await s.request({
      method: 'POST',
      url: `/api/v1/agencies/${stttt}/content-checks`,
      cookie: reporter,
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('a portal that redirects into the server’s own network', () => {
  it('is refused on the redirect, recorded with the Vietnamese reason the agency reads', async () => {
    const db = s.deps.database.db;
    const where = and(eq(monitoredSites.agencyId, stttt), isNull(monitoredSites.validTo));
    await db.update(monitoredSites).set({ url: fx.bad['redirect-private.bad.test'].url }).where(where);
    const loopbackBefore = fx.requests.get('127.0.0.1') ?? 0;
    s.clock.set('2017-03-02T03:30:05Z');
    await tick();
    const rows = await db.select().from(availabilityChecks);
    const row = rows.sort((x, y) => y.checkedAt.getTime() - x.checkedAt.getTime())[0];
    expect(row).toMatchObject({ ok: false, status: 302, failureCode: 'redirect_refused_address' });
    expect(fx.requests.get('127.0.0.1') ?? 0).toBe(loopbackBefore);
    const reporter = await s.as('reporter', 'STTTT');
    const view = await s.request({
      method: 'GET',
      url: `/api/v1/agencies/${stttt}/monitoring?year=2017`,
      cookie: reporter,
    });
    expect(view.statusCode).toBe(200);
    expect(view.json().last.failure.vi).toBe(
      'Trang chuyển hướng tới một địa chỉ mạng nội bộ (máy cục bộ, mạng riêng hoặc địa chỉ quản trị máy chủ), hệ thống không đi theo (vì an toàn)',
    );
    await db.update(monitoredSites).set({ url: site.url }).where(where);
  });
});

/**
 * The monitoring's schedules and jobs on a real database, against portals served on loopback by
 * the test: each slot checks each current site once (however many ticks or servers), results are
 * stored with the slot's instant, a content check asked for from the agency's page runs through
 * the queue and keeps a compressed copy of every page it fetched.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { and, eq, isNull, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const HOME = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Sở Thông tin và Truyền thông</title></head>
<body><nav><a href="/web/stttt/tin-tuc">Tin tức</a> <a href="/web/stttt/van-ban">Văn bản pháp luật</a>
<a href="/web/syt/">Sở Y tế</a></nav><h1>Cổng thông tin điện tử Sở Thông tin và Truyền thông</h1></body></html>`;

let s: TestServer;
let portal: Server;
let base: string;
let stttt: string;
const seen: string[] = [];

beforeAll(async () => {
  portal = createServer((req, res) => {
    seen.push(req.url ?? '');
    if (req.url === '/robots.txt') return res.writeHead(404).end();
    if (req.url?.startsWith('/web/stttt/')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(req.url === '/web/stttt/' ? HOME : `<html><body><h1>${req.url}</h1></body></html>`);
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((ok) => portal.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
  s = await testServer({ now: '2017-03-01T01:59:50Z', env: { CHISO_MONITOR_ALLOW_PRIVATE: 'true' } });
  await prepareBackgroundWork(s.deps);
  stttt = await s.agencyId('STTTT');
  const db = s.deps.database.db;
  // Only this agency's portal, on the loopback server as a sub-site of the provincial portal.
  await db.update(monitoredSites).set({ validTo: '2017-01-01' }).where(ne(monitoredSites.agencyId, stttt));
  await db
    .update(monitoredSites)
    .set({ url: `${base}/web/stttt/` })
    .where(eq(monitoredSites.agencyId, stttt));
});
afterAll(async () => {
  await s.close();
  await new Promise((ok) => portal.close(ok));
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
      .set({ url: `${base}/web/khong-co/` })
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
      .set({ url: `${base}/web/stttt/` })
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
    expect(asked.json()).toMatchObject({ siteUrl: `${base}/web/stttt/`, jobId: expect.any(String) });
    await runDueJobs(s.deps, silentLog);
    const db = s.deps.database.db;
    const [snap] = await db.select().from(contentSnapshots);
    expect(snap).toMatchObject({ agencyId: stttt, startedAt: new Date('2017-03-02T03:00:00Z') });
    const pages = await db.select().from(snapshotPages).where(eq(snapshotPages.snapshotId, snap!.id));
    const urls = pages.map((p) => p.url).sort();
    expect(urls).toEqual([`${base}/web/stttt/`, `${base}/web/stttt/tin-tuc`, `${base}/web/stttt/van-ban`]);
    const home = pages.find((p) => p.url === `${base}/web/stttt/`)!;
    expect(gunzipSync(home.body!).toString('utf8')).toBe(HOME);
    expect(home.title).toBe('Sở Thông tin và Truyền thông');
    // The monitor stays inside the sub-site: another agency's path is never visited.
    expect(seen.some((u) => u.startsWith('/web/syt'))).toBe(false);
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

/**
 * Two real servers (`chiso serve`) on one PostgreSQL database run the website monitoring: every
 * slot of the availability schedule checks each site once — one request to each portal, one row,
 * one job run once — whichever server took the slot and the site's job. PostgreSQL only (the
 * embedded database belongs to one process).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, notInArray } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../src/server/bootstrap.ts';
import { type Database, openDatabase } from '../src/server/db/open.ts';
import { agencies, availabilityChecks, jobs, monitoredSites, schedules } from '../src/server/db/schema.ts';
import { type ServerProcess, sleep, startServer } from './processes.ts';

const BASE_URL = process.env.DATABASE_URL;
const CODES = ['STTTT', 'SYT'];

describe.runIf(Boolean(BASE_URL))('the monitoring on two servers sharing one PostgreSQL', () => {
  const name = `chiso_2m_${randomBytes(5).toString('hex')}`;
  let database: Database;
  let portal: Server;
  let a: ServerProcess | undefined;
  let b: ServerProcess | undefined;
  /** Requests for each portal's home page, by path. */
  const hits = new Map<string, number>();

  beforeAll(async () => {
    portal = createServer((req, res) => {
      const url = req.url ?? '/';
      if (/^\/web\/[a-z]+\/$/.test(url)) {
        hits.set(url, (hits.get(url) ?? 0) + 1);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(
          '<!doctype html><html><head><title>Cổng thông tin</title></head><body>Trang chủ</body></html>',
        );
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((ok) => portal.listen(0, '127.0.0.1', ok));
    const base = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;

    const admin = new pg.Client({ connectionString: BASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const direct = new URL(BASE_URL!);
    direct.pathname = `/${name}`;
    database = await openDatabase({ dataDir: '', databaseUrl: direct.toString(), poolSize: 4 });
    const db = database.db;
    await bootstrap(db, new Date(), 'Quan-tri-thu-2017');
    const ids = (await db.select().from(agencies)).filter((r) => CODES.includes(r.code));
    await db
      .update(monitoredSites)
      .set({ validTo: '2017-01-01' })
      .where(
        notInArray(
          monitoredSites.agencyId,
          ids.map((r) => r.id),
        ),
      );
    for (const r of ids)
      await db
        .update(monitoredSites)
        .set({ url: `${base}/web/${r.code.toLowerCase()}/` })
        .where(eq(monitoredSites.agencyId, r.id));
    // Every minute, first due at once; the monthly content check well out of the way.
    await db.insert(schedules).values([
      { name: 'monitoring.availability', cron: '* * * * *', nextRunAt: new Date(Date.now() - 1000) },
      { name: 'monitoring.content', cron: '0 2 1 1 *', nextRunAt: new Date(Date.now() + 86_400_000) },
    ]);
    const env = {
      DATABASE_URL: direct.toString(),
      CHISO_DATA_DIR: '/tmp/chiso-2m-unused',
      CHISO_ADMIN_PASSWORD: 'Quan-tri-thu-2017',
      DATABASE_POOL_SIZE: '4',
      CHISO_MONITOR_ALLOW_PRIVATE: 'true',
    };
    [a, b] = await Promise.all([startServer(env), startServer(env)]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([a?.kill(), b?.kill()]);
    await database?.close();
    await new Promise((ok) => (portal ? portal.close(ok) : ok(undefined)));
    const admin = new pg.Client({ connectionString: BASE_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('checks each site once per slot, with both servers ticking', async () => {
    const db = database.db;
    // Two slots at least: the one due at start and the next minute's, and a tick of each server after.
    const until = Date.now() + 150_000;
    let rows = await db.select().from(availabilityChecks);
    while (rows.length < 2 * CODES.length && Date.now() < until) {
      await sleep(1000);
      rows = await db.select().from(availabilityChecks);
    }
    // No more slots from now on; the jobs already queued finish within a tick of each server.
    await db.update(schedules).set({ enabled: false }).where(eq(schedules.name, 'monitoring.availability'));
    await sleep(20_000);
    rows = await db.select().from(availabilityChecks);
    const slots = new Set(rows.map((r) => r.checkedAt.toISOString()));
    expect(slots.size).toBeGreaterThanOrEqual(2);
    expect(rows).toHaveLength(slots.size * CODES.length);
    expect(rows.every((r) => r.ok && r.status === 200)).toBe(true);
    // One request per portal per slot: no site was checked twice by the two servers.
    for (const code of CODES) expect(hits.get(`/web/${code.toLowerCase()}/`)).toBe(slots.size);
    const siteJobs = await db.select().from(jobs).where(eq(jobs.kind, 'monitoring.availability.site'));
    expect(siteJobs).toHaveLength(slots.size * CODES.length);
    expect(siteJobs.every((j) => j.status === 'done' && j.attempts === 1)).toBe(true);
    const fanOuts = await db.select().from(jobs).where(eq(jobs.kind, 'monitoring.availability'));
    expect(fanOuts).toHaveLength(slots.size);
  }, 240_000);
});

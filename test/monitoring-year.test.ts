/**
 * A year of website monitoring, end to end (issue 10): two agencies' portals made by the fixture
 * generator (test/fixtures/websites), served on loopback, are visited by the scheduled jobs
 * (availability and the monthly content check), an assessor confirms each snapshot (one value changed with a reason), the cycle is
 * reviewed, approved and published, and the published ranking equals what `chiso score` computes
 * from the published data — with category 3 coming from the confirmed snapshots alone.
 */
import { eq, notInArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSnapshots, monitoredSites, websiteChecks } from '../src/server/db/schema.ts';
import { runDueJobs, silentLog } from '../src/server/platform/jobs.ts';
import { enqueueDueSchedules } from '../src/server/platform/schedules.ts';
import { prepareBackgroundWork } from '../src/server/scheduler.ts';
import { scoreWithCli } from './chiso.ts';
import { type FixtureSites, startFixtureSites } from './fixtures/websites/index.ts';
import { createCycle, createSubmission, markDataQuality, perfectWebsite } from './fixtures.ts';
import { type TestServer, testServer } from './server.ts';

const AGENCIES = { STTTT: 'Sở Thông tin và Truyền thông', SYT: 'Sở Y tế' } as const;
/** 1 March 2017, 02:00 in Vietnam: the first slot of both schedules, when the portals are read. */
const CHECKED = new Date('2017-02-28T19:00:05Z');

let s: TestServer;
/**
 * Two generated portals (seed 13): STTTT's a sub-site of the provincial portal showing 18 items
 * and 21 news in the month, SYT's a host of its own showing 13 items and 13 news; neither name
 * follows the 2016 pattern.
 */
let fx: FixtureSites;
let cycleId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  fx = await startFixtureSites({
    count: 2,
    seed: 13,
    now: CHECKED,
    agencies: Object.keys(AGENCIES).map((code) => ({ code })),
    bad: false,
  });
  const urls = Object.fromEntries(fx.sites.map((x) => [x.agencyCode!, x.url]));

  // 1 March 2017, a little before 02:00 Vietnam time: the first slot of both schedules comes next.
  s = await testServer({ now: '2017-02-28T18:59:50Z', monitor: fx.monitorOptions });
  await prepareBackgroundWork(s.deps);
  const db = s.deps.database.db;
  for (const code of Object.keys(AGENCIES)) ids[code] = await s.agencyId(code);
  await s.createUser('quantri', 'admin');
  await s.createUser('thamdinh', 'assessor');
  await s.createUser('pheduyet', 'approver');
  // The other units' real portals are not visited from a test.
  await db
    .update(monitoredSites)
    .set({ validTo: '2017-01-01' })
    .where(notInArray(monitoredSites.agencyId, Object.values(ids)));
  const admin = await s.login('quantri');
  for (const code of Object.keys(AGENCIES)) {
    const res = await s.request({
      method: 'PUT',
      url: `/api/v1/agencies/${ids[code]}/sites/portal`,
      cookie: admin,
      payload: { url: urls[code], validFrom: '2017-01-01' },
    });
    expect(res.statusCode).toBe(200);
  }
  const cycle = await createCycle(db, { year: 2017, state: 'open' });
  cycleId = cycle.id;
  for (const code of Object.keys(AGENCIES)) await createSubmission(db, cycleId, code, { website: null });
}, 120_000);
afterAll(async () => {
  await s?.close();
  await fx?.close();
});

const tick = async () => {
  await enqueueDueSchedules(s.deps);
  await runDueJobs(s.deps, silentLog);
};

describe('a year of monitoring, from the schedules to the published ranking', () => {
  it('checks both portals on the schedule: availability and a proposed content snapshot each', async () => {
    s.clock.set('2017-02-28T19:00:05Z');
    await tick();
    const snaps = await s.deps.database.db.select().from(contentSnapshots);
    expect(snaps.map((x) => x.state).sort()).toEqual(['proposed', 'proposed']);
    // Each snapshot proposes what its portal shows: the fixture's truth table, item by item.
    for (const site of fx.sites) {
      const snap = snaps.find((x) => x.agencyId === ids[site.agencyCode!])!;
      const found = Object.fromEntries(
        (snap.findings as { field: string; value: unknown }[]).map((f) => [f.field, f.value]),
      );
      const wrong = Object.entries(site.truth).filter(([k, v]) => k in found && found[k] !== v);
      expect(wrong, site.agencyCode).toEqual([]);
      expect(found).toMatchObject({ website_active: true, domain_compliant: false });
    }
    const count = (code: string) =>
      Object.values(fx.sites.find((x) => x.agencyCode === code)!.truth).filter(
        (v) => v === true || (typeof v === 'number' && v > 0),
      ).length;
    expect(count('STTTT')).toBeGreaterThan(count('SYT'));
    const overview = await s.request({
      method: 'GET',
      url: '/api/v1/monitoring/overview?year=2017',
      cookie: await s.login('thamdinh'),
    });
    const row = overview.json().rows.find((r: { agency: { code: string } }) => r.agency.code === 'STTTT');
    expect(row).toMatchObject({ uptime: 100, checks: 1, proposed: 1, last: { ok: true, status: 200 } });
    expect(row.site.url).toBe(fx.sites[0]!.url);
  });

  it('lets the assessor confirm each snapshot, deciding what the detectors could not', async () => {
    const assessor = await s.login('thamdinh');
    for (const code of Object.keys(AGENCIES)) {
      const [snap] = await s.deps.database.db
        .select()
        .from(contentSnapshots)
        .where(eq(contentSnapshots.agencyId, ids[code]!));
      const proposed = new Map(
        (snap!.findings as { field: string; value: unknown }[]).map((f) => [f.field, f.value]),
      );
      const fields: Record<string, { value: boolean | number; reason?: string }> = {};
      for (const [key, perfect] of Object.entries(perfectWebsite('department'))) {
        const v = proposed.get(key);
        if (v === null || v === undefined)
          fields[key] = {
            value: typeof perfect === 'number' ? 0 : false,
            reason: 'Đã xem trực tiếp trên trang, không có mục này',
          };
      }
      if (code === 'SYT')
        fields.ws_contacts_officials = {
          value: true,
          reason: 'Danh bạ cán bộ nằm trong mục Liên hệ (đã xem)',
        };
      const res = await s.request({
        method: 'POST',
        url: `/api/v1/monitoring/snapshots/${snap!.id}/confirm`,
        cookie: assessor,
        payload: { fields },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const checks = await s.deps.database.db.select().from(websiteChecks);
    expect(checks.map((c) => c.source)).toEqual(['crawler', 'crawler']);
  });

  it('publishes a ranking equal to `chiso score` on the published data, category 3 from the snapshots', async () => {
    s.clock.set('2017-11-20T03:00:00Z');
    const admin = await s.login('quantri');
    const assessor = await s.login('thamdinh');
    const approver = await s.login('pheduyet');
    const post = async (url: string, cookie: string) => {
      const res = await s.request({ method: 'POST', url: `/api/v1${url}`, cookie, payload: {} });
      expect(res.statusCode, res.body).toBe(200);
    };
    await post(`/cycles/${cycleId}/close`, admin);
    await post(`/cycles/${cycleId}/start-review`, assessor);
    await markDataQuality(s.deps.database.db, cycleId, Object.keys(AGENCIES));
    await post(`/cycles/${cycleId}/approve`, approver);
    await post(`/cycles/${cycleId}/publish`, approver);

    const published = (
      await s.request({ method: 'GET', url: `/api/v1/cycles/${cycleId}/results/revisions/1`, cookie: admin })
    ).json().content;
    const file = {
      criteriaSet: 'cao-bang-2016',
      year: 2017,
      agencies: published.agencies.map((a: Record<string, unknown>) => ({
        code: a.code,
        name: a.name,
        group: a.group,
        submittedAt: a.submittedAt,
        values: a.values,
        notApplicable: a.notApplicable,
        websiteChecks: a.websiteChecks,
      })),
    };
    const { status, stdout, stderr } = await scoreWithCli(file);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const exported = (
      await s.request({ method: 'GET', url: `/api/v1/cycles/${cycleId}/results/export.json`, cookie: admin })
    ).json();
    expect(exported).toEqual(JSON.parse(stdout));

    const dept = exported.groups.find((g: { group: string }) => g.group === 'department');
    const byCode = Object.fromEntries(dept.ranking.map((r: { code: string }) => [r.code, r]));
    expect(Object.keys(byCode).sort()).toEqual(['STTTT', 'SYT']);
    // The fuller portal scores more in category 3 (the third of the group's categories, out of 20),
    // and the one check counted for each agency is its confirmed snapshot.
    const cat3 = (code: string) => byCode[code].categories[2] as number;
    expect(cat3('STTTT')).toBeGreaterThan(cat3('SYT'));
    expect(cat3('SYT')).toBeGreaterThan(0);
    for (const a of published.agencies.filter((x: { code: string }) => x.code in AGENCIES))
      expect(a.websiteChecks).toEqual([expect.objectContaining({ checkedAt: '2017-02-28T19:00:05.000Z' })]);
  });
});

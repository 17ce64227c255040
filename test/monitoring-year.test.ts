/**
 * A year of website monitoring, end to end (issue 10): two agencies' portals served on loopback as
 * sub-sites of a provincial portal are visited by the scheduled jobs (availability and the monthly
 * content check), an assessor confirms each snapshot (one value changed with a reason), the cycle is
 * reviewed, approved and published, and the published ranking equals what `chiso score` computes
 * from the published data — with category 3 coming from the confirmed snapshots alone.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, notInArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSnapshots, monitoredSites, websiteChecks } from '../src/server/db/schema.ts';
import { runDueJobs, silentLog } from '../src/server/platform/jobs.ts';
import { enqueueDueSchedules } from '../src/server/platform/schedules.ts';
import { prepareBackgroundWork } from '../src/server/scheduler.ts';
import { scoreWithCli } from './chiso.ts';
import { createCycle, createSubmission, markDataQuality, perfectWebsite } from './fixtures.ts';
import { type TestServer, testServer } from './server.ts';

/** A portal whose menu shows most items of Decree 43/2011, with news dated in the last weeks. */
function portalPage(name: string, path: string, full: boolean): string {
  const menu = [
    ['gioi-thieu/co-cau-to-chuc', 'Cơ cấu tổ chức'],
    ['gioi-thieu/lanh-dao', 'Ban lãnh đạo'],
    ['gioi-thieu/lich-su', 'Quá trình hình thành và phát triển'],
    ['tin-tuc', 'Tin tức - Sự kiện'],
    ['van-ban', 'Văn bản pháp luật'],
    ['lich-cong-tac', 'Lịch công tác'],
    ['hoi-dap', 'Hỏi đáp'],
    ['thu-tuc-hanh-chinh', 'Thủ tục hành chính'],
    ...(full
      ? [
          ['chi-dao-dieu-hanh', 'Chỉ đạo điều hành'],
          ['so-do-trang', 'Sơ đồ trang'],
          ['dau-thau', 'Đấu thầu, mua sắm công'],
        ]
      : []),
  ];
  const news = ['20/02/2017', '15/02/2017', '10/02/2017', '03/02/2017']
    .slice(0, full ? 4 : 1)
    .map(
      (d, i) =>
        `<li><a href="${path}tin-tuc/${i}">Hoạt động của cơ quan số ${i}</a> <span>(${d})</span></li>`,
    )
    .join('');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${name}</title></head><body>
<nav><ul>${menu.map(([href, label]) => `<li><a href="${path}${href}">${label}</a></li>`).join('')}</ul></nav>
<h1>${name}</h1><h2>Tin tức - Sự kiện</h2><ul>${news}</ul>
<form action="${path}tim-kiem"><input name="tu-khoa" placeholder="Tìm kiếm"><button>Tìm kiếm</button></form>
<footer>Cơ quan chủ quản: ${name}. Địa chỉ: số 1 Hoàng Đình Giong. Điện thoại: 0206 3852 000. Email: vanthu@caobang.gov.vn</footer>
</body></html>`;
}

/** The news list: dated items, four of them in the 30 days before 1 March for the fuller portal. */
function newsPage(name: string, path: string, full: boolean): string {
  const items = ['20/02/2017', '15/02/2017', '10/02/2017', '03/02/2017', '05/12/2016']
    .filter((_, i) => full || i === 0 || i === 4)
    .map(
      (d, i) => `<li><a href="${path}tin-tuc/${i}">Hoạt động của ${name} số ${i}</a> <span>${d}</span></li>`,
    )
    .join('');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Tin tức - ${name}</title></head>
<body><h1>Tin tức - Sự kiện</h1><ul class="news">${items}</ul></body></html>`;
}

const AGENCIES = { STTTT: 'Sở Thông tin và Truyền thông', SYT: 'Sở Y tế' } as const;

let s: TestServer;
let portal: Server;
let base: string;
let cycleId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  portal = createServer((req, res) => {
    const url = req.url ?? '/';
    for (const [code, name] of Object.entries(AGENCIES)) {
      const path = `/web/${code.toLowerCase()}/`;
      if (!url.startsWith(path)) continue;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const full = code === 'STTTT';
      return res.end(
        url === path
          ? portalPage(name, path, full)
          : url === `${path}tin-tuc`
            ? newsPage(name, path, full)
            : `<!doctype html><html><head><meta charset="utf-8"><title>${name}</title></head><body><h1>${decodeURIComponent(url)}</h1></body></html>`,
      );
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((ok) => portal.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;

  // 1 March 2017, a little before 02:00 Vietnam time: the first slot of both schedules comes next.
  s = await testServer({ now: '2017-02-28T18:59:50Z', env: { CHISO_MONITOR_ALLOW_PRIVATE: 'true' } });
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
      payload: { url: `${base}/web/${code.toLowerCase()}`, validFrom: '2017-01-01' },
    });
    expect(res.statusCode).toBe(200);
  }
  const cycle = await createCycle(db, { year: 2017, state: 'open' });
  cycleId = cycle.id;
  for (const code of Object.keys(AGENCIES)) await createSubmission(db, cycleId, code, { website: null });
}, 120_000);
afterAll(async () => {
  await s?.close();
  await new Promise((ok) => portal.close(ok));
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
    const full = snaps.find((x) => x.agencyId === ids.STTTT)!;
    const found = Object.fromEntries(
      (full.findings as { field: string; value: unknown }[]).map((f) => [f.field, f.value]),
    );
    expect(found).toMatchObject({
      website_active: true,
      domain_compliant: false,
      ws_dir_schedule: true,
      ws_func_qa: true,
      ws_docs_section: true,
      ws_intro_org: true,
    });
    expect(found.ws_news_per_month).toBe(4);
    const overview = await s.request({
      method: 'GET',
      url: '/api/v1/monitoring/overview?year=2017',
      cookie: await s.login('thamdinh'),
    });
    const row = overview.json().rows.find((r: { agency: { code: string } }) => r.agency.code === 'STTTT');
    expect(row).toMatchObject({ uptime: 100, checks: 1, proposed: 1, last: { ok: true, status: 200 } });
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

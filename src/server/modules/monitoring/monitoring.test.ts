/**
 * The monitoring module through the API on a real database: sites with history, a snapshot that an
 * assessor confirms into a website check that the category-3 score names, the monitoring period of
 * a cycle, the stored page served so that it never runs, and who may see what.
 */
import { gzipSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle, createSubmission, perfectWebsite } from '../../../../test/fixtures.ts';
import { type TestServer, testServer } from '../../../../test/server.ts';
import {
  agencies,
  auditLog,
  contentSnapshots,
  monitoredSites,
  snapshotPages,
  websiteChecks,
} from '../../db/schema.ts';

let s: TestServer;
let admin: string;
let assessor: string;
let reporter: string;
let otherReporter: string;
let stttt: string;
let syt: string;

beforeAll(async () => {
  s = await testServer({ now: '2017-11-20T03:00:00Z' });
  admin = await s.as('admin');
  assessor = await s.as('assessor');
  reporter = await s.as('reporter', 'STTTT');
  otherReporter = await s.createUser('bc-syt', 'reporter', 'SYT').then(() => s.login('bc-syt'));
  stttt = await s.agencyId('STTTT');
  syt = await s.agencyId('SYT');
});
afterAll(() => s.close());

const put = (agencyId: string, kind: string, payload: Record<string, unknown>, cookie = admin) =>
  s.request({ method: 'PUT', url: `/api/v1/agencies/${agencyId}/sites/${kind}`, cookie, payload });
const get = (url: string, cookie: string) => s.request({ method: 'GET', url: `/api/v1${url}`, cookie });

/** A snapshot as the content check stores it: findings with evidence, and one stored page. */
async function storeSnapshot(
  agencyId: string,
  startedAt: string,
  findings: { field: string; value: boolean | number | null; evidence?: { url: string; excerpt: string } }[],
) {
  const db = s.deps.database.db;
  const [site] = await db
    .select()
    .from(monitoredSites)
    .where(and(eq(monitoredSites.agencyId, agencyId), eq(monitoredSites.kind, 'portal')));
  const [row] = await db
    .insert(contentSnapshots)
    .values({
      siteId: site!.id,
      agencyId,
      state: 'proposed',
      startedAt: new Date(startedAt),
      finishedAt: new Date(new Date(startedAt).getTime() + 40_000),
      findings: findings.map((f) => ({
        field: f.field,
        value: f.value,
        evidence: f.evidence ?? null,
        reason: f.evidence
          ? { vi: `Thấy "${f.evidence.excerpt}"`, en: 'Seen' }
          : { vi: 'Không thấy mục nào khớp trên 12 trang đã xem', en: 'Nothing matched on 12 pages' },
      })),
      stoppedBy: 'done',
    })
    .returning({ id: contentSnapshots.id });
  const [page] = await db
    .insert(snapshotPages)
    .values({
      snapshotId: row!.id,
      url: `${site!.url}van-ban`,
      depth: 1,
      status: 200,
      contentType: 'text/html; charset=utf-8',
      bytes: 120,
      fetchedAt: new Date(startedAt),
      title: 'Văn bản pháp luật',
      body: gzipSync(
        Buffer.from(
          '<html><body><h1>Văn bản pháp luật</h1><script>alert(1)</script><img src="https://x.test/a.png"></body></html>',
        ),
      ),
    })
    .returning({ id: snapshotPages.id });
  return { id: row!.id, pageId: page!.id };
}

/** Findings for every monitoring field of a department: all found, as the detectors would say. */
const allFound = () =>
  Object.entries(perfectWebsite('department')).map(([field, value]) => ({
    field,
    value: value as boolean | number,
    evidence: { url: 'https://stttt.caobang.gov.vn/', excerpt: `${field} thấy trên trang` },
  }));

describe('monitored sites, with history', () => {
  it('starts from the registry: each unit’s portal is monitored', async () => {
    const res = await get(`/agencies/${stttt}/sites`, assessor);
    expect(res.statusCode).toBe(200);
    expect(res.json().current).toEqual([
      expect.objectContaining({ kind: 'portal', url: 'https://stttt.caobang.gov.vn', validTo: null }),
    ]);
  });

  it('moves a portal under the provincial portal on another port: the old address ends, audited', async () => {
    const res = await put(stttt, 'portal', {
      url: 'https://caobang.gov.vn:8443/web/stttt',
      validFrom: '2017-06-01',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().current).toEqual([
      expect.objectContaining({
        url: 'https://caobang.gov.vn:8443/web/stttt/',
        scope: 'https://caobang.gov.vn:8443/web/stttt/',
        validFrom: '2017-06-01',
      }),
    ]);
    expect(res.json().history).toEqual([
      expect.objectContaining({ url: 'https://stttt.caobang.gov.vn', validTo: '2017-06-01' }),
    ]);
    const db = s.deps.database.db;
    const [unit] = await db.select().from(agencies).where(eq(agencies.id, stttt));
    expect(unit!.website).toBe('https://caobang.gov.vn:8443/web/stttt/');
    const [row] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'monitoring.site.set'), eq(auditLog.agencyId, stttt)));
    expect(row).toMatchObject({
      field: 'portal',
      oldValue: { url: 'https://stttt.caobang.gov.vn' },
      newValue: { url: 'https://caobang.gov.vn:8443/web/stttt/', validFrom: '2017-06-01' },
    });
  });

  it('adds an online-service portal, and pins a field to a page inside the site only', async () => {
    const added = await put(stttt, 'services', { url: 'dichvucong.caobang.gov.vn' });
    expect(added.statusCode).toBe(200);
    expect(added.json().current.map((c: { kind: string; url: string }) => [c.kind, c.url])).toEqual([
      ['portal', 'https://caobang.gov.vn:8443/web/stttt/'],
      ['services', 'https://dichvucong.caobang.gov.vn/'],
    ]);
    const outside = await put(stttt, 'portal', {
      url: 'https://caobang.gov.vn:8443/web/stttt/',
      pins: { ws_func_qa: 'https://caobang.gov.vn:8443/web/syt/hoi-dap' },
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error).toMatchObject({ field: 'pins.ws_func_qa' });
    expect(outside.json().error.message).toMatch(/phải nằm trong trang TTĐT của cơ quan/);
    const notAField = await put(stttt, 'portal', {
      url: 'https://caobang.gov.vn:8443/web/stttt/',
      pins: { total_staff: 'https://caobang.gov.vn:8443/web/stttt/nhan-su' },
    });
    expect(notAField.statusCode).toBe(400);
    const pinned = await put(stttt, 'portal', {
      url: 'https://caobang.gov.vn:8443/web/stttt/',
      pins: { ws_func_qa: 'https://caobang.gov.vn:8443/web/stttt/hoi-dap' },
    });
    expect(pinned.statusCode).toBe(200);
    expect(pinned.json().current[0].pins).toEqual({
      ws_func_qa: 'https://caobang.gov.vn:8443/web/stttt/hoi-dap',
    });
    // Pins change the row in place: no new period of the address.
    expect(pinned.json().history).toHaveLength(1);
  });

  it('refuses an address it cannot monitor, in Vietnamese, and writes nothing', async () => {
    const bad = await put(syt, 'portal', { url: 'ftp://syt.caobang.gov.vn' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ field: 'url' });
    expect(bad.json().error.message).toMatch(/http:\/\/ hoặc https:\/\//);
    const early = await put(stttt, 'portal', { url: 'https://stttt.gov.vn', validFrom: '2017-01-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toMatch(/từ ngày 01\/06\/2017 trở đi/);
    const res = await get(`/agencies/${syt}/sites`, admin);
    expect(res.json().current[0].url).toBe('https://syt.caobang.gov.vn');
  });

  it('lets only the administrator set sites, and a reporter read only its own', async () => {
    expect((await put(syt, 'portal', { url: 'https://syt.gov.vn' }, assessor)).statusCode).toBe(403);
    expect((await get(`/agencies/${stttt}/sites`, reporter)).statusCode).toBe(200);
    const foreign = await get(`/agencies/${stttt}/sites`, otherReporter);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.message).toMatch(/cơ quan mình/);
  });
});

describe('an assessor confirms a snapshot into a website check', () => {
  let cycleId: string;
  let snapshot: { id: string; pageId: number };

  beforeAll(async () => {
    const db = s.deps.database.db;
    const cycle = await createCycle(db, { state: 'closed' });
    cycleId = cycle.id;
    await createSubmission(db, cycleId, 'STTTT', { website: null });
    const findings = allFound().map((f) =>
      f.field === 'ws_func_qa'
        ? { field: f.field, value: false }
        : f.field === 'ws_news_per_month'
          ? { ...f, value: 3 }
          : f,
    );
    snapshot = await storeSnapshot(stttt, '2017-09-05T02:00:00Z', findings);
  });

  it('shows the agency its own snapshot with the evidence, and nobody else’s', async () => {
    const own = await get(`/monitoring/snapshots/${snapshot.id}`, reporter);
    expect(own.statusCode).toBe(200);
    const body = own.json().snapshot;
    expect(body).toMatchObject({ state: 'proposed', agency: { code: 'STTTT' }, stoppedBy: 'done' });
    expect(body.findings.find((f: { field: string }) => f.field === 'ws_func_qa')).toMatchObject({
      value: false,
      evidence: null,
      reason: { vi: 'Không thấy mục nào khớp trên 12 trang đã xem' },
    });
    expect(body.findings[0].name.vi).toBe('Trang TTĐT hoạt động');
    expect(body.pages).toEqual([expect.objectContaining({ title: 'Văn bản pháp luật', stored: true })]);
    expect((await get(`/monitoring/snapshots/${snapshot.id}`, otherReporter)).statusCode).toBe(403);
  });

  it('serves the stored page as it was fetched, sandboxed so that its scripts never run', async () => {
    const res = await get(`/monitoring/snapshots/${snapshot.id}/pages/${snapshot.pageId}`, assessor);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Văn bản pháp luật</h1>');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/^sandbox;/);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('allow-scripts');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('needs a reason for every value changed, and changes nothing until then', async () => {
    const res = await s.request({
      method: 'POST',
      url: `/api/v1/monitoring/snapshots/${snapshot.id}/confirm`,
      cookie: assessor,
      payload: { fields: { ws_func_qa: { value: true } } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('fields.ws_func_qa.reason');
    expect(res.json().error.message).toMatch(/đổi giá trị đề xuất thì phải ghi lý do/);
    const rows = await s.deps.database.db
      .select()
      .from(websiteChecks)
      .where(eq(websiteChecks.agencyId, stttt));
    expect(rows).toHaveLength(0);
    const byReporter = await s.request({
      method: 'POST',
      url: `/api/v1/monitoring/snapshots/${snapshot.id}/confirm`,
      cookie: reporter,
      payload: { fields: {} },
    });
    expect(byReporter.statusCode).toBe(403);
  });

  it('writes a crawler check that scoring averages and whose explanation names the snapshot and its date', async () => {
    const res = await s.request({
      method: 'POST',
      url: `/api/v1/monitoring/snapshots/${snapshot.id}/confirm`,
      cookie: assessor,
      payload: {
        fields: {
          ws_func_qa: { value: true, reason: 'Mục Hỏi đáp nằm ở chân trang, đã xem trực tiếp' },
          ws_news_per_month: { value: 3 },
        },
      },
    });
    expect(res.statusCode).toBe(200);
    const confirmed = res.json().snapshot;
    expect(confirmed).toMatchObject({ state: 'confirmed', confirmedBy: { name: 'Người thử assessor-x' } });
    expect(confirmed.decisions.ws_func_qa).toEqual({
      value: true,
      changed: true,
      reason: 'Mục Hỏi đáp nằm ở chân trang, đã xem trực tiếp',
    });
    expect(confirmed.decisions.ws_news_per_month).toMatchObject({ value: 3, changed: false });

    const [check] = await s.deps.database.db
      .select()
      .from(websiteChecks)
      .where(eq(websiteChecks.agencyId, stttt));
    expect(check).toMatchObject({
      source: 'crawler',
      snapshotId: snapshot.id,
      checkedAt: new Date('2017-09-05T02:00:00Z'),
    });
    expect((check!.values as Record<string, unknown>).ws_func_qa).toBe(true);

    const page = await get(`/cycles/${cycleId}/review/${stttt}`, assessor);
    expect(page.statusCode).toBe(200);
    expect(page.json().websiteChecks).toEqual([
      expect.objectContaining({ source: 'crawler', checkedAt: '2017-09-05T02:00:00.000Z' }),
    ]);
    const monitored = page
      .json()
      .comparison.criteria.filter(
        (c: { official: { basis: string } }) => c.official.basis === 'website_checks',
      );
    expect(monitored.length).toBeGreaterThan(3);
    for (const c of monitored)
      expect(c.official.explanation.vi).toMatch(
        new RegExp(
          `^Trung bình 1 lần kiểm tra trang TTĐT: .* — 1\\) ảnh chụp trang ngày 05/09/2017 \\(tự động, đã xác nhận, mã ${snapshot.id.slice(0, 8)}\\): `,
        ),
      );

    const again = await s.request({
      method: 'POST',
      url: `/api/v1/monitoring/snapshots/${snapshot.id}/confirm`,
      cookie: assessor,
      payload: { fields: {} },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Ảnh chụp trang này đã được xác nhận');
  });

  it('warns on the review page where the form claims what monitoring did not see, with both sides', async () => {
    const db = s.deps.database.db;
    await createSubmission(db, cycleId, 'SYT', { website: null });
    await storeSnapshot(
      syt,
      '2017-08-01T02:00:00Z',
      allFound().map((f) => (f.field === 'ws_dvc_section' ? { field: f.field, value: false } : f)),
    );
    const page = await get(`/cycles/${cycleId}/review/${syt}`, assessor);
    expect(page.statusCode).toBe(200);
    const warning = page
      .json()
      .findings.find((f: { ruleId: string }) => f.ruleId === 'monitoring.dvc_section');
    expect(warning).toMatchObject({
      severity: 'warning',
      fields: ['dvc_level3', 'dvc_level4', 'ws_dvc_section'],
    });
    expect(warning.message.vi).toBe(
      'Phiếu khai có dịch vụ công trực tuyến mức độ 3–4 (mức 3: 5, mức 4: 5), nhưng lần kiểm tra trang TTĐT ngày 01/08/2017 không thấy mục dịch vụ công trực tuyến (Không thấy mục nào khớp trên 12 trang đã xem). Đề nghị đối chiếu hai nguồn.',
    );
    // Where the site shows it, nothing to warn about.
    const seen = await get(`/cycles/${cycleId}/review/${stttt}`, assessor);
    expect(seen.json().findings.some((f: { ruleId: string }) => f.ruleId.startsWith('monitoring.'))).toBe(
      false,
    );
  });

  it('counts a check only within the cycle’s monitoring period, which the administrator sets with the cycle', async () => {
    const db = s.deps.database.db;
    const draft = await createCycle(db, { year: 2018, state: 'draft' });
    const me = await get(`/cycles/${draft.id}`, admin);
    expect(me.json().cycle).toMatchObject({
      monitorFrom: '2017-12-31T17:00:00.000Z',
      monitorTo: me.json().cycle.publishBy,
    });
    const wrong = await s.request({
      method: 'PATCH',
      url: `/api/v1/cycles/${draft.id}`,
      cookie: admin,
      payload: {
        version: me.json().cycle.version,
        monitorFrom: '2018-09-01T00:00:00+07:00',
        monitorTo: '2018-03-01T00:00:00+07:00',
      },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toMatch(/Thời kỳ theo dõi trang TTĐT phải bắt đầu/);
    // The 2017 snapshot of September falls in a 2018 period that starts early enough.
    const set = await s.request({
      method: 'PATCH',
      url: `/api/v1/cycles/${draft.id}`,
      cookie: admin,
      payload: { version: me.json().cycle.version, monitorFrom: '2017-09-01T00:00:00+07:00' },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().cycle.monitorFrom).toBe('2017-08-31T17:00:00.000Z');
    await createSubmission(db, draft.id, 'STTTT', { website: null });
    const later = await get(`/cycles/${draft.id}/review/${stttt}`, assessor);
    expect(later.json().websiteChecks).toHaveLength(1);
    const reset = await s.request({
      method: 'PATCH',
      url: `/api/v1/cycles/${draft.id}`,
      cookie: admin,
      payload: { version: set.json().cycle.version, monitorFrom: null },
    });
    expect(reset.statusCode).toBe(200);
    const none = await get(`/cycles/${draft.id}/review/${stttt}`, assessor);
    expect(none.json().websiteChecks).toHaveLength(0);
  });
});

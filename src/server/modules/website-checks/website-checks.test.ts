import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle, createSubmission, perfectWebsite } from '../../../../test/fixtures.ts';
import { type TestServer, testServer } from '../../../../test/server.ts';
import { auditLog, cycles, websiteChecks } from '../../db/schema.ts';

let s: TestServer;
let assessor: string;
let stttt: string;
let hblac: string;

const post = (agencyId: string, payload: Record<string, unknown>, cookie = assessor) =>
  s.request({ method: 'POST', url: `/api/v1/agencies/${agencyId}/website-checks`, cookie, payload });
const list = (agencyId: string, cookie: string, year?: number) =>
  s.request({
    method: 'GET',
    url: `/api/v1/agencies/${agencyId}/website-checks${year ? `?year=${year}` : ''}`,
    cookie,
  });

beforeAll(async () => {
  s = await testServer({ now: '2017-11-20T03:00:00Z' });
  assessor = await s.as('assessor');
  stttt = await s.agencyId('STTTT');
  hblac = await s.agencyId('HBLAC');
});
afterAll(() => s.close());

describe('recording a website check (R5)', () => {
  it('checks a unit on no cycle yet against the bundled criteria of its group', async () => {
    const foreign = await post(hblac, {
      checkedAt: '2017-03-01T09:00:00+07:00',
      values: { ...perfectWebsite('district'), ws_strategy_plans: true },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.field).toBe('values.ws_strategy_plans');
    expect(foreign.json().error.message).toMatch(/^"Chiến lược, quy hoạch ngành" không thuộc nhóm /);
    const res = await post(hblac, {
      checkedAt: '2017-03-01T09:00:00+07:00',
      values: perfectWebsite('district'),
      note: 'Kiểm tra định kỳ quý I',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().check).toMatchObject({
      agencyId: hblac,
      checkedAt: '2017-03-01T02:00:00.000Z',
      source: 'manual',
      note: 'Kiểm tra định kỳ quý I',
      checkedBy: { name: 'Người thử assessor-x' },
    });
  });

  it('accepts only the monitoring fields of the group, each well typed, none missing', async () => {
    await createCycle(s.deps.database.db, { state: 'closed' });
    const checkedAt = '2017-09-15T09:00:00+07:00';
    const agencyField = await post(stttt, {
      checkedAt,
      values: { ...perfectWebsite('department'), total_staff: 10 },
    });
    expect(agencyField.statusCode).toBe(400);
    expect(agencyField.json().error.field).toBe('values.total_staff');
    expect(agencyField.json().error.message).toMatch(
      /^"Tổng số CBCCVC" do cơ quan tự khai trên phiếu, không phải trường kiểm tra trang TTĐT\. Kết quả kiểm tra trang TTĐT của nhóm .* chỉ gồm: website_active, /,
    );
    const reviewerField = await post(stttt, {
      checkedAt,
      values: { ...perfectWebsite('department'), data_quality_points: 2 },
    });
    expect(reviewerField.json().error).toMatchObject({ field: 'values.data_quality_points' });
    expect(reviewerField.json().error.message).toMatch(/do người thẩm định chấm/);
    const unknown = await post(stttt, {
      checkedAt,
      values: { ...perfectWebsite('department'), ws_tiktok: true },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/^Trường "ws_tiktok" không có trong bộ tiêu chí/);
    const typed = await post(stttt, {
      checkedAt,
      values: { ...perfectWebsite('department'), ws_news_per_month: 'nhiều' },
    });
    expect(typed.statusCode).toBe(400);
    expect(typed.json().error).toMatchObject({ field: 'values.ws_news_per_month' });
    expect(typed.json().error.message).toMatch(/^"Tin bài mỗi tháng" phải là một số, nhận được "nhiều"/);
    const { ws_func_qa: _, ...partial } = perfectWebsite('department');
    const missing = await post(stttt, { checkedAt, values: partial });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.field).toBe('values.ws_func_qa');
    expect(missing.json().error.message).toMatch(/^Thiếu kết quả kiểm tra: "Hỏi đáp, phản hồi"/);
    expect(
      await s.deps.database.db.select().from(websiteChecks).where(eq(websiteChecks.agencyId, stttt)),
    ).toHaveLength(0);
  });

  it('needs an instant with its offset, not in the future', async () => {
    const local = await post(stttt, {
      checkedAt: '2017-09-15T09:00:00',
      values: perfectWebsite('department'),
    });
    expect(local.statusCode).toBe(400);
    expect(local.json().error).toMatchObject({ field: 'checkedAt' });
    expect(local.json().error.message).toMatch(/có múi giờ/);
    const future = await post(stttt, {
      checkedAt: '2017-12-01T09:00:00+07:00',
      values: perfectWebsite('department'),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toBe('Thời điểm kiểm tra không được sau thời điểm hiện tại');
  });

  it('feeds the self-score (the latest check) and the official score of the year (averaged over the checks)', async () => {
    const db = s.deps.database.db;
    const [cycle] = await db.select().from(cycles).where(eq(cycles.year, 2017));
    await createSubmission(db, cycle!.id, 'STTTT', { website: null });
    const up = await post(stttt, {
      checkedAt: '2017-04-10T10:00:00+07:00',
      values: perfectWebsite('department'),
    });
    expect(up.statusCode).toBe(201);
    // A site that is down is recorded with the gate alone: the whole category scores 0 for that check.
    const down = await post(stttt, {
      checkedAt: '2017-08-10T10:00:00+07:00',
      values: { website_active: false },
      note: 'Không truy cập được',
    });
    expect(down.statusCode).toBe(201);
    const [row] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'website_check.create'), eq(auditLog.entityId, down.json().check.id)));
    expect(row).toMatchObject({
      agencyId: stttt,
      cycleId: cycle!.id,
      newValue: { values: { website_active: false } },
    });

    const page = await s.request({
      method: 'GET',
      url: `/api/v1/cycles/${cycle!.id}/review/${stttt}`,
      cookie: assessor,
    });
    expect(page.statusCode).toBe(200);
    expect(page.json().websiteChecks).toHaveLength(2);
    const c33 = page.json().comparison.criteria.find((c: { id: string }) => c.id === '3.3');
    // The self-score takes the latest check (interchange.md, "The self-score"): the site was down.
    expect(c33).toMatchObject({
      self: { points: 0, basis: 'gate_closed' },
      official: { points: 1, basis: 'website_checks' },
    });
    expect(c33.self.explanation.vi).toMatch(
      /lần kiểm tra trang TTĐT gần nhất của Sở TT&TT ngày 10\/08\/2017\)$/,
    );
    expect(c33.official.explanation.vi).toMatch(
      /^Trung bình 2 lần kiểm tra trang TTĐT: \(2 \+ 0\) \/ 2 = 1 điểm/,
    );
  });
});

describe('reading and removing website checks', () => {
  it('lets the approver and the agency’s own reporter read the checks of a year, nobody else', async () => {
    const approver = await list(stttt, await s.as('approver'), 2017);
    expect(approver.statusCode).toBe(200);
    expect(approver.json().checks.map((c: { checkedAt: string }) => c.checkedAt)).toEqual([
      '2017-04-10T03:00:00.000Z',
      '2017-08-10T03:00:00.000Z',
    ]);
    expect((await list(stttt, await s.as('approver'), 2016)).json().checks).toEqual([]);
    const own = await list(stttt, await s.as('reporter', 'STTTT'));
    expect(own.statusCode).toBe(200);
    expect(own.json().checks).toHaveLength(2);
    expect((await list(stttt, await s.as('reporter', 'SKHCN'))).statusCode).toBe(403);
    expect((await list(stttt, await s.as('viewer'))).statusCode).toBe(403);
    const nobody = await list('00000000-0000-4000-8000-000000000000', assessor);
    expect(nobody.statusCode).toBe(404);
    expect(nobody.json().error.message).toBe('Không tìm thấy cơ quan');
  });

  it('removes a check with an audit row; reporters may not', async () => {
    const [first] = (await list(stttt, assessor, 2017)).json().checks;
    const url = `/api/v1/agencies/${stttt}/website-checks/${first.id}`;
    const reporter = await s.request({ method: 'DELETE', url, cookie: await s.as('reporter', 'STTTT') });
    expect(reporter.statusCode).toBe(403);
    const res = await s.request({
      method: 'DELETE',
      url,
      cookie: assessor,
      payload: { reason: 'Ghi nhầm ngày kiểm tra' },
    });
    expect(res.statusCode).toBe(204);
    expect((await list(stttt, assessor, 2017)).json().checks).toHaveLength(1);
    const [row] = await s.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'website_check.delete'), eq(auditLog.entityId, first.id)));
    expect(row).toMatchObject({
      agencyId: stttt,
      reason: 'Ghi nhầm ngày kiểm tra',
      oldValue: { checkedAt: '2017-04-10T03:00:00.000Z', source: 'manual' },
    });
    const again = await s.request({ method: 'DELETE', url, cookie: assessor });
    expect(again.statusCode).toBe(404);
  });

  it('removes a check once when two assessors remove it at the same moment', async () => {
    const created = await s.request({
      method: 'POST',
      url: `/api/v1/agencies/${stttt}/website-checks`,
      cookie: assessor,
      payload: { checkedAt: '2017-05-02T03:00:00.000Z', values: perfectWebsite('department'), note: null },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().check.id;
    const url = `/api/v1/agencies/${stttt}/website-checks/${id}`;
    const both = await Promise.all([
      s.request({ method: 'DELETE', url, cookie: assessor }),
      s.request({ method: 'DELETE', url, cookie: await s.as('admin') }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([204, 404]);
    const rows = await s.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'website_check.delete'), eq(auditLog.entityId, id)));
    expect(rows).toHaveLength(1);
  });

  it('neither adds nor removes a check of a year whose result is published', async () => {
    const db = s.deps.database.db;
    await createCycle(db, { year: 2016, state: 'published' });
    const add = await post(stttt, {
      checkedAt: '2016-05-10T09:00:00+07:00',
      values: perfectWebsite('department'),
    });
    expect(add.statusCode).toBe(409);
    expect(add.json().error).toMatchObject({ code: 'invalid_state' });
    expect(add.json().error.message).toBe(
      'Kết quả năm 2016 đã được công bố: không thể thêm kết quả kiểm tra trang TTĐT lúc 10/05/2016 09:00:00 của năm đó',
    );
    const [old] = await db
      .insert(websiteChecks)
      .values({
        agencyId: stttt,
        checkedAt: new Date('2016-06-01T02:00:00Z'),
        values: perfectWebsite('department'),
      })
      .returning();
    const remove = await s.request({
      method: 'DELETE',
      url: `/api/v1/agencies/${stttt}/website-checks/${old!.id}`,
      cookie: assessor,
    });
    expect(remove.statusCode).toBe(409);
    expect(remove.json().error.message).toMatch(/^Kết quả năm 2016 đã được công bố: không thể xóa/);
    expect(await db.select().from(websiteChecks).where(eq(websiteChecks.id, old!.id))).toHaveLength(1);
  });
});

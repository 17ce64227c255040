import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle, createSubmission, formValues } from '../../../../test/fixtures.ts';
import { multipart } from '../../../../test/http.ts';
import { type TestServer, testServer } from '../../../../test/server.ts';
import { agencies, auditLog, type cycles, submissions, websiteChecks } from '../../db/schema.ts';
import { contentHash } from '../../platform/canonical.ts';
import { loadRecords, officialValues } from '../scoring/cycle-data.ts';

let s: TestServer;
let cycle: typeof cycles.$inferSelect;
const ids: Record<string, string> = {};

/**
 * A fresh server and open 2017 cycle for each group of tests: the login rate limit (20 a minute
 * per address) counts real time, so no one server signs in more people than that.
 */
function useServer() {
  beforeAll(async () => {
    s = await testServer();
    cycle = await createCycle(s.deps.database.db, { state: 'open' });
    for (const a of await s.deps.database.db.select().from(agencies)) ids[a.code] = a.id;
  });
  afterAll(() => s.close());
}

const url = (agency: string, rest = '', cycleId = cycle.id) =>
  `/api/v1/cycles/${cycleId}/agencies/${ids[agency]}/submission${rest}`;

const get = (cookie: string, agency: string, rest = '', cycleId?: string) =>
  s.request({ method: 'GET', url: url(agency, rest, cycleId), cookie });

const save = (cookie: string, agency: string, version: number | null, values: Record<string, unknown>) =>
  s.request({ method: 'PUT', url: url(agency, '/values'), cookie, payload: { version, values } });

const submit = (cookie: string, agency: string, version: number, extra: Record<string, unknown> = {}) =>
  s.request({
    method: 'POST',
    url: url(agency, '/submit'),
    cookie,
    payload: { version, attestedName: 'Nguyễn Văn Thủ', attestedTitle: 'Giám đốc', ...extra },
  });

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

const auditOf = (entityId: string, action?: string) =>
  s.deps.database.db
    .select()
    .from(auditLog)
    .where(
      action
        ? and(eq(auditLog.entityId, entityId), eq(auditLog.action, action))
        : eq(auditLog.entityId, entityId),
    )
    .orderBy(asc(auditLog.id));

/** Fills an agency's form completely through the API and returns the version. */
async function fillIn(cookie: string, agency: string, group = 'department'): Promise<number> {
  const current = (await get(cookie, agency)).json();
  const res = await save(cookie, agency, current.version, formValues(group));
  expect(res.statusCode).toBe(200);
  return res.json().version;
}

describe('reading the form', () => {
  useServer();

  it('shows a form not started yet, editable; its self-score on demand is of zero values', async () => {
    const res = await get(await s.as('reporter', 'SYT'), 'SYT');
    expect(res.statusCode).toBe(200);
    const form = res.json();
    expect(form).toMatchObject({
      status: 'not_started',
      version: null,
      values: {},
      claims: [],
      evidence: [],
      submittedAt: null,
      receipt: null,
      late: false,
      editable: true,
      notEditable: null,
      agency: { code: 'SYT', name: 'Sở Y tế', groupId: 'department' },
      cycle: {
        year: 2017,
        state: 'open',
        deadline: '2017-10-31T17:00:00.000Z',
        deadlineVn: '01/11/2017 00:00:00',
        deadlinePassed: false,
      },
    });
    // The browser computes the live score; the form does not carry one.
    expect(form.score).toBeUndefined();
    const score = (await get(await s.as('reporter', 'SYT'), 'SYT', '/score')).json();
    expect(score.max).toBe(100);
    expect(score.categories.map((c: { max: number }) => c.max)).toEqual([20, 25, 20, 25, 10]);
    expect(score.criteria.find((k: { id: string }) => k.id === '1.1')).toMatchObject({
      max: 5,
      name: { vi: 'Tỷ lệ CBCCVC được trang bị máy tính' },
    });
    expect(score.class.label.vi).toBe('Dưới trung bình');
    // The upload limit, so that the browser refuses a too-large file before sending it.
    expect(form.evidenceMaxBytes).toBe(s.deps.config.uploadMaxBytes);
  });

  it('answers 404 for an agency that is not on the cycle roster, and for an unknown cycle', async () => {
    const [extra] = await s.deps.database.db
      .insert(agencies)
      .values({ code: 'MOI2018', name: 'Sở mới thành lập', groupId: 'department', validFrom: '2018-01-01' })
      .returning();
    ids.MOI2018 = extra!.id;
    const res = await get(await s.as('admin'), 'MOI2018');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('Không tìm thấy cơ quan này trong danh sách đánh giá năm 2017');
    const unknown = await get(await s.as('admin'), 'SYT', '', '00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe('Không tìm thấy kỳ đánh giá');
  });

  it('lets a reporter read and write only the own agency', async () => {
    const reporter = await s.as('reporter', 'STTTT');
    expect((await get(reporter, 'STTTT')).statusCode).toBe(200);
    const other = await get(reporter, 'SNV');
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toBe('Bạn chỉ được làm việc với phiếu của cơ quan mình');
    expect((await save(reporter, 'SNV', null, { total_staff: 10 })).statusCode).toBe(403);
    expect(
      (
        await s.request({
          method: 'PUT',
          url: url('SNV', '/claims/3.8'),
          cookie: reporter,
          payload: { reason: 'Không có dự án' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await submit(reporter, 'SNV', 1)).statusCode).toBe(403);
    expect((await get(reporter, 'SNV', '/score')).statusCode).toBe(403);
    expect((await get(reporter, 'SNV', '/receipt')).statusCode).toBe(403);
    const [row] = await s.deps.database.db
      .select()
      .from(submissions)
      .where(eq(submissions.agencyId, ids.SNV!));
    expect(row).toBeUndefined();
  });

  it('lets admin and assessor read any form but not change it; refuses viewers and strangers', async () => {
    for (const role of ['admin', 'assessor'] as const) {
      const res = await get(await s.as(role), 'SNV');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        editable: false,
        notEditable: { code: 'read_only', message: 'Chỉ người báo cáo của cơ quan mới sửa được phiếu này' },
      });
      expect((await save(await s.as(role), 'SNV', null, { total_staff: 10 })).statusCode).toBe(403);
      expect((await submit(await s.as(role), 'SNV', 1)).statusCode).toBe(403);
    }
    const viewer = await get(await s.as('viewer'), 'SNV');
    expect(viewer.statusCode).toBe(403);
    expect(viewer.json().error.message).toBe('Bạn không có quyền thực hiện thao tác này');
    expect((await get(await s.as('viewer'), 'SNV', '/score')).statusCode).toBe(403);
    expect((await s.request({ method: 'GET', url: url('SNV') })).statusCode).toBe(401);
  });

  it('describes every route of the form in the OpenAPI page', async () => {
    const spec = (await s.request({ method: 'GET', url: '/api/openapi.json' })).json();
    const base = '/api/v1/cycles/{cycleId}/agencies/{agencyId}/submission';
    for (const path of [
      '',
      '/values',
      '/score',
      '/claims/{criterionId}',
      '/evidence',
      '/evidence/{evidenceId}',
      '/submit',
      '/receipt',
      '/withdraw',
    ])
      expect(spec.paths[`${base}${path}`], path).toBeDefined();
    expect(spec.paths[`${base}/submit`].post.summary).toMatch(/^Nộp phiếu/);
  });

  it('lets the approver read only once the cycle is under review', async () => {
    const approver = await s.as('approver');
    const open = await get(approver, 'STTTT');
    expect(open.statusCode).toBe(403);
    expect(open.json().error.message).toMatch(
      /^Ban Chỉ đạo xem phiếu .* kỳ năm 2017 hiện đang nhận phiếu\.$/,
    );
    const db = s.deps.database.db;
    for (const [year, state] of [
      [2014, 'closed'],
      [2015, 'under_review'],
      [2016, 'published'],
    ] as const) {
      const c = await createCycle(db, { year, state });
      await createSubmission(db, c.id, 'STTTT', { values: formValues('department', year), website: null });
      const res = await get(approver, 'STTTT', '', c.id);
      expect(res.statusCode, `${state}`).toBe(state === 'closed' ? 403 : 200);
      if (state !== 'closed') expect(res.json()).toMatchObject({ status: 'submitted', editable: false });
    }
  });
});

describe('saving the draft', () => {
  useServer();

  it('saves in pieces, clears with null, bumps the version and audits each save with the changed keys', async () => {
    const reporter = await s.as('reporter', 'SXD');
    const first = await save(reporter, 'SXD', null, {
      total_staff: 40,
      staff_with_computer: 38,
      has_lan: true,
    });
    expect(first.statusCode).toBe(200);
    // An autosave answers with what the screen uses, nothing more: under 1 KB.
    expect(first.json()).toEqual({ version: 1, updatedAt: expect.any(String), changed: {} });
    expect(first.body.length).toBeLessThan(1024);
    const form = (await get(reporter, 'SXD')).json();
    expect(form).toMatchObject({
      status: 'draft',
      version: 1,
      values: { total_staff: 40, staff_with_computer: 38, has_lan: true },
    });
    const score = (await get(reporter, 'SXD', '/score')).json();
    expect(score.criteria.find((k: { id: string }) => k.id === '1.1')).toMatchObject({
      points: 4.75,
      explanation: { vi: 'min(1; 38/40) × 5 = 4,75 điểm' },
    });
    const second = await save(reporter, 'SXD', 1, { has_lan: null, total_computers: 45 });
    expect(second.statusCode).toBe(200);
    expect(second.json().version).toBe(2);
    expect((await get(reporter, 'SXD')).json().values).toEqual({
      total_staff: 40,
      staff_with_computer: 38,
      total_computers: 45,
    });
    const same = await save(reporter, 'SXD', 2, { total_staff: 40 });
    expect(same.json().version).toBe(2);

    const id = form.submissionId;
    const rows = await auditOf(id);
    expect(rows.map((r) => r.action)).toEqual(['submission.create', 'submission.save']);
    expect(rows[1]).toMatchObject({
      actorRole: 'reporter',
      cycleId: cycle.id,
      agencyId: ids.SXD,
      field: 'has_lan,total_computers',
      oldValue: { has_lan: true, total_computers: null },
      newValue: { has_lan: null, total_computers: 45 },
    });
  });

  it('refuses letters in a number field with a Vietnamese message naming the field, listing every problem, saving nothing', async () => {
    const reporter = await s.as('reporter', 'STP');
    const start = await save(reporter, 'STP', null, { total_staff: 30 });
    const res = await save(reporter, 'STP', 1, {
      total_computers: 20,
      total_staff: '12a',
      has_lan: 'có',
      docs_out_total: -1,
    });
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('invalid');
    expect(error.field).toBe('total_staff');
    expect(error.message).toMatch(
      /^Có 3 giá trị không hợp lệ, chưa lưu gì\. Thứ nhất — Tổng số CBCCVC: phải là một số nguyên, nhận được "12a"$/,
    );
    expect(error.details).toEqual([
      expect.objectContaining({
        field: 'total_staff',
        message: expect.stringMatching(/^Tổng số CBCCVC: phải là một số nguyên, nhận được "12a"$/),
        messageEn: expect.stringMatching(/must be a whole number/),
      }),
      expect.objectContaining({
        field: 'has_lan',
        message: expect.stringMatching(
          /^Có mạng LAN: phải là có \(true\) hoặc không \(false\), nhận được "có"$/,
        ),
      }),
      expect.objectContaining({
        field: 'docs_out_total',
        message: expect.stringMatching(/^Tổng văn bản đi: phải từ 0 trở lên, nhận được -1$/),
      }),
    ]);
    const after = (await get(reporter, 'STP')).json();
    expect(after.version).toBe(start.json().version);
    expect(after.values).toEqual({ total_staff: 30 });
  });

  it('refuses the department’s marks, unknown fields and a wrong report year', async () => {
    const reporter = await s.as('reporter', 'STP');
    // The agency's own assessment of its website is checked like any value of its form.
    const monitoring = await save(reporter, 'STP', 1, { ws_news_per_month: -2 });
    expect(monitoring.statusCode).toBe(400);
    expect(monitoring.json().error).toMatchObject({ field: 'ws_news_per_month' });
    expect(monitoring.json().error.message).toMatch(/phải từ 0 trở lên, nhận được -2\. Chưa lưu gì\.$/);
    const reviewer = await save(reporter, 'STP', 1, { data_quality_points: 2 });
    expect(reviewer.json().error.message).toMatch(/^Điểm chất lượng số liệu: do Sở TT&TT chấm khi thẩm định/);
    const unknown = await save(reporter, 'STP', 1, { commune_count: 5 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toBe(
      'Trường "commune_count" không có trong phiếu của nhóm Cơ quan chuyên môn thuộc UBND tỉnh. Chưa lưu gì.',
    );
    const year = await save(reporter, 'STP', 1, { report_year: 2016 });
    expect(year.json().error.message).toMatch(
      /^Năm đánh giá: năm báo cáo 2016 khác năm của kỳ đánh giá 2017/,
    );
  });

  it('keeps the agency’s own assessment of its website for its self-score only; what it leaves empty comes from the latest check, dated', async () => {
    const db = s.deps.database.db;
    const reporter = await s.as('reporter', 'STC');
    const empty = (await get(reporter, 'STC', '/score')).json();
    const c33 = (body: { criteria: { id: string; explanation: { vi: string } | null }[] }) =>
      body.criteria.find((k) => k.id === '3.3')!.explanation!.vi;
    expect(c33(empty)).toMatch(/^Chưa có lần kiểm tra trang TTĐT nào và cơ quan chưa tự đánh giá → 0 điểm$/);

    await db.insert(websiteChecks).values({
      agencyId: ids.STC!,
      checkedAt: new Date('2017-06-15T03:00:00Z'),
      values: { website_active: true, ws_news_per_month: 2 },
    });
    const byCheck = (await get(reporter, 'STC', '/score')).json();
    expect(c33(byCheck)).toMatch(
      /lấy theo lần kiểm tra trang TTĐT gần nhất của Sở TT&TT ngày 15\/06\/2017\)$/,
    );

    const saved = await save(reporter, 'STC', null, { ws_news_per_month: 12, website_active: true });
    expect(saved.statusCode).toBe(200);
    const form = (await get(reporter, 'STC')).json();
    expect(form.values).toMatchObject({ ws_news_per_month: 12, website_active: true });
    const stated = (await get(reporter, 'STC', '/score')).json();
    expect(c33(stated)).toMatch(/\(theo cơ quan tự đánh giá trang TTĐT\)$/);
    const points33 = (body: { criteria: { id: string; points: number }[] }) =>
      body.criteria.find((k) => k.id === '3.3')!.points;
    expect(points33(stated)).toBeGreaterThan(points33(byCheck));

    // The department's view never takes the agency's word for its website.
    const [record] = await loadRecords(db, cycle, [ids.STC!]);
    expect(record!.submission!.values).not.toHaveProperty('ws_news_per_month');
    expect(record!.submission!.stated).toEqual({ ws_news_per_month: 12, website_active: true });
    expect(officialValues(record!)).not.toHaveProperty('ws_news_per_month');
    await db.delete(websiteChecks).where(eq(websiteChecks.agencyId, ids.STC!));
  });

  it('saves a part larger than its whole and shows it as a logic-check finding, not an error', async () => {
    const reporter = await s.as('reporter', 'SCT');
    const res = await save(reporter, 'SCT', null, { total_staff: 40, staff_with_computer: 50 });
    expect(res.statusCode).toBe(200);
    const finding = (await get(reporter, 'SCT', '/score'))
      .json()
      .findings.find((f: { ruleId: string }) => f.ruleId === 'V01');
    expect(finding).toEqual({
      ruleId: 'V01',
      severity: 'error',
      message: {
        vi: 'Số CBCCVC có máy tính không được vượt tổng số CBCCVC',
        en: 'Staff with a computer cannot exceed total staff',
      },
      fields: ['staff_with_computer', 'total_staff'],
    });
    const score = (await get(reporter, 'SCT', '/score')).json();
    expect(score.findings.some((f: { ruleId: string }) => f.ruleId === 'V01')).toBe(true);
    expect(score.criteria.find((k: { id: string }) => k.id === '1.1').points).toBe(5);
  });

  it('stores text in NFC, trimmed; an empty text clears the field', async () => {
    const reporter = await s.as('reporter', 'SCT');
    const decomposed = '  Phần mềm Nguye\u0302\u0303n Trãi  ';
    expect((await save(reporter, 'SCT', 1, { apps_list: decomposed })).statusCode).toBe(200);
    const stored = (await get(reporter, 'SCT')).json().values.apps_list;
    expect(stored).toBe('Phần mềm Nguyễn Trãi');
    expect(stored).toBe('Phần mềm Nguyễn Trãi'.normalize('NFC'));
    expect((await save(reporter, 'SCT', 2, { apps_list: '   ' })).statusCode).toBe(200);
    expect((await get(reporter, 'SCT')).json().values.apps_list).toBeUndefined();
  });

  it('merges two reporters’ edits of different fields, and tells each what the other changed', async () => {
    await s.createUser('bc1.sgtvt', 'reporter', 'SGTVT');
    await s.createUser('bc2.sgtvt', 'reporter', 'SGTVT');
    const a = await s.login('bc1.sgtvt');
    const b = await s.login('bc2.sgtvt');
    await save(a, 'SGTVT', null, { total_staff: 50 });
    const seen = (await get(a, 'SGTVT')).json().version;
    expect((await get(b, 'SGTVT')).json().version).toBe(seen);

    const first = await save(a, 'SGTVT', seen, { total_computers: 60 });
    expect(first.statusCode).toBe(200);
    // B read the form before A's save and changes another field: no conflict, merged.
    const second = await save(b, 'SGTVT', seen, { has_lan: true });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ version: seen + 2, changed: { total_computers: 60 } });
    const form = (await get(a, 'SGTVT')).json();
    expect(form.values).toEqual({ total_staff: 50, total_computers: 60, has_lan: true });
    expect(form.updatedBy.displayName).toBe('Người thử bc2.sgtvt');
    // A, still on the version of its own save, hears of B's field (and of a cleared one as null).
    const third = await save(a, 'SGTVT', seen + 1, { internet_bandwidth_mbps: 100 });
    expect(third.json().changed).toEqual({ has_lan: true });
    await save(b, 'SGTVT', seen + 3, { has_lan: null });
    expect((await save(a, 'SGTVT', seen + 3, { total_staff: 51 })).json().changed).toEqual({ has_lan: null });
  });

  it('refuses only a field someone else changed meanwhile to another value, with the form as it is now', async () => {
    await s.createUser('bc1.sgd', 'reporter', 'SGDDT');
    await s.createUser('bc2.sgd', 'reporter', 'SGDDT');
    const a = await s.login('bc1.sgd');
    const b = await s.login('bc2.sgd');
    await save(a, 'SGDDT', null, { total_staff: 50, total_computers: 40 });
    const seen = (await get(b, 'SGDDT')).json().version;
    expect((await save(a, 'SGDDT', seen, { total_staff: 55 })).statusCode).toBe(200);
    // The same value as the other writer's is no conflict.
    expect((await save(b, 'SGDDT', seen, { total_staff: 55 })).statusCode).toBe(200);

    expect((await save(a, 'SGDDT', seen + 1, { total_computers: 45 })).statusCode).toBe(200);
    const late = await save(b, 'SGDDT', seen, { total_computers: 41, has_lan: true });
    expect(late.statusCode).toBe(409);
    const error = late.json().error;
    expect(error.code).toBe('stale');
    expect(error.message).toMatch(/^Dữ liệu đã được người khác cập nhật/);
    expect(error.details).toEqual({
      status: 'draft',
      version: seen + 2,
      values: { total_staff: 55, total_computers: 45 },
      updatedAt: expect.any(String),
      conflicts: ['total_computers'],
    });
    // Nothing of the refused save was written, not even the field without a conflict.
    expect((await get(a, 'SGDDT')).json().values.has_lan).toBeUndefined();
    // Having seen the other's value, the writer's choice goes through.
    const retry = await save(b, 'SGDDT', error.details.version, { total_computers: 41, has_lan: true });
    expect(retry.statusCode).toBe(200);
    expect((await get(a, 'SGDDT')).json().values).toEqual({
      total_staff: 55,
      total_computers: 41,
      has_lan: true,
    });
  });

  it('makes one form when two first saves race, with both values', async () => {
    const reporter = await s.as('reporter', 'SKHDT');
    const [x, y] = await Promise.all([
      save(reporter, 'SKHDT', null, { total_staff: 1 }),
      save(reporter, 'SKHDT', null, { total_computers: 2 }),
    ]);
    expect([x.statusCode, y.statusCode]).toEqual([200, 200]);
    expect([x.json().version, y.json().version].sort()).toEqual([1, 2]);
    const rows = await s.deps.database.db
      .select()
      .from(submissions)
      .where(eq(submissions.agencyId, ids.SKHDT!));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.values).toEqual({ total_staff: 1, total_computers: 2 });
  });

  it('keeps every acknowledged save when twenty writers edit one form at once', async () => {
    const reporter = await s.as('reporter', 'SNNPTNT');
    const fields = ['total_staff', 'total_computers', 'internet_bandwidth_mbps', 'docs_out_total'];
    const writes = Array.from({ length: 20 }, (_, i) => ({ [fields[i % 4]!]: 100 + i }));
    const answers = await Promise.all(writes.map((w) => save(reporter, 'SNNPTNT', null, w)));
    const ok = answers.map((r, i) => ({ r, w: writes[i]! })).filter((x) => x.r.statusCode === 200);
    expect(ok.length).toBeGreaterThan(0);
    for (const x of answers) expect([200, 409]).toContain(x.statusCode);
    // The last acknowledged write of each field is what is stored.
    const values = (await get(reporter, 'SNNPTNT')).json().values;
    for (const field of fields) {
      const last = ok
        .filter((x) => field in x.w)
        .sort((p, q) => p.r.json().version - q.r.json().version)
        .at(-1);
      if (last) expect(values[field], field).toBe(last.w[field]);
    }
  });
});

describe('not-applicable claims', () => {
  useServer();

  it('claims a criterion with a reason: it scores full in the self-score, and is audited', async () => {
    const reporter = await s.as('reporter', 'BDT');
    const res = await s.request({
      method: 'PUT',
      url: url('BDT', '/claims/3.8'),
      cookie: reporter,
      payload: { reason: '  Năm 2017 Ban không có dự án đầu tư, mua sắm công  ' },
    });
    expect(res.statusCode).toBe(200);
    const form = res.json();
    expect(form.claims).toEqual([
      expect.objectContaining({
        criterionId: '3.8',
        reason: 'Năm 2017 Ban không có dự án đầu tư, mua sắm công',
        status: 'claimed',
        decisionNote: null,
      }),
    ]);
    const score = (await get(reporter, 'BDT', '/score')).json();
    expect(score.criteria.find((k: { id: string }) => k.id === '3.8')).toMatchObject({
      points: 1,
      basis: 'not_applicable',
    });
    const [row] = await s.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.agencyId, ids.BDT!), eq(auditLog.action, 'submission.claim')));
    expect(row).toMatchObject({
      field: '3.8',
      agencyId: ids.BDT,
      newValue: { reason: 'Năm 2017 Ban không có dự án đầu tư, mua sắm công', status: 'claimed' },
    });
  });

  it('refuses a criterion that does not allow the claim, an unknown criterion and a short reason', async () => {
    const reporter = await s.as('reporter', 'BDT');
    const put = (id: string, reason: string) =>
      s.request({ method: 'PUT', url: url('BDT', `/claims/${id}`), cookie: reporter, payload: { reason } });
    const notAllowed = await put('1.1', 'Không có máy tính');
    expect(notAllowed.statusCode).toBe(400);
    expect(notAllowed.json().error).toMatchObject({
      field: 'criterionId',
      message: 'Tiêu chí 1.1 "Tỷ lệ CBCCVC được trang bị máy tính" không cho phép khai "không áp dụng"',
    });
    const unknown = await put('9.9', 'Không có tiêu chí này');
    expect(unknown.json().error.message).toBe(
      'Tiêu chí "9.9" không có trong bộ tiêu chí của nhóm Cơ quan chuyên môn thuộc UBND tỉnh',
    );
    const short = await put('3.9', ' abc ');
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toMatchObject({
      field: 'reason',
      message: 'Lý do không áp dụng tiêu chí 3.9 phải có ít nhất 5 ký tự',
    });
  });

  it('withdraws a claim, and says so when there is none', async () => {
    const reporter = await s.as('reporter', 'BDT');
    const del = await s.request({ method: 'DELETE', url: url('BDT', '/claims/3.8'), cookie: reporter });
    expect(del.statusCode).toBe(200);
    expect(del.json().claims).toEqual([]);
    const score = (await get(reporter, 'BDT', '/score')).json();
    expect(score.criteria.find((k: { id: string }) => k.id === '3.8').basis).not.toBe('not_applicable');
    const again = await s.request({ method: 'DELETE', url: url('BDT', '/claims/3.8'), cookie: reporter });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.message).toBe('Không tìm thấy khai "không áp dụng" của tiêu chí 3.8');
    const actions = (await auditOf(del.json().submissionId)).map((r) => r.action);
    expect(actions).toEqual([]);
    const claimRows = await s.deps.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.agencyId, ids.BDT!))
      .orderBy(asc(auditLog.id));
    expect(claimRows.map((r) => r.action)).toEqual(['submission.claim', 'submission.claim_withdraw']);
  });
});

describe('evidence', () => {
  useServer();

  it('uploads a PDF for a criterion, lists it, downloads the same bytes, removes it', async () => {
    const reporter = await s.as('reporter', 'STNMT');
    const body = multipart([
      { name: 'criterionId', content: '4.1' },
      { name: 'note', content: 'Kế hoạch số 12/KH-STNMT' },
      { name: 'file', filename: 'Kế hoạch CNTT 2017.pdf', type: 'application/pdf', content: PDF },
    ]);
    const res = await s.request({
      method: 'POST',
      url: url('STNMT', '/evidence'),
      cookie: reporter,
      ...body,
    });
    expect(res.statusCode).toBe(201);
    const ev = res.json();
    expect(ev).toMatchObject({
      criterionId: '4.1',
      filename: 'Kế hoạch CNTT 2017.pdf',
      mime: 'application/pdf',
      size: PDF.length,
      note: 'Kế hoạch số 12/KH-STNMT',
    });

    const form = (await get(reporter, 'STNMT')).json();
    expect(form.evidence).toEqual([
      expect.objectContaining({ id: ev.id, filename: 'Kế hoạch CNTT 2017.pdf' }),
    ]);

    const assessor = await s.as('assessor');
    const dl = await get(assessor, 'STNMT', `/evidence/${ev.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Kế hoạch CNTT 2017.pdf')}`,
    );
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    expect((await get(await s.as('reporter', 'STTTT'), 'STNMT', `/evidence/${ev.id}`)).statusCode).toBe(403);
    expect(
      (await s.request({ method: 'DELETE', url: url('STNMT', `/evidence/${ev.id}`), cookie: assessor }))
        .statusCode,
    ).toBe(403);

    const del = await s.request({
      method: 'DELETE',
      url: url('STNMT', `/evidence/${ev.id}`),
      cookie: reporter,
    });
    expect(del.statusCode).toBe(204);
    expect((await get(reporter, 'STNMT')).json().evidence).toEqual([]);
    expect((await get(reporter, 'STNMT', `/evidence/${ev.id}`)).statusCode).toBe(404);
    expect((await auditOf(ev.id)).map((r) => [r.action, r.field])).toEqual([
      ['submission.evidence_add', '4.1'],
      ['submission.evidence_remove', '4.1'],
    ]);
  });

  it('refuses a text file named .pdf and a renamed program with 415, saying why in Vietnamese', async () => {
    const reporter = await s.as('reporter', 'STNMT');
    for (const [filename, content] of [
      ['bao-cao.pdf', 'Đây là văn bản thường, không phải PDF'],
      ['hinh-anh.jpg', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)])],
    ] as const) {
      const body = multipart([{ name: 'file', filename, type: 'application/pdf', content }]);
      const res = await s.request({
        method: 'POST',
        url: url('STNMT', '/evidence'),
        cookie: reporter,
        ...body,
      });
      expect(res.statusCode).toBe(415);
      expect(res.json().error).toMatchObject({ code: 'unsupported_type', field: 'file' });
      expect(res.json().error.message).toBe(
        `Tệp "${filename}" không thuộc loại được chấp nhận. Chỉ nhận tài liệu PDF, ảnh (PNG, JPEG), văn bản/bảng tính Office hoặc OpenDocument và tệp nén ZIP; loại tệp được xác định theo nội dung, không theo tên tệp.`,
      );
    }
    expect((await get(reporter, 'STNMT')).json().evidence).toEqual([]);
  });

  it('refuses an unknown criterion, a missing file and an upload that is not multipart', async () => {
    const reporter = await s.as('reporter', 'STNMT');
    const bad = multipart([
      { name: 'file', filename: 'a.pdf', content: PDF },
      { name: 'criterionId', content: '7.7' },
    ]);
    const res = await s.request({ method: 'POST', url: url('STNMT', '/evidence'), cookie: reporter, ...bad });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      field: 'criterionId',
      message: 'Tiêu chí "7.7" không có trong bộ tiêu chí của nhóm Cơ quan chuyên môn thuộc UBND tỉnh',
    });
    const none = multipart([{ name: 'note', content: 'quên chọn tệp' }]);
    const missing = await s.request({
      method: 'POST',
      url: url('STNMT', '/evidence'),
      cookie: reporter,
      ...none,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toBe('Chưa chọn tệp minh chứng để tải lên (trường "file")');
    const json = await s.request({
      method: 'POST',
      url: url('STNMT', '/evidence'),
      cookie: reporter,
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.field).toBe('file');
  });

  it('refuses a file over the size limit with 413 and the limit in MB', async () => {
    const small = await testServer({ env: { CHISO_UPLOAD_MAX_MB: '1' } });
    try {
      const c = await createCycle(small.deps.database.db, { state: 'open' });
      const agencyId = await small.agencyId('STTTT');
      const reporter = await small.as('reporter', 'STTTT');
      const big = Buffer.concat([PDF, Buffer.alloc(1_500_000, 0x20)]);
      const body = multipart([{ name: 'file', filename: 'scan.pdf', type: 'application/pdf', content: big }]);
      const res = await small.request({
        method: 'POST',
        url: `/api/v1/cycles/${c.id}/agencies/${agencyId}/submission/evidence`,
        cookie: reporter,
        ...body,
      });
      expect(res.statusCode).toBe(413);
      expect(res.json().error).toMatchObject({
        code: 'too_large',
        message: 'Tệp hoặc dữ liệu quá lớn (tối đa 1 MB)',
      });
      const form = await small.request({
        method: 'GET',
        url: `/api/v1/cycles/${c.id}/agencies/${agencyId}/submission`,
        cookie: reporter,
      });
      expect(form.json().evidence).toEqual([]);
      const fits = multipart([
        { name: 'file', filename: 'scan.pdf', content: Buffer.concat([PDF, Buffer.alloc(500_000, 0x20)]) },
      ]);
      const ok = await small.request({
        method: 'POST',
        url: `/api/v1/cycles/${c.id}/agencies/${agencyId}/submission/evidence`,
        cookie: reporter,
        ...fits,
      });
      expect(ok.statusCode).toBe(201);
    } finally {
      await small.close();
    }
  });
});

describe('submitting', () => {
  useServer();

  it('refuses an incomplete form, listing every missing field with its Vietnamese label', async () => {
    const reporter = await s.as('reporter', 'SVHTTDL');
    const values = formValues('department');
    delete values.total_staff;
    delete values.has_lan;
    const saved = await save(reporter, 'SVHTTDL', null, values);
    const res = await submit(reporter, 'SVHTTDL', saved.json().version);
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('incomplete');
    expect(error.field).toBe('total_staff');
    expect(error.message).toMatch(
      /^Phiếu còn thiếu 2 thông tin bắt buộc: Tổng số CBCCVC; Có mạng LAN\. Hãy nhập đủ rồi nộp lại\.$/,
    );
    expect(error.details).toEqual([
      expect.objectContaining({
        field: 'total_staff',
        label: 'Tổng số cán bộ, công chức, viên chức (CBCCVC) của cơ quan trong phạm vi đánh giá',
      }),
      expect.objectContaining({ field: 'has_lan', label: 'Cơ quan có mạng nội bộ (LAN)' }),
    ]);
    expect((await get(reporter, 'SVHTTDL')).json().status).toBe('draft');
    const empty = await submit(await s.as('reporter', 'SLDTBXH'), 'SLDTBXH', 1);
    expect(empty.json().error.code).toBe('incomplete');
    expect(empty.json().error.details.length).toBeGreaterThan(60);
  });

  it('submits at 23:59:59 Vietnam time on 31 October: on time, with a receipt whose hash recomputes', async () => {
    const reporter = await s.as('reporter', 'SKHCN');
    const version = await fillIn(reporter, 'SKHCN');
    await s.request({
      method: 'PUT',
      url: url('SKHCN', '/claims/3.11'),
      cookie: reporter,
      payload: { reason: 'Không quản lý đề tài khoa học' },
    });
    await s.request({
      method: 'PUT',
      url: url('SKHCN', '/claims/3.8'),
      cookie: reporter,
      payload: { reason: 'Không có dự án đầu tư' },
    });
    s.clock.set('2017-10-31T16:59:59Z');
    try {
      // Sessions last 12 hours: sign in again at the moved clock.
      const res = await submit(await s.login('reporter-skhcn'), 'SKHCN', version, {
        submittedAt: '2017-01-01T00:00:00Z',
        attestedName: ' Hoàng Văn Nông ',
        attestedTitle: 'Giám đốc Sở',
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.message).toMatch(
        /^Đã nộp phiếu của Sở Khoa học và Công nghệ lúc 31\/10\/2017 23:59:59 \(giờ Việt Nam\), đúng hạn\./,
      );
      expect(body.receipt).toMatchObject({
        agency: { code: 'SKHCN', name: 'Sở Khoa học và Công nghệ' },
        cycle: { year: 2017 },
        submittedAt: '2017-10-31T16:59:59.000Z',
        submittedAtVn: '31/10/2017 23:59:59',
        late: false,
        attestation: { name: 'Hoàng Văn Nông', title: 'Giám đốc Sở' },
        submittedBy: { displayName: 'Người thử reporter-skhcn' },
      });
      expect(body.receipt.timeliness.vi).toBe(
        'Nộp đúng hạn: phiếu nộp lúc 31/10/2017 23:59:59, trước hạn chót 01/11/2017 00:00:00 (giờ Việt Nam).',
      );
      const state = body.state;
      expect(state).toMatchObject({
        status: 'submitted',
        late: false,
        editable: false,
        notEditable: { code: 'submitted' },
      });
      const expected = contentHash({
        cycleId: cycle.id,
        agencyId: ids.SKHCN,
        values: state.values,
        claims: [
          { criterionId: '3.11', reason: 'Không quản lý đề tài khoa học' },
          { criterionId: '3.8', reason: 'Không có dự án đầu tư' },
        ],
        attestation: { name: 'Hoàng Văn Nông', title: 'Giám đốc Sở' },
        submittedAt: '2017-10-31T16:59:59.000Z',
      });
      expect(body.receipt.contentHash).toBe(expected);
      expect(state.contentHash).toBe(expected);

      await s.createUser('tham.dinh', 'assessor');
      const receipt = await get(await s.login('tham.dinh'), 'SKHCN', '/receipt');
      expect(receipt.json()).toEqual(body.receipt);
      const [row] = await auditOf(body.receipt.submissionId, 'submission.submit');
      expect(row).toMatchObject({
        actorRole: 'reporter',
        newValue: { late: false, contentHash: expected, submittedAt: '2017-10-31T16:59:59.000Z' },
      });
    } finally {
      s.clock.set('2017-10-15T03:00:00Z');
    }
  });

  it('locks the form once submitted: values, claims and evidence are refused with a Vietnamese message', async () => {
    const reporter = await s.as('reporter', 'SKHCN');
    const form = (await get(reporter, 'SKHCN')).json();
    const res = await save(reporter, 'SKHCN', form.version, { total_staff: 99 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'invalid_state' });
    expect(res.json().error.message).toBe(
      'Phiếu đã được nộp lúc 31/10/2017 23:59:59 (giờ Việt Nam) nên không sửa được nữa. Muốn sửa, hãy rút phiếu trước hạn chót rồi nộp lại.',
    );
    expect(
      (await s.request({ method: 'DELETE', url: url('SKHCN', '/claims/3.8'), cookie: reporter })).statusCode,
    ).toBe(409);
    const body = multipart([{ name: 'file', filename: 'a.pdf', content: PDF }]);
    expect(
      (await s.request({ method: 'POST', url: url('SKHCN', '/evidence'), cookie: reporter, ...body }))
        .statusCode,
    ).toBe(409);
    expect((await submit(reporter, 'SKHCN', form.version)).statusCode).toBe(409);
    expect((await get(reporter, 'SKHCN')).json().values.total_staff).toBe(
      formValues('department').total_staff,
    );
  });

  it('accepts a form at 00:00:00 on 1 November but records it as late and says it will not be ranked', async () => {
    const reporter = await s.as('reporter', 'SNNPTNT');
    const version = await fillIn(reporter, 'SNNPTNT');
    s.clock.set('2017-10-31T17:00:00Z');
    try {
      const now = await s.login('reporter-snnptnt');
      const res = await submit(now, 'SNNPTNT', version);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.receipt).toMatchObject({ late: true, submittedAtVn: '01/11/2017 00:00:00' });
      expect(body.message).toBe(
        'Đã ghi nhận phiếu của Sở Nông nghiệp và Phát triển nông thôn, nhưng NỘP MUỘN: Nộp muộn: phiếu nộp lúc 01/11/2017 00:00:00, không trước hạn chót 01/11/2017 00:00:00 (giờ Việt Nam). Theo Điều 8.2 Quyết định 2310/QĐ-UBND, đơn vị nộp muộn không được đánh giá, xếp hạng và bị ghi nhận là không chấp hành.',
      );
      const form = (await get(now, 'SNNPTNT')).json();
      expect(form).toMatchObject({ late: true, status: 'submitted', cycle: { deadlinePassed: true } });
      expect(form.notEditable.message).toMatch(/đã quá hạn chót nên không rút lại để sửa được/);
    } finally {
      s.clock.set('2017-10-15T03:00:00Z');
    }
  });

  it('refuses a stale version, a missing attestation, and a cycle that is not open', async () => {
    const reporter = await s.as('reporter', 'SGDDT');
    const version = await fillIn(reporter, 'SGDDT');
    const stale = await submit(reporter, 'SGDDT', version + 5);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'stale', details: { version } });
    const noName = await submit(reporter, 'SGDDT', version, { attestedName: '  ' });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error).toMatchObject({
      field: 'attestedName',
      message: 'Hãy ghi họ tên thủ trưởng cơ quan xác nhận số liệu (người chịu trách nhiệm về phiếu)',
    });

    const closed = await createCycle(s.deps.database.db, { year: 2013, state: 'closed' });
    const sub = await createSubmission(s.deps.database.db, closed.id, 'SGDDT', {
      status: 'draft',
      values: formValues('department', 2013),
      website: null,
    });
    const res = await s.request({
      method: 'POST',
      url: url('SGDDT', '/submit', closed.id),
      cookie: reporter,
      payload: { version: sub.version, attestedName: 'Nguyễn Văn A', attestedTitle: 'Giám đốc' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'invalid_state',
      message: 'Kỳ đánh giá năm 2013 đã đóng nhận phiếu: không thể thay đổi phiếu.',
    });
    const edit = await s.request({
      method: 'PUT',
      url: url('SGDDT', '/values', closed.id),
      cookie: reporter,
      payload: { version: sub.version, values: { total_staff: 1 } },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toBe(
      'Kỳ đánh giá năm 2013 đã đóng nhận phiếu: không thể thay đổi phiếu.',
    );
    const form = (await get(reporter, 'SGDDT', '', closed.id)).json();
    expect(form).toMatchObject({ status: 'draft', editable: false, notEditable: { code: 'cycle_not_open' } });
  });
});

describe('withdrawing', () => {
  useServer();

  it('takes a submitted form back to draft before the deadline, keeps the values, and allows a new submission', async () => {
    const reporter = await s.as('reporter', 'TTT');
    const version = await fillIn(reporter, 'TTT');
    const first = (await submit(reporter, 'TTT', version)).json();
    const short = await s.request({
      method: 'POST',
      url: url('TTT', '/withdraw'),
      cookie: reporter,
      payload: { reason: 'sai' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.field).toBe('reason');

    const res = await s.request({
      method: 'POST',
      url: url('TTT', '/withdraw'),
      cookie: reporter,
      payload: { reason: 'Sửa lại số máy tính kết nối LAN' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().message).toMatch(/^Đã rút phiếu về dạng nháp; số liệu được giữ nguyên\./);
    const state = res.json().state;
    expect(state).toMatchObject({
      status: 'draft',
      submittedAt: null,
      contentHash: null,
      attestation: null,
      receipt: null,
      withdrawnCount: 1,
      editable: true,
    });
    expect(state.values).toEqual(first.state.values);
    const [row] = await auditOf(first.receipt.submissionId, 'submission.withdraw');
    expect(row).toMatchObject({
      reason: 'Sửa lại số máy tính kết nối LAN',
      oldValue: { status: 'submitted', contentHash: first.receipt.contentHash },
    });

    const edited = await save(reporter, 'TTT', state.version, { computers_lan: 9 });
    s.clock.advance(60_000);
    const again = await submit(reporter, 'TTT', edited.json().version);
    expect(again.statusCode).toBe(200);
    expect(again.json().receipt.contentHash).not.toBe(first.receipt.contentHash);
    expect(again.json().state.withdrawnCount).toBe(1);
  });

  it('refuses to withdraw after the deadline, or a form that was not submitted', async () => {
    s.clock.set('2017-11-01T01:00:00Z');
    try {
      const now = await s.login('reporter-ttt');
      const res = await s.request({
        method: 'POST',
        url: url('TTT', '/withdraw'),
        cookie: now,
        payload: { reason: 'Muốn sửa thêm' },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toBe(
        'Đã quá hạn chót nộp phiếu (01/11/2017 00:00:00, giờ Việt Nam) nên không thể rút phiếu đã nộp. Nếu số liệu có sai sót, hãy báo Sở TT&TT để xử lý trong quá trình thẩm định.',
      );
      expect((await get(now, 'TTT')).json().status).toBe('submitted');
    } finally {
      s.clock.set('2017-10-15T03:00:00Z');
    }
    const draft = await s.request({
      method: 'POST',
      url: url('SXD', '/withdraw'),
      cookie: await s.as('reporter', 'SXD'),
      payload: { reason: 'Muốn sửa thêm' },
    });
    expect(draft.statusCode).toBe(409);
    expect(draft.json().error.message).toBe('Phiếu chưa được nộp nên không có gì để rút');
  });
});

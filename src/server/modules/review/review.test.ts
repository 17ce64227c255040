import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle, createSubmission, formValues } from '../../../../test/fixtures.ts';
import { multipart, SMALL_PDF } from '../../../../test/http.ts';
import { type TestServer, testServer } from '../../../../test/server.ts';
import { auditLog, type cycles } from '../../db/schema.ts';
import { runDueJobs, silentLog } from '../../platform/jobs.ts';
import { registerBackgroundWork } from '../../scheduler.ts';
import { officialResult } from './official.ts';

type Cycle = typeof cycles.$inferSelect;
interface Criterion {
  id: string;
  max: number;
  self: { points: number; basis: string; explanation: { vi: string } };
  official: { points: number; basis: string; explanation: { vi: string } };
  difference: number;
  reasons: { kind: string; fieldKey?: string; text: { vi: string; en?: string } }[];
}

let s: TestServer;
let cycle: Cycle;
let assessor: string;
const ids: Record<string, string> = {};

/** Submitted on time, a week before the deadline; values that earn every point unless changed. */
const submitted = (code: string, options: Parameters<typeof createSubmission>[3] = {}) =>
  createSubmission(s.deps.database.db, cycle.id, code, options);

const page = async (code: string, cookie = assessor) => {
  const res = await s.request({
    method: 'GET',
    url: `/api/v1/cycles/${cycle.id}/review/${ids[code]}`,
    cookie,
  });
  expect(res.statusCode).toBe(200);
  return res.json();
};
const criterion = (p: { comparison: { criteria: Criterion[] } }, id: string): Criterion =>
  p.comparison.criteria.find((c) => c.id === id)!;
const correct = (code: string, field: string, payload: Record<string, unknown>, cookie = assessor) =>
  s.request({
    method: 'PUT',
    url: `/api/v1/cycles/${cycle.id}/review/${ids[code]}/values/${field}`,
    cookie,
    payload,
  });
const decide = (code: string, criterionId: string, payload: Record<string, unknown>, cookie = assessor) =>
  s.request({
    method: 'POST',
    url: `/api/v1/cycles/${cycle.id}/review/${ids[code]}/claims/${criterionId}/decision`,
    cookie,
    payload,
  });
const auditRows = (action: string, agencyCode: string) =>
  s.deps.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.agencyId, ids[agencyCode]!)));

beforeAll(async () => {
  registerBackgroundWork(); // the worker that sends queued mail
  s = await testServer({ now: '2017-11-20T03:00:00Z' });
  cycle = await createCycle(s.deps.database.db, { state: 'closed' });
  for (const code of [
    'STTTT',
    'SGTVT',
    'SYT',
    'SKHCN',
    'STC',
    'VPUBND',
    'SNV',
    'SXD',
    'SCT',
    'SNNPTNT',
    'SKHDT',
  ])
    ids[code] = await s.agencyId(code);
  assessor = await s.as('assessor');
});
afterAll(() => s.close());

describe('who may use the review', () => {
  it('refuses reporters and viewers on every review route, and asks for sign-in first', async () => {
    await submitted('SNNPTNT');
    const base = `/api/v1/cycles/${cycle.id}/review`;
    const routes = [
      { method: 'GET' as const, url: base },
      { method: 'GET' as const, url: `${base}/${ids.SNNPTNT}` },
      {
        method: 'PUT' as const,
        url: `${base}/${ids.SNNPTNT}/values/total_staff`,
        payload: { value: 9, reason: 'Khảo sát thực tế' },
      },
      {
        method: 'POST' as const,
        url: `${base}/${ids.SNNPTNT}/queries`,
        payload: { subject: 'Hỏi', body: 'Nội dung' },
      },
      {
        method: 'POST' as const,
        url: `${base}/${ids.SNNPTNT}/claims/2.7/decision`,
        payload: { decision: 'confirm' },
      },
      {
        method: 'POST' as const,
        url: `${base}/${ids.SNNPTNT}/surveys`,
        payload: { surveyDate: '2017-11-10', team: 'Đoàn', findings: 'Kết quả khảo sát' },
      },
    ];
    for (const role of ['reporter', 'viewer'] as const) {
      const cookie = await s.as(role, role === 'reporter' ? 'SNNPTNT' : undefined);
      for (const r of routes) {
        const res = await s.request({ ...r, cookie });
        expect(res.statusCode, `${role} ${r.method} ${r.url}`).toBe(403);
        expect(res.json().error.message).toBe('Bạn không có quyền thực hiện thao tác này');
      }
    }
    expect((await s.request({ method: 'GET', url: base })).statusCode).toBe(401);
  });

  it('lets the approver read the review only once the cycle is submitted for approval', async () => {
    const approver = await s.as('approver');
    const closed = await s.request({
      method: 'GET',
      url: `/api/v1/cycles/${cycle.id}/review`,
      cookie: approver,
    });
    expect(closed.statusCode).toBe(403);
    expect(closed.json().error.message).toMatch(
      /người phê duyệt xem kết quả thẩm định khi kỳ đã được trình phê duyệt/,
    );
    const later = await createCycle(s.deps.database.db, { year: 2014, state: 'under_review' });
    const open = await s.request({
      method: 'GET',
      url: `/api/v1/cycles/${later.id}/review`,
      cookie: approver,
    });
    expect(open.statusCode).toBe(200);
    expect(open.json().agencies).toHaveLength(33);
    const write = await s.request({
      method: 'PUT',
      url: `/api/v1/cycles/${later.id}/review/${ids.STTTT}/values/total_staff`,
      cookie: approver,
      payload: { value: 9, reason: 'Khảo sát thực tế' },
    });
    expect(write.statusCode).toBe(403);
  });
});

describe('the review list', () => {
  it('derives each agency’s review status and filters by group and status', async () => {
    await submitted('SKHCN');
    await submitted('SYT');
    await submitted('SNV', { submittedAt: new Date('2017-11-02T01:00:00Z') });
    await submitted('STC', { status: 'draft' });
    const mark = await correct('SYT', 'data_quality_points', { value: 2 });
    expect(mark.statusCode).toBe(200);

    const res = await s.request({
      method: 'GET',
      url: `/api/v1/cycles/${cycle.id}/review`,
      cookie: assessor,
    });
    expect(res.statusCode).toBe(200);
    const rows: { code: string; [k: string]: unknown }[] = res.json().agencies;
    expect(rows.map((r) => r.code)).toEqual([...rows.map((r) => r.code)].sort());
    const row = (code: string) => rows.find((r) => r.code === code)!;
    expect(row('SKHCN')).toMatchObject({
      submissionStatus: 'submitted',
      reviewStatus: 'to_review',
      reviewStatusLabel: { vi: 'Chờ thẩm định' },
      late: false,
      openQueries: 0,
      corrections: 0,
      selfTotal: row('SKHCN').officialTotal,
    });
    expect(row('SKHCN').findings).toMatchObject({ errors: expect.any(Number), warnings: expect.any(Number) });
    expect(row('SYT')).toMatchObject({ reviewStatus: 'reviewed', reviewStatusLabel: { vi: 'Đã thẩm định' } });
    // Without the data-quality mark the agency had 2 points less on its own.
    expect(row('SYT').officialTotal).toBe((row('SYT').selfTotal as number) + 2);
    expect(row('SNV')).toMatchObject({
      late: true,
      submissionStatus: 'submitted',
      selfClass: null,
      officialClass: null,
    });
    expect(row('STC')).toMatchObject({
      submissionStatus: 'draft',
      reviewStatus: 'not_submitted',
      selfTotal: null,
      findings: null,
    });
    expect(row('VPUBND')).toMatchObject({
      submissionStatus: 'not_started',
      reviewStatus: 'not_submitted',
      submittedAt: null,
    });

    const reviewed = await s.request({
      method: 'GET',
      url: `/api/v1/cycles/${cycle.id}/review?status=reviewed`,
      cookie: assessor,
    });
    expect(reviewed.json().agencies.map((r: { code: string }) => r.code)).toEqual(['SYT']);
    const districts = await s.request({
      method: 'GET',
      url: `/api/v1/cycles/${cycle.id}/review?group=district`,
      cookie: assessor,
    });
    expect(districts.json().agencies).toHaveLength(13);
    expect(districts.json().agencies.every((r: { group: string }) => r.group === 'district')).toBe(true);
    const unknown = await s.request({
      method: 'GET',
      url: `/api/v1/cycles/${cycle.id}/review?group=xa`,
      cookie: assessor,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ field: 'group' });
    expect(unknown.json().error.message).toMatch(/Nhóm "xa" không có trong bộ tiêu chí/);
  });

  it('shows an agency in review while a query is open, and to review again once it is closed without other work', async () => {
    await submitted('SCT');
    const open = await s.request({
      method: 'POST',
      url: `/api/v1/cycles/${cycle.id}/review/${ids.SCT}/queries`,
      cookie: assessor,
      payload: { subject: 'Số máy tính', body: 'Đề nghị gửi danh sách máy tính.' },
    });
    expect(open.statusCode).toBe(201);
    const list = async () =>
      (await s.request({ method: 'GET', url: `/api/v1/cycles/${cycle.id}/review`, cookie: assessor }))
        .json()
        .agencies.find((r: { code: string }) => r.code === 'SCT');
    expect(await list()).toMatchObject({ reviewStatus: 'in_review', openQueries: 1 });
    await s.request({
      method: 'POST',
      url: `/api/v1/cycles/${cycle.id}/queries/${open.json().query.id}/close`,
      cookie: assessor,
    });
    expect(await list()).toMatchObject({ reviewStatus: 'to_review', openQueries: 0 });
  });
});

describe('corrections (R16)', () => {
  it('requires a reason of at least 5 characters for an agency value, naming the field', async () => {
    await submitted('STTTT');
    for (const reason of [undefined, '', 'sai']) {
      const res = await correct('STTTT', 'staff_with_computer', {
        value: 5,
        ...(reason !== undefined && { reason }),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.field).toBe('reason');
      expect(res.json().error.message).toMatch(
        /^Điều chỉnh "CBCCVC có máy tính" phải ghi lý do \(ít nhất 5 ký tự\)$/,
      );
    }
    const typed = await correct('STTTT', 'staff_with_computer', { value: '5a', reason: 'Khảo sát thực tế' });
    expect(typed.statusCode).toBe(400);
    expect(typed.json().error).toMatchObject({ field: 'value' });
    expect(typed.json().error.message).toMatch(/^"CBCCVC có máy tính" phải là một số nguyên/);
    const monitored = await correct('STTTT', 'website_active', {
      value: false,
      reason: 'Trang không truy cập được',
    });
    expect(monitored.statusCode).toBe(400);
    expect(monitored.json().error.message).toMatch(/lấy từ kết quả kiểm tra trang TTĐT/);
    const unknown = await correct('STTTT', 'commune_count', { value: 3, reason: 'Khảo sát thực tế' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/"commune_count" không có trên phiếu của nhóm/);
    expect(await auditRows('review.correction', 'STTTT')).toHaveLength(0);
  });

  it('corrects a value with its reason: history, audit row, and the difference explained criterion by criterion', async () => {
    const res = await correct('STTTT', 'staff_with_computer', {
      value: 5,
      reason: 'Khảo sát thực tế: chỉ 5 người có máy tính',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().value).toMatchObject({
      key: 'staff_with_computer',
      agencyValue: 10,
      officialValue: 5,
      corrected: true,
    });
    expect(res.json().value.history).toMatchObject([
      {
        kind: 'correction',
        oldValue: 10,
        newValue: 5,
        reason: 'Khảo sát thực tế: chỉ 5 người có máy tính',
        restoresAgencyValue: false,
      },
    ]);
    const [row] = await auditRows('review.correction', 'STTTT');
    expect(row).toMatchObject({
      field: 'staff_with_computer',
      oldValue: 10,
      newValue: 5,
      reason: 'Khảo sát thực tế: chỉ 5 người có máy tính',
      cycleId: cycle.id,
      actorRole: 'assessor',
    });

    const p = await page('STTTT');
    const c11 = criterion(p, '1.1');
    expect(c11).toMatchObject({ self: { points: 5 }, official: { points: 2.5 }, difference: -2.5 });
    expect(c11.official.explanation.vi).toMatch(/5\/10/);
    expect(c11.reasons).toHaveLength(1);
    // The screen shows each criterion's values beside its points: the fields it reads come along.
    expect((c11 as Criterion & { fields: string[] }).fields).toEqual(
      expect.arrayContaining(['staff_with_computer', 'total_staff']),
    );
    expect(c11.reasons[0]).toMatchObject({ kind: 'correction', fieldKey: 'staff_with_computer' });
    expect(c11.reasons[0]!.text.vi).toMatch(
      /^Sở TT&TT điều chỉnh ".+": 10 → 5\. Lý do: Khảo sát thực tế: chỉ 5 người có máy tính$/,
    );
    expect(p.comparison.difference).toBe(-2.5);
    expect(p.comparison.official.total).toBe(p.comparison.self.total - 2.5);
    // Every criterion the correction does not feed keeps the agency's own score.
    for (const c of p.comparison.criteria as Criterion[]) {
      if (c.id === '1.1') continue;
      expect(c.reasons, c.id).toEqual([]);
      expect(c.official.points, c.id).toBe(c.self.points);
      expect(c.difference, c.id).toBe(0);
    }
    expect(p.values.find((v: { key: string }) => v.key === 'staff_with_computer')).toMatchObject({
      corrected: true,
      officialValue: 5,
      type: 'integer',
      min: 0,
      options: null,
    });
    expect(p.values.find((v: { key: string }) => v.key === 'total_staff')).toMatchObject({
      corrected: false,
      agencyValue: 10,
      officialValue: 10,
      history: [],
    });

    // The official result other modules freeze carries the correction.
    const official = await officialResult(s.deps.database.db, cycle);
    const ranked = official.result.groups
      .find((g) => g.group.id === 'department')!
      .ranking.find((r) => r.code === 'STTTT')!;
    expect(ranked.score.total / 100).toBe(p.comparison.official.total);
  });

  it('sets the reviewer’s data-quality mark without a reason, within the criterion’s maximum', async () => {
    const over = await correct('STTTT', 'data_quality_points', { value: 3 });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.message).toMatch(/không được lớn hơn 2 \(điểm tối đa của tiêu chí 4\.8\)/);
    const res = await correct('STTTT', 'data_quality_points', { value: 1.5 });
    expect(res.statusCode).toBe(200);
    expect(res.json().value).toMatchObject({ source: 'reviewer', officialValue: 1.5, agencyValue: null });
    const p = await page('STTTT');
    expect(criterion(p, '4.8')).toMatchObject({
      self: { points: 0 },
      official: { points: 1.5 },
      difference: 1.5,
    });
    expect(criterion(p, '4.8').reasons).toMatchObject([
      { kind: 'reviewer_mark', fieldKey: 'data_quality_points' },
    ]);
    expect(criterion(p, '4.8').reasons[0]!.text.vi).toMatch(/^Sở TT&TT chấm ".+": 1,5$/);
    const [row] = await auditRows('review.reviewer_mark', 'STTTT');
    expect(row).toMatchObject({ field: 'data_quality_points', oldValue: null, newValue: 1.5 });
  });

  it('withdraws a correction back to the agency’s value only with a reason', async () => {
    const bare = await correct('STTTT', 'staff_with_computer', { value: null });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.field).toBe('reason');
    expect(bare.json().error.message).toMatch(/^Hủy điều chỉnh/);
    const res = await correct('STTTT', 'staff_with_computer', {
      value: null,
      reason: 'Cơ quan đã gửi danh sách máy tính đầy đủ',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().value).toMatchObject({ agencyValue: 10, officialValue: 10, corrected: false });
    expect(res.json().value.history).toHaveLength(2);
    expect(res.json().value.history[1]).toMatchObject({
      oldValue: 5,
      newValue: 10,
      restoresAgencyValue: true,
    });
    const again = await correct('STTTT', 'staff_with_computer', { value: null, reason: 'Hủy thêm một lần' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toMatch(/chưa được Sở TT&TT điều chỉnh: không có gì để hủy/);
    const p = await page('STTTT');
    expect(criterion(p, '1.1')).toMatchObject({
      self: { points: 5 },
      official: { points: 5 },
      difference: 0,
      reasons: [],
    });
    const [cleared] = await auditRows('review.correction_clear', 'STTTT');
    expect(cleared).toMatchObject({
      oldValue: 5,
      newValue: 10,
      reason: 'Cơ quan đã gửi danh sách máy tính đầy đủ',
    });
  });

  it('refuses corrections in a published cycle and in an open cycle before submission', async () => {
    const db = s.deps.database.db;
    const published = await createCycle(db, { year: 2016, state: 'published' });
    await createSubmission(db, published.id, 'STTTT', { website: null });
    const inPublished = await s.request({
      method: 'PUT',
      url: `/api/v1/cycles/${published.id}/review/${ids.STTTT}/values/total_staff`,
      cookie: assessor,
      payload: { value: 9, reason: 'Khảo sát thực tế' },
    });
    expect(inPublished.statusCode).toBe(409);
    expect(inPublished.json().error.code).toBe('invalid_state');
    expect(inPublished.json().error.message).toMatch(
      /^Kỳ đánh giá năm 2016 đã công bố kết quả: .*không được sửa/,
    );
    const decision = await s.request({
      method: 'POST',
      url: `/api/v1/cycles/${published.id}/review/${ids.STTTT}/claims/2.7/decision`,
      cookie: assessor,
      payload: { decision: 'confirm' },
    });
    expect(decision.statusCode).toBe(409);

    const open = await createCycle(db, { year: 2015, state: 'open' });
    await createSubmission(db, open.id, 'SKHCN', { status: 'draft', website: null });
    const inOpen = await s.request({
      method: 'PUT',
      url: `/api/v1/cycles/${open.id}/review/${ids.SKHCN}/values/total_staff`,
      cookie: assessor,
      payload: { value: 9, reason: 'Khảo sát thực tế' },
    });
    expect(inOpen.statusCode).toBe(409);
    expect(inOpen.json().error).toMatchObject({ code: 'invalid_state' });
    expect(inOpen.json().error.message).toMatch(
      /^Kỳ đánh giá năm 2015 đang nhận phiếu: chỉ điều chỉnh số liệu khi kỳ đã hết hạn/,
    );
    // Closed, but the agency never submitted: still nothing to correct.
    const draft = await correct('STC', 'total_staff', { value: 9, reason: 'Khảo sát thực tế' });
    expect(draft.statusCode).toBe(409);
    expect(draft.json().error.message).toBe('Cơ quan chưa nộp phiếu báo cáo: chưa thể điều chỉnh số liệu');
  });
});

describe('"not applicable" decisions (R4)', () => {
  it('shows a pending claim, then explains the difference once the claim is rejected with a note', async () => {
    // 2.7 earns 2 of 3 on the values; the agency claimed it not applicable (full 3 in its own view).
    await submitted('SGTVT', {
      values: { ...formValues('department'), tthc_records_on_software: 5 },
      claims: [{ criterionId: '2.7', reason: 'Sở không có TTHC' }, { criterionId: '3.8' }],
    });
    let p = await page('SGTVT');
    expect(p.reviewStatus).toBe('to_review');
    expect(p.claims.map((c: { criterionId: string; status: string }) => [c.criterionId, c.status])).toEqual([
      ['2.7', 'claimed'],
      ['3.8', 'claimed'],
    ]);
    expect(criterion(p, '2.7')).toMatchObject({
      self: { points: 3, basis: 'not_applicable' },
      official: { points: 2 },
      difference: -1,
    });
    expect(criterion(p, '2.7').self.explanation.vi).toMatch(/chờ Sở TT&TT xác nhận/);
    expect(criterion(p, '2.7').reasons).toMatchObject([{ kind: 'na_pending' }]);
    expect(p.findings.filter((f: { ruleId: string }) => f.ruleId === 'V37')).toHaveLength(2);

    const bare = await decide('SGTVT', '2.7', { decision: 'reject' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error).toMatchObject({ field: 'note' });
    expect(bare.json().error.message).toMatch(
      /Từ chối đề nghị "không áp dụng" của tiêu chí 2\.7 phải ghi lý do/,
    );

    const rejected = await decide('SGTVT', '2.7', {
      decision: 'reject',
      note: 'Sở có 12 TTHC thuộc thẩm quyền giải quyết',
    });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json().claim).toMatchObject({
      criterionId: '2.7',
      status: 'rejected',
      decisionNote: 'Sở có 12 TTHC thuộc thẩm quyền giải quyết',
    });
    p = await page('SGTVT');
    const c27 = criterion(p, '2.7');
    expect(c27).toMatchObject({
      self: { points: 3 },
      official: { points: 2, basis: 'formula' },
      difference: -1,
    });
    expect(c27.reasons).toHaveLength(1);
    expect(c27.reasons[0]!.kind).toBe('na_rejected');
    expect(c27.reasons[0]!.text.vi).toBe(
      'Sở TT&TT không chấp nhận đề nghị "không áp dụng" của cơ quan, nên điểm chính thức tính theo số liệu. Lý do: Sở có 12 TTHC thuộc thẩm quyền giải quyết',
    );
    expect(p.claims[0]).toMatchObject({ status: 'rejected', decidedBy: { name: 'Người thử assessor-x' } });
    expect(p.reviewStatus).toBe('in_review');

    const [row] = await auditRows('review.na_reject', 'SGTVT');
    expect(row).toMatchObject({
      field: '2.7',
      oldValue: { status: 'claimed', note: null },
      newValue: { status: 'rejected', note: 'Sở có 12 TTHC thuộc thẩm quyền giải quyết' },
      reason: 'Sở có 12 TTHC thuộc thẩm quyền giải quyết',
    });
  });

  it('confirms a claim: full points on both sides, the logic check satisfied, audit row written', async () => {
    const res = await decide('SGTVT', '3.8', { decision: 'confirm' });
    expect(res.statusCode).toBe(200);
    expect(res.json().claim).toMatchObject({ status: 'confirmed', decisionNote: null });
    const p = await page('SGTVT');
    expect(criterion(p, '3.8')).toMatchObject({
      self: { basis: 'not_applicable', points: 1 },
      official: { basis: 'not_applicable', points: 1 },
      reasons: [],
    });
    // 3.8 is now confirmed and 2.7 was rejected (scored on its values): no claim is left to check.
    const v37 = p.findings.filter((f: { ruleId: string }) => f.ruleId === 'V37');
    expect(v37).toEqual([]);
    expect(await auditRows('review.na_confirm', 'SGTVT')).toHaveLength(1);
    const missing = await decide('SGTVT', '1.1', { decision: 'confirm' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe('Không tìm thấy đề nghị "không áp dụng" của tiêu chí 1.1');
  });
});

describe('queries to the agency (R10, R18)', () => {
  let queryId: string;

  it('opens a query with its first message and queues an e-mail to the agency’s reporters with it', async () => {
    await submitted('SXD');
    await s.as('reporter', 'SXD');
    await s.as('reporter', 'SKHCN');
    const before = s.mails.length;
    const res = await s.request({
      method: 'POST',
      url: `/api/v1/cycles/${cycle.id}/review/${ids.SXD}/queries`,
      cookie: assessor,
      payload: {
        subject: 'Tổng số CBCCVC',
        body: 'Đề nghị giải trình vì sao tổng số CBCCVC tăng 40% so với năm trước.',
        fieldKey: 'total_staff',
        criterionId: '1.1',
      },
    });
    expect(res.statusCode).toBe(201);
    queryId = res.json().query.id;
    expect(res.json().query).toMatchObject({
      status: 'open',
      subject: 'Tổng số CBCCVC',
      fieldKey: 'total_staff',
      criterionId: '1.1',
    });
    expect(res.json().query.messages).toHaveLength(1);
    expect(res.json().notified).toEqual({ recipients: 1, queued: true });
    // The mail went into the queue with the query; the queue's worker sends it, not the request.
    expect(s.mails.length).toBe(before);
    expect(await runDueJobs(s.deps, silentLog)).toMatchObject({ failed: 0 });
    const mails = s.mails.slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual(['reporter-sxd@example.test']);
    expect(mails[0]!.subject).toBe('[Đánh giá CNTT 2017] Sở TT&TT đề nghị giải trình: Tổng số CBCCVC');
    expect(mails[0]!.text).toMatch(/^Kính gửi Sở Xây dựng,/);
    expect(mails[0]!.text).toMatch(/Đề nghị giải trình vì sao tổng số CBCCVC tăng 40%/);
    expect((await auditRows('review.query_open', 'SXD')).length).toBe(1);
  });

  it('refuses a query on an unknown field and on an agency that has not submitted', async () => {
    const bad = await s.request({
      method: 'POST',
      url: `/api/v1/cycles/${cycle.id}/review/${ids.SXD}/queries`,
      cookie: assessor,
      payload: { subject: 'Hỏi', body: 'Nội dung', fieldKey: 'commune_count' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ field: 'fieldKey' });
    const draft = await s.request({
      method: 'POST',
      url: `/api/v1/cycles/${cycle.id}/review/${ids.STC}/queries`,
      cookie: assessor,
      payload: { subject: 'Hỏi', body: 'Nội dung' },
    });
    expect(draft.statusCode).toBe(409);
    expect(draft.json().error.message).toBe(
      'Cơ quan chưa nộp phiếu báo cáo: chỉ gửi câu hỏi cho cơ quan sau khi cơ quan đã nộp',
    );
  });

  it('lets the agency’s reporter read and answer it, and no other agency', async () => {
    const reporter = await s.as('reporter', 'SXD');
    const list = await s.request({
      method: 'GET',
      url: `/api/v1/cycles/${cycle.id}/agencies/${ids.SXD}/queries`,
      cookie: reporter,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().queries).toHaveLength(1);
    expect(list.json().queries[0].messages[0].author).toMatchObject({ role: 'assessor' });

    const before = s.mails.length;
    const answer = await s.request({
      method: 'POST',
      url: `/api/v1/cycles/${cycle.id}/queries/${queryId}/messages`,
      cookie: reporter,
      payload: { body: 'Năm 2017 cơ quan tiếp nhận thêm Trung tâm Quy hoạch xây dựng.' },
    });
    expect(answer.statusCode).toBe(201);
    expect(answer.json().query.status).toBe('answered');
    expect(answer.json().query.messages).toHaveLength(2);
    expect(answer.json().notified).toEqual({ recipients: 1, queued: true });
    await runDueJobs(s.deps, silentLog);
    expect(s.mails.slice(before).map((m) => m.to)).toEqual([['assessor-x@example.test']]);

    const other = await s.as('reporter', 'SKHCN');
    const foreign = await s.request({
      method: 'POST',
      url: `/api/v1/cycles/${cycle.id}/queries/${queryId}/messages`,
      cookie: other,
      payload: { body: 'Tôi trả lời hộ' },
    });
    expect(foreign.statusCode).toBe(403);
    const foreignList = await s.request({
      method: 'GET',
      url: `/api/v1/cycles/${cycle.id}/agencies/${ids.SXD}/queries`,
      cookie: other,
    });
    expect(foreignList.statusCode).toBe(403);

    const follow = await s.request({
      method: 'POST',
      url: `/api/v1/cycles/${cycle.id}/queries/${queryId}/messages`,
      cookie: assessor,
      payload: { body: 'Đề nghị gửi quyết định sáp nhập.' },
    });
    expect(follow.json().query.status).toBe('open');
    await runDueJobs(s.deps, silentLog);
    expect(s.mails.at(-1)!.to).toEqual(['reporter-sxd@example.test']);
    expect(await auditRows('review.query_answer', 'SXD')).toHaveLength(1);
  });

  it('takes a file with the agency’s answer after submission; the department and the agency download it, no one else', async () => {
    const reporter = await s.as('reporter', 'SXD');
    const url = `/api/v1/cycles/${cycle.id}/queries/${queryId}/messages-with-file`;
    const body = multipart([
      { name: 'body', content: 'Gửi kèm Quyết định sáp nhập Trung tâm Quy hoạch xây dựng.' },
      { name: 'file', filename: 'qd-sap-nhap.pdf', type: 'application/pdf', content: SMALL_PDF },
    ]);
    const res = await s.request({ method: 'POST', url, cookie: reporter, ...body });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().query.status).toBe('answered');
    const last = res.json().query.messages.find((m: { file: unknown }) => m.file);
    expect(last.body).toBe('Gửi kèm Quyết định sáp nhập Trung tâm Quy hoạch xây dựng.');
    expect(last.file).toMatchObject({
      filename: 'qd-sap-nhap.pdf',
      size: SMALL_PDF.length,
      mime: 'application/pdf',
    });
    const audit = await auditRows('review.query_answer', 'SXD');
    expect(audit.at(-1)!.newValue).toMatchObject({
      file: { filename: 'qd-sap-nhap.pdf', size: SMALL_PDF.length },
    });

    const fileUrl = `/api/v1/cycles/${cycle.id}/queries/${queryId}/files/${last.file.id}`;
    for (const cookie of [assessor, reporter]) {
      const got = await s.request({ method: 'GET', url: fileUrl, cookie });
      expect(got.statusCode).toBe(200);
      expect(got.rawPayload.equals(SMALL_PDF)).toBe(true);
    }
    const other = await s.as('reporter', 'SKHCN');
    expect((await s.request({ method: 'GET', url: fileUrl, cookie: other })).statusCode).toBe(404);
    expect((await s.request({ method: 'POST', url, cookie: other, ...body })).statusCode).toBe(403);

    // A file of no accepted type, or none at all, is refused and nothing is written.
    const count = (await page('SXD')).queries.find((q: { id: string }) => q.id === queryId).messages.length;
    const exe = multipart([
      { name: 'body', content: 'Tệp chạy' },
      {
        name: 'file',
        filename: 'a.pdf',
        type: 'application/pdf',
        content: Buffer.from('MZ\x90\x00 not a pdf'),
      },
    ]);
    const refused = await s.request({ method: 'POST', url, cookie: reporter, ...exe });
    expect(refused.statusCode).toBe(415);
    expect(refused.json().error.message).toMatch(/không thuộc loại được chấp nhận/);
    const none = await s.request({
      method: 'POST',
      url,
      cookie: reporter,
      ...multipart([{ name: 'body', content: 'Quên tệp' }]),
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().error).toMatchObject({ field: 'file' });
    expect((await page('SXD')).queries.find((q: { id: string }) => q.id === queryId).messages).toHaveLength(
      count,
    );
  });

  it('closes a query; no one writes on a closed query', async () => {
    const reporter = await s.as('reporter', 'SXD');
    const refused = await s.request({
      method: 'POST',
      url: `/api/v1/cycles/${cycle.id}/queries/${queryId}/close`,
      cookie: reporter,
    });
    expect(refused.statusCode).toBe(403);
    const closed = await s.request({
      method: 'POST',
      url: `/api/v1/cycles/${cycle.id}/queries/${queryId}/close`,
      cookie: assessor,
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().query).toMatchObject({ status: 'closed', closedAt: '2017-11-20T03:00:00.000Z' });
    const late = await s.request({
      method: 'POST',
      url: `/api/v1/cycles/${cycle.id}/queries/${queryId}/messages`,
      cookie: reporter,
      payload: { body: 'Bổ sung thêm' },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe('Câu hỏi đã được Sở TT&TT đóng: không thể trao đổi thêm');
    const p = await page('SXD');
    expect(p.queries[0]).toMatchObject({ status: 'closed' });
    // The question, the answer, the follow-up and the answer with a file; nothing after closing.
    expect(p.queries[0].messages).toHaveLength(4);
  });
});

describe('field surveys (R17)', () => {
  let surveyId: string;
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

  it('records a survey, refusing a date still to come', async () => {
    await submitted('SKHDT');
    const url = `/api/v1/cycles/${cycle.id}/review/${ids.SKHDT}/surveys`;
    const future = await s.request({
      method: 'POST',
      url,
      cookie: assessor,
      payload: { surveyDate: '2017-12-01', team: 'Đoàn Sở TT&TT', findings: 'Kết quả' },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error).toMatchObject({ field: 'surveyDate' });
    expect(future.json().error.message).toMatch(/01\/12\/2017 chưa tới/);
    const res = await s.request({
      method: 'POST',
      url,
      cookie: assessor,
      payload: {
        surveyDate: '2017-11-15',
        team: 'Nguyễn Văn B, Trần Thị C (Sở TT&TT)',
        findings: 'Có 8 máy tính đang dùng, 2 máy hỏng.',
      },
    });
    expect(res.statusCode).toBe(201);
    surveyId = res.json().survey.id;
    expect(res.json().survey).toMatchObject({
      surveyDate: '2017-11-15',
      createdBy: { name: 'Người thử assessor-x' },
      evidence: [],
    });
    expect(await auditRows('review.survey_create', 'SKHDT')).toHaveLength(1);
  });

  it('attaches evidence to the survey by its content type, lists it and lets the assessor download it', async () => {
    const url = `/api/v1/cycles/${cycle.id}/review/${ids.SKHDT}/surveys/${surveyId}/evidence`;
    const text = multipart([
      { name: 'file', filename: 'bien-ban.pdf', type: 'application/pdf', content: 'không phải PDF' },
    ]);
    const refused = await s.request({ method: 'POST', url, cookie: assessor, ...text });
    expect(refused.statusCode).toBe(415);
    expect(refused.json().error).toMatchObject({ code: 'unsupported_type', field: 'file' });
    const none = await s.request({
      method: 'POST',
      url,
      cookie: assessor,
      ...multipart([{ name: 'note', content: 'quên tệp' }]),
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.field).toBe('file');

    const body = multipart([
      { name: 'note', content: 'Biên bản khảo sát có chữ ký' },
      { name: 'file', filename: 'Biên bản khảo sát.pdf', type: 'application/octet-stream', content: pdf },
    ]);
    const res = await s.request({ method: 'POST', url, cookie: assessor, ...body });
    expect(res.statusCode).toBe(201);
    const evidence = res.json().evidence;
    expect(evidence).toMatchObject({
      surveyId,
      filename: 'Biên bản khảo sát.pdf',
      mime: 'application/pdf',
      size: pdf.length,
      note: 'Biên bản khảo sát có chữ ký',
    });

    const p = await page('SKHDT');
    expect(p.surveys).toHaveLength(1);
    expect(p.surveys[0].evidence.map((e: { id: string }) => e.id)).toEqual([evidence.id]);
    expect(p.evidence.map((e: { id: string }) => e.id)).toContain(evidence.id);

    const download = await s.request({
      method: 'GET',
      url: `/api/v1/cycles/${cycle.id}/review/${ids.SKHDT}/evidence/${evidence.id}`,
      cookie: assessor,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="Bien_ban_khao_sat.pdf"/);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    const elsewhere = await s.request({
      method: 'GET',
      url: `/api/v1/cycles/${cycle.id}/review/${ids.SXD}/evidence/${evidence.id}`,
      cookie: assessor,
    });
    expect(elsewhere.statusCode).toBe(404);
  });

  it('cites the survey in the reason of a correction made from it', async () => {
    const res = await correct('SKHDT', 'computers_internet', {
      value: 8,
      reason: 'Hai máy không kết nối Internet',
      surveyId,
    });
    expect(res.statusCode).toBe(200);
    const p = await page('SKHDT');
    expect(criterion(p, '1.2').reasons[0]!.text.vi).toBe(
      'Sở TT&TT điều chỉnh "Máy kết nối Internet": 10 → 8 (theo khảo sát thực tế ngày 15/11/2017). Lý do: Hai máy không kết nối Internet',
    );
    expect(criterion(p, '1.2')).toMatchObject({
      self: { points: 3 },
      official: { points: 2.4 },
      difference: -0.6,
    });
  });
});

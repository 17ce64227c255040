import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle, createSubmission, formValues, markDataQuality } from '../../../../test/fixtures.ts';
import { multipart } from '../../../../test/http.ts';
import { type TestServer, testServer } from '../../../../test/server.ts';
import { agencies, auditLog } from '../../db/schema.ts';
import { appealEventsFor, readAppeals } from './read-appeals.ts';

const url = (cycleId: string, rest = '') => `/api/v1/cycles/${cycleId}${rest}`;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('appeals before the final result (issue 12, item 3)', () => {
  let s: TestServer;
  let cycleId: string;
  let sttttId: string;
  let stcId: string;
  let appealId: string;
  const agencyId = async (code: string) =>
    (await s.deps.database.db.select().from(agencies).where(eq(agencies.code, code)))[0]!.id;

  beforeAll(async () => {
    // Sunday 10/12/2017, 10:00 in Hà Nội: the five working days run Monday 11 to Friday 15.
    s = await testServer({ now: '2017-12-10T03:00:00Z' });
    const db = s.deps.database.db;
    const cycle = await createCycle(db, { state: 'under_review', appealDays: 5 });
    cycleId = cycle.id;
    const values = formValues('department');
    await createSubmission(db, cycleId, 'STTTT', {
      values: { ...values, staff_with_computer: Math.floor(Number(values.total_staff) / 2) },
    });
    await createSubmission(db, cycleId, 'STC');
    await markDataQuality(db, cycleId, ['STTTT', 'STC']);
    sttttId = await agencyId('STTTT');
    stcId = await agencyId('STC');
  });
  afterAll(() => s.close());

  it('refuses appeals before approval, then opens five working days after it', async () => {
    const early = await s.request({
      method: 'POST',
      url: url(cycleId, `/agencies/${sttttId}/appeals`),
      cookie: await s.as('reporter', 'STTTT'),
      payload: { criterionId: '1.1', text: 'Số máy tính chưa được tính đủ theo biên bản bàn giao' },
    });
    expect(early.statusCode).toBe(409);
    const approve = await s.request({
      method: 'POST',
      url: url(cycleId, '/approve'),
      cookie: await s.as('approver'),
      payload: {},
    });
    expect(approve.statusCode).toBe(200);
    const view = await s.request({
      method: 'GET',
      url: url(cycleId, '/appeals'),
      cookie: await s.as('reporter', 'STTTT'),
    });
    expect(view.statusCode).toBe(200);
    expect(view.json().period).toMatchObject({ days: 5, lastDay: '2017-12-15', open: true });
    expect(view.json().canFile).toBe(true);
  });

  it('shows the agency its own provisional result in the period, and no other agency’s', async () => {
    const reporter = await s.as('reporter', 'STTTT');
    const own = await s.request({
      method: 'GET',
      url: url(cycleId, `/results/agencies/${sttttId}?preview=true`),
      cookie: reporter,
    });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ preview: true, agency: { code: 'STTTT' }, ranked: true });
    const other = await s.request({
      method: 'GET',
      url: url(cycleId, `/results/agencies/${stcId}?preview=true`),
      cookie: reporter,
    });
    expect(other.statusCode).toBe(403);
    const ranking = await s.request({
      method: 'GET',
      url: url(cycleId, '/results?preview=true'),
      cookie: reporter,
    });
    expect(ranking.statusCode).toBe(403);
  });

  it('lets the agency file an appeal with a file, and the assessors hear of it', async () => {
    const reporter = await s.as('reporter', 'STTTT');
    const res = await s.request({
      method: 'POST',
      url: url(cycleId, `/agencies/${sttttId}/appeals`),
      cookie: reporter,
      payload: {
        criterionId: '1.1',
        text: 'Toàn bộ cán bộ đã được trang bị máy tính từ tháng 6, xem biên bản bàn giao',
      },
    });
    expect(res.statusCode).toBe(201);
    appealId = res.json().id;
    expect(res.json()).toMatchObject({ status: 'open', criterion: { id: '1.1' }, agency: { code: 'STTTT' } });
    const body = multipart([{ name: 'file', filename: 'Biên bản bàn giao.pdf', content: PDF }]);
    const file = await s.request({
      method: 'POST',
      url: url(cycleId, `/appeals/${appealId}/files`),
      cookie: reporter,
      ...body,
    });
    expect(file.statusCode).toBe(201);
    expect(file.json()).toMatchObject({ filename: 'Biên bản bàn giao.pdf', mime: 'application/pdf' });
    const down = await s.request({
      method: 'GET',
      url: url(cycleId, `/appeals/${appealId}/files/${file.json().id}`),
      cookie: await s.as('assessor'),
    });
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(PDF)).toBe(true);
    const [audited] = await s.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'appeal.file'), eq(auditLog.entityId, appealId)));
    expect(audited).toMatchObject({ agencyId: sttttId, field: '1.1' });
    const bell = await s.request({
      method: 'GET',
      url: '/api/v1/notifications',
      cookie: await s.as('assessor'),
    });
    expect(bell.json().items).toContainEqual(
      expect.objectContaining({
        key: `appeal:${appealId}`,
        kind: 'appeal',
        link: `/ky/${cycleId}/xu-ly-kien-nghi`,
        read: false,
      }),
    );
    const agencyBell = await s.request({ method: 'GET', url: '/api/v1/notifications', cookie: reporter });
    expect(agencyBell.json().items.map((i: { kind: string }) => i.kind)).not.toContain('appeal');
    // The assessor's answer form: each field the criterion reads, with the official value it holds now.
    const staffList = await s.request({
      method: 'GET',
      url: url(cycleId, '/appeals'),
      cookie: await s.as('assessor'),
    });
    const fields = staffList.json().appeals.find((a: { id: string }) => a.id === appealId).fields;
    const half = Math.floor(Number(formValues('department').total_staff) / 2);
    expect(fields).toContainEqual(
      expect.objectContaining({
        key: 'staff_with_computer',
        type: 'integer',
        current: half,
        currentShown: { vi: String(half), en: String(half) },
        options: null,
      }),
    );
    // The agency sees none of it.
    const own = await s.request({ method: 'GET', url: url(cycleId, '/appeals'), cookie: reporter });
    expect(own.json().appeals[0].fields).toEqual([]);
  });

  it('hides an agency’s appeals from another agency, which cannot file for it either', async () => {
    const other = await s.as('reporter', 'STC');
    const list = await s.request({ method: 'GET', url: url(cycleId, '/appeals'), cookie: other });
    expect(list.statusCode).toBe(200);
    expect(list.json().appeals).toEqual([]);
    const asked = await s.request({
      method: 'GET',
      url: url(cycleId, `/appeals?agencyId=${sttttId}`),
      cookie: other,
    });
    expect(asked.statusCode).toBe(403);
    const file = await s.request({
      method: 'POST',
      url: url(cycleId, `/agencies/${sttttId}/appeals`),
      cookie: other,
      payload: { criterionId: '1.1', text: 'Kiến nghị thay cho cơ quan khác' },
    });
    expect(file.statusCode).toBe(403);
    const staff = await s.request({
      method: 'GET',
      url: url(cycleId, '/appeals'),
      cookie: await s.as('assessor'),
    });
    expect(staff.json().appeals).toHaveLength(1);
    const fileId = staff.json().appeals[0].files[0].id;
    const down = await s.request({
      method: 'GET',
      url: url(cycleId, `/appeals/${appealId}/files/${fileId}`),
      cookie: other,
    });
    expect(down.statusCode).toBe(404);
  });

  it('blocks publication while appeals are open and the period runs', async () => {
    const res = await s.request({
      method: 'POST',
      url: url(cycleId, '/publish'),
      cookie: await s.as('approver'),
      payload: {},
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('appeals_pending');
    expect(res.json().error.message).toContain('còn 1 kiến nghị chưa được trả lời');
    expect(res.json().error.message).toContain('15/12/2017');
  });

  it('upholds with a correction: the criterion and the total change, audited as a review correction', async () => {
    const assessor = await s.as('assessor');
    const total = Number(formValues('department').total_staff);
    const bad = await s.request({
      method: 'POST',
      url: url(cycleId, `/appeals/${appealId}/answer`),
      cookie: assessor,
      payload: {
        decision: 'upheld',
        answer: 'Đúng theo biên bản',
        corrections: [{ fieldKey: 'total_computers', value: 1 }],
      },
    });
    expect(bad.statusCode).toBe(400);
    const res = await s.request({
      method: 'POST',
      url: url(cycleId, `/appeals/${appealId}/answer`),
      cookie: assessor,
      payload: {
        decision: 'upheld',
        answer: 'Biên bản bàn giao xác nhận mọi cán bộ có máy tính',
        corrections: [{ fieldKey: 'staff_with_computer', value: total }],
      },
    });
    expect(res.statusCode).toBe(200);
    const a = res.json();
    expect(a.status).toBe('upheld');
    expect(a.pointsAfter).toBe(5);
    expect(a.pointsBefore).toBeLessThan(5);
    expect(a.totalAfter - a.totalBefore).toBeCloseTo(5 - a.pointsBefore, 2);
    const rows = await s.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.cycleId, cycleId), eq(auditLog.agencyId, sttttId)));
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['review.correction', 'appeal.uphold']));
    expect(rows.find((r) => r.action === 'review.correction')).toMatchObject({
      field: 'staff_with_computer',
      newValue: total,
    });
    // The preview (live official ranking) follows the correction.
    const preview = await s.request({
      method: 'GET',
      url: url(cycleId, `/results/agencies/${sttttId}?preview=true`),
      cookie: await s.as('approver'),
    });
    if (preview.statusCode === 200) expect(preview.json().total).toBeCloseTo(a.totalAfter, 2);
    // A second answer is refused.
    const again = await s.request({
      method: 'POST',
      url: url(cycleId, `/appeals/${appealId}/answer`),
      cookie: assessor,
      payload: { decision: 'rejected', answer: 'Trả lời lại' },
    });
    expect(again.statusCode).toBe(409);
    const events = await appealEventsFor(s.deps.database.db, sttttId);
    expect(events[0]!.title.vi).toMatch(/được chấp nhận/);
    expect(events[0]!.link).toBe(`/ky/${cycleId}/kien-nghi`);
    const bell = await s.request({
      method: 'GET',
      url: '/api/v1/notifications',
      cookie: await s.as('reporter', 'STTTT'),
    });
    const answered = bell.json().items.find((i: { key: string }) => i.key === `appeal-answer:${appealId}`);
    expect(answered).toMatchObject({ kind: 'appeal_answer', link: `/ky/${cycleId}/kien-nghi`, read: false });
    expect(answered.title.vi).toMatch(/^Kiến nghị về tiêu chí 1\.1 năm 2017 được chấp nhận \(/);
  });

  it('rejects with a reason, changing nothing', async () => {
    const filed = await s.request({
      method: 'POST',
      url: url(cycleId, `/agencies/${stcId}/appeals`),
      cookie: await s.as('reporter', 'STC'),
      payload: { criterionId: '1.2', text: 'Đề nghị xem lại điểm kết nối Internet của Sở' },
    });
    expect(filed.statusCode).toBe(201);
    const noReason = await s.request({
      method: 'POST',
      url: url(cycleId, `/appeals/${filed.json().id}/answer`),
      cookie: await s.as('assessor'),
      payload: { decision: 'rejected', answer: '' },
    });
    expect(noReason.statusCode).toBe(400);
    const res = await s.request({
      method: 'POST',
      url: url(cycleId, `/appeals/${filed.json().id}/answer`),
      cookie: await s.as('assessor'),
      payload: { decision: 'rejected', answer: 'Số liệu đã đúng với phiếu cơ quan nộp' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'rejected', corrections: [] });
    expect(res.json().totalAfter).toBe(res.json().totalBefore);
    const annex = await readAppeals(s.deps.database.db, cycleId);
    expect(annex.map((r) => `${r.agencyCode} ${r.status}`).sort()).toEqual(['STC rejected', 'STTTT upheld']);
  });

  it('still waits for the period, and publishes on an override with its reason, audited', async () => {
    const approver = await s.as('approver');
    const waits = await s.request({
      method: 'POST',
      url: url(cycleId, '/publish'),
      cookie: approver,
      payload: {},
    });
    expect(waits.statusCode).toBe(409);
    expect(waits.json().error.message).toContain('thời hạn kiến nghị');
    const res = await s.request({
      method: 'POST',
      url: url(cycleId, '/publish'),
      cookie: approver,
      payload: { appealOverride: 'Mọi cơ quan đã xác nhận không còn kiến nghị' },
    });
    expect(res.statusCode).toBe(200);
    const [row] = await s.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.cycleId, cycleId), eq(auditLog.action, 'appeal.publish_override')));
    expect(row?.reason).toBe('Mọi cơ quan đã xác nhận không còn kiến nghị');
  });

  it('refuses filing once the period is over, and publishes without an override then', async () => {
    const db = s.deps.database.db;
    const cycle = await createCycle(db, { year: 2016, state: 'under_review', appealDays: 5 });
    await createSubmission(db, cycle.id, 'STTTT');
    await markDataQuality(db, cycle.id, ['STTTT']);
    const approve = await s.request({
      method: 'POST',
      url: url(cycle.id, '/approve'),
      cookie: await s.as('approver'),
      payload: {},
    });
    expect(approve.json()).toMatchObject({ cycle: { state: 'approved' } });
    s.clock.set('2017-12-15T16:59:00Z'); // 23:59 on Friday 15/12 in Hà Nội: still open
    // Sessions last hours, not days: sign in again at the new time.
    const reporter = await s.login('reporter-stttt');
    const approver = await s.login('approver-x');
    const last = await s.request({ method: 'GET', url: url(cycle.id, '/appeals'), cookie: reporter });
    expect(last.json().period.open).toBe(true);
    s.clock.set('2017-12-15T17:00:00Z'); // 00:00 on Saturday 16/12: over
    const late = await s.request({
      method: 'POST',
      url: url(cycle.id, `/agencies/${sttttId}/appeals`),
      cookie: reporter,
      payload: { criterionId: '1.1', text: 'Kiến nghị gửi sau khi hết thời hạn' },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('Thời hạn gửi kiến nghị đã hết');
    const provisional = await s.request({
      method: 'GET',
      url: url(cycle.id, `/results/agencies/${sttttId}?preview=true`),
      cookie: reporter,
    });
    expect(provisional.statusCode).toBe(409);
    const res = await s.request({
      method: 'POST',
      url: url(cycle.id, '/publish'),
      cookie: approver,
      payload: {},
    });
    expect(res.statusCode).toBe(200);
  });

  it('lets only the administrator set the period, with real dates', async () => {
    const cycle = await createCycle(s.deps.database.db, { year: 2019, state: 'under_review' });
    const bad = await s.request({
      method: 'PUT',
      url: url(cycle.id, '/appeal-period'),
      cookie: await s.as('admin'),
      payload: { days: 5, holidays: ['2019-02-30'] },
    });
    expect(bad.statusCode).toBe(400);
    const ok = await s.request({
      method: 'PUT',
      url: url(cycle.id, '/appeal-period'),
      cookie: await s.as('admin'),
      payload: { days: 7, holidays: ['2020-01-01'] },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ days: 7, holidays: ['2020-01-01'], open: false });
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle, createSubmission } from '../../../../test/fixtures.ts';
import { type TestServer, testServer } from '../../../../test/server.ts';
import { naClaims, queries, remindersSent, reviewValues, submissions } from '../../db/schema.ts';

const DEADLINE = Date.parse('2017-10-31T17:00:00Z'); // 1 November 2017, 00:00 Vietnam time

interface Row {
  code: string;
  group: string;
  formState: string;
  formStateLabel: { vi: string };
  reviewState: string;
  lastSavedAt: string | null;
  submittedAt: string | null;
  reporters: { name: string; email: string | null }[];
  reminders: { daysBefore: number; at: string; sent: boolean; recipients: string[] }[];
  openQueries: number;
  pendingClaims: number;
}

describe('the progress board (R18)', () => {
  let s: TestServer;
  let cycleId: string;
  const board = async (query = '') => {
    const res = await s.request({
      method: 'GET',
      url: `/api/v1/cycles/${cycleId}/progress${query}`,
      cookie: await s.as('assessor'),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    return { ...body, row: (code: string) => (body.agencies as Row[]).find((a) => a.code === code)! };
  };

  beforeAll(async () => {
    s = await testServer({ now: '2017-10-31T12:00:00Z' });
    const db = s.deps.database.db;
    cycleId = (await createCycle(db, { state: 'open' })).id;
    const sttt = await createSubmission(db, cycleId, 'STTTT', {
      submittedAt: new Date('2017-10-20T03:00:00Z'),
    });
    await db
      .update(submissions)
      .set({ updatedAt: new Date('2017-10-20T03:00:00Z') })
      .where(eq(submissions.id, sttt.id));
    const draft = await createSubmission(db, cycleId, 'STC', { status: 'draft' });
    await db
      .update(submissions)
      .set({ updatedAt: new Date('2017-10-29T09:30:00Z') })
      .where(eq(submissions.id, draft.id));
    await createSubmission(db, cycleId, 'TPCB', {
      submittedAt: new Date('2017-10-25T03:00:00Z'),
      claims: [{ criterionId: '3.8' }],
    });
    await s.createUser('bc.stc', 'reporter', 'STC');
    await db.insert(remindersSent).values([
      {
        cycleId,
        agencyId: await s.agencyId('STC'),
        daysBefore: 14,
        sentAt: new Date(DEADLINE - 14 * 86_400_000),
        recipients: 'bc.stc@example.test',
      },
      {
        cycleId,
        agencyId: await s.agencyId('STC'),
        daysBefore: 7,
        sentAt: new Date(DEADLINE - 5 * 86_400_000),
        recipients: '',
      },
    ]);
  });
  afterAll(() => s.close());

  it('before the deadline: not started, draft, submitted on time; reporters and reminders shown', async () => {
    s.clock.set(DEADLINE - 1000);
    const b = await board();
    expect(b.deadlinePassed).toBe(false);
    expect(b.cycle).toMatchObject({
      year: 2017,
      deadline: '2017-10-31T17:00:00.000Z',
      deadlineText: '01/11/2017 00:00',
    });
    expect(b.agencies).toHaveLength(33);
    expect(b.totals).toEqual({ not_started: 30, draft: 1, submitted_on_time: 2, late: 0, missing: 0 });
    expect(b.row('STTTT')).toMatchObject({
      formState: 'submitted_on_time',
      formStateLabel: { vi: 'Đã nộp đúng hạn' },
      submittedAt: '2017-10-20T03:00:00.000Z',
      lastSavedAt: '2017-10-20T03:00:00.000Z',
      reviewState: 'to_review',
    });
    expect(b.row('STC')).toMatchObject({
      formState: 'draft',
      formStateLabel: { vi: 'Đang soạn, chưa nộp' },
      lastSavedAt: '2017-10-29T09:30:00.000Z',
      submittedAt: null,
      reviewState: 'not_submitted',
      reporters: [{ name: 'Người thử bc.stc', email: 'bc.stc@example.test' }],
      reminders: [
        { daysBefore: 14, at: '2017-10-17T17:00:00.000Z', sent: true, recipients: ['bc.stc@example.test'] },
        { daysBefore: 7, at: '2017-10-26T17:00:00.000Z', sent: false, recipients: [] },
      ],
    });
    expect(b.row('SNV')).toMatchObject({
      formState: 'not_started',
      formStateLabel: { vi: 'Chưa bắt đầu' },
      lastSavedAt: null,
      reporters: [],
      reminders: [],
    });
  });

  it('from the deadline on (server clock): no submission is missing, a late one is late', async () => {
    s.clock.set(DEADLINE);
    await createSubmission(s.deps.database.db, cycleId, 'SNV', {
      submittedAt: new Date(DEADLINE + 30 * 60_000),
      website: null,
    });
    const b = await board();
    expect(b.deadlinePassed).toBe(true);
    expect(b.totals).toEqual({ not_started: 0, draft: 1, submitted_on_time: 2, late: 1, missing: 29 });
    expect(b.row('SNV')).toMatchObject({ formState: 'late', formStateLabel: { vi: 'Nộp muộn' } });
    expect(b.row('SGTVT')).toMatchObject({ formState: 'missing', formStateLabel: { vi: 'Không nộp' } });
    expect(b.row('STC').formState).toBe('draft');
  });

  it('follows the review: open queries and pending N/A claims', async () => {
    const db = s.deps.database.db;
    const [sub] = await db
      .select()
      .from(submissions)
      .where(eq(submissions.agencyId, await s.agencyId('STTTT')));
    await db
      .insert(queries)
      .values({ submissionId: sub!.id, subject: 'Số máy tính kết nối Internet?', status: 'open' });
    let b = await board();
    expect(b.row('STTTT')).toMatchObject({ reviewState: 'in_review', openQueries: 1 });
    // An N/A claim waiting for a decision, and nothing done yet by the department.
    expect(b.row('TPCB')).toMatchObject({ reviewState: 'to_review', pendingClaims: 1 });
    await db.update(queries).set({ status: 'closed' }).where(eq(queries.submissionId, sub!.id));
    await db
      .insert(reviewValues)
      .values({ submissionId: sub!.id, fieldKey: 'data_quality_points', kind: 'reviewer', newValue: 2 });
    const [tpcb] = await db
      .select()
      .from(submissions)
      .where(eq(submissions.agencyId, await s.agencyId('TPCB')));
    await db.update(naClaims).set({ status: 'confirmed' }).where(eq(naClaims.submissionId, tpcb!.id));
    b = await board();
    expect(b.row('STTTT')).toMatchObject({ reviewState: 'reviewed', openQueries: 0 });
    // The claim decided, the reviewer mark not set yet.
    expect(b.row('TPCB')).toMatchObject({ reviewState: 'in_review', pendingClaims: 0 });
  });

  it('filters by group and names a wrong one', async () => {
    const b = await board('?group=district');
    expect(b.agencies).toHaveLength(13);
    expect(b.agencies.every((a: Row) => a.group === 'district')).toBe(true);
    expect(b.totals).toEqual({ not_started: 0, draft: 0, submitted_on_time: 1, late: 0, missing: 12 });
    const bad = await s.request({
      method: 'GET',
      url: `/api/v1/cycles/${cycleId}/progress?group=xa`,
      cookie: await s.as('admin'),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      field: 'group',
      message: 'Không có nhóm "xa" (có: department, district)',
    });
  });

  it('is for the department and the Steering Committee only', async () => {
    for (const role of ['admin', 'approver'] as const)
      expect(
        (
          await s.request({
            method: 'GET',
            url: `/api/v1/cycles/${cycleId}/progress`,
            cookie: await s.as(role),
          })
        ).statusCode,
      ).toBe(200);
    for (const [role, code] of [['viewer'], ['reporter', 'STC']] as const)
      expect(
        (
          await s.request({
            method: 'GET',
            url: `/api/v1/cycles/${cycleId}/progress`,
            cookie: await s.as(role, code),
          })
        ).statusCode,
      ).toBe(403);
    const unknown = await s.request({
      method: 'GET',
      url: '/api/v1/cycles/00000000-0000-4000-8000-000000000000/progress',
      cookie: await s.as('admin'),
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe('Không tìm thấy kỳ đánh giá');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle, createSubmission } from '../../../../test/fixtures.ts';
import { type TestServer, testServer } from '../../../../test/server.ts';
import { publishedSnapshots, queries, queryMessages } from '../../db/schema.ts';

interface Item {
  key: string;
  kind: string;
  at: string;
  title: { vi: string; en?: string };
  body: { vi: string } | null;
  link: string;
  read: boolean;
}

/**
 * 28/10/2017: the 2017 cycle is open (deadline 01/11/2017 00:00 Vietnam time); Sở TT&TT has
 * submitted, Sở Tài chính has not; the 2016 result was published on 01/10/2017; an assessor asked
 * Sở TT&TT a question, the agency replied, the department answered.
 */
describe('the bell: who sees what, and what each has read', () => {
  let s: TestServer;
  let cycle2017: string;
  let cycle2016: string;
  let stttt: string;
  let askerCookie: string;
  let otherAssessor: string;
  let reporter: string;
  let reporter2: string;
  let stcReporter: string;

  const list = async (cookie: string) => {
    const res = await s.request({ method: 'GET', url: '/api/v1/notifications', cookie });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Item[]; unread: number };
  };
  const mark = (cookie: string, keys?: string[]) =>
    s.request({
      method: 'POST',
      url: '/api/v1/notifications/read',
      cookie,
      payload: keys ? { keys } : {},
    });

  beforeAll(async () => {
    s = await testServer({ now: '2017-10-28T03:00:00Z' });
    const db = s.deps.database.db;
    stttt = await s.agencyId('STTTT');
    const old = await createCycle(db, { year: 2016, state: 'published' });
    cycle2016 = old.id;
    const { criteriaVersionId } = old;
    await db.insert(publishedSnapshots).values({
      cycleId: old.id,
      revision: 1,
      criteriaVersionId,
      content: {},
      contentHash: 'test',
      publishedAt: new Date('2017-10-01T02:00:00Z'),
    });
    cycle2017 = (await createCycle(db, { state: 'open' })).id;
    const sub = await createSubmission(db, cycle2017, 'STTTT', {
      submittedAt: new Date('2017-10-20T03:00:00Z'),
    });
    await createSubmission(db, cycle2017, 'STC', { status: 'draft' });

    const askerId = await s.createUser('td.hoi', 'assessor');
    askerCookie = await s.login('td.hoi');
    await s.createUser('td.khac', 'assessor');
    otherAssessor = await s.login('td.khac');
    const reporterId = await s.createUser('bc.stttt', 'reporter', 'STTTT');
    reporter = await s.login('bc.stttt');
    await s.createUser('bc2.stttt', 'reporter', 'STTTT');
    reporter2 = await s.login('bc2.stttt');
    await s.createUser('bc.stc', 'reporter', 'STC');
    stcReporter = await s.login('bc.stc');

    const asked = new Date('2017-10-21T03:00:00Z');
    const [q] = await db
      .insert(queries)
      .values({
        submissionId: sub.id,
        criterionId: '1.1',
        subject: 'Số máy tính',
        createdBy: askerId,
        createdAt: asked,
      })
      .returning();
    await db.insert(queryMessages).values([
      { queryId: q!.id, authorId: askerId, body: 'Số máy tính có đúng không?', createdAt: asked },
      {
        queryId: q!.id,
        authorId: reporterId,
        body: 'Đúng, kèm biên bản.',
        createdAt: new Date('2017-10-22T03:00:00Z'),
      },
      {
        queryId: q!.id,
        authorId: askerId,
        body: 'Đã nhận, cảm ơn.',
        createdAt: new Date('2017-10-23T03:00:00Z'),
      },
    ]);
  });
  afterAll(() => s.close());

  it('shows an agency its query, the department’s answer and its published result, newest first, with links', async () => {
    const { items, unread } = await list(reporter);
    expect(items.map((i) => i.kind)).toEqual(['query_answer', 'query', 'published']);
    expect(unread).toBe(3);
    expect(items[0]!.title.vi).toBe('Người thử td.hoi trả lời câu hỏi về phiếu năm 2017');
    expect(items[0]!.link).toBe(`/bao-cao/${cycle2017}`);
    expect(items[1]!.body).toEqual({ vi: '“Số máy tính”' });
    expect(items[2]).toMatchObject({
      title: { vi: 'Đã công bố kết quả năm 2016' },
      link: `/ky/${cycle2016}/ket-qua/${stttt}`,
      read: false,
    });
    // Submitted: no deadline reminder.
    expect(items.some((i) => i.kind === 'deadline')).toBe(false);
  });

  it('reminds an agency that has not submitted of the near deadline, and never shows another agency’s items', async () => {
    const { items } = await list(stcReporter);
    expect(items.map((i) => i.kind).sort()).toEqual(['deadline', 'published']);
    const deadline = items.find((i) => i.kind === 'deadline')!;
    expect(deadline.title.vi).toBe('Còn 4 ngày đến hạn nộp báo cáo năm 2017');
    expect(deadline.body!.vi).toMatch(/^Hạn nộp: \d\d\/\d\d\/2017/);
    expect(deadline.link).toBe(`/bao-cao/${cycle2017}`);
    expect(JSON.stringify(items)).not.toContain('Số máy tính');
    expect(items.find((i) => i.kind === 'published')!.link).toBe(
      `/ky/${cycle2016}/ket-qua/${await s.agencyId('STC')}`,
    );
  });

  it('shows an assessor the replies to its own queries and the new submissions; another assessor only the submissions', async () => {
    const mine = await list(askerCookie);
    expect(mine.items.map((i) => i.kind)).toEqual(['query_reply', 'submitted']);
    expect(mine.items[0]).toMatchObject({
      title: { vi: 'Người thử bc.stttt trả lời câu hỏi của bạn (năm 2017)' },
      link: `/ky/${cycle2017}/tham-dinh/${stttt}`,
    });
    expect(mine.items[1]!.title.vi).toBe('Sở Thông tin và Truyền thông đã nộp phiếu năm 2017');
    const other = await list(otherAssessor);
    expect(other.items.map((i) => i.kind)).toEqual(['submitted']);
  });

  it('keeps read marks per user: one item, then all; another user of the same agency is unaffected', async () => {
    const before = await list(reporter);
    const res = await mark(reporter, [before.items[2]!.key]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ unread: 2 });
    const after = await list(reporter);
    expect(after.items.map((i) => i.read)).toEqual([false, false, true]);
    expect((await mark(reporter)).json()).toEqual({ unread: 0 });
    expect((await list(reporter)).unread).toBe(0);
    expect((await list(reporter2)).unread).toBe(3);
    // A new revision of the result is a new item, unread again.
    await s.deps.database.db.insert(publishedSnapshots).values({
      cycleId: cycle2016,
      revision: 2,
      reason: 'Sửa sai sót',
      criteriaVersionId: (await s.deps.database.db.select().from(publishedSnapshots).limit(1))[0]!
        .criteriaVersionId,
      content: {},
      contentHash: 'test2',
      publishedAt: new Date('2017-10-27T02:00:00Z'),
    });
    const revised = await list(reporter);
    expect(revised.unread).toBe(1);
    expect(revised.items[0]!.title.vi).toBe('Kết quả năm 2016 được điều chỉnh (lần 2)');
  });

  it('refuses to mark another’s item, viewers have no bell, visitors must sign in', async () => {
    const theirs = (await list(askerCookie)).items[0]!.key;
    const res = await mark(reporter, [theirs]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/không còn trong danh sách/);
    const viewer = await s.as('viewer');
    expect(
      (await s.request({ method: 'GET', url: '/api/v1/notifications', cookie: viewer })).statusCode,
    ).toBe(403);
    expect((await s.request({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
  });
});

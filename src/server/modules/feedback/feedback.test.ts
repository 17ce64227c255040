import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxXml, pdfText, textOf } from '../../../../test/documents.ts';
import { createCycle } from '../../../../test/fixtures.ts';
import { multipart } from '../../../../test/http.ts';
import { type TestServer, testServer } from '../../../../test/server.ts';
import { auditLog, criteriaVersions, jobs } from '../../db/schema.ts';
import { runDueJobs, silentLog } from '../../platform/jobs.ts';
import { registerBackgroundWork } from '../../scheduler.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const BUNDLED = readFileSync(new URL('../../../../criteria/cao-bang-2016.json', import.meta.url), 'utf8');
const DIFFICULTY = 'Tiêu chí 1.1 không nói rõ máy tính mượn của dự án có được tính hay không';
const ANSWER = 'Sở tiếp thu: phiên bản mới ghi rõ máy tính mượn dài hạn được tính';

describe('feedback on the regulation (issue 14, item 5)', () => {
  let s: TestServer;
  let itemId: string;
  let processId: string;
  let v1: string;
  let v2: string;
  const api = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) =>
    s.request({ method, url: `/api/v1${url}`, cookie, ...(payload === undefined ? {} : { payload }) });

  beforeAll(async () => {
    s = await testServer({ now: '2017-10-15T03:00:00Z' });
    registerBackgroundWork();
    v1 = (await createCycle(s.deps.database.db)).criteriaVersionId;
    await s.as('assessor'); // the department's address exists before the first item
  });
  afterAll(() => s.close());

  it('offers the criteria of the current cycle by name, and refuses an item that says too little or names no criterion', async () => {
    const reporter = await s.as('reporter', 'STTTT');
    const view = await api('GET', '/feedback', reporter);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ scope: 'mine', items: [], canManage: false, canSummarise: false });
    expect(view.json().criteria.version.id).toBe(v1);
    expect(view.json().criteria.options).toContainEqual({
      id: '1.1',
      name: expect.stringMatching(/máy tính/),
    });

    const cases: [object, string, RegExp][] = [
      [{ kind: 'difficulty', subject: 'form', text: 'khó' }, 'text', /ít nhất 10 ký tự/],
      [{ kind: 'difficulty', subject: 'criterion', text: DIFFICULTY }, 'criterionId', /Hãy chọn tiêu chí/],
      [
        { kind: 'proposal', subject: 'criterion', criterionId: '9.9', text: DIFFICULTY },
        'criterionId',
        /"9.9"/,
      ],
      [
        { kind: 'proposal', subject: 'form', criterionId: '1.1', text: DIFFICULTY },
        'criterionId',
        /Chỉ chọn tiêu chí/,
      ],
    ];
    for (const [payload, field, message] of cases) {
      const res = await api('POST', '/feedback', reporter, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.field).toBe(field);
      expect(res.json().error.message).toMatch(message);
    }
    const bad = await api('POST', '/feedback', reporter, {
      kind: 'complaint',
      subject: 'form',
      text: DIFFICULTY,
    });
    expect(bad.statusCode).toBe(400);
    expect((await s.request({ method: 'POST', url: '/api/v1/feedback', payload: {} })).statusCode).toBe(401);
  });

  it('takes a difficulty about a criterion with one file, audits it and writes to the department', async () => {
    const reporter = await s.as('reporter', 'STTTT');
    const res = await api('POST', '/feedback', reporter, {
      kind: 'difficulty',
      subject: 'criterion',
      criterionId: '1.1',
      text: `  ${DIFFICULTY}  `,
    });
    expect(res.statusCode).toBe(201);
    itemId = res.json().id;
    expect(res.json()).toMatchObject({
      status: 'new',
      text: DIFFICULTY,
      criterion: { id: '1.1' },
      agency: 'Sở Thông tin và Truyền thông',
      canAttach: true,
      revision: 0,
    });
    expect(res.json().about.vi).toMatch(/^Tiêu chí 1\.1\. /);

    const file = await s.request({
      method: 'POST',
      url: `/api/v1/feedback/${itemId}/file`,
      cookie: reporter,
      ...multipart([{ name: 'file', filename: 'Biên bản mượn máy.pdf', content: PDF }]),
    });
    expect(file.statusCode).toBe(201);
    expect(file.json()).toMatchObject({ filename: 'Biên bản mượn máy.pdf', mime: 'application/pdf' });
    const again = await s.request({
      method: 'POST',
      url: `/api/v1/feedback/${itemId}/file`,
      cookie: reporter,
      ...multipart([{ name: 'file', filename: 'khac.pdf', content: PDF }]),
    });
    expect(again.statusCode).toBe(409);
    const other = await s.as('reporter', 'STC');
    expect((await api('GET', `/feedback/${itemId}/file`, other)).statusCode).toBe(404);
    const down = await api('GET', `/feedback/${itemId}/file`, await s.as('assessor'));
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(PDF)).toBe(true);

    const audited = await s.deps.database.db.select().from(auditLog).where(eq(auditLog.entityId, itemId));
    expect(audited.map((r) => r.action)).toEqual(['feedback.raise', 'feedback.file_add']);
    expect(audited[0]).toMatchObject({
      field: '1.1',
      newValue: expect.objectContaining({ text: DIFFICULTY }),
    });

    const queued = await s.deps.database.db.select().from(jobs).where(eq(jobs.kind, 'mail.send'));
    expect(queued).toHaveLength(1);
    const before = s.mails.length;
    expect(await runDueJobs(s.deps, silentLog)).toMatchObject({ done: 1, failed: 0 });
    const [mail] = s.mails.slice(before);
    expect(mail!.to).toContain('assessor-x@example.test');
    expect(mail!.subject).toMatch(/^\[Góp ý về quy định\] Khó khăn, vướng mắc: Tiêu chí 1\.1\./);
    expect(mail!.text).toContain(DIFFICULTY);
  });

  it('lets anyone signed in raise an item and read only their own; the department and the Steering Committee read all', async () => {
    const viewer = await s.as('viewer');
    s.clock.advance(3_600_000);
    const res = await api('POST', '/feedback', viewer, {
      kind: 'proposal',
      subject: 'process',
      text: 'Đề nghị công bố kết quả tạm thời sớm hơn để các cơ quan kịp kiến nghị',
    });
    expect(res.statusCode).toBe(201);
    processId = res.json().id;
    expect(res.json()).toMatchObject({ about: { vi: 'Quy trình đánh giá' }, criterion: null, agency: null });

    const own = await api('GET', '/feedback', viewer);
    expect(own.json().items.map((i: { id: string }) => i.id)).toEqual([processId]);
    for (const role of ['viewer', 'reporter'] as const) {
      const all = await api(
        'GET',
        '/feedback?scope=all',
        await s.as(role, role === 'reporter' ? 'STTTT' : undefined),
      );
      expect(all.statusCode).toBe(403);
    }
    const approver = await api('GET', '/feedback?scope=all', await s.as('approver'));
    expect(approver.statusCode).toBe(200);
    expect(approver.json()).toMatchObject({ canManage: false, canSummarise: true, years: [2017] });
    expect(approver.json().items).toHaveLength(2);
    const assessor = await api('GET', '/feedback?scope=all', await s.as('assessor'));
    expect(assessor.json()).toMatchObject({ canManage: true, counts: { new: 2, answered: 0 } });
    // Newest first.
    expect(assessor.json().items.map((i: { id: string }) => i.id)).toEqual([processId, itemId]);
  });

  it('groups items under topics the department names', async () => {
    const assessor = await s.as('assessor');
    const res = await api('PUT', `/feedback/${itemId}/topic`, assessor, { topic: '  Trang bị  máy tính ' });
    expect(res.statusCode).toBe(200);
    expect(res.json().topic.name).toBe('Trang bị máy tính');
    expect((await api('PUT', `/feedback/${processId}/topic`, assessor, { topic: 'x' })).statusCode).toBe(400);
    expect(
      (
        await api('PUT', `/feedback/${processId}/topic`, await s.as('reporter', 'STTTT'), {
          topic: 'Quy trình',
        })
      ).statusCode,
    ).toBe(403);
    await api('PUT', `/feedback/${processId}/topic`, assessor, { topic: 'Quy trình, thời hạn' });
    const all = await api('GET', '/feedback?scope=all', assessor);
    expect(all.json().topics).toEqual([
      { id: expect.any(String), name: 'Quy trình, thời hạn', count: 1 },
      { id: expect.any(String), name: 'Trang bị máy tính', count: 1 },
    ]);
    const [row] = await s.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, itemId), eq(auditLog.action, 'feedback.topic')));
    expect(row!.newValue).toMatchObject({ topic: 'Trang bị máy tính' });
  });

  it('answers: taken into the next version, audited, stale answers refused, the raiser told by bell and mail', async () => {
    // The next version: criterion 1.1 renamed.
    const set = JSON.parse(BUNDLED);
    set.version = '2.0';
    const c11 = set.groups[0].categories[0].criteria.find((c: { id: string }) => c.id === '1.1');
    c11.name = { vi: 'Tỷ lệ cán bộ có máy tính (kể cả máy mượn dài hạn)' };
    const loaded = await s.request({
      method: 'POST',
      url: '/api/v1/criteria',
      cookie: await s.as('admin'),
      payload: JSON.stringify(set),
      headers: { 'content-type': 'application/json' },
    });
    expect(loaded.statusCode).toBe(201);
    v2 = (
      await s.deps.database.db.select().from(criteriaVersions).where(eq(criteriaVersions.version, '2.0'))
    )[0]!.id;

    const assessor = await s.as('assessor');
    const url = `/feedback/${itemId}/answer`;
    const refusals: [object, number, string | undefined][] = [
      [{ status: 'answered', answer: 'ok', revision: 0 }, 400, 'answer'],
      [{ status: 'answered', answer: ANSWER, nextVersionId: v2, revision: 0 }, 400, 'nextVersionId'],
      [{ status: 'adopted', answer: ANSWER, nextVersionId: v1, revision: 0 }, 400, 'nextVersionId'],
    ];
    for (const [payload, code, field] of refusals) {
      const res = await api('POST', url, assessor, payload);
      expect(res.statusCode).toBe(code);
      expect(res.json().error.field).toBe(field);
    }
    expect(
      (
        await api('POST', url, await s.as('reporter', 'STTTT'), {
          status: 'answered',
          answer: ANSWER,
          revision: 0,
        })
      ).statusCode,
    ).toBe(403);

    const before = s.mails.length;
    const res = await api('POST', url, assessor, {
      status: 'adopted',
      answer: ANSWER,
      nextVersionId: v2,
      revision: 0,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'adopted',
      statusLabel: { vi: 'Tiếp thu vào phiên bản sau' },
      answer: ANSWER,
      nextVersion: { id: v2, label: 'cao-bang-2016 phiên bản 2.0' },
      revision: 1,
      canAttach: false,
    });
    const staleAnswer = await api('POST', url, assessor, { status: 'declined', answer: ANSWER, revision: 0 });
    expect(staleAnswer.statusCode).toBe(409);
    expect(staleAnswer.json().error.code).toBe('stale');
    const decline = await api('POST', `/feedback/${processId}/answer`, assessor, {
      status: 'declined',
      answer: 'Thời gian phê duyệt do Ban Chỉ đạo quyết định theo Điều 12',
      revision: 0,
    });
    expect(decline.statusCode).toBe(200);

    const [audited] = await s.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, itemId), eq(auditLog.action, 'feedback.answer')));
    expect(audited).toMatchObject({
      oldValue: null,
      newValue: expect.objectContaining({ status: 'adopted', answer: ANSWER, nextVersionId: v2 }),
    });
    const history = await api('GET', '/audit-log', await s.as('admin'));
    expect(JSON.stringify(history.json())).toContain('trả lời góp ý về Tiêu chí 1.1.');

    expect(await runDueJobs(s.deps, silentLog)).toMatchObject({ failed: 0 });
    const toReporter = s.mails.slice(before).find((m) => m.to.includes('reporter-stttt@example.test'));
    expect(toReporter?.subject).toMatch(
      /^\[Góp ý về quy định\] Trả lời góp ý về Tiêu chí 1\.1\..*tiếp thu vào phiên bản sau$/,
    );
    expect(toReporter?.text).toContain(ANSWER);

    const bell = await api('GET', '/notifications', await s.as('reporter', 'STTTT'));
    expect(bell.json().items).toContainEqual(
      expect.objectContaining({
        key: `feedback-answer:${itemId}:1`,
        kind: 'feedback_answer',
        link: '/gop-y',
        read: false,
      }),
    );
    const deptBell = await api('GET', '/notifications', assessor);
    expect(deptBell.json().items).toContainEqual(
      expect.objectContaining({ key: `feedback:${itemId}`, kind: 'feedback', link: '/gop-y/xu-ly' }),
    );
  });

  it("puts the item and the department's answer in the raising agency's history, not another's", async () => {
    type Entry = { action: string; agency: { id: string } | null; summary: { vi: string } };
    const entries = async (code: string) =>
      (await api('GET', '/audit-log?limit=200', await s.as('reporter', code))).json().entries as Entry[];
    const own = (await entries('STTTT')).filter((e) => e.action.startsWith('feedback.'));
    expect(own.map((e) => e.action)).toEqual(expect.arrayContaining(['feedback.raise', 'feedback.answer']));
    expect(own.find((e) => e.action === 'feedback.answer')!.summary.vi).toContain(
      'trả lời góp ý về Tiêu chí 1.1.',
    );
    // The department's grouping under topics is its own work, not the agency's history.
    expect(own.filter((e) => e.action === 'feedback.topic')).toEqual([]);
    expect((await entries('STC')).filter((e) => e.action.startsWith('feedback.'))).toEqual([]);
  });

  it('writes the yearly summary for the People’s Committee with the items, answers and the next version’s change', async () => {
    const approver = await s.as('approver');
    const docx = await api('GET', '/feedback/summary?year=2017', approver);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toMatch(/wordprocessingml/);
    const text = textOf(await docxXml(docx.rawPayload));
    expect(text).toContain('Tổng hợp khó khăn, vướng mắc và đề xuất về Bộ tiêu chí');
    expect(text).toContain('Trang bị máy tính (1 ý kiến)');
    expect(text).toContain(DIFFICULTY);
    expect(text).toContain(ANSWER);
    expect(text).toContain('Không tiếp thu');
    expect(text).toContain(
      'Đã thể hiện trong cao-bang-2016 phiên bản 2.0 (so với cao-bang-2016 phiên bản 1.0-reconstructed): sửa tên',
    );
    expect(text).toContain('PHỤ LỤC: NHỮNG THAY ĐỔI CỦA BỘ TIÊU CHÍ');
    expect(text).toContain('Tỷ lệ cán bộ có máy tính (kể cả máy mượn dài hạn)');

    const pdf = await api('GET', '/feedback/summary?year=2017&format=pdf', await s.as('assessor'));
    expect(pdf.statusCode).toBe(200);
    expect(pdfText(pdf.rawPayload, 'feedback-summary')).toContain('Trang bị máy tính (1 ý kiến)');

    const empty = await api('GET', '/feedback/summary?year=2016', approver);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toBe('Năm 2016 chưa có góp ý nào để tổng hợp');
    expect((await api('GET', '/feedback/summary?year=2017', await s.as('viewer'))).statusCode).toBe(403);
  });
});

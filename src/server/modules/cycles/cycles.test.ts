import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachGuidance, createCycleViaApi, openCycleViaApi } from '../../../../test/cycle-api.ts';
import { fileUpload as multipart, PNG_BYTES, SMALL_PDF } from '../../../../test/http.ts';
import { type TestServer, testServer } from '../../../../test/server.ts';
import { auditLog, cycleAgencies, cycles, jobs, users } from '../../db/schema.ts';
import { runDueJobs, silentLog } from '../../platform/jobs.ts';
import { registerBackgroundWork } from '../../scheduler.ts';
import { assertTransition, CYCLE_TRANSITIONS } from './cycle-states.ts';

const PUBLIC_URL = 'https://chiso.caobang.gov.vn';
/** A minimal Word document package: sniffed by the entries its first bytes name. */
const DOCX = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  Buffer.from('\u0014\u0000[Content_Types].xml....word/document.xml', 'latin1'),
]);

let s: TestServer;
let admin: string;
let cycleId: string;
beforeAll(async () => {
  registerBackgroundWork();
  s = await testServer({ env: { CHISO_PUBLIC_URL: PUBLIC_URL } });
  admin = await s.as('admin');
});
afterAll(() => s.close());

const req = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
  s.request({ method, url: `/api/v1${url}`, cookie, ...(payload && { payload }) });
const auditOf = (action: string) =>
  s.deps.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.cycleId, cycleId), eq(auditLog.action, action)));

describe('creating and editing a cycle', () => {
  it('creates the cycle of a year with the regulation’s dates and the bundled criteria', async () => {
    const res = await req('POST', '/cycles', admin, { year: 2018 });
    expect(res.statusCode).toBe(201);
    const { cycle } = res.json();
    cycleId = cycle.id;
    expect(cycle).toMatchObject({
      year: 2018,
      title: 'Đánh giá, xếp hạng mức độ ứng dụng công nghệ thông tin năm 2018',
      state: 'draft',
      stateLabel: { vi: 'Nháp' },
      guidanceBy: '2018-09-30T17:00:00.000Z',
      deadline: '2018-10-31T17:00:00.000Z',
      publishBy: '2018-12-31T17:00:00.000Z',
      rosterDate: '2018-10-01',
      criteriaVersion: { setId: 'cao-bang-2016', version: '1.0-reconstructed' },
      documents: { guidance: null, form: null },
      extensions: [],
      version: 1,
    });
    // Before opening, the roster is what the registry would give on the roster date.
    expect(cycle.roster).toEqual({
      date: '2018-10-01',
      frozen: false,
      total: 33,
      groups: [
        { groupId: 'department', count: 20 },
        { groupId: 'district', count: 13 },
      ],
    });
    expect(cycle.transitions).toEqual([
      expect.objectContaining({
        to: 'open',
        allowed: false,
        reason: expect.objectContaining({ vi: expect.stringMatching(/^Chưa đính kèm văn bản hướng dẫn/) }),
      }),
    ]);
    expect(await auditOf('cycle.create')).toHaveLength(1);
  });

  it('allows one cycle per year', async () => {
    const res = await req('POST', '/cycles', admin, { year: 2018, title: 'Kỳ thứ hai' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'cycle_exists',
      field: 'year',
      message: 'Đã có kỳ đánh giá năm 2018; mỗi năm chỉ có một kỳ',
    });
  });

  it('refuses dates out of order and instants without their offset, naming the field', async () => {
    const late = await req('POST', '/cycles', admin, { year: 2019, deadline: '2020-01-05T00:00:00+07:00' });
    expect(late.statusCode).toBe(400);
    expect(late.json().error).toMatchObject({
      field: 'deadline',
      message: 'Hạn nộp báo cáo (trước 05/01/2020 00:00) phải trước hạn công bố kết quả (01/01/2020 00:00)',
    });
    const early = await req('POST', '/cycles', admin, { year: 2019, deadline: '2019-09-15T00:00:00+07:00' });
    expect(early.json().error).toMatchObject({
      field: 'deadline',
      message: expect.stringMatching(/phải sau hạn ban hành hướng dẫn \(01\/10\/2019 00:00\)$/),
    });
    const naive = await req('POST', '/cycles', admin, { year: 2019, deadline: '2019-11-01T00:00:00' });
    expect(naive.json().error).toMatchObject({
      field: 'deadline',
      message: 'Hạn nộp báo cáo phải là thời điểm có múi giờ, dạng 2017-11-01T00:00:00+07:00',
    });
    const other = await req('POST', '/cycles', admin, {
      year: 2019,
      guidanceBy: '2018-09-01T00:00:00+07:00',
    });
    expect(other.json().error.field).toBe('guidanceBy');
    expect((await req('GET', '/cycles', admin)).json().cycles).toHaveLength(1);
  });

  it('lets only the administrator create and edit', async () => {
    for (const role of ['assessor', 'approver', 'viewer'] as const)
      expect((await req('POST', '/cycles', await s.as(role), { year: 2019 })).statusCode).toBe(403);
    const reporter = await s.as('reporter', 'SYT');
    const res = await req('PATCH', `/cycles/${cycleId}`, reporter, { version: 1, title: 'x' });
    expect(res.statusCode).toBe(403);
  });

  it('hides a draft from viewers and reporters, not from the department', async () => {
    for (const role of ['viewer', 'reporter'] as const) {
      const cookie = await s.as(role, 'SYT');
      expect((await req('GET', '/cycles', cookie)).json().cycles).toEqual([]);
      const one = await req('GET', `/cycles/${cycleId}`, cookie);
      expect(one.statusCode).toBe(404);
      expect(one.json().error.message).toBe('Không tìm thấy kỳ đánh giá');
    }
    const assessor = await req('GET', '/cycles', await s.as('assessor'));
    expect(assessor.json().cycles.map((c: { year: number }) => c.year)).toEqual([2018]);
  });

  it('edits a draft with the version it read: audit of old and new, stale edits refused', async () => {
    const res = await req('PATCH', `/cycles/${cycleId}`, admin, {
      version: 1,
      title: '  Đánh giá mức độ ứng dụng CNTT   năm 2018 ',
      deadline: '2018-11-05T00:00:00+07:00',
      announcement: 'Các cơ quan gửi kèm bản scan có chữ ký của thủ trưởng.',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().cycle).toMatchObject({
      title: 'Đánh giá mức độ ứng dụng CNTT năm 2018',
      deadline: '2018-11-04T17:00:00.000Z',
      version: 2,
    });
    const [row] = await auditOf('cycle.update');
    expect(row).toMatchObject({
      oldValue: {
        deadline: '2018-10-31T17:00:00.000Z',
        title: 'Đánh giá, xếp hạng mức độ ứng dụng công nghệ thông tin năm 2018',
        announcement: null,
      },
      newValue: { deadline: '2018-11-04T17:00:00.000Z', title: 'Đánh giá mức độ ứng dụng CNTT năm 2018' },
    });
    const stale = await req('PATCH', `/cycles/${cycleId}`, admin, { version: 1, title: 'Cũ' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'stale', details: { version: 2 } });
    const back = await req('PATCH', `/cycles/${cycleId}`, admin, {
      version: 2,
      deadline: '2018-11-01T00:00:00+07:00',
    });
    expect(back.json().cycle).toMatchObject({ deadline: '2018-10-31T17:00:00.000Z', version: 3 });
    const publish = await req('PATCH', `/cycles/${cycleId}`, admin, {
      version: 3,
      publishBy: '2018-10-20T00:00:00+07:00',
    });
    expect(publish.statusCode).toBe(400);
    expect(publish.json().error.field).toBe('publishBy');
    const criteria = await req('PATCH', `/cycles/${cycleId}`, admin, {
      version: 3,
      criteriaVersionId: '00000000-0000-4000-8000-000000000000',
    });
    expect(criteria.json().error).toMatchObject({
      field: 'criteriaVersionId',
      message: 'Không có phiên bản bộ tiêu chí này',
    });
  });
});

describe('the guidance document and the form (R8)', () => {
  it('refuses an image named ".pdf": the type comes from the content', async () => {
    const res = await s.request({
      method: 'POST',
      url: `/api/v1/cycles/${cycleId}/documents/guidance`,
      cookie: admin,
      ...multipart('file', 'huong-dan.pdf', PNG_BYTES),
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toMatchObject({
      code: 'unsupported_type',
      field: 'file',
      message:
        'Chỉ nhận văn bản hướng dẫn dạng văn bản PDF, Word (DOCX, DOC), Excel (XLSX) hoặc OpenDocument (ODT). Nội dung tệp đã gửi là ảnh PNG (loại tệp được xác định theo nội dung, không theo tên tệp).',
    });
    const cycle = (await req('GET', `/cycles/${cycleId}`, admin)).json().cycle;
    expect(cycle.documents.guidance).toBeNull();
  });

  it('asks for the file in the field "file", and lets only the administrator upload', async () => {
    const wrongField = await s.request({
      method: 'POST',
      url: `/api/v1/cycles/${cycleId}/documents/guidance`,
      cookie: admin,
      ...multipart('document', 'huong-dan.pdf', SMALL_PDF),
    });
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().error).toMatchObject({
      field: 'file',
      message: 'Hãy chọn một tệp và gửi trong trường "file" (multipart/form-data)',
    });
    const assessor = await s.request({
      method: 'POST',
      url: `/api/v1/cycles/${cycleId}/documents/guidance`,
      cookie: await s.as('assessor'),
      ...multipart('file', 'huong-dan.pdf', SMALL_PDF),
    });
    expect(assessor.statusCode).toBe(403);
  });

  it('stores a real PDF under its own name, with an audit row', async () => {
    const res = await s.request({
      method: 'POST',
      url: `/api/v1/cycles/${cycleId}/documents/guidance`,
      cookie: admin,
      ...multipart('file', 'Hướng dẫn 2018.pdf', SMALL_PDF),
    });
    expect(res.statusCode).toBe(200);
    expect(SMALL_PDF.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    const { cycle } = res.json();
    expect(cycle.documents.guidance).toMatchObject({
      filename: 'Hướng dẫn 2018.pdf',
      mime: 'application/pdf',
      size: SMALL_PDF.length,
    });
    expect(cycle.transitions).toEqual([expect.objectContaining({ to: 'open', allowed: true, reason: null })]);
    const [row] = await auditOf('cycle.document');
    expect(row).toMatchObject({
      field: 'guidanceFileId',
      oldValue: null,
      newValue: expect.objectContaining({ filename: 'Hướng dẫn 2018.pdf' }),
    });
  });

  it('names a form by its real type when its name has none', async () => {
    const res = await s.request({
      method: 'POST',
      url: `/api/v1/cycles/${cycleId}/documents/form`,
      cookie: admin,
      ...multipart('file', 'Phiếu thu thập số liệu', DOCX, 'application/octet-stream'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().cycle.documents.form).toMatchObject({
      filename: 'Phiếu thu thập số liệu.docx',
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
  });

  it('lets the administrator download a draft’s documents; others wait for the opening', async () => {
    const res = await req('GET', `/cycles/${cycleId}/documents/guidance`, admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Huong_dan_2018.pdf"; filename*=UTF-8''${encodeURIComponent('Hướng dẫn 2018.pdf')}`,
    );
    expect(res.rawPayload.equals(SMALL_PDF)).toBe(true);
    const assessor = await req('GET', `/cycles/${cycleId}/documents/guidance`, await s.as('assessor'));
    expect(assessor.statusCode).toBe(403);
    expect(assessor.json().error.message).toBe('Chỉ tải được văn bản hướng dẫn khi kỳ đánh giá đã mở');
    expect(
      (await req('GET', `/cycles/${cycleId}/documents/form`, await s.as('reporter', 'SYT'))).statusCode,
    ).toBe(404);
  });
});

describe('opening the cycle (R8): roster frozen, agencies told', () => {
  it('refuses to open without the guidance document, and lets only the administrator open', async () => {
    const other = await createCycleViaApi(s, 2019);
    const res = await req('POST', `/cycles/${other}/open`, admin);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'invalid_state',
      message: 'Chưa đính kèm văn bản hướng dẫn. Hãy tải lên văn bản hướng dẫn trước khi mở kỳ đánh giá.',
    });
    await attachGuidance(s, other);
    const assessor = await req('POST', `/cycles/${other}/open`, await s.as('assessor'));
    expect(assessor.statusCode).toBe(403);
    expect(
      (await s.deps.database.db.select().from(cycleAgencies).where(eq(cycleAgencies.cycleId, other))).length,
    ).toBe(0);
  });

  it('opens: freezes the roster, records the step, and queues one e-mail to each agency’s active reporters', async () => {
    await s.createUser('bc.syt.1', 'reporter', 'SYT');
    await s.createUser('bc.syt.2', 'reporter', 'SYT');
    await s.createUser('bc.hha', 'reporter', 'HHA');
    const gone = await s.createUser('bc.stc.cu', 'reporter', 'STC');
    await s.deps.database.db.update(users).set({ active: false }).where(eq(users.id, gone));
    s.mails.length = 0;

    const res = await req('POST', `/cycles/${cycleId}/open`, admin);
    expect(res.statusCode).toBe(200);
    const { cycle, mail } = res.json();
    expect(cycle).toMatchObject({ state: 'open', openedAt: '2017-10-15T03:00:00.000Z', version: 6 });
    expect(cycle.roster).toMatchObject({ frozen: true, total: 33 });
    expect(mail.agencies).toBe(33);
    expect(mail.mailOff).toBe(false);
    expect(mail.queued + mail.withoutRecipients.length).toBe(33);
    expect(mail.withoutRecipients).toContain('STC');
    // Queued with the opening, not sent inside the request: the queue's worker sends them.
    expect(s.mails).toEqual([]);
    expect(await runDueJobs(s.deps, silentLog)).toEqual({ done: mail.queued, retried: 0, failed: 0 });

    const syt = s.mails.find((m) => m.to.includes('bc.syt.1@example.test'))!;
    expect([...syt.to].sort()).toEqual([
      'bc.syt.1@example.test',
      'bc.syt.2@example.test',
      'reporter-syt@example.test',
    ]);
    expect(syt.subject).toBe('Mở kỳ đánh giá mức độ ứng dụng CNTT năm 2018 - hạn nộp trước 01/11/2018 00:00');
    expect(syt.text).toContain('Kính gửi: Sở Y tế');
    expect(syt.text).toContain(
      'Hạn nộp báo cáo: trước 01/11/2018 00:00 (giờ Việt Nam), tức là đến hết ngày 31/10/2018.',
    );
    expect(syt.text).toContain('Các cơ quan gửi kèm bản scan có chữ ký của thủ trưởng.');
    expect(syt.text).toContain(PUBLIC_URL);
    expect(s.mails.filter((m) => m.to.includes('bc.hha@example.test'))).toHaveLength(1);
    expect(s.mails.some((m) => m.to.includes('bc.stc.cu@example.test'))).toBe(false);
    expect(s.mails).toHaveLength(mail.queued);

    const [step] = await auditOf('cycle.transition');
    expect(step).toMatchObject({ field: 'state', oldValue: 'draft', newValue: 'open', actorRole: 'admin' });
    const [frozen] = await auditOf('cycle.roster_frozen');
    expect(frozen!.newValue).toMatchObject({
      rosterDate: '2018-10-01',
      total: 33,
      byGroup: { department: 20, district: 13 },
    });
  });

  it('keeps an agency created after the opening out of the cycle', async () => {
    const res = await req('POST', '/agencies', admin, {
      code: 'SDL',
      name: 'Sở Du lịch',
      group: 'department',
      validFrom: '2018-01-01',
    });
    expect(res.statusCode).toBe(201);
    const roster = await s.deps.database.db
      .select()
      .from(cycleAgencies)
      .where(eq(cycleAgencies.cycleId, cycleId));
    expect(roster).toHaveLength(33);
    expect(roster.some((r) => r.code === 'SDL')).toBe(false);
    const cycle = (await req('GET', `/cycles/${cycleId}`, admin)).json().cycle;
    expect(cycle.roster.total).toBe(33);
  });

  it('shows the open cycle and its documents to everyone signed in', async () => {
    const viewer = await s.as('viewer');
    expect((await req('GET', '/cycles', viewer)).json().cycles.map((c: { year: number }) => c.year)).toEqual([
      2018,
    ]);
    const doc = await req('GET', `/cycles/${cycleId}/documents/form`, await s.as('reporter', 'HHA'));
    expect(doc.statusCode).toBe(200);
    expect(doc.rawPayload.equals(DOCX)).toBe(true);
    expect((await req('GET', `/cycles/${cycleId}/documents/guidance`, viewer)).statusCode).toBe(200);
  });

  it('refuses edits and a second opening once open, explaining why', async () => {
    const edit = await req('PATCH', `/cycles/${cycleId}`, admin, { version: 6, title: 'Tên mới' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error).toMatchObject({
      code: 'invalid_state',
      message:
        'Chỉ sửa được kỳ đánh giá khi còn ở trạng thái "Nháp" (hiện tại: "Đang nhận báo cáo"). Hạn nộp của kỳ đang mở chỉ thay đổi được bằng quyết định gia hạn.',
    });
    const again = await req('POST', `/cycles/${cycleId}/open`, admin);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(
      'Kỳ đánh giá đang ở trạng thái "Đang nhận báo cáo", không thể chuyển sang "Đang nhận báo cáo".',
    );
    const review = await req('POST', `/cycles/${cycleId}/start-review`, await s.as('assessor'));
    expect(review.statusCode).toBe(409);
  });
});

describe('closing, extending the deadline, starting the review (R9, R10)', () => {
  it('refuses to close before the deadline: agencies may still submit', async () => {
    const res = await req('POST', `/cycles/${cycleId}/close`, admin);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe(
      'Chưa hết hạn nộp: các cơ quan vẫn được nộp báo cáo đến hết ngày 31/10/2018 (hạn nộp: trước 01/11/2018 00:00). Chỉ đóng kỳ được từ thời điểm đó.',
    );
  });

  it('refuses an extension to an earlier date, after the publication date, or without reason and decision', async () => {
    const base = { reason: 'Nhiều cơ quan đề nghị', decisionRef: 'Công văn số 1234/STTTT-CNTT' };
    const earlier = await req('POST', `/cycles/${cycleId}/extend-deadline`, admin, {
      ...base,
      deadline: '2018-10-25T00:00:00+07:00',
    });
    expect(earlier.statusCode).toBe(400);
    expect(earlier.json().error).toMatchObject({
      field: 'deadline',
      message: 'Hạn nộp mới (trước 25/10/2018 00:00) phải sau hạn hiện tại (trước 01/11/2018 00:00)',
    });
    const tooLate = await req('POST', `/cycles/${cycleId}/extend-deadline`, admin, {
      ...base,
      deadline: '2019-01-02T00:00:00+07:00',
    });
    expect(tooLate.json().error).toMatchObject({
      field: 'deadline',
      message: expect.stringMatching(/phải trước hạn công bố kết quả \(01\/01\/2019 00:00\)$/),
    });
    const noReason = await req('POST', `/cycles/${cycleId}/extend-deadline`, admin, {
      ...base,
      reason: ' ',
      deadline: '2018-11-10T17:00:00+07:00',
    });
    expect(noReason.json().error).toMatchObject({ field: 'reason', message: 'Cần ghi lý do gia hạn' });
    const noDecision = await req('POST', `/cycles/${cycleId}/extend-deadline`, admin, {
      ...base,
      decisionRef: '',
      deadline: '2018-11-10T17:00:00+07:00',
    });
    expect(noDecision.json().error.field).toBe('decisionRef');
    const assessor = await req('POST', `/cycles/${cycleId}/extend-deadline`, await s.as('assessor'), {
      ...base,
      deadline: '2018-11-10T17:00:00+07:00',
    });
    expect(assessor.statusCode).toBe(403);
    expect((await req('GET', `/cycles/${cycleId}`, admin)).json().cycle.extensions).toEqual([]);
  });

  it('extends the deadline of the whole cycle by a decision, and tells the agencies', async () => {
    s.mails.length = 0;
    const res = await req('POST', `/cycles/${cycleId}/extend-deadline`, admin, {
      deadline: '2018-11-10T17:00:00+07:00',
      reason: 'Nhiều cơ quan đề nghị do mất điện diện rộng',
      decisionRef: 'Công văn số 1234/STTTT-CNTT',
    });
    expect(res.statusCode).toBe(200);
    const { cycle, mail } = res.json();
    expect(cycle).toMatchObject({ deadline: '2018-11-10T10:00:00.000Z', version: 7 });
    expect(cycle.extensions).toEqual([
      expect.objectContaining({
        oldDeadline: '2018-10-31T17:00:00.000Z',
        newDeadline: '2018-11-10T10:00:00.000Z',
        decisionRef: 'Công văn số 1234/STTTT-CNTT',
        decidedByName: 'Người thử admin-x',
      }),
    ]);
    const [row] = await auditOf('cycle.extend_deadline');
    expect(row).toMatchObject({
      field: 'deadline',
      oldValue: '2018-10-31T17:00:00.000Z',
      newValue: '2018-11-10T10:00:00.000Z',
      reason: 'Công văn số 1234/STTTT-CNTT: Nhiều cơ quan đề nghị do mất điện diện rộng',
    });
    expect(s.mails).toEqual([]);
    expect(await runDueJobs(s.deps, silentLog)).toEqual({ done: mail.queued, retried: 0, failed: 0 });
    expect(s.mails).toHaveLength(mail.queued);
    const hha = s.mails.find((m) => m.to.includes('bc.hha@example.test'))!;
    expect(hha.subject).toBe(
      'Gia hạn nộp báo cáo đánh giá mức độ ứng dụng CNTT năm 2018 - hạn mới trước 10/11/2018 17:00',
    );
    expect(hha.text).toContain('Theo Công văn số 1234/STTTT-CNTT, hạn nộp báo cáo của kỳ');
    expect(hha.text).toContain('- Hạn cũ: trước 01/11/2018 00:00');
    expect(hha.text).toContain(
      '- Hạn mới: trước 10/11/2018 17:00 (giờ Việt Nam), tức là đến trước 17:00 ngày 10/11/2018.',
    );

    const early = await req('POST', `/cycles/${cycleId}/close`, admin);
    expect(early.json().error.message).toMatch(/vẫn được nộp báo cáo đến trước 17:00 ngày 10\/11\/2018/);
  });

  it('refuses an extension once the deadline has passed', async () => {
    s.clock.set('2018-11-10T10:00:00Z');
    const late = await s.login('admin', 'Quan-tri-thu-2017');
    const res = await req('POST', `/cycles/${cycleId}/extend-deadline`, late, {
      deadline: '2018-11-20T00:00:00+07:00',
      reason: 'Đề nghị thêm',
      decisionRef: 'Công văn số 1300/STTTT-CNTT',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'invalid_state',
      message:
        'Hạn nộp (trước 10/11/2018 17:00) đã qua; không thể gia hạn sau khi hết hạn. Báo cáo nộp từ thời điểm đó là nộp muộn.',
    });
  });

  it('closes at the deadline, then an assessor starts the review', async () => {
    const late = await s.login('admin', 'Quan-tri-thu-2017');
    const closed = await req('POST', `/cycles/${cycleId}/close`, late);
    expect(closed.statusCode).toBe(200);
    expect(closed.json().cycle).toMatchObject({
      state: 'closed',
      closedAt: '2018-11-10T10:00:00.000Z',
      version: 8,
    });
    const viewer = await s.login('viewer-x');
    expect((await req('POST', `/cycles/${cycleId}/start-review`, viewer)).statusCode).toBe(403);
    const assessor = await s.login('assessor-x');
    const review = await req('POST', `/cycles/${cycleId}/start-review`, assessor);
    expect(review.statusCode).toBe(200);
    expect(review.json().cycle).toMatchObject({
      state: 'under_review',
      stateLabel: { vi: 'Đang thẩm định' },
      version: 9,
    });
    const steps = await auditOf('cycle.transition');
    expect(steps.map((r) => [r.oldValue, r.newValue, r.actorRole])).toEqual([
      ['draft', 'open', 'admin'],
      ['open', 'closed', 'admin'],
      ['closed', 'under_review', 'assessor'],
    ]);
    const upload = await s.request({
      method: 'POST',
      url: `/api/v1/cycles/${cycleId}/documents/guidance`,
      cookie: late,
      ...multipart('file', 'huong-dan-moi.pdf', SMALL_PDF),
    });
    expect(upload.statusCode).toBe(409);
    expect(upload.json().error.message).toBe(
      'Không thể thay văn bản hướng dẫn khi kỳ đánh giá đã ở trạng thái "Đang thẩm định"',
    );
    const [row] = await s.deps.database.db.select().from(cycles).where(eq(cycles.id, cycleId));
    expect(row!.state).toBe('under_review');
  });

  it('refuses to open a cycle whose deadline has already passed', async () => {
    s.clock.set('2019-11-02T00:00:00Z');
    try {
      const cookie = await s.login('admin', 'Quan-tri-thu-2017');
      const [draft] = await s.deps.database.db.select().from(cycles).where(eq(cycles.year, 2019));
      const res = await req('POST', `/cycles/${draft!.id}/open`, cookie);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toBe(
        'Hạn nộp (trước 01/11/2019 00:00) đã qua. Hãy sửa hạn nộp trước khi mở kỳ đánh giá.',
      );
    } finally {
      s.clock.set('2018-11-10T10:00:00Z');
    }
  });
});

describe('the transition table', () => {
  it('is data: every step names who may take it, and the checks explain refusals', () => {
    // Later steps (approval, publication) are entries added by the results module.
    expect(CYCLE_TRANSITIONS.map((t) => `${t.from}→${t.to}:${t.roles.join('+')}`)).toEqual(
      expect.arrayContaining(['draft→open:admin', 'open→closed:admin', 'closed→under_review:admin+assessor']),
    );
    expect(new Set(CYCLE_TRANSITIONS.map((t) => `${t.from}→${t.to}`)).size).toBe(CYCLE_TRANSITIONS.length);
    const draft = {
      state: 'draft',
      guidanceFileId: null,
      deadline: new Date('2018-10-31T17:00:00Z'),
    } as never;
    expect(() => assertTransition(draft, 'closed', { role: 'admin' })).toThrow(/cannot become/);
    expect(() => assertTransition(draft, 'open', { role: 'reporter' })).toThrow(
      /Only the administrator may open the cycle/,
    );
    expect(() =>
      assertTransition(draft, 'open', { role: 'admin' }, { now: new Date('2018-10-01T00:00:00Z') }),
    ).toThrow(/guidance document is not attached/);
  });
});

describe('opening a cycle while e-mail is off', () => {
  it('queues no mail and says that mail is off, rather than "0 of 33 queued"', async () => {
    const off = await testServer({ mailer: { enabled: false, send: async () => {} } });
    try {
      const { body } = await openCycleViaApi(off, 2018);
      expect(body.cycle.state).toBe('open');
      expect(body.mail).toMatchObject({ agencies: 33, queued: 0, mailOff: true });
      const queued = await off.deps.database.db.select().from(jobs).where(eq(jobs.kind, 'mail.send'));
      expect(queued).toEqual([]);
    } finally {
      await off.close();
    }
  });
});

import { readFileSync } from 'node:fs';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle, createSubmission, formValues, markDataQuality } from '../../../../test/fixtures.ts';
import { type TestServer, testServer } from '../../../../test/server.ts';
import { bundledCompiledSet } from '../../../core/criteria/bundled.ts';
import { readCycle, readCycleText } from '../../../core/input/cycle.ts';
import { toInterchange } from '../../../core/interchange.ts';
import { scoreCycle } from '../../../core/ranking/rank.ts';
import type { Db } from '../../db/open.ts';
import { agencies, auditLog, publishedSnapshots, reviewValues, submissions } from '../../db/schema.ts';
import { loadSampleYear as loadDemoYear } from '../../demo.ts';
import { contentHash } from '../../platform/canonical.ts';
import { cycleFileOf } from './cycle-file.ts';
import type { SnapshotContent } from './snapshot.ts';

const SET = bundledCompiledSet('cao-bang-2016')!;
const EXAMPLE = new URL('../../../../examples/cao-bang-2017.json', import.meta.url);
const url = (cycleId: string, rest = '') => `/api/v1/cycles/${cycleId}${rest}`;

/** The bundled sample year (examples/cao-bang-2017.json) in the tables, as the demo loads it. */
async function loadSampleYear(db: Db, cycleId: string) {
  const file = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Parameters<typeof loadDemoYear>[3];
  await loadDemoYear(db, SET, cycleId, file);
}

const chisoScore = (file: unknown) => {
  const read = readCycle(file, { resolveSet: (id) => bundledCompiledSet(id) });
  if (!read.ok) throw new Error(JSON.stringify(read.problems.slice(0, 5)));
  return JSON.parse(JSON.stringify(toInterchange(scoreCycle(read.set, read.cycle))));
};

/** Splits a CSV of quoted fields (what export.csv writes) into rows of fields. */
function parseCsv(text: string): string[][] {
  return text
    .split('\r\n')
    .filter((l) => l !== '')
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"(?:,|$)/g)].map((m) => m[1]!.replaceAll('""', '"')));
}

describe('approval and publication (R10, R11)', () => {
  let s: TestServer;
  let cycleId: string;
  beforeAll(async () => {
    s = await testServer({ now: '2017-12-10T03:00:00Z' });
    const cycle = await createCycle(s.deps.database.db, { state: 'under_review' });
    cycleId = cycle.id;
    for (const code of ['STTTT', 'STC', 'SYT', 'TPCB', 'HHA'])
      await createSubmission(s.deps.database.db, cycleId, code);
    await createSubmission(s.deps.database.db, cycleId, 'SNV', {
      submittedAt: new Date('2017-11-02T01:00:00Z'),
    });
    await createSubmission(s.deps.database.db, cycleId, 'SXD', { status: 'draft' });
  });
  afterAll(() => s.close());

  it('refuses to approve while an agency that submitted on time is not fully reviewed, naming it', async () => {
    const res = await s.request({
      method: 'POST',
      url: url(cycleId, '/approve'),
      cookie: await s.as('approver'),
      payload: {},
    });
    expect(res.statusCode).toBe(409);
    const error = res.json().error;
    expect(error.message).toMatch(/^Chưa phê duyệt được: 5 cơ quan nộp đúng hạn chưa thẩm định xong/);
    expect(error.message).toContain('Điểm chất lượng');
    // The late agency (SNV) is not ranked: its review does not hold the approval up.
    expect(error.details.incomplete.map((a: { code: string }) => a.code).sort()).toEqual([
      'HHA',
      'STC',
      'STTTT',
      'SYT',
      'TPCB',
    ]);
    await markDataQuality(s.deps.database.db, cycleId, ['STTTT', 'STC', 'SYT', 'TPCB', 'HHA']);
  });

  it('lets only the approver approve, and publishes nothing before approval', async () => {
    const assessor = await s.request({
      method: 'POST',
      url: url(cycleId, '/approve'),
      cookie: await s.as('assessor'),
      payload: {},
    });
    expect(assessor.statusCode).toBe(403);
    const early = await s.request({
      method: 'POST',
      url: url(cycleId, '/publish'),
      cookie: await s.as('approver'),
      payload: {},
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('invalid_state');
    expect(early.json().error.message).toMatch(/Đang thẩm định/);
    const viewer = await s.request({
      method: 'GET',
      url: url(cycleId, '/results'),
      cookie: await s.as('viewer'),
    });
    expect(viewer.statusCode).toBe(404);
    expect(viewer.json().error.message).toBe('Kết quả của kỳ đánh giá năm 2017 chưa được công bố');
    const reporter = await s.request({
      method: 'GET',
      url: url(cycleId, '/results'),
      cookie: await s.as('reporter', 'STTTT'),
    });
    expect(reporter.statusCode).toBe(404);
    const csv = await s.request({
      method: 'GET',
      url: url(cycleId, '/results/export.csv'),
      cookie: await s.as('viewer'),
    });
    expect(csv.statusCode).toBe(404);
  });

  it('shows the staff a live preview, never the viewer', async () => {
    const preview = await s.request({
      method: 'GET',
      url: url(cycleId, '/results?preview=true'),
      cookie: await s.as('approver'),
    });
    expect(preview.statusCode).toBe(200);
    const body = preview.json();
    expect(body.preview).toBe(true);
    expect(body.revision).toBeNull();
    const department = body.groups.find((g: { id: string }) => g.id === 'department');
    expect(department.ranking.map((r: { code: string }) => r.code).sort()).toEqual(['STC', 'STTTT', 'SYT']);
    expect(department.notRanked).toContainEqual(
      expect.objectContaining({
        code: 'SNV',
        reason: 'late',
        reasonLabel: { vi: 'Nộp muộn', en: 'Submitted late' },
      }),
    );
    expect(department.notRanked).toContainEqual(expect.objectContaining({ code: 'SXD', reason: 'missing' }));
    const page = await s.request({
      method: 'GET',
      url: url(cycleId, `/results/agencies/${await s.agencyId('STTTT')}?preview=true`),
      cookie: await s.as('assessor'),
    });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({
      preview: true,
      revision: null,
      ranked: true,
      total: expect.any(Number),
    });
    const viewer = await s.request({
      method: 'GET',
      url: url(cycleId, '/results?preview=true'),
      cookie: await s.as('viewer'),
    });
    expect(viewer.statusCode).toBe(403);
    expect(viewer.json().error.message).toBe(
      'Chỉ Sở TT&TT và Ban Chỉ đạo được xem trước kết quả chưa công bố',
    );
  });

  it('approves with a note, returns with a reason, and records both', async () => {
    const approver = await s.as('approver');
    const ok = await s.request({
      method: 'POST',
      url: url(cycleId, '/approve'),
      cookie: approver,
      payload: { note: 'Đồng ý theo tờ trình số 12/TTr-STTTT' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().cycle).toMatchObject({
      state: 'approved',
      approvalNote: 'Đồng ý theo tờ trình số 12/TTr-STTTT',
      approvedAt: '2017-12-10T03:00:00.000Z',
    });
    const again = await s.request({
      method: 'POST',
      url: url(cycleId, '/approve'),
      cookie: approver,
      payload: {},
    });
    expect(again.statusCode).toBe(409);

    const bare = await s.request({
      method: 'POST',
      url: url(cycleId, '/return'),
      cookie: approver,
      payload: { reason: '  ' },
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error).toMatchObject({
      field: 'reason',
      message: expect.stringMatching(/lý do trả lại/),
    });
    const back = await s.request({
      method: 'POST',
      url: url(cycleId, '/return'),
      cookie: approver,
      payload: { reason: 'Xem lại điểm chất lượng số liệu của Sở Tài chính' },
    });
    expect(back.statusCode).toBe(200);
    expect(back.json().cycle).toMatchObject({ state: 'under_review', approvedAt: null, approvalNote: null });

    const rows = await s.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.cycleId, cycleId), eq(auditLog.action, 'cycle.transition')))
      .orderBy(asc(auditLog.id));
    expect(rows.map((r) => [r.oldValue, r.newValue, r.reason])).toEqual([
      ['under_review', 'approved', 'Đồng ý theo tờ trình số 12/TTr-STTTT'],
      ['approved', 'under_review', 'Xem lại điểm chất lượng số liệu của Sở Tài chính'],
    ]);
    expect(rows[0]!.actorRole).toBe('approver');
  });

  it('publishes revision 1, readable by every role, frozen in the database', async () => {
    const approver = await s.as('approver');
    expect(
      (await s.request({ method: 'POST', url: url(cycleId, '/approve'), cookie: approver })).statusCode,
    ).toBe(200);
    const admin = await s.request({
      method: 'POST',
      url: url(cycleId, '/publish'),
      cookie: await s.as('admin'),
      payload: {},
    });
    expect(admin.statusCode).toBe(403);
    s.clock.set('2017-12-10T05:00:00Z');
    const res = await s.request({
      method: 'POST',
      url: url(cycleId, '/publish'),
      cookie: approver,
      payload: {},
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().cycle).toMatchObject({ state: 'published', publishedAt: '2017-12-10T05:00:00.000Z' });
    expect(res.json().revision).toMatchObject({
      number: 1,
      reason: null,
      verified: true,
      publishedBy: 'Người thử approver-x',
    });

    const [row] = await s.deps.database.db
      .select()
      .from(publishedSnapshots)
      .where(eq(publishedSnapshots.cycleId, cycleId));
    const content = row!.content as SnapshotContent;
    expect(row!.contentHash).toBe(contentHash(content));
    expect(content.cycle).toMatchObject({
      year: 2017,
      deadline: '2017-10-31T17:00:00.000Z',
      approvalNote: null,
    });
    expect(content.criteria).toMatchObject({ setId: 'cao-bang-2016', version: '1.0-reconstructed' });
    const sttt = content.agencies.find((a) => a.code === 'STTTT')!;
    expect(sttt.values).toMatchObject({ total_staff: expect.any(Number) });
    expect(sttt.websiteChecks).toHaveLength(1);
    expect(content.agencies.find((a) => a.code === 'SXD')).toMatchObject({ submittedAt: null, values: {} });

    const audits = await s.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.cycleId, cycleId), eq(auditLog.action, 'results.publish')));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.newValue).toMatchObject({ revision: 1, contentHash: row!.contentHash });

    for (const [role, code] of [['viewer'], ['reporter', 'HHA'], ['assessor']] as const) {
      const read = await s.request({
        method: 'GET',
        url: url(cycleId, '/results'),
        cookie: await s.as(role, code),
      });
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject({ preview: false, revision: { number: 1 } });
      expect(read.json().groups.map((g: { id: string }) => g.id)).toEqual(['department', 'district']);
    }
    const preview = await s.request({
      method: 'GET',
      url: url(cycleId, '/results?preview=true'),
      cookie: approver,
    });
    expect(preview.statusCode).toBe(409);
  });

  it('refuses to edit or delete a published revision (database trigger)', async () => {
    const db = s.deps.database.db;
    await expect(
      db.update(publishedSnapshots).set({ reason: 'sửa lén' }).where(eq(publishedSnapshots.cycleId, cycleId)),
    ).rejects.toThrow();
    await expect(
      db.delete(publishedSnapshots).where(eq(publishedSnapshots.cycleId, cycleId)),
    ).rejects.toThrow();
    const [row] = await db.select().from(publishedSnapshots).where(eq(publishedSnapshots.cycleId, cycleId));
    expect(row!.reason).toBeNull();
  });

  it('revises with a reason: the published revision stays visible, the next one needs a reason', async () => {
    const db = s.deps.database.db;
    const before = (
      await db.select().from(publishedSnapshots).where(eq(publishedSnapshots.cycleId, cycleId))
    )[0]!;
    const viewerCookie = await s.as('viewer');

    const noReason = await s.request({
      method: 'POST',
      url: url(cycleId, '/revise'),
      cookie: await s.as('admin'),
      payload: {},
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.field).toBe('reason');
    const viewer = await s.request({
      method: 'POST',
      url: url(cycleId, '/revise'),
      cookie: viewerCookie,
      payload: { reason: 'x' },
    });
    expect(viewer.statusCode).toBe(403);
    const revise = await s.request({
      method: 'POST',
      url: url(cycleId, '/revise'),
      cookie: await s.as('admin'),
      payload: { reason: 'Sở Tài chính khiếu nại số máy tính' },
    });
    expect(revise.statusCode).toBe(200);
    expect(revise.json().cycle.state).toBe('under_review');

    const during = await s.request({ method: 'GET', url: url(cycleId, '/results'), cookie: viewerCookie });
    expect(during.statusCode).toBe(200);
    expect(during.json().revision.number).toBe(1);

    // The correction: Sở Tài chính had fewer computers with Internet than the department first read.
    const [stc] = await db.select().from(agencies).where(eq(agencies.code, 'STC'));
    const [sub] = await db
      .select()
      .from(submissions)
      .where(and(eq(submissions.cycleId, cycleId), eq(submissions.agencyId, stc!.id)));
    const values = sub!.values as Record<string, number>;
    await db.insert(reviewValues).values({
      submissionId: sub!.id,
      fieldKey: 'computers_internet',
      kind: 'correction',
      oldValue: values.computers_internet,
      newValue: Math.floor(values.total_computers! / 2),
      reason: 'Khảo sát thực tế',
    });

    const approver = await s.as('approver');
    expect(
      (await s.request({ method: 'POST', url: url(cycleId, '/approve'), cookie: approver, payload: {} }))
        .statusCode,
    ).toBe(200);
    const again = await s.request({
      method: 'POST',
      url: url(cycleId, '/publish'),
      cookie: approver,
      payload: {},
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error).toMatchObject({ code: 'invalid', field: 'reason' });
    expect(again.json().error.message).toMatch(/Công bố lại cần ghi lý do/);
    s.clock.set('2017-12-10T08:00:00Z');
    const second = await s.request({
      method: 'POST',
      url: url(cycleId, '/publish'),
      cookie: approver,
      payload: { reason: 'Điều chỉnh tiêu chí 1.2 của Sở Tài chính sau khảo sát' },
    });
    expect(second.statusCode).toBe(200);
    expect(second.json().revision).toMatchObject({
      number: 2,
      reason: 'Điều chỉnh tiêu chí 1.2 của Sở Tài chính sau khảo sát',
    });

    const rows = await db
      .select()
      .from(publishedSnapshots)
      .where(eq(publishedSnapshots.cycleId, cycleId))
      .orderBy(asc(publishedSnapshots.revision));
    expect(rows.map((r) => r.revision)).toEqual([1, 2]);
    expect(rows[0]!.content).toEqual(before.content);
    expect(rows[0]!.contentHash).toBe(before.contentHash);
    expect(rows[0]!.publishedAt).toEqual(before.publishedAt);

    const list = await s.request({
      method: 'GET',
      url: url(cycleId, '/results/revisions'),
      cookie: viewerCookie,
    });
    expect(
      list.json().revisions.map((r: { number: number; reason: string | null }) => [r.number, r.reason]),
    ).toEqual([
      [2, 'Điều chỉnh tiêu chí 1.2 của Sở Tài chính sau khảo sát'],
      [1, null],
    ]);
    const first = await s.request({
      method: 'GET',
      url: url(cycleId, '/results/revisions/1'),
      cookie: viewerCookie,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().revision).toMatchObject({
      number: 1,
      verified: true,
      contentHash: before.contentHash,
    });
    const criterion = (c: SnapshotContent) =>
      c.groups[0]!.ranking.find((r) => r.code === 'STC')!.criteria['1.2'];
    expect(criterion(first.json().content)).toBe(3);
    const latest = await s.request({ method: 'GET', url: url(cycleId, '/results'), cookie: viewerCookie });
    expect(latest.json().revision.number).toBe(2);
    expect(
      latest.json().groups[0].ranking.find((r: { code: string }) => r.code === 'STC').criteria['1.2'],
    ).toBe(1.5);
    const missing = await s.request({
      method: 'GET',
      url: url(cycleId, '/results/revisions/3'),
      cookie: viewerCookie,
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe('Không tìm thấy lần công bố thứ 3');
  });
});

describe('the published ranking is the ranking of `chiso score` (R12, R15)', () => {
  let s: TestServer;
  let cycleId: string;
  let content: SnapshotContent;
  beforeAll(async () => {
    s = await testServer({ now: '2017-12-15T03:00:00Z' });
    const cycle = await createCycle(s.deps.database.db, { state: 'approved' });
    cycleId = cycle.id;
    await loadSampleYear(s.deps.database.db, cycleId);
    const res = await s.request({
      method: 'POST',
      url: url(cycleId, '/publish'),
      cookie: await s.as('approver'),
      payload: {},
    });
    expect(res.statusCode).toBe(200);
    const rev = await s.request({
      method: 'GET',
      url: url(cycleId, '/results/revisions/1'),
      cookie: await s.as('viewer'),
    });
    content = rev.json().content;
  });
  afterAll(() => s.close());

  it('gives export.json equal to chiso score on a cycle file made from the snapshot', async () => {
    const res = await s.request({
      method: 'GET',
      url: url(cycleId, '/results/export.json'),
      cookie: await s.as('viewer'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const exported = res.json();
    expect(exported).toEqual(chisoScore(cycleFileOf(content)));
    // Same key order as the command-line tool prints, criterion by criterion.
    expect(JSON.stringify(exported)).toBe(JSON.stringify(chisoScore(cycleFileOf(content))));
    // And the same as the command-line tool on the original sample file.
    const original = readCycleText(readFileSync(EXAMPLE, 'utf8'), {
      resolveSet: (id) => bundledCompiledSet(id),
    });
    if (!original.ok) throw new Error('sample file does not read');
    expect(exported).toEqual(
      JSON.parse(JSON.stringify(toInterchange(scoreCycle(original.set, original.cycle)))),
    );
    expect(exported.groups[0].notRanked).toEqual([
      { code: 'SNGV', reason: 'missing' },
      { code: 'SNV', reason: 'late' },
    ]);
  });

  it('writes a CSV that Excel opens in Vietnamese: BOM, quoted fields, comma decimals, not-ranked last', async () => {
    const res = await s.request({
      method: 'GET',
      url: url(cycleId, '/results/export.csv'),
      cookie: await s.as('viewer'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/filename\*=UTF-8''K%E1%BA%BFt%20qu%E1%BA%A3/);
    const raw = res.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = raw.toString('utf8').slice(1);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([
      'Nhóm',
      'Hạng',
      'Mã',
      'Đơn vị',
      'Tổng điểm',
      'Xếp loại',
      'HM1 (tối đa 20/25)',
      'HM2 (tối đa 25/20)',
      'HM3 (tối đa 20)',
      'HM4 (tối đa 25)',
      'HM5 (tối đa 10)',
      'Tự chấm (điểm cơ quan tự đánh giá)',
    ]);
    expect(text.split('\r\n')[0]).toBe(
      '"Nhóm","Hạng","Mã","Đơn vị","Tổng điểm","Xếp loại","HM1 (tối đa 20/25)","HM2 (tối đa 25/20)","HM3 (tối đa 20)","HM4 (tối đa 25)","HM5 (tối đa 10)","Tự chấm (điểm cơ quan tự đánh giá)"',
    );
    const department = content.groups[0]!;
    const top = department.ranking[0]!;
    const comma = (p: number) => p.toFixed(2).replace('.', ',');
    expect(rows[1]).toEqual([
      'Cơ quan chuyên môn thuộc UBND tỉnh',
      '1',
      top.code,
      top.name,
      comma(top.total),
      top.classLabel.vi,
      ...top.categories.map((c) => comma(c.points)),
      comma(top.selfTotal!),
    ]);
    expect(rows.some((r) => /^\d+,\d\d$/.test(r[4]!) && !r[4]!.endsWith(',00'))).toBe(true);
    expect(rows.find((r) => r[2] === 'SVHTTDL')![3]).toBe('Sở Văn hóa, Thể thao và Du lịch');
    // Not-ranked agencies come after the ranked ones of their group, with the reason as class.
    const codes = rows.map((r) => r[2]);
    const lastRanked = codes.indexOf(department.ranking.at(-1)!.code);
    expect(codes.indexOf('SNV')).toBeGreaterThan(lastRanked);
    expect(rows.find((r) => r[2] === 'SNV')).toEqual([
      'Cơ quan chuyên môn thuộc UBND tỉnh',
      '',
      'SNV',
      'Sở Nội vụ',
      '',
      'Không xếp hạng: nộp muộn',
      '',
      '',
      '',
      '',
      '',
      comma(department.notRanked.find((n) => n.code === 'SNV')!.selfTotal!),
    ]);
    expect(rows.find((r) => r[2] === 'SNGV')![5]).toBe('Không xếp hạng: không nộp');
    expect(rows.find((r) => r[2] === 'SNGV')!.at(-1)).toBe('');
    expect(rows.find((r) => r[2] === 'HTN')![5]).toBe('Không xếp hạng: nộp muộn');
    expect(rows).toHaveLength(1 + 33);

    const one = await s.request({
      method: 'GET',
      url: url(cycleId, '/results/export.csv?group=district'),
      cookie: await s.as('admin'),
    });
    expect(parseCsv(one.rawPayload.toString('utf8').slice(1))[0]!.slice(6, 8)).toEqual([
      'HM1 (tối đa 25)',
      'HM2 (tối đa 20)',
    ]);
    const bad = await s.request({
      method: 'GET',
      url: url(cycleId, '/results/export.csv?group=xa'),
      cookie: await s.as('admin'),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('group');
  });

  it('keeps the downloads from reporters, who read the ranking on screen', async () => {
    const reporter = await s.as('reporter', 'STTTT');
    expect(
      (await s.request({ method: 'GET', url: url(cycleId, '/results/export.csv'), cookie: reporter }))
        .statusCode,
    ).toBe(403);
    expect(
      (await s.request({ method: 'GET', url: url(cycleId, '/results/export.json'), cookie: reporter }))
        .statusCode,
    ).toBe(403);
    expect(
      (await s.request({ method: 'GET', url: url(cycleId, '/results'), cookie: reporter })).statusCode,
    ).toBe(200);
  });
});

describe('one agency at a glance (R19)', () => {
  let s: TestServer;
  let cycleId: string;
  let stttt: string;
  beforeAll(async () => {
    s = await testServer({ now: '2017-12-15T03:00:00Z' });
    const db = s.deps.database.db;
    stttt = await s.agencyId('STTTT');
    // Last year: Sở TT&TT ranked on a form without its website (no checks in 2016).
    const prev = await createCycle(db, { year: 2016, state: 'approved' });
    await createSubmission(db, prev.id, 'STTTT', {
      values: formValues('department', 2016),
      submittedAt: new Date('2016-10-20T03:00:00Z'),
      website: null,
    });
    await createSubmission(db, prev.id, 'STC', {
      values: formValues('department', 2016),
      submittedAt: new Date('2016-10-21T03:00:00Z'),
      website: null,
    });
    const approver = await s.as('approver');
    expect(
      (await s.request({ method: 'POST', url: url(prev.id, '/publish'), cookie: approver, payload: {} }))
        .statusCode,
    ).toBe(200);

    const cycle = await createCycle(db, { state: 'approved' });
    cycleId = cycle.id;
    await loadSampleYear(db, cycleId);
    expect(
      (await s.request({ method: 'POST', url: url(cycleId, '/publish'), cookie: approver, payload: {} }))
        .statusCode,
    ).toBe(200);
  });
  afterAll(() => s.close());

  it('shows rank, class, categories against maxima and group averages, the biggest losses, and last year', async () => {
    const res = await s.request({
      method: 'GET',
      url: url(cycleId, `/results/agencies/${stttt}`),
      cookie: await s.as('reporter', 'STTTT'),
    });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    const results = (
      await s.request({ method: 'GET', url: url(cycleId, '/results'), cookie: await s.as('viewer') })
    ).json();
    const department = results.groups[0];
    const row = department.ranking.find((r: { code: string }) => r.code === 'STTTT');
    expect(page).toMatchObject({
      agency: { code: 'STTTT', name: 'Sở Thông tin và Truyền thông', group: 'department' },
      ranked: true,
      rank: row.rank,
      rankedInGroup: department.ranking.length,
      total: row.total,
      class: row.class,
      classLabel: row.classLabel,
      notRankedReason: null,
    });
    expect(page.categories.map((c: { id: string; max: number }) => [c.id, c.max])).toEqual([
      ['1', 20],
      ['2', 25],
      ['3', 20],
      ['4', 25],
      ['5', 10],
    ]);
    for (const [i, c] of page.categories.entries()) {
      expect(c.points).toBe(row.categories[i].points);
      const sum = department.ranking.reduce(
        (a: number, r: { categories: { points: number }[] }) => a + Math.round(r.categories[i]!.points * 100),
        0,
      );
      expect(c.groupAverage).toBe(Math.round(sum / department.ranking.length) / 100);
    }
    // The biggest losses: largest first, at most five, each explained in Vietnamese.
    const losses = page.biggestLosses as {
      criterionId: string;
      points: number;
      max: number;
      lost: number;
      explanation: { vi: string };
      name: { vi: string };
    }[];
    const expected = SET.groupsById
      .get('department')!
      .criteria.map((k, order) => ({
        id: k.id,
        order,
        lost: Math.round(k.maxHundredths - row.criteria[k.id] * 100),
      }))
      .filter((x) => x.lost > 0)
      .sort((a, b) => b.lost - a.lost || a.order - b.order)
      .slice(0, 5);
    expect(losses.map((l) => l.criterionId)).toEqual(expected.map((x) => x.id));
    expect(losses.length).toBeGreaterThan(0);
    for (const l of losses) {
      expect(l.lost).toBe(Math.round((l.max - l.points) * 100) / 100);
      expect(l.points).toBe(row.criteria[l.criterionId]);
      expect(l.name.vi.length).toBeGreaterThan(3);
      expect(l.explanation.vi).toMatch(/điểm/);
    }
    expect(page.previousYear).toMatchObject({
      year: 2016,
      ranked: true,
      rank: 1,
      rankedInGroup: 2,
      revision: 1,
    });
    expect(page.previousYear.change).toBe(Math.round((row.total - page.previousYear.total) * 100) / 100);
    // The department's own mark (data quality, 4.8) is shown to the agency with its points.
    expect(page.dataQuality).toEqual([
      expect.objectContaining({ criterionId: '4.8', points: row.criteria['4.8'], max: expect.any(Number) }),
    ]);
    expect(page.dataQuality[0].name.vi.length).toBeGreaterThan(3);
  });

  it('lets a reporter read only its own agency; a viewer reads any; a not-ranked agency sees why', async () => {
    const other = await s.agencyId('SNV');
    const refused = await s.request({
      method: 'GET',
      url: url(cycleId, `/results/agencies/${other}`),
      cookie: await s.as('reporter', 'STTTT'),
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe('Đơn vị chỉ xem được kết quả của chính mình');
    const viewer = await s.request({
      method: 'GET',
      url: url(cycleId, `/results/agencies/${other}`),
      cookie: await s.as('viewer'),
    });
    expect(viewer.statusCode).toBe(200);
    expect(viewer.json()).toMatchObject({
      ranked: false,
      rank: null,
      total: null,
      notRankedReason: 'late',
      notRankedLabel: { vi: 'Nộp muộn' },
      biggestLosses: [],
      dataQuality: [expect.objectContaining({ criterionId: '4.8', points: null })],
      // In 2016 Sở Nội vụ did not submit at all.
      previousYear: {
        year: 2016,
        ranked: false,
        notRankedReason: 'missing',
        notRankedLabel: { vi: 'Không nộp' },
        total: null,
      },
    });
    expect(viewer.json().categories[0]).toMatchObject({ id: '1', max: 20, points: null });
  });
});

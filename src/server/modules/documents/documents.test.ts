/**
 * The official documents read back as a person and a machine would: DOCX through its XML (title
 * block, number, tables), PDF through pdftotext (Vietnamese text intact) with one page rendered
 * by pdftoppm into test-results/ for a person to look at; the zip of every notice; who may
 * download what.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxXml, pdfText, textOf } from '../../../../test/documents.ts';
import { createCycle } from '../../../../test/fixtures.ts';
import { type TestServer, testServer } from '../../../../test/server.ts';
import { bundledCompiledSet } from '../../../core/criteria/bundled.ts';
import { appeals } from '../../db/schema.ts';
import { loadSampleYear } from '../../demo.ts';

const SET = bundledCompiledSet('cao-bang-2016')!;
const EXAMPLE = new URL('../../../../examples/cao-bang-2017.json', import.meta.url);
const url = (cycleId: string, rest = '') => `/api/v1/cycles/${cycleId}${rest}`;
const DECISION = {
  number: '2568/QĐ-UBND',
  date: '2017-12-20',
  signerName: 'Nguyễn Trung Thảo',
  signerTitle: 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH',
};

let s: TestServer;
let cycleId: string;
beforeAll(async () => {
  s = await testServer({ now: '2017-12-20T03:00:00Z' });
  const cycle = await createCycle(s.deps.database.db, { state: 'approved' });
  cycleId = cycle.id;
  await loadSampleYear(s.deps.database.db, SET, cycleId, JSON.parse(readFileSync(EXAMPLE, 'utf8')));
  const res = await s.request({
    method: 'POST',
    url: url(cycleId, '/publish'),
    cookie: await s.as('approver'),
    payload: { decision: DECISION },
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().revision.decision).toEqual(DECISION);
});
afterAll(() => s.close());

const get = async (path: string, role: Parameters<TestServer['as']>[0] = 'assessor', agency?: string) =>
  s.request({ method: 'GET', url: path, cookie: await s.as(role, agency) });

describe('the annual report', () => {
  it('as DOCX: A4, the decree margins, Times New Roman, title block, number, ranking tables, decision', async () => {
    const res = await get(url(cycleId, '/official-documents/report?format=docx'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const xml = await docxXml(res.rawPayload);
    const text = textOf(xml);
    for (const t of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
      'Số:        /BC-STTTT',
      'Cao Bằng, ngày 20 tháng 12 năm 2017',
      'BÁO CÁO',
      'Quyết định số 2568/QĐ-UBND ngày 20/12/2017',
      'Nơi nhận:',
      'Cơ quan chuyên môn thuộc UBND tỉnh',
      'UBND huyện, thành phố',
      'PHÂN TÍCH THEO HẠNG MỤC',
      'PHỤ LỤC: PHƯƠNG PHÁP ĐÁNH GIÁ',
    ])
      expect(text, t).toContain(t);
    expect(xml).toMatch(/<w:pgSz w:w="11907" w:h="16840"/);
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701"/);
    // Tables with the ranking: several, with the header "Tổng điểm" and points as "87,25".
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThan(5);
    expect(text).toMatch(/Tổng điểm/);
    expect(text).toMatch(/\d+,\d\d/);
    const zip = await JSZip.loadAsync(res.rawPayload);
    expect(await zip.file('word/styles.xml')!.async('string')).toContain('Times New Roman');
    // Charts as PNG images.
    expect(Object.keys(zip.files).some((f) => f.startsWith('word/media/') && f.endsWith('.png'))).toBe(true);
  });

  it('as PDF: the same text, Vietnamese intact, first page kept as PNG', async () => {
    const res = await get(url(cycleId, '/official-documents/report?format=pdf'), 'approver');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(res.rawPayload, 'documents-report-page1');
    for (const t of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BÁO CÁO',
      'Quyết định số 2568/QĐ-UBND',
      'Văn phòng UBND tỉnh',
      'Nơi nhận:',
    ])
      expect(text, t).toContain(t);
    const info = execFileSync('pdfinfo', ['-'], { input: res.rawPayload, encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/);
    const fonts = execFileSync('pdffonts', ['-'], { input: res.rawPayload, encoding: 'utf8' });
    expect(fonts).toMatch(/LiberationSerif/);
    expect(fonts).not.toMatch(/\bno\s+no\b.*Type 1/);
  });
});

describe('the appeals in the report', () => {
  it('lists every appeal and its answer in an annex of its own, counted in the overview', async () => {
    const db = s.deps.database.db;
    const at = new Date('2017-12-12T03:00:00Z');
    await db.insert(appeals).values([
      {
        cycleId,
        agencyId: await s.agencyId('STTTT'),
        criterionId: '2.2',
        text: 'Số văn bản đi điện tử chưa tính văn bản gửi qua trục liên thông',
        status: 'upheld',
        filedAt: at,
        answer: 'Đã đối chiếu trục liên thông, điều chỉnh số văn bản đi điện tử',
        answeredAt: at,
        totalBefore: 8124,
        totalAfter: 8375,
      },
      {
        cycleId,
        agencyId: await s.agencyId('VPUBND'),
        criterionId: '3.3',
        text: 'Trang có tin bài hằng ngày nhưng công cụ kiểm tra không thấy',
        status: 'rejected',
        filedAt: at,
        answer: 'Ảnh chụp trang các tháng 3, 6, 9 cho thấy dưới 4 tin bài mỗi tháng',
        answeredAt: at,
      },
    ]);
    try {
      const text = textOf(await docxXml((await get(url(cycleId, '/official-documents/report'))).rawPayload));
      expect(text).toContain('2 cơ quan gửi 2 kiến nghị; Sở chấp nhận 1 kiến nghị');
      expect(text).toContain('không chấp nhận 1 kiến nghị');
      expect(text).toContain('PHỤ LỤC I: PHƯƠNG PHÁP ĐÁNH GIÁ');
      expect(text).toContain('PHỤ LỤC II: KIẾN NGHỊ CỦA CÁC CƠ QUAN VÀ KẾT QUẢ XỬ LÝ');
      expect(text).toContain('Số văn bản đi điện tử chưa tính văn bản gửi qua trục liên thông');
      expect(text).toContain('Chấp nhận: Đã đối chiếu trục liên thông, điều chỉnh số văn bản đi điện tử');
      expect(text).toContain('81,24 → 83,75');
      expect(text).toContain('Không chấp nhận: Ảnh chụp trang các tháng 3, 6, 9');
      expect(text).toMatch(/2\.2\. [^\d]/);
      const pdf = pdfText((await get(url(cycleId, '/official-documents/report?format=pdf'))).rawPayload);
      expect(pdf).toContain('KIẾN NGHỊ CỦA CÁC CƠ QUAN VÀ KẾT QUẢ XỬ LÝ');
    } finally {
      await db.delete(appeals).where(eq(appeals.cycleId, cycleId));
    }
  });
});

describe('the draft decision', () => {
  it('carries the number, date and signer from the publish step, with one annex per group', async () => {
    const res = await get(url(cycleId, '/official-documents/decision'), 'admin');
    expect(res.statusCode).toBe(200);
    const text = textOf(await docxXml(res.rawPayload));
    for (const t of [
      'ỦY BAN NHÂN DÂN TỈNH CAO BẰNG',
      'Số: 2568/QĐ-UBND',
      'Cao Bằng, ngày 20 tháng 12 năm 2017',
      'QUYẾT ĐỊNH',
      'Điều 1.',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Nguyễn Trung Thảo',
      'PHỤ LỤC I',
      'PHỤ LỤC II',
    ])
      expect(text, t).toContain(t);
    const pdf = await get(url(cycleId, '/official-documents/decision?format=pdf'), 'admin');
    const ptext = pdfText(pdf.rawPayload, 'documents-decision-page1');
    expect(ptext).toContain('Số: 2568/QĐ-UBND');
    expect(ptext).toContain('Nguyễn Trung Thảo');
  });
});

describe('the result notices', () => {
  it('one agency: its reporter downloads it, with self against official and what to improve', async () => {
    const id = await s.agencyId('STTTT');
    const res = await get(url(cycleId, `/notices/${id}?format=pdf`), 'reporter', 'STTTT');
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload, 'documents-notice-page1');
    expect(text).toContain('THÔNG BÁO');
    expect(text).toContain('Sở Thông tin và Truyền thông');
    expect(text).toContain('Lý do chênh lệch');
    expect(text).toContain('Sở TT&TT chấm');
    expect(text).toContain('Những nội dung cần cải thiện');
    const docx = textOf(
      await docxXml((await get(url(cycleId, `/notices/${id}`), 'reporter', 'STTTT')).rawPayload),
    );
    expect(docx).toContain('Quyết định số 2568/QĐ-UBND ngày 20/12/2017');
    expect(docx).toMatch(/đứng thứ \d+\/\d+ trong nhóm/);
  });

  it("another agency's notice is refused to a reporter; the report to reporters and viewers", async () => {
    const other = await s.agencyId('VPUBND');
    expect((await get(url(cycleId, `/notices/${other}`), 'reporter', 'STTTT')).statusCode).toBe(403);
    expect((await get(url(cycleId, '/official-documents/report'), 'reporter', 'STTTT')).statusCode).toBe(403);
    expect((await get(url(cycleId, '/official-documents/report'), 'viewer')).statusCode).toBe(403);
    expect((await get(url(cycleId, '/notices.zip'), 'reporter', 'STTTT')).statusCode).toBe(403);
    expect(
      (await s.request({ method: 'GET', url: url(cycleId, '/official-documents/report') })).statusCode,
    ).toBe(401);
  });

  it('every notice in one zip, DOCX and PDF, each readable', async () => {
    const res = await get(url(cycleId, '/notices.zip'));
    expect(res.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
    expect(names.filter((n) => n.endsWith('.docx'))).toHaveLength(33);
    expect(names.filter((n) => n.endsWith('.pdf'))).toHaveLength(33);
    const one = names.find((n) => n.startsWith('pdf/STTTT'))!;
    expect(pdfText(await zip.file(one)!.async('nodebuffer'))).toContain('Sở Thông tin và Truyền thông');
  });
});

describe('the submission receipt', () => {
  it('as PDF: the agency, the time to the second, the deadline, the attestation and the hash', async () => {
    const id = await s.agencyId('STTTT');
    const receiptUrl = url(cycleId, `/agencies/${id}/submission/receipt`);
    const view = (await get(receiptUrl, 'reporter', 'STTTT')).json();
    const res = await get(`${receiptUrl}.pdf`, 'reporter', 'STTTT');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/pdf/);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(
      'Biên nhận phiếu báo cáo năm 2017 - STTTT.pdf',
    );
    const text = pdfText(res.rawPayload, 'documents-receipt-page1');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('GIẤY BIÊN NHẬN');
    expect(text).toContain('Sở Thông tin và Truyền thông (mã STTTT)');
    expect(text).toContain(view.submittedAtVn);
    expect(text).toContain(view.deadlineVn);
    expect(text).toContain(view.attestation.name);
    // The hash may wrap in its table cell; pdftotext gives it back with spaces at the breaks.
    expect(text.replace(/ /g, '')).toContain(view.contentHash);
  });

  it("another agency's receipt is refused to a reporter; an assessor reads any", async () => {
    const other = await s.agencyId('VPUBND');
    const path = url(cycleId, `/agencies/${other}/submission/receipt.pdf`);
    expect((await get(path, 'reporter', 'STTTT')).statusCode).toBe(403);
    expect((await get(path, 'assessor')).statusCode).toBe(200);
  });
});

describe('before publication', () => {
  it('a cycle not published has no documents (404)', async () => {
    const cycle = await createCycle(s.deps.database.db, { year: 2018, state: 'under_review' });
    expect((await get(url(cycle.id, '/official-documents/report'))).statusCode).toBe(404);
  });

  it('a decision date that does not exist is refused, naming the field', async () => {
    const cycle = await createCycle(s.deps.database.db, { year: 2019, state: 'approved' });
    const res = await s.request({
      method: 'POST',
      url: url(cycle.id, '/publish'),
      cookie: await s.as('approver'),
      payload: { decision: { ...DECISION, date: '2019-02-30' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('decision.date');
  });
});

describe('the decision on the other outputs', () => {
  it('the ranking workbook and the public page name the decision', async () => {
    const res = await get(url(cycleId, '/results/export.xlsx'), 'viewer');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    expect(strings).toContain('Quyết định số 2568/QĐ-UBND ngày 20/12/2017');
    const page = await s.request({ method: 'GET', url: '/ket-qua/2017' });
    expect(page.body).toContain('2568/QĐ-UBND');
  });
});

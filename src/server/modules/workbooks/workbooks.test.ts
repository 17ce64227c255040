/**
 * The Excel form round-trip through the API on a real database: the workbook read back with exceljs
 * as a person's Excel would show it, filled in as a person would, uploaded, previewed, confirmed;
 * and every kind of bad file refused with a Vietnamese message and nothing changed.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle, createSubmission, formValues } from '../../../../test/fixtures.ts';
import { multipart } from '../../../../test/http.ts';
import { type TestServer, testServer } from '../../../../test/server.ts';
import { inputCell, openWorkbook, saveWorkbook, typeValues, writeZip } from '../../../../test/workbooks.ts';
import { agencies, auditLog, type cycles, reviewValues, submissions } from '../../db/schema.ts';
import { unzipGuarded } from './zip-guard.ts';

let s: TestServer;
let cycle: typeof cycles.$inferSelect;
let previous: typeof cycles.$inferSelect;
const ids: Record<string, string> = {};

beforeAll(async () => {
  s = await testServer();
  previous = await createCycle(s.deps.database.db, { year: 2016, state: 'published' });
  cycle = await createCycle(s.deps.database.db, { state: 'open' });
  for (const a of await s.deps.database.db.select().from(agencies)) ids[a.code] = a.id;
  // SXD submitted its form of 2016: its 2017 workbook starts from those values.
  await createSubmission(s.deps.database.db, previous.id, 'SXD', {
    values: formValues('department', 2016),
    submittedAt: new Date('2016-10-20T03:00:00Z'),
  });
});
afterAll(() => s.close());

const base = (agency: string, cycleId = cycle.id) =>
  `/api/v1/cycles/${cycleId}/agencies/${ids[agency]}/submission`;

async function download(cookie: string, agency: string, cycleId?: string): Promise<Buffer> {
  const res = await s.request({ method: 'GET', url: `${base(agency, cycleId)}/workbook`, cookie });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  return res.rawPayload;
}

const preview = (cookie: string, agency: string, bytes: Buffer, filename = 'bieu-mau.xlsx') =>
  s.request({
    method: 'POST',
    url: `${base(agency)}/workbook/preview`,
    cookie,
    ...multipart([{ name: 'file', filename, content: bytes }]),
  });

const confirm = (
  cookie: string,
  agency: string,
  body: { upload: string; filename: string; version: number | null },
) => s.request({ method: 'POST', url: `${base(agency)}/workbook/confirm`, cookie, payload: body });

const form = async (cookie: string, agency: string) =>
  (await s.request({ method: 'GET', url: base(agency), cookie })).json();

async function filled(
  cookie: string,
  agency: string,
  edit: (wb: Awaited<ReturnType<typeof openWorkbook>>) => void,
) {
  const wb = await openWorkbook(await download(cookie, agency));
  edit(wb);
  return saveWorkbook(wb);
}

const auditCount = async (agency: string) =>
  (
    await s.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.agencyId, ids[agency]!), eq(auditLog.cycleId, cycle.id)))
  ).length;

describe('the downloaded workbook', () => {
  it('has one sheet per category with Vietnamese labels, validation, protection and a hidden identity', async () => {
    const reporter = await s.as('reporter', 'SYT');
    const wb = await openWorkbook(await download(reporter, 'SYT'));
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Thông tin chung', 'visible'],
      ['Hạng mục 1', 'visible'],
      ['Hạng mục 2', 'visible'],
      ['Hạng mục 3', 'visible'],
      ['Hạng mục 4', 'visible'],
      ['Hạng mục 5', 'visible'],
      ['danh-sach', 'veryHidden'],
      ['chiso', 'veryHidden'],
    ]);
    const staff = inputCell(wb, 'total_staff');
    const sheet = wb.getWorksheet(staff.address.split('!')[0]!)!;
    const row = staff.cell.row;
    expect(String(sheet.getCell(`B${row}`).value)).toMatch(/cán bộ.*\*$/i);
    expect(sheet.getCell(`D${row}`).value).toBe('người');
    expect(staff.cell.dataValidation).toMatchObject({ type: 'whole', formulae: [1, 5000] });
    expect(staff.cell.protection).toMatchObject({ locked: false });
    expect(sheet.getCell(`B${row}`).protection?.locked).not.toBe(false);
    expect((sheet as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    expect(inputCell(wb, 'has_tthc').cell.dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Có,Không"'],
    });
    expect(inputCell(wb, 'internet_connection_type').cell.dataValidation.formulae[0]).toMatch(
      /^'danh-sach'!\$A\$1:\$A\$5$/,
    );
    expect(wb.getWorksheet('danh-sach')!.getCell('A1').value).toBe('Cáp quang (FTTH)');
    const meta = Object.fromEntries(
      wb
        .getWorksheet('chiso')!
        .getSheetValues()
        .filter(Boolean)
        .map((r) => [(r as unknown[])[1], (r as unknown[])[2]]),
    );
    expect(meta).toMatchObject({
      cycleId: cycle.id,
      year: 2017,
      agencyId: ids.SYT,
      agencyCode: 'SYT',
      criteriaSetId: 'cao-bang-2016',
      criteriaVersion: '1.0-reconstructed',
      prefill: 'empty',
    });
    expect(meta.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(inputCell(wb, 'report_year').cell.value).toBe(2017);
  });

  it('has its structure protected: Excel adds, deletes, renames or unhides no sheet', async () => {
    const bytes = await download(await s.as('reporter', 'SYT'), 'SYT');
    const xml = unzipGuarded(bytes, { maxEntries: 100, maxTotalBytes: 1e8, maxRatio: 1000 })
      .get('xl/workbook.xml')!
      .toString('utf8');
    expect(xml).toMatch(
      /<workbookPr[^>]*\/>\s*<workbookProtection lockStructure="1"\/>\s*<(bookViews|sheets)>/,
    );
    // The same form still gives the same bytes.
    expect(await download(await s.as('reporter', 'SYT'), 'SYT')).toEqual(bytes);
    // A workbook whose protection was lifted and whose structure changed is still refused.
    const renamed = await openWorkbook(bytes);
    renamed.getWorksheet('Hạng mục 2')!.name = 'Hạng mục 2 (sửa)';
    const res1 = await preview(await s.as('reporter', 'SYT'), 'SYT', await saveWorkbook(renamed));
    expect(res1.statusCode).toBe(400);
    expect(res1.json().error.message).toMatch(/trang "Hạng mục 2 \(sửa\)" không thuộc biểu mẫu/);
    const removed = await openWorkbook(bytes);
    removed.removeWorksheet(removed.getWorksheet('Hạng mục 5')!.id);
    const res2 = await preview(await s.as('reporter', 'SYT'), 'SYT', await saveWorkbook(removed));
    expect(res2.statusCode).toBe(400);
    expect(res2.json().error.message).toMatch(/thiếu trang "Hạng mục 5"/);
  });

  it('is pre-filled with the draft, or with last year’s submitted values marked as such', async () => {
    const reporter = await s.as('reporter', 'SXD');
    const wb = await openWorkbook(await download(reporter, 'SXD'));
    expect(String(wb.getWorksheet('Hạng mục 1')!.getCell('A3').value)).toContain('SỐ LIỆU NĂM 2016');
    expect(inputCell(wb, 'total_staff').cell.value).toBe(formValues('department', 2016).total_staff);
    const res = await s.request({
      method: 'PUT',
      url: `${base('SXD')}/values`,
      cookie: reporter,
      payload: { version: null, values: { total_staff: 77 } },
    });
    expect(res.statusCode).toBe(200);
    const draft = await openWorkbook(await download(reporter, 'SXD'));
    expect(inputCell(draft, 'total_staff').cell.value).toBe(77);
    expect(String(draft.getWorksheet('Hạng mục 1')!.getCell('A3').value)).toContain('số liệu nháp');
  });
});

describe('uploading a filled-in workbook', () => {
  it('lists an error by sheet and cell and saves nothing; after the fix previews every change, then saves', async () => {
    const reporter = await s.as('reporter', 'STC');
    const values = formValues('department');
    const bad = await filled(reporter, 'STC', (wb) => {
      typeValues(wb, values);
      inputCell(wb, 'total_staff').cell.value = '4 5';
    });
    const where = inputCell(await openWorkbook(bad), 'total_staff').address;
    const before = await auditCount('STC');
    const refused = await preview(reporter, 'STC', bad);
    expect(refused.statusCode).toBe(400);
    const err = refused.json().error;
    expect(err.code).toBe('invalid_file');
    expect(err.details.problems).toEqual([expect.objectContaining({ cell: where, field: 'total_staff' })]);
    expect(err.details.problems[0].message).toMatch(
      new RegExp(`^${where}: .*phải là một số nguyên, nhận được "4 5"`),
    );
    expect(err.message).toContain('Chưa lưu gì');
    expect((await form(reporter, 'STC')).status).toBe('not_started');
    expect(await auditCount('STC')).toBe(before);

    const good = await filled(reporter, 'STC', (wb) => typeValues(wb, values));
    const ok = await preview(reporter, 'STC', good, 'Biểu mẫu STC.xlsx');
    expect(ok.statusCode).toBe(200);
    const p = ok.json();
    expect(p.version).toBeNull();
    expect(p.changes).toHaveLength(Object.keys(values).length);
    expect(p.changes).toContainEqual(
      expect.objectContaining({ field: 'total_staff', cell: where, old: null, new: values.total_staff }),
    );
    expect((await form(reporter, 'STC')).status).toBe('not_started'); // a preview saves nothing
    expect(p.mode).toBe('draft');
    expect(p.notice).toContain(`${Object.keys(values).length} giá trị sẽ được lưu vào phiếu nháp`);
    // Perfect values: only the "every ratio at 100%" warning (a survey candidate), no error.
    expect(p.warnings.map((w: { ruleId: string; severity: string }) => [w.ruleId, w.severity])).toEqual([
      ['V36', 'warning'],
    ]);

    const saved = await confirm(reporter, 'STC', {
      upload: p.upload,
      filename: p.filename,
      version: p.version,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().changed).toBe(Object.keys(values).length);
    const after = await form(reporter, 'STC');
    expect(after.values).toEqual(values);
    expect(after.evidence).toEqual([
      expect.objectContaining({
        filename: 'Biểu mẫu STC.xlsx',
        mime: expect.stringContaining('spreadsheetml'),
      }),
    ]);
    const audits = await s.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.agencyId, ids.STC!), eq(auditLog.action, 'submission.create')));
    expect(audits).toHaveLength(1);

    // The same confirmation again names a version the form is no longer at: refused, nothing saved.
    const again = await confirm(reporter, 'STC', {
      upload: p.upload,
      filename: p.filename,
      version: p.version,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('Phiếu đã được sửa sau khi bạn xem trước');
  });

  it('lets an assessor upload the workbook an agency e-mailed; the save is recorded as the assessor’s', async () => {
    const assessor = await s.as('assessor');
    const bytes = await filled(assessor, 'STP', (wb) => typeValues(wb, { total_staff: 42, has_tthc: true }));
    const p = (await preview(assessor, 'STP', bytes)).json();
    expect(p.changes.map((c: { field: string; new: unknown }) => [c.field, c.new])).toEqual(
      expect.arrayContaining([
        ['total_staff', 42],
        ['has_tthc', true],
        ['report_year', 2017],
      ]),
    );
    const res = await confirm(assessor, 'STP', {
      upload: p.upload,
      filename: 'STP.xlsx',
      version: p.version,
    });
    expect(res.statusCode).toBe(200);
    const [row] = await s.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.agencyId, ids.STP!), eq(auditLog.action, 'submission.create')));
    expect(row!.actorRole).toBe('assessor');
    expect((await form(assessor, 'STP')).values).toMatchObject({ total_staff: 42, has_tthc: true });
  });

  it('shows the logic checks the values would fail, naming their cells, before anything is saved', async () => {
    const reporter = await s.as('reporter', 'SGDDT');
    const values = formValues('department');
    const bytes = await filled(reporter, 'SGDDT', (wb) =>
      typeValues(wb, { ...values, staff_with_computer: Number(values.total_staff) + 5 }),
    );
    const wb = await openWorkbook(bytes);
    const res = await preview(reporter, 'SGDDT', bytes);
    expect(res.statusCode).toBe(200);
    const p = res.json();
    const v01 = p.warnings.find((w: { ruleId: string }) => w.ruleId === 'V01');
    expect(v01).toMatchObject({
      severity: 'error',
      message: expect.stringContaining('không được vượt tổng số CBCCVC'),
      cells: [inputCell(wb, 'staff_with_computer').address, inputCell(wb, 'total_staff').address],
    });
    expect(p.warnings.map((w: { ruleId: string }) => w.ruleId)).not.toContain('V38');
    expect((await form(reporter, 'SGDDT')).status).toBe('not_started');
  });

  it('refuses an assessor’s upload for an agency that submitted while the cycle takes reports, saying why', async () => {
    await createSubmission(s.deps.database.db, cycle.id, 'SLDTBXH', {
      submittedAt: new Date('2017-10-10T03:00:00Z'),
    });
    const assessor = await s.as('assessor');
    const res = await preview(assessor, 'SLDTBXH', await download(assessor, 'SLDTBXH'));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(
      /^Cơ quan đã nộp phiếu lúc .*kỳ còn đang nhận báo cáo.*rút phiếu trước hạn chót.*mỗi điều chỉnh ghi lý do/,
    );
  });

  it('refuses another agency’s reporter, and a submitted form', async () => {
    const other = await s.as('reporter', 'SNV');
    const bytes = await download(await s.as('assessor'), 'SGTVT');
    expect((await preview(other, 'SGTVT', bytes)).statusCode).toBe(403);
    await createSubmission(s.deps.database.db, cycle.id, 'SVHTTDL');
    const mine = await s.as('reporter', 'SVHTTDL');
    const res = await preview(mine, 'SVHTTDL', await download(mine, 'SVHTTDL'));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('Phiếu đã được nộp');
  });
});

describe('bad files: a clear message, nothing changed', () => {
  let reporter: string;
  let clean: Buffer;
  beforeAll(async () => {
    reporter = await s.as('reporter', 'SCT');
    clean = await download(reporter, 'SCT');
  });

  const refusedWith = async (bytes: Buffer, message: RegExp | string, status = 400) => {
    const before = await auditCount('SCT');
    const res = await preview(reporter, 'SCT', bytes);
    expect(res.statusCode).toBe(status);
    const err = res.json().error;
    const all = [
      err.message,
      ...(err.details?.problems ?? []).map((p: { message: string }) => p.message),
    ].join('\n');
    expect(all).toMatch(message);
    expect((await form(reporter, 'SCT')).status).toBe('not_started');
    expect(await auditCount('SCT')).toBe(before);
    return err;
  };
  const edited = async (edit: (wb: Awaited<ReturnType<typeof openWorkbook>>) => void) => {
    const wb = await openWorkbook(clean);
    edit(wb);
    return saveWorkbook(wb);
  };

  it('a PDF renamed to .xlsx', () => refusedWith(Buffer.from('%PDF-1.4\n%%EOF\n'), /là tài liệu PDF/));

  it('an Excel 97-2003 .xls', () =>
    refusedWith(
      Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4096)]),
      /Excel 97-2003 \(\.xls\)/,
    ));

  it('a password-protected workbook', () =>
    refusedWith(
      Buffer.concat([
        Buffer.from('d0cf11e0a1b11ae1', 'hex'),
        Buffer.alloc(512),
        Buffer.from('EncryptedPackage', 'utf16le'),
        Buffer.alloc(512),
      ]),
      /có đặt mật khẩu/,
    ));

  it('a workbook of another cycle, another agency, another criteria version', async () => {
    const assessor = await s.as('assessor');
    await refusedWith(
      await download(assessor, 'SCT', previous.id),
      /thuộc kỳ đánh giá năm 2016, không phải kỳ năm 2017/,
    );
    await refusedWith(await download(assessor, 'SNV'), /của cơ quan khác \(mã SNV\)/);
    await refusedWith(
      await edited((wb) => {
        const meta = wb.getWorksheet('chiso')!;
        meta.eachRow((r) => {
          if (r.getCell(1).value === 'criteriaVersionId')
            r.getCell(2).value = '00000000-0000-4000-8000-000000000000';
          if (r.getCell(1).value === 'criteriaVersion') r.getCell(2).value = '2.0';
        });
      }),
      /bộ tiêu chí khác \(cao-bang-2016 phiên bản 2\.0\)/,
    );
  });

  it('formulas and error values in input cells, each named by sheet and cell', async () => {
    let f = '';
    let e = '';
    const err = await refusedWith(
      await edited((wb) => {
        const a = inputCell(wb, 'total_staff');
        a.cell.value = { formula: 'C7*2', result: 10 } as never;
        const b = inputCell(wb, 'staff_with_computer');
        b.cell.value = { error: '#REF!' } as never;
        f = a.address;
        e = b.address;
      }),
      /công thức/,
    );
    const cells = err.details.problems.map((p: { cell: string; message: string }) => p.message);
    expect(cells).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^${f}: .*công thức`)),
        expect.stringMatching(new RegExp(`^${e}: .*#REF!`)),
      ]),
    );
  });

  it('merged cells and moved rows', async () => {
    await refusedWith(
      await edited((wb) => {
        wb.getWorksheet('Hạng mục 2')!.mergeCells('C7:D7');
      }),
      /Hạng mục 2!C7:D7: các ô đã bị gộp/,
    );
    await refusedWith(
      await edited((wb) => {
        wb.getWorksheet('Hạng mục 1')!.spliceRows(7, 0, []);
      }),
      /Hạng mục 1!A\d+: dòng của .* đã bị di chuyển, chèn hoặc xóa/,
    );
  });

  it('text in number cells: "4 5", "1.000,5", "12%"', async () => {
    const err = await refusedWith(
      await edited((wb) => {
        inputCell(wb, 'total_staff').cell.value = '4 5';
        inputCell(wb, 'staff_with_computer').cell.value = '1.000,5';
        inputCell(wb, 'internet_bandwidth_mbps').cell.value = '12%';
      }),
      /Tệp có 3 lỗi, chưa lưu gì/,
    );
    expect(err.details.problems.map((p: { message: string }) => p.message)).toEqual([
      expect.stringMatching(/^Thông tin chung!C\d+: .*nhận được "12%" \(hãy nhập một số/),
      expect.stringMatching(/^Hạng mục 1!C\d+: .*nhận được "4 5"/),
      expect.stringMatching(/^Hạng mục 1!C\d+: .*nhận được "1\.000,5"/),
    ]);
  });

  it('a hidden extra sheet', async () =>
    refusedWith(
      await edited((wb) => {
        wb.addWorksheet('Nháp', { state: 'hidden' }).getCell('A1').value = 1;
      }),
      /trang ẩn "Nháp"/,
    ));

  it('a 50 MB file', async () => {
    const res = await preview(reporter, 'SCT', Buffer.alloc(50 * 1024 * 1024, 0x41));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toMatch(/Tệp hoặc dữ liệu quá lớn \(tối đa 20 MB\)/);
    expect((await form(reporter, 'SCT')).status).toBe('not_started');
  });

  it('a zip bomb', () =>
    refusedWith(
      writeZip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(200 * 1024 * 1024, 0x20) },
      ]),
      /bom nén/,
    ));

  it('XML entity expansion', async () => {
    const entries = unzipGuarded(clean, { maxEntries: 1000, maxTotalBytes: 1e8, maxRatio: 1000 });
    const xml = entries.get('xl/workbook.xml')!.toString('utf8');
    const lol = '<!DOCTYPE workbook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>';
    entries.set('xl/workbook.xml', Buffer.from(xml.replace(/^(<\?xml[^>]*\?>)/, `$1${lol}`)));
    await refusedWith(writeZip([...entries].map(([name, data]) => ({ name, data }))), /DOCTYPE\/ENTITY/);
  });
});

describe('an assessor’s zip of workbooks', () => {
  it('answers one line per file; saves the good ones only when asked', async () => {
    const assessor = await s.as('assessor');
    const good1 = await filled(assessor, 'SKHDT', (wb) => typeValues(wb, { total_staff: 30 }));
    const good2 = await filled(assessor, 'STTTT', (wb) => typeValues(wb, { total_staff: 31 }));
    const bad = await filled(assessor, 'SNNPTNT', (wb) => {
      inputCell(wb, 'total_staff').cell.value = '12%';
    });
    const zip = writeZip([
      { name: 'thu/SKHDT.xlsx', data: good1 },
      { name: 'thu/STTTT.xlsx', data: good2 },
      { name: 'thu/SNNPTNT.xlsx', data: bad },
      { name: 'thu/ghi-chu.pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n') },
    ]);
    const send = (save: boolean) =>
      s.request({
        method: 'POST',
        url: `/api/v1/cycles/${cycle.id}/workbooks`,
        cookie: assessor,
        ...multipart([
          { name: 'save', content: String(save) },
          { name: 'file', filename: 'bieu-mau.zip', content: zip },
        ]),
      });
    const dry = await send(false);
    expect(dry.statusCode).toBe(200);
    expect(
      dry
        .json()
        .lines.map((l: { file: string; status: string; agencyCode: string | null }) => [
          l.file,
          l.status,
          l.agencyCode,
        ]),
    ).toEqual([
      ['SKHDT.xlsx', 'ready', 'SKHDT'],
      ['STTTT.xlsx', 'ready', 'STTTT'],
      ['SNNPTNT.xlsx', 'rejected', 'SNNPTNT'],
      ['ghi-chu.pdf', 'rejected', null],
    ]);
    expect(dry.json().lines[2].problems[0].message).toMatch(/^Hạng mục 1!C\d+: .*"12%"/);
    const rows = () => s.deps.database.db.select().from(submissions).where(eq(submissions.cycleId, cycle.id));
    const count = (await rows()).length;
    const real = await send(true);
    expect(real.json().lines.map((l: { status: string }) => l.status)).toEqual([
      'saved',
      'saved',
      'rejected',
      'rejected',
    ]);
    expect((await rows()).length).toBe(count + 2);
    expect((await form(assessor, 'STTTT')).values.total_staff).toBe(31);
    expect((await form(assessor, 'SNNPTNT')).status).toBe('not_started');
  });

  it('is not for reporters', async () => {
    const res = await s.request({
      method: 'POST',
      url: `/api/v1/cycles/${cycle.id}/workbooks`,
      cookie: await s.as('reporter', 'SYT'),
      ...multipart([{ name: 'file', filename: 'a.zip', content: Buffer.from('x') }]),
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('an assessor’s workbook for an agency that has submitted, after the deadline', () => {
  let closed: typeof cycles.$inferSelect;
  const url = (path: string) => `/api/v1/cycles/${closed.id}/agencies/${ids.SYT}/submission${path}`;
  beforeAll(async () => {
    closed = await createCycle(s.deps.database.db, { year: 2018, state: 'closed' });
    await createSubmission(s.deps.database.db, closed.id, 'SYT', {
      values: formValues('department', 2018),
      submittedAt: new Date('2018-10-20T03:00:00Z'),
    });
  });

  it('previews corrections, refuses to save without a reason, then records each with the reason in the audit', async () => {
    const assessor = await s.as('assessor');
    const sent = formValues('department', 2018);
    const got = await s.request({ method: 'GET', url: url('/workbook'), cookie: assessor });
    expect(got.statusCode).toBe(200);
    const wb = await openWorkbook(got.rawPayload);
    expect(inputCell(wb, 'total_staff').cell.value).toBe(sent.total_staff);
    typeValues(wb, { total_staff: Number(sent.total_staff) + 7 });
    const bytes = await saveWorkbook(wb);
    const res = await s.request({
      method: 'POST',
      url: url('/workbook/preview'),
      cookie: assessor,
      ...multipart([{ name: 'file', filename: 'SYT-sua.xlsx', content: bytes }]),
    });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.mode).toBe('correction');
    expect(p.notice).toMatch(/đã nộp phiếu lúc .*số liệu cơ quan đã nộp được giữ nguyên/);
    expect(p.notice).toContain(
      '1 giá trị khác với số liệu chính thức hiện tại sẽ được ghi thành điều chỉnh của Sở TT&TT',
    );
    expect(p.notice).toContain('lý do');
    expect(p.changes).toEqual([
      expect.objectContaining({
        field: 'total_staff',
        old: sent.total_staff,
        new: Number(sent.total_staff) + 7,
      }),
    ]);
    const corrections = () =>
      s.deps.database.db.select().from(auditLog).where(eq(auditLog.action, 'review.correction'));
    const before = (await corrections()).length;
    const send = (reason?: string) =>
      s.request({
        method: 'POST',
        url: url('/workbook/confirm'),
        cookie: assessor,
        payload: {
          upload: p.upload,
          filename: p.filename,
          version: p.version,
          ...(reason ? { reason } : {}),
        },
      });
    const noReason = await send();
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toMatch(/phải ghi lý do.*Chưa lưu gì/);
    expect((await corrections()).length).toBe(before);

    const ok = await send('Theo công văn giải trình số 12/SYT');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ changed: 1, evidenceId: null });
    expect(ok.json().message).toMatch(/^Đã ghi 1 điều chỉnh của Sở TT&TT .*giữ nguyên/);
    const audits = (await corrections()).filter((a) => a.agencyId === ids.SYT);
    expect(audits).toEqual([
      expect.objectContaining({
        field: 'total_staff',
        actorRole: 'assessor',
        reason: 'Theo công văn giải trình số 12/SYT (tệp Excel "SYT-sua.xlsx")',
      }),
    ]);
    const [sub] = await s.deps.database.db
      .select()
      .from(submissions)
      .where(and(eq(submissions.cycleId, closed.id), eq(submissions.agencyId, ids.SYT!)));
    expect(sub!.status).toBe('submitted');
    expect((sub!.values as Record<string, unknown>).total_staff).toBe(sent.total_staff); // the agency's own stays
    const rows = await s.deps.database.db
      .select()
      .from(reviewValues)
      .where(eq(reviewValues.submissionId, sub!.id));
    expect(rows).toEqual([
      expect.objectContaining({
        fieldKey: 'total_staff',
        kind: 'correction',
        oldValue: sent.total_staff,
        newValue: Number(sent.total_staff) + 7,
      }),
    ]);
    // The review page shows the official value with the correction.
    const review = await s.request({
      method: 'GET',
      url: `/api/v1/cycles/${closed.id}/review/${ids.SYT}`,
      cookie: assessor,
    });
    expect(review.statusCode).toBe(200);
    expect(JSON.stringify(review.json())).toContain('Theo công văn giải trình số 12/SYT');

    // The same file again: nothing differs from the official values any more.
    const again = await s.request({
      method: 'POST',
      url: url('/workbook/preview'),
      cookie: assessor,
      ...multipart([{ name: 'file', filename: 'SYT-sua.xlsx', content: bytes }]),
    });
    expect(again.json().changes).toEqual([]);
  });

  it('is not for the agency’s reporter, and the zip upload sends the person to the single upload', async () => {
    const reporter = await s.as('reporter', 'SYT');
    const got = await s.request({ method: 'GET', url: url('/workbook'), cookie: reporter });
    const res = await s.request({
      method: 'POST',
      url: url('/workbook/preview'),
      cookie: reporter,
      ...multipart([{ name: 'file', filename: 'a.xlsx', content: got.rawPayload }]),
    });
    expect(res.statusCode).toBe(409);
    const assessor = await s.as('assessor');
    const zip = writeZip([{ name: 'SYT.xlsx', data: got.rawPayload }]);
    const bulk = await s.request({
      method: 'POST',
      url: `/api/v1/cycles/${closed.id}/workbooks`,
      cookie: assessor,
      ...multipart([
        { name: 'save', content: 'true' },
        { name: 'file', filename: 'thu.zip', content: zip },
      ]),
    });
    expect(bulk.statusCode).toBe(200);
    expect(bulk.json().lines).toEqual([
      expect.objectContaining({
        status: 'rejected',
        problems: [
          expect.objectContaining({
            message: expect.stringMatching(/^Cơ quan đã nộp phiếu: .*cần ghi lý do/),
          }),
        ],
      }),
    ]);
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle, formValues } from '../../../../test/fixtures.ts';
import { type TestServer, testServer } from '../../../../test/server.ts';
import { users } from '../../db/schema.ts';
import type { HistoryEntry, HistoryPage } from './audit.schema.ts';

let s: TestServer;
let cycleId: string;
let sxd: string;
let stttt: string;
let anId: string;
let admin: string;
let assessor: string;

const history = async (cookie: string, query = '') => {
  const res = await s.request({ method: 'GET', url: `/api/v1/audit-log${query}`, cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as HistoryPage;
};
const summaries = (page: HistoryPage) => page.entries.map((e) => e.summary.vi);

async function save(
  cookie: string,
  agencyId: string,
  version: number | null,
  values: Record<string, unknown>,
) {
  const res = await s.request({
    method: 'PUT',
    url: `/api/v1/cycles/${cycleId}/agencies/${agencyId}/submission/values`,
    cookie,
    payload: { version, values },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().version as number;
}

beforeAll(async () => {
  s = await testServer({ now: '2017-10-02T02:00:00Z' });
  const db = s.deps.database.db;
  cycleId = (await createCycle(db, { state: 'open' })).id;
  sxd = await s.agencyId('SXD');
  stttt = await s.agencyId('STTTT');
  anId = await s.createUser('nguyenvana', 'reporter', 'SXD');
  await db.update(users).set({ displayName: 'Nguyễn Văn A' }).where(eq(users.id, anId));

  // 2 October: Nguyễn Văn A enters the staff count; 5 October he changes it and two other fields
  // (signing in again: a session does not last days).
  let v = await save(await s.login('nguyenvana'), sxd, null, { total_staff: 45 });
  s.clock.set('2017-10-05T02:00:00Z');
  const an = await s.login('nguyenvana');
  v = await save(an, sxd, v, { total_staff: 47 });
  await save(an, sxd, v, { has_tthc: true, staff_with_computer: 40 });
  // Another agency's reporter, the same day.
  await save(await s.as('reporter', 'STTTT'), stttt, null, { total_staff: 30 });
  // 9 October: the administrator corrects the registry.
  s.clock.set('2017-10-09T02:00:00Z');
  admin = await s.as('admin');
  assessor = await s.as('assessor');
  const edit = await s.request({
    method: 'PATCH',
    url: `/api/v1/agencies/${sxd}`,
    cookie: admin,
    payload: { website: 'https://soxaydung.caobang.gov.vn' },
  });
  expect(edit.statusCode, edit.body).toBe(200);
});
afterAll(() => s.close());

describe('the change history', () => {
  it('says in words who changed which field of which agency, newest first', async () => {
    const page = await history(assessor, `?agencyId=${sxd}&field=total_staff`);
    expect(summaries(page)).toEqual([
      'Nguyễn Văn A sửa trường "Tổng số CBCCVC" của Sở Xây dựng: 45 → 47',
      'Nguyễn Văn A nhập trường "Tổng số CBCCVC" của Sở Xây dựng: (để trống) → 45',
    ]);
    const [latest] = page.entries as [HistoryEntry];
    expect(latest).toMatchObject({
      at: '2017-10-05T02:00:00.000Z',
      actor: { id: anId, displayName: 'Nguyễn Văn A', role: 'reporter' },
      action: 'submission.save',
      agency: { id: sxd, code: 'SXD', name: 'Sở Xây dựng' },
      cycle: { id: cycleId, year: 2017 },
      changes: [{ label: { vi: 'Tổng số CBCCVC' }, before: { vi: '45' }, after: { vi: '47' } }],
      record: { entityType: 'submission', field: 'total_staff', oldValue: { total_staff: 45 }, ip: null },
    });
    expect(latest.summary.en).toBe('Nguyễn Văn A changed "Total staff" of Sở Xây dựng: 45 → 47');
    expect(page.next).toBeNull();
  });

  it('finds a save of several fields by any of them, and lists them all', async () => {
    const page = await history(assessor, '?field=staff_with_computer');
    expect(summaries(page)).toEqual([
      'Nguyễn Văn A sửa 2 trường của Sở Xây dựng: "Có TTHC", "CBCCVC có máy tính"',
    ]);
    expect(page.entries[0]!.changes.map((c) => `${c.label.vi}: ${c.before?.vi} → ${c.after?.vi}`)).toEqual([
      'Có TTHC: (để trống) → có',
      'CBCCVC có máy tính: (để trống) → 40',
    ]);
    // A field is matched whole: "staff" is no field's key.
    expect((await history(assessor, '?field=staff')).entries).toEqual([]);
  });

  it('narrows to a person and to days (Vietnam time, both days included)', async () => {
    const his = await history(assessor, `?actorId=${anId}`);
    expect(his.entries.every((e) => e.actor?.id === anId)).toBe(true);
    expect(his.entries).toHaveLength(3);
    const day = await history(assessor, '?from=2017-10-05&to=2017-10-05');
    expect(day.entries.map((e) => e.agency?.code)).toEqual(['STTTT', 'SXD', 'SXD']);
    const later = await history(assessor, '?from=2017-10-06');
    expect(summaries(later)).toEqual(['Người thử admin-x sửa thông tin của Sở Xây dựng: "Trang TTĐT"']);
    const [website] = later.entries[0]!.changes;
    expect([website?.label.vi, website?.before?.vi, website?.after?.vi]).toEqual([
      'Trang TTĐT',
      '"https://sxd.caobang.gov.vn"',
      '"https://soxaydung.caobang.gov.vn"',
    ]);
  });

  it('pages through the log without losing or repeating a row', async () => {
    const whole = await history(admin, '?limit=200');
    expect(whole.next).toBeNull();
    const seen: number[] = [];
    let next: number | null = null;
    do {
      const page: HistoryPage = await history(admin, `?limit=2${next ? `&before=${next}` : ''}`);
      expect(page.entries.length).toBeLessThanOrEqual(2);
      seen.push(...page.entries.map((e) => e.id));
      next = page.next;
    } while (next !== null);
    expect(seen).toEqual(whole.entries.map((e) => e.id));
    const instants = whole.entries.map((e) => e.at);
    expect([...instants].sort().reverse()).toEqual(instants);
  });

  it('shows sign-ins and accounts to the administrator only, with the address', async () => {
    const adminView = await history(admin, `?actorId=${anId}`);
    expect(summaries(adminView)).toContain('Nguyễn Văn A đăng nhập');
    const signIn = adminView.entries.find((e) => e.action === 'auth.login')!;
    expect(signIn.record.ip).toBe('127.0.0.1');
    const everything = await history(assessor, '?limit=200');
    expect(everything.entries.filter((e) => /^(auth|user|job)\./.test(e.action))).toEqual([]);
    expect(everything.scope.vi).toMatch(/chỉ quản trị hệ thống xem/);
  });

  it("lets a reporter read its own agency's form history only", async () => {
    const own = await s.as('reporter', 'SXD');
    const page = await history(own);
    expect(page.entries.length).toBe(3);
    expect(page.entries.every((e) => e.agency?.id === sxd && e.action.startsWith('submission.'))).toBe(true);
    expect(page.scope.vi).toMatch(/phiếu báo cáo của cơ quan bạn/);
    const other = await s.request({ method: 'GET', url: `/api/v1/audit-log?agencyId=${stttt}`, cookie: own });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toBe('Bạn chỉ xem được nhật ký thay đổi của cơ quan mình');
    for (const role of ['approver', 'viewer'] as const) {
      const res = await s.request({ method: 'GET', url: '/api/v1/audit-log', cookie: await s.as(role) });
      expect(res.statusCode, role).toBe(403);
    }
  });

  it('refuses filters it cannot read, naming the field', async () => {
    const bad = async (query: string, field: string, message: RegExp) => {
      const res = await s.request({ method: 'GET', url: `/api/v1/audit-log${query}`, cookie: assessor });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.field, query).toBe(field);
      expect(res.json().error.message, query).toMatch(message);
    };
    await bad('?from=2017-02-30', 'from', /^Ngày 2017-02-30 không có trên lịch$/);
    await bad('?from=2017-10-05&to=2017-10-04', 'to', /^Ngày cuối phải bằng hoặc sau ngày đầu$/);
    await bad('?from=05/10/2017', 'from', /năm-tháng-ngày/);
    await bad('?field=total staff', 'field', /Mã trường/);
    await bad('?agencyId=SXD', 'agencyId', /Mã không hợp lệ/);
    await bad('?limit=1000', 'limit', /không hợp lệ/);
  });
});

describe('the choices of the filters', () => {
  it('offers the department every agency and person, and the fields by their labels', async () => {
    const res = await s.request({ method: 'GET', url: '/api/v1/audit-log/options', cookie: assessor });
    expect(res.statusCode).toBe(200);
    const options = res.json();
    expect(options.agencies.length).toBeGreaterThan(20);
    expect(options.people.map((p: { displayName: string }) => p.displayName)).toContain('Nguyễn Văn A');
    expect(options.fields).toContainEqual({
      key: 'total_staff',
      label: { vi: 'Tổng số CBCCVC', en: expect.any(String) },
    });
    expect(options.fields.map((f: { key: string }) => f.key)).toContain('data_quality_points');
  });

  it("offers a reporter its own agency, its colleagues and its form's fields", async () => {
    const res = await s.request({
      method: 'GET',
      url: '/api/v1/audit-log/options',
      cookie: await s.as('reporter', 'SXD'),
    });
    const options = res.json();
    expect(options.agencies).toEqual([{ id: sxd, code: 'SXD', name: 'Sở Xây dựng' }]);
    expect(options.people.map((p: { displayName: string }) => p.displayName).sort()).toEqual([
      'Nguyễn Văn A',
      'Người thử reporter-sxd',
    ]);
    expect(options.fields.map((f: { key: string }) => f.key)).not.toContain('data_quality_points');
  });
});

describe('the history as a spreadsheet', () => {
  it('downloads the filtered rows as a CSV that Excel reads in Vietnamese', async () => {
    const res = await s.request({
      method: 'GET',
      url: `/api/v1/audit-log/export.csv?agencyId=${sxd}&field=total_staff`,
      cookie: assessor,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('nhat-ky-thay-doi-20171009.csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      '"Số","Thời điểm (giờ Việt Nam)","Người thực hiện","Vai trò","Cơ quan","Nội dung","Chi tiết","Lý do"',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(
      '"05/10/2017 09:00:00","Nguyễn Văn A","Đơn vị","Sở Xây dựng","Nguyễn Văn A sửa trường ""Tổng số CBCCVC"" của Sở Xây dựng: 45 → 47","Tổng số CBCCVC: 45 → 47",""',
    );
  });
});

describe('a save of a whole form', () => {
  it('finds a save of a whole form (a workbook uploaded at once) by its last field too', async () => {
    // Every input of the form in one save: the list of its field keys is several thousand
    // characters long, and the filter must find the save by any of them.
    await s.createUser('tranthib', 'reporter', 'STTTT');
    const reporter = await s.login('tranthib');
    const all = formValues('department');
    const keys = Object.keys(all).filter((k) => k !== 'total_staff');
    expect(keys.join(',').length).toBeGreaterThan(1000);
    const form = await s.request({
      method: 'GET',
      url: `/api/v1/cycles/${cycleId}/agencies/${stttt}/submission`,
      cookie: reporter,
    });
    await save(reporter, stttt, form.json().version, Object.fromEntries(keys.map((k) => [k, all[k]])));
    const last = keys.at(-1)!;
    const page = await history(assessor, `?agencyId=${stttt}&field=${last}`);
    expect(page.entries.map((e) => e.record.field?.split(',').length)).toEqual([keys.length]);
  });
});

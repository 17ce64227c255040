import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCycleViaApi } from '../../../../test/cycle-api.ts';
import { type TestServer, testServer } from '../../../../test/server.ts';
import { agencies, auditLog } from '../../db/schema.ts';

let s: TestServer;
let admin: string;
beforeAll(async () => {
  s = await testServer();
  admin = await s.as('admin');
});
afterAll(() => s.close());

const get = async (url: string, cookie: string) => s.request({ method: 'GET', url, cookie });
const post = async (url: string, payload: unknown, cookie = admin) =>
  s.request({ method: 'POST', url, cookie, payload: payload as object });
const auditOf = (entityId: string) =>
  s.deps.database.db.select().from(auditLog).where(eq(auditLog.entityId, entityId));
const row = async (code: string) =>
  (await s.deps.database.db.select().from(agencies).where(eq(agencies.code, code)))[0]!;

describe('the registry on a date', () => {
  it('lists the 33 units of Phụ lục I today (Vietnam time), in two groups', async () => {
    const res = await get('/api/v1/agencies', await s.as('viewer'));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.validOn).toBe('2017-10-15');
    expect(body.agencies).toHaveLength(33);
    expect(body.agencies.filter((a: { groupId: string }) => a.groupId === 'department')).toHaveLength(20);
    const districts = await get('/api/v1/agencies?group=district', await s.as('assessor'));
    expect(districts.json().agencies).toHaveLength(13);
    expect(districts.json().agencies[0]).toMatchObject({ validFrom: '2016-12-02', validTo: null });
  });

  it('shows nothing before the registry began, and takes "today" in Vietnam, not UTC', async () => {
    const before = await get('/api/v1/agencies?validOn=2016-12-01', admin);
    expect(before.json().agencies).toHaveLength(0);
    s.clock.set('2017-12-31T18:30:00Z'); // 01:30 on 1 January 2018 in Hà Nội
    try {
      const later = await s.login('admin', 'Quan-tri-thu-2017');
      expect((await get('/api/v1/agencies', later)).json().validOn).toBe('2018-01-01');
    } finally {
      s.clock.set('2017-10-15T03:00:00Z');
    }
  });

  it('refuses a date that does not exist, naming the parameter', async () => {
    const res = await get('/api/v1/agencies?validOn=2017-02-29', admin);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      field: 'validOn',
      message: 'Ngày xem danh sách phải là một ngày có thật, dạng YYYY-MM-DD (ví dụ 2020-03-01)',
    });
  });

  it('shows a reporter only its own agency, and refuses the others', async () => {
    const reporter = await s.as('reporter', 'SYT');
    const list = await get('/api/v1/agencies', reporter);
    expect(list.json().agencies.map((a: { code: string }) => a.code)).toEqual(['SYT']);
    const own = await get(`/api/v1/agencies/${await s.agencyId('SYT')}`, reporter);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ agency: { code: 'SYT', name: 'Sở Y tế' }, history: [] });
    const other = await get(`/api/v1/agencies/${await s.agencyId('STC')}`, reporter);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toBe('Bạn chỉ xem được cơ quan của mình');
    expect((await get('/api/v1/agencies/events', reporter)).statusCode).toBe(403);
  });

  it('asks for sign-in and answers 404 for an unknown unit', async () => {
    expect((await s.request({ method: 'GET', url: '/api/v1/agencies' })).statusCode).toBe(401);
    const res = await get('/api/v1/agencies/00000000-0000-4000-8000-000000000000', admin);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('Không tìm thấy cơ quan');
  });
});

describe('adding and correcting a unit', () => {
  it('adds a unit with a clean name and an audit row', async () => {
    const res = await post('/api/v1/agencies', {
      code: 'sdl',
      name: '  Sở   Du lịch  '.normalize('NFD'),
      group: 'department',
      website: 'https://sdl.caobang.gov.vn',
      email: 'sdl@caobang.gov.vn',
      validFrom: '2018-01-01',
    });
    expect(res.statusCode).toBe(201);
    const agency = res.json().agency;
    expect(agency).toMatchObject({
      code: 'SDL',
      name: 'Sở Du lịch',
      groupId: 'department',
      validFrom: '2018-01-01',
      validTo: null,
    });
    expect(agency.name).toBe('Sở Du lịch'.normalize('NFC'));
    const rows = await auditOf(agency.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'agency.create',
      actorRole: 'admin',
      newValue: expect.objectContaining({ code: 'SDL' }),
    });
    // Not yet in the registry of 2017.
    const list = await get('/api/v1/agencies', admin);
    expect(list.json().agencies.some((a: { code: string }) => a.code === 'SDL')).toBe(false);
  });

  it('refuses a bad code, an unknown group, a non-web address and a used code, naming the field', async () => {
    const base = { code: 'SMOI', name: 'Sở Mới', group: 'department', validFrom: '2018-01-01' };
    const badCode = await post('/api/v1/agencies', { ...base, code: 'SỞ MỚI' });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error).toMatchObject({
      code: 'invalid',
      field: 'code',
      message: 'Mã cơ quan gồm 2–20 ký tự: chữ in hoa không dấu (A–Z), chữ số và dấu gạch ngang',
    });
    const badGroup = await post('/api/v1/agencies', { ...base, group: 'commune' });
    expect(badGroup.statusCode).toBe(400);
    expect(badGroup.json().error.field).toBe('group');
    expect(badGroup.json().error.message).toMatch(
      /^Nhóm cơ quan phải là một trong: "department" \(Cơ quan chuyên môn thuộc UBND tỉnh\), "district"/,
    );
    const badSite = await post('/api/v1/agencies', { ...base, website: 'ftp://smoi.caobang.gov.vn' });
    expect(badSite.statusCode).toBe(400);
    expect(badSite.json().error.field).toBe('website');
    expect(badSite.json().error.message).toMatch(
      /^Địa chỉ trang thông tin điện tử phải bắt đầu bằng http:\/\/ hoặc https:\/\//,
    );
    const blank = await post('/api/v1/agencies', { ...base, name: '   ' });
    expect(blank.json().error).toMatchObject({ field: 'name', message: 'Tên cơ quan không được để trống' });
    const taken = await post('/api/v1/agencies', { ...base, code: 'STTTT' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'code_taken', field: 'code' });
    expect(taken.json().error.message).toMatch(
      /^Mã cơ quan "STTTT" đã dùng cho "Sở Thông tin và Truyền thông"/,
    );
  });

  it('lets only the administrator change the registry', async () => {
    for (const role of ['assessor', 'approver', 'viewer'] as const) {
      const res = await post(
        '/api/v1/agencies',
        { code: 'SX', name: 'Sở X', group: 'department' },
        await s.as(role),
      );
      expect(res.statusCode).toBe(403);
    }
    const reporter = await s.as('reporter', 'SYT');
    const own = await s.request({
      method: 'PATCH',
      url: `/api/v1/agencies/${await s.agencyId('SYT')}`,
      cookie: reporter,
      payload: { name: 'Sở Y tế mới' },
    });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.message).toBe('Bạn không có quyền thực hiện thao tác này');
  });

  it('corrects a name without making it a rename: no event, the old and new name in the audit', async () => {
    const id = await s.agencyId('SNGV');
    const res = await s.request({
      method: 'PATCH',
      url: `/api/v1/agencies/${id}`,
      cookie: admin,
      payload: {
        name: 'Sở Ngoại vụ tỉnh Cao Bằng',
        shortName: 'SNgV',
        website: 'https://songoaivu.caobang.gov.vn',
        email: null,
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().agency).toMatchObject({
      name: 'Sở Ngoại vụ tỉnh Cao Bằng',
      shortName: 'SNgV',
      validTo: null,
    });
    const detail = await get(`/api/v1/agencies/${id}`, admin);
    expect(detail.json().history).toEqual([]);
    const rows = await auditOf(id);
    expect(rows.at(-1)).toMatchObject({
      action: 'agency.update',
      oldValue: { name: 'Sở Ngoại vụ', shortName: null, website: 'https://sngv.caobang.gov.vn' },
      newValue: {
        name: 'Sở Ngoại vụ tỉnh Cao Bằng',
        shortName: 'SNgV',
        website: 'https://songoaivu.caobang.gov.vn',
      },
    });
  });
});

describe('the 2020 district mergers of Cao Bằng (NQ 864/NQ-UBTVQH14)', () => {
  const decision = 'NQ 864/NQ-UBTVQH14';

  it('merges Hà Quảng and Thông Nông into a new Hà Quảng', async () => {
    const res = await post('/api/v1/agencies/events', {
      kind: 'merge',
      effectiveDate: '2020-03-01',
      decisionRef: decision,
      note: 'Nhập huyện Hà Quảng và huyện Thông Nông',
      from: [await s.agencyId('HHQ'), await s.agencyId('HTN')],
      to: [{ code: 'HHQ-2020', name: 'UBND huyện Hà Quảng', website: 'https://haquang.caobang.gov.vn' }],
    });
    expect(res.statusCode).toBe(201);
    const event = res.json().event;
    expect(event).toMatchObject({ kind: 'merge', effectiveDate: '2020-03-01', decisionRef: decision });
    expect(event.from.map((a: { code: string }) => a.code)).toEqual(['HHQ', 'HTN']);
    expect(event.to).toEqual([
      expect.objectContaining({
        code: 'HHQ-2020',
        groupId: 'district',
        validFrom: '2020-03-01',
        validTo: null,
      }),
    ]);
    // 2020 is a leap year: the old units end on 29 February.
    expect((await row('HHQ')).validTo).toBe('2020-02-29');
    expect((await row('HTN')).validTo).toBe('2020-02-29');
    const audits = await auditOf(event.id);
    expect(audits[0]).toMatchObject({
      action: 'agency.merge',
      reason: decision,
      newValue: { from: ['HHQ', 'HTN'], to: ['HHQ-2020'] },
    });
    const ended = await auditOf((await row('HTN')).id);
    expect(ended.at(-1)).toMatchObject({ action: 'agency.end', field: 'validTo', newValue: '2020-02-29' });
  });

  it('merges Trà Lĩnh into the existing Trùng Khánh, which goes on', async () => {
    const res = await post('/api/v1/agencies/events', {
      kind: 'merge',
      effectiveDate: '2020-03-01',
      decisionRef: decision,
      from: [await s.agencyId('HTL')],
      to: [{ agencyId: await s.agencyId('HTK') }],
    });
    expect(res.statusCode).toBe(201);
    expect((await row('HTL')).validTo).toBe('2020-02-29');
    expect((await row('HTK')).validTo).toBeNull();
  });

  it('merges Quảng Uyên and Phục Hòa into the new Quảng Hòa', async () => {
    const res = await post('/api/v1/agencies/events', {
      kind: 'merge',
      effectiveDate: '2020-03-01',
      decisionRef: decision,
      from: [await s.agencyId('HQU'), await s.agencyId('HPH')],
      to: [{ code: 'HQH', name: 'UBND huyện Quảng Hòa' }],
    });
    expect(res.statusCode).toBe(201);
  });

  it('shows 13 districts in 2019 and 10 in 2020, and the whole history on request', async () => {
    const count = async (date: string) =>
      (await get(`/api/v1/agencies?group=district&validOn=${date}`, admin)).json().agencies.length;
    expect(await count('2019-10-01')).toBe(13);
    expect(await count('2020-02-29')).toBe(13);
    expect(await count('2020-03-01')).toBe(10);
    expect(await count('2020-10-01')).toBe(10);
    const all = await get('/api/v1/agencies?group=district&all=true', admin);
    expect(all.json()).toMatchObject({ validOn: null });
    expect(all.json().agencies).toHaveLength(15);
  });

  it('evaluates 13 districts in the 2019 cycle and 10 in the 2020 cycle', async () => {
    const y2019 = await openCycleViaApi(s, 2019);
    const y2020 = await openCycleViaApi(s, 2020);
    const groups = (body: { cycle: { roster: { groups: { groupId: string; count: number }[] } } }) =>
      Object.fromEntries(body.cycle.roster.groups.map((g) => [g.groupId, g.count]));
    expect(y2019.body.cycle.roster).toMatchObject({ date: '2019-10-01', frozen: true });
    expect(groups(y2019.body)).toMatchObject({ district: 13 });
    expect(groups(y2020.body)).toMatchObject({ district: 10 });
  });

  it('shows a unit its history with the units on the other side', async () => {
    const res = await get(`/api/v1/agencies/${await s.agencyId('HTN')}`, admin);
    expect(res.json().agency).toMatchObject({ code: 'HTN', validTo: '2020-02-29' });
    const [event] = res.json().history;
    expect(event).toMatchObject({ kind: 'merge', effectiveDate: '2020-03-01', decisionRef: decision });
    expect(event.to.map((a: { code: string; name: string }) => [a.code, a.name])).toEqual([
      ['HHQ-2020', 'UBND huyện Hà Quảng'],
    ]);
    const receiver = await get(`/api/v1/agencies/${await s.agencyId('HTK')}`, admin);
    expect(receiver.json().history[0].from.map((a: { code: string }) => a.code)).toEqual(['HTL']);
    const events = await get('/api/v1/agencies/events', await s.as('viewer'));
    expect(events.json().events).toHaveLength(3);
  });

  it('refuses to end a unit that has already ended', async () => {
    const res = await post('/api/v1/agencies/events', {
      kind: 'dissolve',
      effectiveDate: '2021-01-01',
      decisionRef: 'QĐ 1/QĐ-UBND',
      from: [await s.agencyId('HTN')],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      field: 'from[0]',
      message: '"UBND huyện Thông Nông" (HTN) đã kết thúc từ ngày 29/02/2020; không thể kết thúc lần nữa',
    });
  });

  it('refuses an event dated on or before a unit began', async () => {
    const res = await post('/api/v1/agencies/events', {
      kind: 'rename',
      effectiveDate: '2020-03-01',
      decisionRef: 'QĐ 2/QĐ-UBND',
      from: [await s.agencyId('HQH')],
      to: [{ code: 'HQH-2', name: 'UBND huyện Quảng Hòa mới' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      field: 'effectiveDate',
      message: 'Ngày có hiệu lực (01/03/2020) phải sau ngày bắt đầu của "UBND huyện Quảng Hòa" (01/03/2020)',
    });
    expect((await row('HQH')).validTo).toBeNull();
  });

  it('refuses a merge into a unit that no longer exists on that day', async () => {
    const res = await post('/api/v1/agencies/events', {
      kind: 'merge',
      effectiveDate: '2021-01-01',
      decisionRef: 'QĐ 3/QĐ-UBND',
      from: [await s.agencyId('HBLAM')],
      to: [{ agencyId: await s.agencyId('HPH') }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('to[0].agencyId');
    expect(res.json().error.message).toBe(
      '"UBND huyện Phục Hòa" (HPH) không còn hiệu lực vào ngày 01/01/2021, nên không thể tiếp nhận',
    );
  });
});

describe('renames, splits and dissolutions', () => {
  it('renames a department: the old unit ends, the new one keeps its contacts', async () => {
    const res = await post('/api/v1/agencies/events', {
      kind: 'rename',
      effectiveDate: '2025-03-01',
      decisionRef: 'QĐ 385/QĐ-UBND',
      from: [await s.agencyId('SLDTBXH')],
      to: [{ code: 'SNV-LD', name: 'Sở Nội vụ (tiếp nhận lao động)' }],
    });
    expect(res.statusCode).toBe(201);
    const created = await row('SNV-LD');
    expect(created).toMatchObject({
      groupId: 'department',
      website: 'https://sldtbxh.caobang.gov.vn',
      validFrom: '2025-03-01',
    });
    expect((await row('SLDTBXH')).validTo).toBe('2025-02-28');
  });

  it('splits one unit into several new ones in its group', async () => {
    const res = await post('/api/v1/agencies/events', {
      kind: 'split',
      effectiveDate: '2019-01-01',
      decisionRef: 'QĐ 10/QĐ-UBND',
      from: [await s.agencyId('SVHTTDL')],
      to: [
        { code: 'SVHTT', name: 'Sở Văn hóa và Thể thao' },
        { code: 'SDLICH', name: 'Sở Du lịch (tách)' },
      ],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().event.to.map((a: { code: string; groupId: string }) => [a.code, a.groupId])).toEqual([
      ['SDLICH', 'department'],
      ['SVHTT', 'department'],
    ]);
  });

  it('dissolves a unit without successor', async () => {
    const res = await post('/api/v1/agencies/events', {
      kind: 'dissolve',
      effectiveDate: '2019-06-01',
      decisionRef: 'QĐ 11/QĐ-UBND',
      from: [await s.agencyId('BQLKKT')],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().event.to).toEqual([]);
    expect((await row('BQLKKT')).validTo).toBe('2019-05-31');
  });

  it('checks the shape of each kind of event and requires the decision', async () => {
    const one = [await s.agencyId('STP')];
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { kind: 'merge', from: one, to: [{ code: 'STP-2', name: 'Sở Tư pháp' }] },
        'from',
        'Hợp nhất: chọn ít nhất hai cơ quan cũ',
      ],
      [{ kind: 'rename', from: one, to: [] }, 'to', 'Đổi tên: khai đúng một đơn vị mới (mã và tên mới)'],
      [
        { kind: 'split', from: one, to: [{ code: 'STP-A', name: 'A' }] },
        'to',
        'Chia tách: khai ít nhất hai đơn vị mới',
      ],
      [
        { kind: 'dissolve', from: one, to: [{ code: 'STP-B', name: 'B' }] },
        'to',
        'Giải thể: không có đơn vị mới',
      ],
      [
        { kind: 'rename', from: one, to: [{ code: 'STP-C' }] },
        'to[0].name',
        'Tên cơ quan không được để trống',
      ],
      [
        { kind: 'dissolve', from: one, decisionRef: '  ' },
        'decisionRef',
        'Cần ghi số, ký hiệu văn bản quyết định (ví dụ "NQ 864/NQ-UBTVQH14")',
      ],
    ];
    for (const [body, field, message] of cases) {
      const res = await post('/api/v1/agencies/events', {
        effectiveDate: '2021-01-01',
        decisionRef: 'QĐ 12/QĐ-UBND',
        ...body,
      });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error).toMatchObject({ field, message });
    }
    expect((await row('STP')).validTo).toBeNull();
  });

  it('changes nothing when one new code of a split is taken', async () => {
    const res = await post('/api/v1/agencies/events', {
      kind: 'split',
      effectiveDate: '2021-01-01',
      decisionRef: 'QĐ 13/QĐ-UBND',
      from: [await s.agencyId('SCT')],
      to: [
        { code: 'SCT-A', name: 'Sở Công thương A' },
        { code: 'HHQ', name: 'Sở Công thương B' },
      ],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'code_taken', field: 'to[1].code' });
    expect((await row('SCT')).validTo).toBeNull();
    const rows = await s.deps.database.db
      .select()
      .from(agencies)
      .where(and(eq(agencies.code, 'SCT-A')));
    expect(rows).toHaveLength(0);
  });

  it('lets only the administrator record an event', async () => {
    const res = await post(
      '/api/v1/agencies/events',
      { kind: 'dissolve', effectiveDate: '2021-01-01', decisionRef: 'x', from: [await s.agencyId('SCT')] },
      await s.as('assessor'),
    );
    expect(res.statusCode).toBe(403);
  });
});

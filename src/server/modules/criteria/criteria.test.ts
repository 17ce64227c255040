import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle } from '../../../../test/fixtures.ts';
import { type TestServer, testServer } from '../../../../test/server.ts';
import { auditLog, criteriaVersions } from '../../db/schema.ts';

const BUNDLED_TEXT = readFileSync(
  new URL('../../../../criteria/cao-bang-2016.json', import.meta.url),
  'utf8',
);
// biome-ignore lint/suspicious/noExplicitAny: a criteria file as plain JSON, edited freely in tests.
type Json = any;
const bundled = (): Json => JSON.parse(BUNDLED_TEXT);

/** The 2016 set revised: other maxima in group A, a criterion replaced, a field and checks changed. */
function revised() {
  const set = bundled();
  set.version = '2.0';
  set.title = { vi: 'Bộ tiêu chí Cao Bằng (sửa đổi 2019)', en: 'Cao Bằng criteria (2019 revision)' };
  const dept = set.groups.find((g: { id: string }) => g.id === 'department');
  const [cat1, cat2, , , cat5] = dept.categories;
  const crit = (cat: Json, id: string): Json => cat.criteria.find((c: Json) => c.id === id);
  cat1.max = 21;
  Object.assign(crit(cat1, '1.4'), { max: 3, formula: { op: 'bool', field: 'tslcd_connected', points: 3 } });
  Object.assign(crit(cat1, '1.2'), { notApplicable: { when: { vi: 'Cơ quan không có máy tính nối mạng' } } });
  crit(cat1, '1.7').id = '1.8';
  Object.assign(crit(cat2, '2.2'), { name: { vi: 'Tỷ lệ văn bản đi được gửi hoàn toàn điện tử' } });
  cat5.max = 9;
  const c52 = crit(cat5, '5.2');
  c52.max = 1;
  c52.formula.map = { dai_hoc_tro_len_cntt: 1, cao_dang_trung_cap_cntt: 0.5, khac: 0, khong_co: 0 };
  set.fields.find((f: { key: string }) => f.key === 'total_staff').max = 10000;
  set.fields.push({
    key: 'has_data_center',
    label: { vi: 'Có phòng máy chủ' },
    type: 'boolean',
    source: 'agency',
    required: false,
  });
  set.validations = set.validations.filter((v: { id: string }) => v.id !== 'V40');
  set.validations.find((v: { id: string }) => v.id === 'V01').severity = 'warning';
  set.validations.push({
    id: 'V41',
    severity: 'error',
    rule: 'total_staff >= 1',
    message: { vi: 'Tổng số CBCCVC phải lớn hơn 0' },
  });
  return set;
}

let s: TestServer;
let admin: string;
let bundledId: string;
beforeAll(async () => {
  s = await testServer();
  admin = await s.as('admin');
  const [row] = await s.deps.database.db
    .select()
    .from(criteriaVersions)
    .where(eq(criteriaVersions.setId, 'cao-bang-2016'));
  bundledId = row!.id;
});
afterAll(() => s.close());

const load = (body: unknown, cookie = admin) =>
  s.request({
    method: 'POST',
    url: '/api/v1/criteria',
    cookie,
    payload: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

describe('criteria versions', () => {
  it('lists the bundled version for every role, and whether a cycle uses it', async () => {
    for (const role of ['viewer', 'approver'] as const) {
      const res = await s.request({ method: 'GET', url: '/api/v1/criteria', cookie: await s.as(role) });
      expect(res.statusCode).toBe(200);
      expect(res.json().versions).toEqual([
        expect.objectContaining({
          id: bundledId,
          setId: 'cao-bang-2016',
          version: '1.0-reconstructed',
          status: 'reconstructed',
          inUse: false,
          cycleYears: [],
        }),
      ]);
      expect(res.json().versions[0].hash).toMatch(/^[0-9a-f]{64}$/);
    }
    await createCycle(s.deps.database.db, { year: 2017 });
    const res = await s.request({
      method: 'GET',
      url: '/api/v1/criteria',
      cookie: await s.as('reporter', 'SYT'),
    });
    expect(res.json().versions[0]).toMatchObject({ inUse: true, cycleYears: [2017] });
    expect((await s.request({ method: 'GET', url: '/api/v1/criteria' })).statusCode).toBe(401);
  });

  it('shows one version with a readable summary', async () => {
    const res = await s.request({
      method: 'GET',
      url: `/api/v1/criteria/${bundledId}`,
      cookie: await s.as('viewer'),
    });
    expect(res.statusCode).toBe(200);
    const { version, content, summary } = res.json();
    expect(version).toMatchObject({ id: bundledId, inUse: true });
    expect(content).toMatchObject({ format: 'chiso.criteria/1', id: 'cao-bang-2016' });
    expect(summary.groups.map((g: { id: string; max: number }) => [g.id, g.max])).toEqual([
      ['department', 100],
      ['district', 100],
    ]);
    const maxima = (g: { categories: { max: number }[] }) => g.categories.map((c) => c.max);
    expect(maxima(summary.groups[0])).toEqual([20, 25, 20, 25, 10]);
    expect(maxima(summary.groups[1])).toEqual([25, 20, 20, 25, 10]);
    const website = summary.groups[0].categories[2];
    expect(website).toMatchObject({ id: '3', gate: 'website_active' });
    expect(website.criteria.find((c: { id: string }) => c.id === '3.8')).toMatchObject({
      max: 1,
      naAllowed: true,
      monitored: true,
    });
    expect(summary.groups[0].categories[0].criteria[0]).toMatchObject({
      id: '1.1',
      max: 5,
      naAllowed: false,
      monitored: false,
      naWhen: null,
    });
    expect(summary.classes.map((c: { id: string }) => c.id)).toEqual([
      'tot',
      'kha',
      'trung_binh',
      'duoi_trung_binh',
    ]);
    const missing = await s.request({
      method: 'GET',
      url: '/api/v1/criteria/00000000-0000-4000-8000-000000000000',
      cookie: admin,
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe('Không tìm thấy phiên bản bộ tiêu chí');
  });

  it('refuses a broken set with one problem per mistake, each with its path', async () => {
    const set = bundled();
    set.version = '9.9';
    set.groups[0].categories[0].criteria[0].max = 6;
    const res = await load(set);
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('invalid_criteria');
    expect(error.details.length).toBeGreaterThanOrEqual(2);
    expect(error.message).toBe(`Bộ tiêu chí không hợp lệ: ${error.details.length} lỗi`);
    expect(error.details).toContainEqual({
      path: 'groups[0].categories[0].criteria[0].formula',
      message: 'Tiêu chí 1.1 (nhóm "department"): công thức cho tối đa 5 điểm, khác điểm tối đa 6',
      messageEn: 'Criterion 1.1 (group "department"): the formula can give at most 5, not its maximum 6',
    });
    const notASet = await load([1, 2, 3]);
    expect(notASet.statusCode).toBe(400);
    expect(notASet.json().error.code).toBe('invalid_criteria');
    const rows = await s.deps.database.db.select().from(criteriaVersions);
    expect(rows).toHaveLength(1);
  });

  it('loads a new version once, with an audit row; the same file again returns it', async () => {
    const res = await load(revised());
    expect(res.statusCode).toBe(201);
    const { created, version } = res.json();
    expect(created).toBe(true);
    expect(version).toMatchObject({
      setId: 'cao-bang-2016',
      version: '2.0',
      title: 'Bộ tiêu chí Cao Bằng (sửa đổi 2019)',
      inUse: false,
    });
    const audit = await s.deps.database.db.select().from(auditLog).where(eq(auditLog.entityId, version.id));
    expect(audit).toEqual([expect.objectContaining({ action: 'criteria.load', actorRole: 'admin' })]);
    // Another key order, or a default left out, is the same content: no other version.
    const again: Json = Object.fromEntries(Object.entries(revised()).reverse());
    delete again.groups[0].categories[0].criteria[0].monitoredOnWebsite;
    const repeat = await load(again);
    expect(repeat.statusCode).toBe(200);
    expect(repeat.json()).toMatchObject({ created: false, version: { id: version.id } });
    const list = await s.request({ method: 'GET', url: '/api/v1/criteria', cookie: admin });
    expect(list.json().versions).toHaveLength(2);
  });

  it('refuses other content under a version number already used', async () => {
    const set = revised();
    set.notes = { vi: 'Ghi chú khác' };
    const res = await load(set);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'version_exists', field: 'version' });
    expect(res.json().error.message).toMatch(
      /^Bộ tiêu chí "cao-bang-2016" đã có phiên bản "2.0" với nội dung khác/,
    );
  });

  it('lets only the administrator load, and names the limit of a file too large', async () => {
    for (const role of ['assessor', 'approver', 'viewer'] as const)
      expect((await load(revised(), await s.as(role))).statusCode).toBe(403);
    const huge = { ...bundled(), padding: 'x'.repeat(2 * 1024 * 1024 + 10) };
    const res = await load(huge);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'too_large',
      message: 'Tệp bộ tiêu chí quá lớn (tối đa 2 MB)',
    });
  });
});

describe('comparing two versions', () => {
  it('lists per group the criteria added, removed and changed, the categories with another maximum, fields and checks', async () => {
    const [v2] = await s.deps.database.db
      .select()
      .from(criteriaVersions)
      .where(eq(criteriaVersions.version, '2.0'));
    const res = await s.request({
      method: 'GET',
      url: `/api/v1/criteria/compare?from=${bundledId}&to=${v2!.id}`,
      cookie: await s.as('assessor'),
    });
    expect(res.statusCode).toBe(200);
    const { from, to, diff } = res.json();
    expect([from.version, to.version]).toEqual(['1.0-reconstructed', '2.0']);
    expect(diff.identical).toBe(false);
    expect(diff.set).toContainEqual(
      expect.objectContaining({ attribute: 'version', from: '1.0-reconstructed', to: '2.0' }),
    );

    const [dept, district] = diff.groups;
    expect(district).toMatchObject({ id: 'district', status: 'unchanged' });
    expect(dept.status).toBe('changed');
    expect(dept.categories.maxChanged).toEqual([
      expect.objectContaining({ id: '1', from: 20, to: 21 }),
      expect.objectContaining({ id: '5', from: 10, to: 9 }),
    ]);
    expect(dept.criteria.added.map((c: { id: string }) => c.id)).toEqual(['1.8']);
    expect(dept.criteria.removed.map((c: { id: string }) => c.id)).toEqual(['1.7']);
    const changed = Object.fromEntries(
      dept.criteria.changed.map((c: { id: string; changes: { attribute: string }[] }) => [
        c.id,
        c.changes.map((x) => x.attribute),
      ]),
    );
    expect(changed).toEqual({
      '1.2': ['notApplicable'],
      '1.4': ['max', 'formula'],
      '2.2': ['name'],
      '5.2': ['max', 'formula'],
    });
    const c14 = dept.criteria.changed.find((c: { id: string }) => c.id === '1.4');
    expect(c14.changes[0]).toEqual({ attribute: 'max', from: 2, to: 3 });
    const c12 = dept.criteria.changed.find((c: { id: string }) => c.id === '1.2');
    expect(c12.changes[0]).toEqual({
      attribute: 'notApplicable',
      from: null,
      to: { when: { vi: 'Cơ quan không có máy tính nối mạng' } },
    });

    expect(diff.fields.added).toEqual([
      { key: 'has_data_center', label: { vi: 'Có phòng máy chủ' }, type: 'boolean' },
    ]);
    expect(diff.fields.removed).toEqual([]);
    expect(diff.fields.changed).toEqual([
      expect.objectContaining({ key: 'total_staff', changes: [{ attribute: 'max', from: 5000, to: 10000 }] }),
    ]);
    expect(diff.validations.added.map((v: { id: string }) => v.id)).toEqual(['V41']);
    expect(diff.validations.removed.map((v: { id: string }) => v.id)).toEqual(['V40']);
    expect(diff.validations.changed).toEqual([
      expect.objectContaining({
        id: 'V01',
        changes: [{ attribute: 'severity', from: 'error', to: 'warning' }],
      }),
    ]);
  });

  it('finds nothing between a version and itself, and names an unknown version', async () => {
    const self = await s.request({
      method: 'GET',
      url: `/api/v1/criteria/compare?from=${bundledId}&to=${bundledId}`,
      cookie: admin,
    });
    expect(self.json().diff).toMatchObject({
      identical: true,
      set: [],
      fields: { added: [], removed: [], changed: [] },
    });
    expect(self.json().diff.groups.every((g: { status: string }) => g.status === 'unchanged')).toBe(true);
    const unknown = await s.request({
      method: 'GET',
      url: `/api/v1/criteria/compare?from=${bundledId}&to=00000000-0000-4000-8000-000000000000`,
      cookie: admin,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({
      field: 'to',
      message: 'Không có phiên bản bộ tiêu chí này',
    });
  });
});

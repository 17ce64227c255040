/**
 * A whole year of Decision 2310 through the HTTP API, as the people involved do it: the
 * administrator opens the cycle; three agencies report (one late) and one does not; the assessor
 * records the website checks, queries, corrects a value with a reason and rejects an N/A claim;
 * the Steering Committee approves and publishes. The published ranking must equal `chiso score`
 * on the same data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledCompiledSet } from '../src/core/criteria/bundled.ts';
import { sampleCycle } from '../src/sample/cao-bang.ts';
import { scoreWithCli } from './chiso.ts';
import { fileUpload, SMALL_PDF } from './http.ts';
import { TEST_PASSWORD, type TestServer, testServer } from './server.ts';

const set = bundledCompiledSet('cao-bang-2016')!;
const sample = sampleCycle();
let s: TestServer;
let admin: string;
/** What each new account's owner chooses at first sign-in. */
const OWN_PASSWORD = 'Mat-khau-rieng-2017';
const cookie: Record<string, string> = {};
const ids: Record<string, string> = {};
let cycleId: string;

/** The sample's values of an agency, only the fields the agency itself fills in. */
function agencyValues(code: string): Record<string, unknown> {
  const a = sample.agencies.find((x) => x.code === code)!;
  const fields = set.groupsById.get(a.group)!.fieldsByKey;
  return Object.fromEntries(Object.entries(a.values).filter(([k]) => fields.get(k)?.source === 'agency'));
}

/** The sample's first website check of an agency (monitoring fields only). */
const websiteCheck = (code: string) => sample.agencies.find((x) => x.code === code)!.websiteChecks[0]!.values;

/** A request as `who`; sessions last 12 hours, so after the test clock jumps a month, sign in again. */
async function api(method: string, url: string, who: string, payload?: unknown) {
  const send = () =>
    s.request({
      method: method as 'GET',
      url: `/api/v1${url}`,
      cookie: cookie[who] ?? admin,
      payload: payload as object,
    });
  let res = await send();
  if (res.statusCode === 401) {
    if (who === 'admin') admin = await s.login('admin', 'Quan-tri-thu-2017');
    else cookie[who] = await s.login(who, OWN_PASSWORD);
    res = await send();
  }
  return res;
}

async function ok(method: string, url: string, who: string, payload?: unknown, status = 200) {
  const res = await api(method, url, who, payload);
  if (res.statusCode !== status) throw new Error(`${method} ${url} as ${who}: ${res.statusCode} ${res.body}`);
  return res.json();
}

beforeAll(async () => {
  s = await testServer({ now: '2017-09-20T02:00:00Z' });
  admin = await s.login('admin', 'Quan-tri-thu-2017');
  for (const code of ['STTTT', 'SNV', 'HHA', 'SGTVT']) ids[code] = await s.agencyId(code);
});
afterAll(() => s.close());

describe('a year of evaluation through the API', () => {
  it('lets the administrator create and open the 2017 cycle with its guidance', async () => {
    const created = await ok('POST', '/cycles', 'admin', { year: 2017 }, 201);
    cycleId = created.cycle.id;
    // A new cycle gives the agencies five working days to appeal after approval (issue 12). This
    // year is about the ranking equal to `chiso score`; appeals have their own tests, so the
    // administrator sets no appeal period and the approver publishes right after approving.
    expect((await ok('GET', `/cycles/${cycleId}/appeals`, 'admin')).period.days).toBe(5);
    expect(
      (await ok('PUT', `/cycles/${cycleId}/appeal-period`, 'admin', { days: 0, holidays: [] })).days,
    ).toBe(0);
    const upload = await s.request({
      method: 'POST',
      url: `/api/v1/cycles/${cycleId}/documents/guidance`,
      cookie: admin,
      ...fileUpload('file', 'Hướng dẫn 2017.pdf', SMALL_PDF),
    });
    expect(upload.statusCode).toBeLessThan(300);
    const opened = await ok('POST', `/cycles/${cycleId}/open`, 'admin', {});
    expect(opened.cycle.state).toBe('open');
  });

  it('lets the administrator create the accounts of every role', async () => {
    const accounts: [string, string, string?][] = [
      ['r.stttt', 'reporter', 'STTTT'],
      ['r.snv', 'reporter', 'SNV'],
      ['r.hha', 'reporter', 'HHA'],
      ['tham.dinh', 'assessor'],
      ['phe.duyet', 'approver'],
      ['xem.noivu', 'viewer'],
    ];
    for (const [username, role, code] of accounts) {
      await ok(
        'POST',
        '/users',
        'admin',
        { username, displayName: username, role, agencyId: code ? ids[code] : null, password: TEST_PASSWORD },
        201,
      );
      // A new account's password is temporary: nothing works until its owner has changed it.
      const first = await s.login(username);
      const refused = await s.request({ method: 'GET', url: '/api/v1/cycles', cookie: first });
      expect(refused.json().error.code).toBe('must_change_password');
      const changed = await s.request({
        method: 'POST',
        url: '/api/v1/auth/password',
        cookie: first,
        payload: { currentPassword: TEST_PASSWORD, newPassword: OWN_PASSWORD },
      });
      expect(changed.statusCode).toBe(204);
      // Changing the password ends the old session and starts a new one.
      cookie[username] = `chiso_session=${changed.cookies.find((c) => c.name === 'chiso_session')!.value}`;
    }
  });

  it('keeps each reporter to its own agency', async () => {
    const other = await api('GET', `/cycles/${cycleId}/agencies/${ids.HHA}/submission`, 'r.stttt');
    expect(other.statusCode).toBe(403);
    const viewer = await api(
      'PUT',
      `/cycles/${cycleId}/agencies/${ids.STTTT}/submission/values`,
      'xem.noivu',
      {
        version: null,
        values: { total_staff: 10 },
      },
    );
    expect(viewer.statusCode).toBe(403);
  });

  it('takes the reports: two on time, one with an N/A claim and evidence', async () => {
    s.clock.set('2017-10-20T03:00:00Z');
    for (const [user, code] of [
      ['r.stttt', 'STTTT'],
      ['r.hha', 'HHA'],
    ] as const) {
      const base = `/cycles/${cycleId}/agencies/${ids[code]}/submission`;
      let state = await ok('PUT', `${base}/values`, user, { version: null, values: agencyValues(code) });
      if (code === 'STTTT') {
        state = await ok('PUT', `${base}/claims/3.8`, user, {
          reason: 'Năm 2017 sở không có dự án đầu tư phải công khai',
        });
        const ev = await s.request({
          method: 'POST',
          url: `/api/v1${base}/evidence`,
          cookie: cookie[user],
          ...fileUpload('file', 'Biên bản kết nối WAN.pdf', SMALL_PDF),
        });
        expect(ev.statusCode, ev.body).toBeLessThan(300);
        state = await ok('GET', base, user);
      }
      const submitted = await ok('POST', `${base}/submit`, user, {
        version: state.version,
        attestedName: 'Nguyễn Văn Thủ',
        attestedTitle: 'Giám đốc',
      });
      expect(submitted.receipt.late).toBe(false);
      expect(submitted.receipt.contentHash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('records a report after the deadline as late', async () => {
    const base = `/cycles/${cycleId}/agencies/${ids.SNV}/submission`;
    const state = await ok('PUT', `${base}/values`, 'r.snv', { version: null, values: agencyValues('SNV') });
    s.clock.set('2017-10-31T17:00:05Z'); // 00:00:05 on 1 November, Vietnam time
    const submitted = await ok('POST', `${base}/submit`, 'r.snv', {
      version: state.version,
      attestedName: 'Trần Thị B',
      attestedTitle: 'Giám đốc',
    });
    expect(submitted.receipt.late).toBe(true);
  });

  it('lets the assessor record the website checks of the year', async () => {
    for (const code of ['STTTT', 'SNV', 'HHA'])
      await ok(
        'POST',
        `/agencies/${ids[code]}/website-checks`,
        'tham.dinh',
        { checkedAt: '2017-09-15T09:00:00+07:00', values: websiteCheck(code), note: 'Kiểm tra quý III' },
        201,
      );
  });

  it('closes the cycle after the deadline and starts the review', async () => {
    expect((await ok('POST', `/cycles/${cycleId}/close`, 'admin', {})).cycle.state).toBe('closed');
    expect((await ok('POST', `/cycles/${cycleId}/start-review`, 'tham.dinh', {})).cycle.state).toBe(
      'under_review',
    );
  });

  it('runs the review: a query answered, a corrected value, a rejected N/A claim, the data-quality marks', async () => {
    const review = `/cycles/${cycleId}/review/${ids.STTTT}`;
    const q = await ok(
      'POST',
      `${review}/queries`,
      'tham.dinh',
      {
        subject: 'Số CBCCVC có máy tính',
        body: 'Đề nghị gửi danh sách máy tính đã cấp',
        fieldKey: 'staff_with_computer',
      },
      201,
    );
    await ok(
      'POST',
      `/cycles/${cycleId}/queries/${q.query.id}/messages`,
      'r.stttt',
      { body: 'Đã gửi danh sách kèm theo' },
      201,
    );
    await ok('POST', `/cycles/${cycleId}/queries/${q.query.id}/close`, 'tham.dinh', {});

    const staff = agencyValues('STTTT').total_staff as number;
    const corrected = Math.max(0, Math.floor(staff * 0.6));
    const noReason = await api('PUT', `${review}/values/staff_with_computer`, 'tham.dinh', {
      value: corrected,
    });
    expect(noReason.statusCode).toBe(400);
    await ok('PUT', `${review}/values/staff_with_computer`, 'tham.dinh', {
      value: corrected,
      reason: 'Khảo sát thực tế ngày 10/11/2017: chỉ 60% cán bộ có máy tính riêng',
    });
    await ok('POST', `${review}/claims/3.8/decision`, 'tham.dinh', {
      decision: 'reject',
      note: 'Sở có dự án nâng cấp hạ tầng năm 2017 phải công khai',
    });
    for (const code of ['STTTT', 'HHA', 'SNV'])
      await ok('PUT', `/cycles/${cycleId}/review/${ids[code]}/values/data_quality_points`, 'tham.dinh', {
        value: 1.5,
      });

    const page = await ok('GET', review, 'tham.dinh');
    expect(JSON.stringify(page)).toMatch(/Khảo sát thực tế ngày 10\/11\/2017/);
  });

  it('lets the Steering Committee approve and publish, and then nobody edits the cycle', async () => {
    expect((await ok('POST', `/cycles/${cycleId}/approve`, 'phe.duyet', {})).cycle.state).toBe('approved');
    expect((await ok('POST', `/cycles/${cycleId}/publish`, 'phe.duyet', {})).cycle.state).toBe('published');
    const late = await api('PUT', `/cycles/${cycleId}/review/${ids.STTTT}/values/total_staff`, 'tham.dinh', {
      value: 1,
      reason: 'Sửa sau khi công bố',
    });
    expect(late.statusCode).toBe(409);
  });

  it('publishes the ranking that `chiso score` computes from the same data', async () => {
    const published = await ok('GET', `/cycles/${cycleId}/results/export.json`, 'xem.noivu');
    const staff = agencyValues('STTTT').total_staff as number;
    const file = {
      criteriaSet: 'cao-bang-2016',
      year: 2017,
      agencies: sample.agencies.map((a) => {
        const reported = ['STTTT', 'HHA', 'SNV'].includes(a.code);
        const values: Record<string, unknown> = reported
          ? { ...agencyValues(a.code), data_quality_points: 1.5 }
          : {};
        if (a.code === 'STTTT') values.staff_with_computer = Math.max(0, Math.floor(staff * 0.6));
        return {
          code: a.code,
          name: a.name,
          group: a.group,
          submittedAt:
            a.code === 'SNV' ? '2017-11-01T00:00:05+07:00' : reported ? '2017-10-20T10:00:00+07:00' : null,
          values,
          notApplicable: [],
          websiteChecks: reported
            ? [{ checkedAt: '2017-09-15T09:00:00+07:00', values: websiteCheck(a.code) }]
            : [],
        };
      }),
    };
    const { status, stdout, stderr } = await scoreWithCli(file);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(published).toEqual(JSON.parse(stdout));

    const dept = published.groups.find((g: { group: string }) => g.group === 'department');
    expect(dept.ranking.map((r: { code: string }) => r.code)).toEqual(['STTTT']);
    expect(dept.notRanked).toContainEqual({ code: 'SNV', reason: 'late' });
    expect(dept.notRanked).toContainEqual({ code: 'SGTVT', reason: 'missing' });
    const stttt = dept.ranking[0];
    expect(stttt.criteria['1.1']).toBeLessThanOrEqual(3); // the corrected 60% of staff with computers, of 5 points
  });

  it('lets the viewer of Sở Nội vụ download the final classes', async () => {
    const res = await api('GET', `/cycles/${cycleId}/results/export.csv`, 'xem.noivu');
    expect(res.statusCode).toBe(200);
    expect(res.body.charCodeAt(0)).toBe(0xfeff);
    expect(res.body).toMatch(/Sở Thông tin và Truyền thông/);
    expect(res.body).toMatch(/nộp muộn/);
  });
});

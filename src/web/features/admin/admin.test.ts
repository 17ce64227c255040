/** The administrator's plain modules: dates as Vietnam days, the registry, accounts, cycles, criteria in words. */
import { describe, expect, it } from 'vitest';
import raw from '../../../../criteria/cao-bang-2016.json' with { type: 'json' };
import type { AdminUser, Agency, AgencyEvent, CycleDetail } from './adminApi.ts';
import {
  attributeName,
  changeValueText,
  criterionDetails,
  criterionRow,
  fieldLabel,
  fieldMap,
} from './criteriaText.ts';
import { followYear, inputOf, nextCycle, transitionEndpoint, valuesOf } from './cycleAdmin.ts';
import { fieldDescription, formulaFields, formulaWords } from './formulaWords.ts';
import {
  agencyEditBody,
  agencyGroups,
  eventBody,
  eventSentence,
  eventsOf,
  groupIds,
  latestFirst,
  newAgencyBody,
  unitRowsFor,
} from './registry.ts';
import { userFields, usersShown } from './users.ts';
import { todayVn, vnDay, vnMidnight } from './vnDays.ts';

describe('dates typed as Vietnam calendar days', () => {
  it('are the day in Vietnam of an instant, and its start as the instant sent', () => {
    expect(vnDay('2017-10-31T17:00:00Z')).toBe('2017-11-01');
    expect(vnDay('2017-10-31T16:59:59Z')).toBe('2017-10-31');
    expect(vnDay('không phải ngày')).toBe('');
    expect(vnMidnight('2017-11-01')).toBe('2017-11-01T00:00:00+07:00');
    expect(vnDay(vnMidnight('2017-11-01'))).toBe('2017-11-01');
    // At 23:30 UTC it is already the next morning in Vietnam.
    expect(todayVn(new Date('2026-11-25T23:30:00Z'))).toBe('2026-11-26');
  });
});

const agency = (name: string, code: string, groupId = 'department', over: Partial<Agency> = {}): Agency => ({
  id: `id-${code}`,
  code,
  name,
  shortName: null,
  groupId,
  website: null,
  email: null,
  validFrom: '2016-01-01',
  validTo: null,
  createdAt: '2016-01-01T00:00:00Z',
  updatedAt: '2016-01-01T00:00:00Z',
  ...over,
});
const REGISTRY = [
  agency('Sở Y tế', 'SYT'),
  agency('Đài Phát thanh - Truyền hình', 'DPTTH'),
  agency('Sở Giáo dục và Đào tạo', 'SGDDT', 'department', { shortName: 'Sở GD&ĐT' }),
  agency('UBND huyện Hà Quảng', 'HQ', 'district'),
  agency('Ban Quản lý Khu kinh tế', 'BQLKKT', 'economic_zone'),
];
const names = (groups: ReturnType<typeof agencyGroups>) =>
  groups.map((g) => [g.id, g.rows.map((a) => a.code)]);

describe('the registry as the administrator lists it', () => {
  it('groups the agencies, the regulation’s groups first, each in Vietnamese order', () => {
    expect(names(agencyGroups(REGISTRY, ''))).toEqual([
      ['department', ['DPTTH', 'SGDDT', 'SYT']],
      ['district', ['HQ']],
      ['economic_zone', ['BQLKKT']],
    ]);
    expect(groupIds([])).toEqual(['department', 'district']);
  });

  it('finds an agency typed without tones, by name, code or short name', () => {
    expect(names(agencyGroups(REGISTRY, 'so y te'))).toEqual([['department', ['SYT']]]);
    expect(names(agencyGroups(REGISTRY, 'dai phat'))).toEqual([['department', ['DPTTH']]]);
    expect(names(agencyGroups(REGISTRY, 'gd&đt'))).toEqual([['department', ['SGDDT']]]);
    expect(names(agencyGroups(REGISTRY, 'hq'))).toEqual([['district', ['HQ']]]);
    expect(names(agencyGroups(REGISTRY, 'không có'))).toEqual([]);
  });

  it('tells a change as a sentence, and an agency’s changes latest first', () => {
    const ref = (a: Agency) => ({ ...a });
    const merge = {
      id: 'e1',
      kind: 'merge',
      effectiveDate: '2020-04-01',
      decisionRef: 'NQ 864',
      note: null,
      createdAt: '2020-04-01T00:00:00Z',
      from: [ref(REGISTRY[0]!), ref(REGISTRY[1]!)],
      to: [ref(agency('Sở Y tế và Truyền thông', 'SYTTT'))],
    } as AgencyEvent;
    const rename = {
      ...merge,
      id: 'e2',
      kind: 'rename',
      effectiveDate: '2021-01-01',
      from: [ref(REGISTRY[2]!)],
    } as AgencyEvent;
    expect(eventSentence(merge)).toBe(
      'Sở Y tế (SYT), Đài Phát thanh - Truyền hình (DPTTH) hợp nhất thành Sở Y tế và Truyền thông (SYTTT)',
    );
    expect(eventSentence({ ...merge, kind: 'dissolve', from: [ref(REGISTRY[4]!)], to: [] })).toBe(
      'Ban Quản lý Khu kinh tế (BQLKKT) giải thể',
    );
    expect(eventsOf([merge, rename], REGISTRY[1]!).map((e) => e.id)).toEqual(['e1']);
    expect(latestFirst([merge, rename]).map((e) => e.id)).toEqual(['e2', 'e1']);
  });
});

describe('what the registry’s forms send', () => {
  const change = {
    kind: 'merge' as const,
    effectiveDate: '2020-04-01',
    decisionRef: '  NQ 864/NQ-HĐND ',
    note: '  ',
    from: ['id-SYT', 'id-DPTTH'],
    into: 'new' as const,
    units: [{ code: ' SYTTT ', name: ' Sở Y tế và Truyền thông ' }],
  };

  it('a merger into a new unit: its code and name trimmed, an empty note as none', () => {
    expect(eventBody(change)).toEqual({
      kind: 'merge',
      effectiveDate: '2020-04-01',
      decisionRef: 'NQ 864/NQ-HĐND',
      note: null,
      from: ['id-SYT', 'id-DPTTH'],
      to: [{ code: 'SYTTT', name: 'Sở Y tế và Truyền thông' }],
    });
  });

  it('a merger into an existing agency names it; a dissolution starts nothing; one agency chosen is a list of one', () => {
    expect(eventBody({ ...change, into: 'existing', intoAgency: 'id-SYT' }).to).toEqual([
      { agencyId: 'id-SYT' },
    ]);
    expect(eventBody({ ...change, kind: 'dissolve', from: 'id-HQ' })).toMatchObject({
      from: ['id-HQ'],
      to: [],
    });
    expect([unitRowsFor('rename'), unitRowsFor('split'), unitRowsFor('dissolve')]).toEqual([1, 2, 0]);
  });

  it('an agency: trimmed, empty contact details as none; an edit keeps the code, group and start', () => {
    const v = {
      code: ' SKHCN ',
      name: ' Sở Khoa học và Công nghệ ',
      shortName: '',
      group: 'department',
      website: ' https://skhcn.caobang.gov.vn ',
      email: '',
      validFrom: '2026-01-01',
    };
    expect(newAgencyBody(v)).toEqual({
      code: 'SKHCN',
      name: 'Sở Khoa học và Công nghệ',
      group: 'department',
      validFrom: '2026-01-01',
      shortName: null,
      website: 'https://skhcn.caobang.gov.vn',
      email: null,
    });
    expect(agencyEditBody(v)).toEqual({
      name: 'Sở Khoa học và Công nghệ',
      shortName: null,
      website: 'https://skhcn.caobang.gov.vn',
      email: null,
    });
  });
});

describe('accounts', () => {
  const user = (displayName: string, over: Partial<AdminUser> = {}): AdminUser => ({
    id: displayName,
    username: displayName.toLowerCase(),
    displayName,
    email: null,
    role: 'reporter',
    agencyId: null,
    agencyCode: null,
    agencyName: null,
    active: true,
    mustChangePassword: false,
    createdAt: '2026-01-01T00:00:00Z',
    ...over,
  });
  const USERS = [
    user('Nông Thị Hoa', { agencyId: 'id-SYT', agencyName: 'Sở Y tế' }),
    user('Đinh Văn Bình', { role: 'assessor', email: 'binh@stttt.caobang.gov.vn' }),
    user('Bế Văn An', { role: 'admin' }),
  ];
  const shown = (f: Partial<Parameters<typeof usersShown>[1]>) =>
    usersShown(USERS, { q: '', role: null, agencyId: null, ...f }).map((u) => u.displayName);

  it('are listed by display name in Vietnamese order, and narrowed by role, agency or words', () => {
    expect(shown({})).toEqual(['Bế Văn An', 'Đinh Văn Bình', 'Nông Thị Hoa']);
    expect(shown({ role: 'assessor' })).toEqual(['Đinh Văn Bình']);
    expect(shown({ agencyId: 'id-SYT' })).toEqual(['Nông Thị Hoa']);
    expect(shown({ q: 'so y te' })).toEqual(['Nông Thị Hoa']);
    expect(shown({ q: 'dinh' })).toEqual(['Đinh Văn Bình']);
    expect(shown({ q: 'stttt' })).toEqual(['Đinh Văn Bình']);
  });

  it('send an agency for a reporter only, and nothing but name and e-mail for one’s own account', () => {
    const v = {
      username: 'x',
      displayName: ' Nông Thị Hoa ',
      email: ' ',
      role: 'assessor' as const,
      agencyId: 'id-SYT',
      active: false,
    };
    expect(userFields(v, false)).toEqual({
      displayName: 'Nông Thị Hoa',
      email: null,
      role: 'assessor',
      agencyId: null,
      active: false,
    });
    expect(userFields({ ...v, role: 'reporter' }, false).agencyId).toBe('id-SYT');
    expect(userFields(v, true)).toEqual({ displayName: 'Nông Thị Hoa', email: null });
  });
});

describe('cycles', () => {
  it('start the next year with the regulation’s dates, unless the user typed them', () => {
    expect(followYear('2027', () => false)).toEqual({
      guidanceBy: '2027-10-01',
      deadline: '2027-11-01',
      publishBy: '2028-01-01',
      title: 'Đánh giá, xếp hạng mức độ ứng dụng công nghệ thông tin năm 2027',
    });
    expect(followYear('2027', (k) => k === 'deadline' || k === 'title')).toEqual({
      guidanceBy: '2027-10-01',
      publishBy: '2028-01-01',
    });
    expect(followYear('20', () => false)).toEqual({});
    expect(followYear('2027,5', () => false)).toEqual({});
  });

  it('go from the form to the server as instants at the start of each Vietnam day, and back', () => {
    const values = {
      title: '  Năm 2027 ',
      criteriaVersionId: 'v1',
      guidanceBy: '2027-10-01',
      deadline: '2027-11-01',
      publishBy: '2028-01-01',
      announcement: '  ',
    };
    const input = inputOf(values);
    expect(input).toEqual({
      title: 'Năm 2027',
      criteriaVersionId: 'v1',
      guidanceBy: '2027-10-01T00:00:00+07:00',
      deadline: '2027-11-01T00:00:00+07:00',
      publishBy: '2028-01-01T00:00:00+07:00',
      announcement: null,
    });
    const stored = {
      title: 'Năm 2027',
      criteriaVersion: { id: 'v1' },
      guidanceBy: '2027-09-30T17:00:00Z',
      deadline: '2027-10-31T17:00:00Z',
      publishBy: '2027-12-31T17:00:00Z',
      announcement: null,
    } as CycleDetail;
    expect(valuesOf(stored)).toEqual({ ...values, title: 'Năm 2027', announcement: '' });
  });

  it('next: the year after the newest, with the official criteria version', () => {
    const versions = [
      { id: 'draft', status: 'draft' },
      { id: 'official', status: 'official' },
    ];
    expect(nextCycle([{ year: 2025 }, { year: 2026 }], versions, 2030)).toEqual({
      year: 2027,
      criteriaVersionId: 'official',
    });
    expect(nextCycle([], [{ id: 'draft', status: 'draft' }], 2026)).toEqual({
      year: 2026,
      criteriaVersionId: 'draft',
    });
    expect(nextCycle([], [], 2026).criteriaVersionId).toBeUndefined();
  });

  it('offer opening, closing and the review here; the approval page the rest', () => {
    expect(transitionEndpoint({ state: 'draft' }, 'open')).toBe('open');
    expect(transitionEndpoint({ state: 'open' }, 'closed')).toBe('close');
    expect(transitionEndpoint({ state: 'closed' }, 'under_review')).toBe('start-review');
    expect(transitionEndpoint({ state: 'approved' }, 'under_review')).toBeNull();
    expect(transitionEndpoint({ state: 'approved' }, 'published')).toBeNull();
  });
});

describe('a criteria version in words', () => {
  const fields = fieldMap(raw);
  const label = fieldLabel(fields);
  const details = criterionDetails(raw);
  const formula = (id: string) => details.get(`department/${id}`)!.formula;

  it('writes a formula as the regulation’s appendix would, with the fields’ short labels', () => {
    expect(formulaWords(formula('1.1'), label)).toBe(
      '5 điểm × (“CBCCVC có máy tính” / “Tổng số CBCCVC”), không quá 5 điểm; nếu “Tổng số CBCCVC” bằng 0: 0 điểm',
    );
    expect(formulaWords(formula('2.6'), label)).toBe(
      '1 điểm cho mỗi mục có trong “PM kế toán”, “PM quản lý cán bộ”, “PM quản lý tài sản”, “PM chuyên ngành”, “CSDL chuyên ngành”, tối đa 3 điểm',
    );
    expect(formulaWords(formula('4.1'), label)).toBe(
      'nếu “Có kế hoạch CNTT năm” là “Có”: 2 điểm nếu “Có kế hoạch CNTT năm” là “Có”; cộng 1 điểm nếu “Ngày ban hành kế hoạch” trước hoặc đúng ngày 31/03 của năm đánh giá; nếu không: 0 điểm',
    );
    expect(formulaWords(formula('5.1'), label)).toBe(
      'theo “Cán bộ phụ trách CNTT”: chuyen_trach: 3 điểm; kiem_nhiem: 1,5 điểm; khong_co: 0 điểm',
    );
  });

  it('names the fields a formula reads, through gates and sums', () => {
    expect([...formulaFields(formula('1.3'))]).toEqual(['has_lan', 'computers_lan', 'total_computers']);
  });

  it('describes a field: its type, unit, range or options', () => {
    expect(fieldDescription(fields.get('total_computers')!)).toBe('số nguyên, máy, từ 0 đến 10.000');
    expect(fieldDescription(fields.get('dvc_level34')!)).toBe('tự tính (tổng)');
  });

  it('lists a criterion with its formula, the fields it uses and whether N/A may be claimed', () => {
    const row = criterionRow(
      {
        id: '1.3',
        name: { vi: 'Mạng LAN' },
        max: 2,
        naAllowed: true,
        naWhen: { vi: 'không có trụ sở' },
        monitored: false,
      },
      details.get('department/1.3'),
      fields,
    );
    // In the order the criterion lists its inputs.
    expect(row.uses.map((f) => f.key)).toEqual(['has_lan', 'total_computers', 'computers_lan']);
    expect(row.na).toBe('Được khai khi: không có trụ sở');
    expect(row.how).toMatch(/^nếu “Có mạng LAN” là “Có”: 2 điểm × /);
  });

  it('writes both sides of a change between versions in words', () => {
    expect(attributeName('formula')).toBe('Cách tính');
    expect(attributeName('unknownAttribute')).toBe('unknownAttribute');
    expect(changeValueText(2.5, 'max', label)).toBe('2,5');
    expect(changeValueText(null, 'max', label)).toBe('(không có)');
    expect(changeValueText(true, 'required', label)).toBe('Có');
    expect(changeValueText(['department', 'district'], 'groups', label)).toBe('department, district');
    expect(changeValueText({ when: { vi: 'không có TTHC' } }, 'notApplicable', label)).toBe(
      'được khai không áp dụng khi: không có TTHC',
    );
    expect(changeValueText({ op: 'bool', field: 'has_lan', points: 1 }, 'formula', label)).toBe(
      '1 điểm nếu “Có mạng LAN” là “Có”',
    );
  });
});

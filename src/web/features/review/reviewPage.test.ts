/** The plain modules of the review page, on one agency's data (testData.ts). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api.ts';
import { reviewAccess } from './access.ts';
import { neighbours, rememberedOrder, rememberOrder } from './agencyOrder.ts';
import { changesSince } from './changes.ts';
import { categoryRows, differingCriteria, totalMax } from './comparison.ts';
import { isNewSince, keysOf, lastVisit, recordVisit, seenKey } from './lastVisit.ts';
import { mailText, queryAbout, roleName } from './queries.ts';
import { fieldError, formError } from './serverError.ts';
import { reviewPage } from './testData.ts';
import { signedScore } from './text.ts';
import { valuesLayout } from './values.ts';
import { valueText } from './valueText.ts';

/** The browser's storage, in memory, for the modules that remember across visits. */
function fakeStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, String(v)),
  };
}
beforeEach(() => {
  Object.assign(globalThis, { localStorage: fakeStorage(), sessionStorage: fakeStorage() });
});
afterEach(() => {
  Reflect.deleteProperty(globalThis, 'localStorage');
  Reflect.deleteProperty(globalThis, 'sessionStorage');
});

describe('what a role may do on the review page', () => {
  const data = reviewPage();
  it('lets the assessor correct, ask and check the website while the cycle is under review', () => {
    expect(reviewAccess('assessor', data)).toEqual({
      staff: true,
      submitted: true,
      canEdit: true,
      canQuery: true,
      canCheckWebsite: true,
    });
  });

  it('lets the approver and the viewer only read', () => {
    for (const role of ['approver', 'viewer'] as const)
      expect(reviewAccess(role, data)).toMatchObject({
        canEdit: false,
        canQuery: false,
        canCheckWebsite: false,
      });
  });

  it('allows no correction before the report is submitted, nor anything once the result is approved', () => {
    expect(reviewAccess('assessor', { ...data, submission: null })).toMatchObject({
      canEdit: false,
      canQuery: false,
    });
    expect(reviewAccess('admin', { ...data, cycle: { ...data.cycle, state: 'open' } })).toMatchObject({
      canEdit: false,
      canQuery: true,
    });
    expect(reviewAccess('admin', { ...data, cycle: { ...data.cycle, state: 'approved' } })).toMatchObject({
      canEdit: false,
      canQuery: false,
      canCheckWebsite: false,
    });
  });
});

describe('what changed since the last visit', () => {
  const data = reviewPage();

  it('is nothing on a first visit, everything new when all is unseen', () => {
    expect(changesSince(data, isNewSince(null))).toEqual([]);
    expect(changesSince(data, isNewSince({ at: '2027-10-01T00:00:00Z', keys: new Set() }))).toEqual([
      'phiếu được nộp lại',
      '2 tin nhắn trong câu hỏi',
      '1 điều chỉnh số liệu',
      '1 quyết định "không áp dụng"',
      '1 minh chứng',
      '1 biên bản khảo sát',
    ]);
  });

  it('counts only what this computer has not seen', () => {
    const seen = new Set(keysOf(data));
    seen.delete(seenKey.message('m2'));
    expect(changesSince(data, isNewSince({ at: '2027-11-03T00:00:00Z', keys: seen }))).toEqual([
      '1 tin nhắn trong câu hỏi',
    ]);
  });

  it('remembers a visit on this computer, per agency', () => {
    expect(lastVisit('c27', 'a1')).toBeNull();
    recordVisit('c27', 'a1', data);
    const visit = lastVisit('c27', 'a1');
    expect(visit && [...visit.keys]).toEqual(keysOf(data));
    expect(lastVisit('c27', 'a2')).toBeNull();
  });
});

describe('next and previous agency', () => {
  it('follow the board’s order as last shown in this tab', () => {
    const order = [
      { id: 'a1', name: 'Công an tỉnh' },
      { id: 'a2', name: 'Đài Phát thanh' },
      { id: 'a3', name: 'Sở Y tế' },
    ];
    rememberOrder('c27', order);
    const remembered = rememberedOrder('c27') ?? [];
    expect(neighbours(remembered, 'a2')).toEqual({ prev: order[0], next: order[2] });
    expect(neighbours(remembered, 'a1')).toEqual({ prev: null, next: order[1] });
    expect(neighbours(remembered, 'zz')).toEqual({ prev: null, next: null });
    expect(rememberedOrder('c28')).toBeNull();
  });
});

describe('the comparison of self-assessed and official points', () => {
  const { comparison } = reviewPage();

  it('gives each category’s difference, official minus self', () => {
    expect(categoryRows(comparison).map((c) => [c.id, c.self, c.official, c.difference])).toEqual([
      ['1', 8.5, 7.25, -1.25],
      ['2', 1, 1, 0],
    ]);
    expect(totalMax(comparison)).toBe(45);
  });

  it('lists the criteria that differ or carry a reason', () => {
    expect(differingCriteria(comparison).map((c) => c.id)).toEqual(['1.1', '1.3']);
  });

  it('writes a difference with its sign in words, never by colour alone', () => {
    expect(signedScore(1.5)).toBe('+1,50');
    expect(signedScore(-1.25)).toBe('−1,25');
    expect(signedScore(0)).toBe('0,00');
  });
});

describe('the values section', () => {
  const data = reviewPage();
  const keys = (l: ReturnType<typeof valuesLayout>) => ({
    categories: l.categories.map((c) => [
      c.category.id,
      c.notable,
      c.criteria.map((k) => [k.criterion.id, k.fields.map((f) => f.key)]),
    ]),
    others: l.others.map((f) => f.key),
  });

  it('sets the values out by category and criterion, a shared field under each, the rest apart', () => {
    expect(keys(valuesLayout(data, { text: '', onlyChanged: false }))).toEqual({
      categories: [
        [
          '1',
          true,
          [
            ['1.1', ['total_staff', 'staff_with_computer']],
            ['1.3', ['has_lan', 'total_staff']],
          ],
        ],
      ],
      others: ['website_active', 'apps_list'],
    });
  });

  it('finds fields by words of their label, and keeps only the corrected or flagged ones when asked', () => {
    expect(keys(valuesLayout(data, { text: 'MÁY TÍNH', onlyChanged: false })).categories).toEqual([
      ['1', true, [['1.1', ['staff_with_computer']]]],
    ]);
    expect(keys(valuesLayout(data, { text: '', onlyChanged: true }))).toEqual({
      categories: [
        [
          '1',
          true,
          [
            ['1.1', ['total_staff', 'staff_with_computer']],
            ['1.3', ['total_staff']],
          ],
        ],
      ],
      others: [],
    });
    expect(keys(valuesLayout(data, { text: 'không có', onlyChanged: false }))).toEqual({
      categories: [],
      others: [],
    });
  });

  it('writes a value as a person reads it', () => {
    const f = (type: string, over = {}) => ({ type, options: null, unit: null, ...over });
    expect(valueText(f('integer'), 1234)).toBe('1.234');
    expect(valueText(f('decimal', { unit: { vi: 'Mbps' } }), 12.5)).toBe('12,5 Mbps');
    expect(valueText(f('boolean'), false)).toBe('Không');
    expect(valueText(f('date'), '2027-03-31')).toBe('31/03/2027');
    expect(valueText(f('enum', { options: [{ value: 'ftth', label: { vi: 'Cáp quang' } }] }), 'ftth')).toBe(
      'Cáp quang',
    );
    expect(valueText(f('integer'), null)).toBe('(để trống)');
  });
});

describe('queries to the agency', () => {
  it('are about a field, a criterion, or the whole report', () => {
    expect(queryAbout('f:total_staff')).toEqual({ fieldKey: 'total_staff', criterionId: null });
    expect(queryAbout('c:2.1')).toEqual({ fieldKey: null, criterionId: '2.1' });
    expect(queryAbout('')).toEqual({ fieldKey: null, criterionId: null });
  });

  it('name the author’s role in words', () => {
    expect(roleName('reporter')).toBe('cơ quan');
    expect(roleName('assessor')).toBe('thẩm định viên');
    expect(roleName('robot')).toBe('robot');
  });

  it('say what became of the e-mail to the reporters', () => {
    expect(mailText({ recipients: 2, queued: true })).toContain(
      'thư báo cho 2 người báo cáo đã vào hàng đợi',
    );
    expect(mailText({ recipients: 0, queued: false })).toContain('chưa có địa chỉ thư');
    expect(mailText({ recipients: 2, queued: false })).toContain('chưa được cấu hình gửi thư');
  });
});

describe('a refused action’s message', () => {
  const refused = new ApiError(400, 'invalid', 'Hãy ghi lý do điều chỉnh', 'reason');

  it('goes by the input the server names', () => {
    expect(fieldError(refused, 'reason')).toBe('Hãy ghi lý do điều chỉnh');
    expect(fieldError(refused, 'value')).toBeNull();
    expect(formError(refused, ['value', 'reason'])).toBeNull();
  });

  it('goes above the form when it names no input of it', () => {
    expect(formError(refused, ['subject', 'body'])).toBe(refused);
    const offline = new ApiError(0, 'network', 'Không kết nối được');
    expect(formError(offline, ['reason'])).toBe(offline);
    expect(formError(null, ['reason'])).toBeNull();
  });
});

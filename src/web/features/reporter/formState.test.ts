import { describe, expect, it } from 'vitest';
import { bundledSet } from '../../../core/criteria/bundled.ts';
import { ApiError } from '../../api.ts';
import { layoutFor } from './formModel.ts';
import {
  conflictingFields,
  effectiveValues,
  pendingPatch,
  retryDelayMs,
  saveFailure,
  settledEntries,
  typedProblems,
  valuesAfterSave,
  withoutKeys,
  withoutSettled,
} from './formState.ts';

const fields = layoutFor('cao-bang-2016', bundledSet('cao-bang-2016'), 'department').group.fieldsByKey;
const server = { total_staff: 40, total_computers: 38, has_lan: true, internet_connection_type: 'ftth' };

describe('what is wrong with what was typed, before saving', () => {
  it('names the problem of each field in Vietnamese, and nothing for valid text', () => {
    expect(
      typedProblems(fields, {
        total_staff: '12a',
        total_computers: '12,5',
        staff_with_computer: '-1',
        internet_connection_type: 'cap-quang',
        computers_lan: '1.234',
        has_lan: 'true',
        unknown_field: 'x',
      }),
    ).toEqual({
      total_staff: 'phải là một số nguyên, nhận được "12a"',
      total_computers: 'phải là số nguyên, nhận được 12,5',
      staff_with_computer: 'phải từ 0 trở lên, nhận được -1',
      internet_connection_type:
        'phải là một trong: ftth, xdsl, leased_line, mobile_3g4g, other; nhận được "cap-quang"',
    });
  });

  it('checks the range of the criteria set: at most 10.000 computers', () => {
    expect(typedProblems(fields, { total_computers: '10.001' })).toEqual({
      total_computers: 'không được lớn hơn 10.000, nhận được 10.001',
    });
  });

  it('does not call an emptied field wrong', () => {
    expect(typedProblems(fields, { total_staff: '  ' })).toEqual({});
  });
});

describe('the values the live score sees', () => {
  it('are the server’s with the typed ones on top, read the Vietnamese way', () => {
    const typed = { total_computers: '1.234', internet_bandwidth_mbps: '12,5' };
    expect(effectiveValues(server, typed, fields, typedProblems(fields, typed))).toEqual({
      ...server,
      total_computers: 1234,
      internet_bandwidth_mbps: 12.5,
    });
  });

  it('count a field emptied or typed wrong as empty, not as its old value', () => {
    const typed = { total_staff: '', total_computers: 'nhiều' };
    expect(effectiveValues(server, typed, fields, typedProblems(fields, typed))).toEqual({
      has_lan: true,
      internet_connection_type: 'ftth',
    });
  });
});

describe('what is still to save', () => {
  it('is each valid typed field that differs from the server, an emptied one as null', () => {
    const typed = {
      total_staff: '40',
      total_computers: '45',
      has_lan: 'false',
      internet_connection_type: '',
    };
    expect(pendingPatch(typed, fields, server, {})).toEqual({
      total_computers: 45,
      has_lan: false,
      internet_connection_type: null,
    });
  });

  it('holds back what is wrong here or was refused by the server until it is typed again', () => {
    const typed = { total_staff: '41', total_computers: '12a' };
    const held = { ...typedProblems(fields, typed), total_staff: 'Số CBCCVC không khớp danh sách' };
    expect(pendingPatch(typed, fields, server, held)).toEqual({});
  });

  it('settles typed text that says what the server has, unless it was typed again meanwhile', () => {
    const typed = { total_staff: '40', total_computers: '39', has_lan: 'true' };
    const settled = settledEntries(typed, fields, server, {});
    expect(settled).toEqual([
      ['total_staff', '40'],
      ['has_lan', 'true'],
    ]);
    expect(withoutSettled({ ...typed, total_staff: '401' }, settled)).toEqual({
      total_staff: '401',
      total_computers: '39',
    });
  });
});

describe('after the server took a save', () => {
  it('has the other writers’ changes it sent back, then ours, and forgets emptied fields', () => {
    const changed = { has_lan: false, total_staff: 41 };
    const sent = { total_staff: 42, internet_connection_type: null };
    expect(valuesAfterSave(server, changed, sent)).toEqual({
      total_staff: 42,
      total_computers: 38,
      has_lan: false,
    });
  });
});

describe('a save that came back 409 (someone else saved first)', () => {
  const current = {
    status: 'draft' as const,
    version: 8,
    updatedAt: '2027-10-20T03:15:00Z',
    values: { ...server, total_staff: 45, total_computers: 50, has_lan: false },
    // The server names the fields of this save that the other writer changed to another value.
    conflicts: ['total_staff', 'has_lan'],
  };

  it('is recognised with the form as it is now', () => {
    const e = new ApiError(409, 'stale', 'Phiếu đã được người khác cập nhật', undefined, undefined, current);
    expect(saveFailure(e)).toEqual({ kind: 'stale', current });
  });

  it('asks the user only about the fields this save also changed, with both values', () => {
    const typed = { total_staff: '42', internet_connection_type: 'xdsl' };
    const sent = { total_staff: 42, internet_connection_type: 'xdsl' };
    const asked = conflictingFields(current, sent, typed, fields);
    expect(asked.map((c) => ({ field: c.field.key, mine: c.mine, theirs: c.theirs }))).toEqual([
      { field: 'total_staff', mine: '42', theirs: 45 },
    ]);
  });

  it('merges the rest by itself: the other writer’s fields are taken, this user’s other edits stay on top', () => {
    const typed = { total_staff: '42', internet_connection_type: 'xdsl' };
    const values = effectiveValues(current.values, typed, fields, {});
    expect(values).toMatchObject({ total_computers: 50, has_lan: false, internet_connection_type: 'xdsl' });
    // Keeping their value for the conflicting field drops it from the overlay; the rest is still to save.
    const theirs = withoutKeys(typed, ['total_staff']);
    expect(pendingPatch(theirs, fields, current.values, {})).toEqual({ internet_connection_type: 'xdsl' });
    // Keeping mine sends it again, over theirs, with the new version.
    expect(pendingPatch(typed, fields, current.values, {})).toEqual({
      total_staff: 42,
      internet_connection_type: 'xdsl',
    });
  });
});

describe('other failed saves', () => {
  it('puts the server’s refusals by the fields it names', () => {
    const details = [{ field: 'total_staff', message: 'phải từ 1 trở lên' }, { message: 'không rõ ô nào' }];
    expect(
      saveFailure(new ApiError(400, 'invalid', 'Dữ liệu không hợp lệ', undefined, undefined, details)),
    ).toEqual({
      kind: 'refused',
      problems: { total_staff: 'phải từ 1 trở lên' },
    });
    expect(saveFailure(new ApiError(400, 'invalid', 'Quá dài', 'apps_list', undefined, []))).toEqual({
      kind: 'refused',
      problems: { apps_list: 'Quá dài' },
    });
  });

  it('stops on a refusal that trying again cannot change, and retries the network, the server and a slow-down', () => {
    expect(saveFailure(new ApiError(403, 'deadline_passed', 'Đã quá hạn nộp'))).toEqual({
      kind: 'stopped',
      message: 'Đã quá hạn nộp',
    });
    expect(saveFailure(new ApiError(0, 'network', 'Không kết nối được')).kind).toBe('retry');
    expect(saveFailure(new ApiError(503, 'unavailable', 'Máy chủ bận')).kind).toBe('retry');
    expect(saveFailure(new ApiError(429, 'rate_limited', 'Chậm lại')).kind).toBe('retry');
    expect(saveFailure(new TypeError('Failed to fetch'))).toEqual({
      kind: 'retry',
      message: 'Failed to fetch',
    });
  });

  it('waits longer after each failure in a row, at most half a minute', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(retryDelayMs)).toEqual([
      2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });
});

describe('removing keys', () => {
  it('keeps the same object when there is nothing to remove, so that React does not re-render', () => {
    const errors = { total_staff: 'x' };
    expect(withoutKeys(errors, ['has_lan'])).toBe(errors);
    expect(withoutKeys(errors, ['total_staff'])).toEqual({});
  });
});

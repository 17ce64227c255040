import { describe, expect, it } from 'vitest';
import { bundledSet } from '../../../core/criteria/bundled.ts';
import type { Finding } from '../../../core/types.ts';
import { layoutFor } from './formModel.ts';
import {
  canWithdraw,
  conflictValueText,
  findingsByField,
  queriesByTarget,
  readableFormula,
  saveStatusLine,
} from './formPage.ts';
import type { Query } from './reporterApi.ts';

const fields = layoutFor('cao-bang-2016', bundledSet('cao-bang-2016'), 'department').group.fieldsByKey;

describe('the save status line', () => {
  it('says when the form was last saved, in Vietnam time', () => {
    expect(saveStatusLine({ kind: 'saved', at: new Date('2027-10-20T07:05:00Z') }, null)).toEqual({
      text: 'Đã lưu lúc 14:05',
      bad: false,
    });
    expect(saveStatusLine({ kind: 'idle' }, '2027-10-19T01:00:00Z')).toEqual({
      text: 'Đã lưu lúc 08:00',
      bad: false,
    });
    expect(saveStatusLine({ kind: 'idle' }, null)).toEqual({
      text: 'Chưa có thay đổi nào cần lưu',
      bad: false,
    });
    expect(saveStatusLine({ kind: 'saving' }, null).text).toBe('Đang lưu…');
  });

  it('stands out when saving failed', () => {
    expect(saveStatusLine({ kind: 'retry', message: 'mạng' }, null)).toEqual({
      text: 'Chưa lưu được — sẽ thử lại',
      bad: true,
    });
    expect(saveStatusLine({ kind: 'stopped', message: 'Đã quá hạn nộp' }, null)).toEqual({
      text: 'Không lưu được: Đã quá hạn nộp',
      bad: true,
    });
  });
});

describe('what is shown by each field', () => {
  it('puts a finding under every field it involves', () => {
    const v01: Finding = {
      ruleId: 'V01',
      severity: 'error',
      message: { vi: 'Số CBCCVC có máy tính không được vượt tổng số CBCCVC', en: '' },
      fields: ['staff_with_computer', 'total_staff'],
    };
    const v12: Finding = { ...v01, ruleId: 'V12', fields: ['total_staff'] };
    const map = findingsByField([v01, v12]);
    expect(map.get('total_staff')?.map((f) => f.ruleId)).toEqual(['V01', 'V12']);
    expect(map.get('staff_with_computer')?.map((f) => f.ruleId)).toEqual(['V01']);
  });

  it('puts a query under its field or its criterion, and one about the whole form under neither', () => {
    const q = (id: string, fieldKey: string | null, criterionId: string | null) =>
      ({ id, fieldKey, criterionId, subject: id }) as Query;
    const map = queriesByTarget([q('a', 'total_staff', null), q('b', null, '2.1'), q('c', null, null)]);
    expect([...map].map(([k, list]) => [k, list.map((x) => x.id)])).toEqual([
      ['total_staff', ['a']],
      ['crit:2.1', ['b']],
    ]);
  });
});

describe('a criterion’s formula in the reporter’s words', () => {
  it('names the fields by their labels instead of their keys', () => {
    const short = (key: string) => fields.get(key)!.shortLabel?.vi ?? fields.get(key)!.label.vi;
    expect(readableFormula('computers_internet / total_computers × 4', fields)).toBe(
      `“${short('computers_internet')}” / “${short('total_computers')}” × 4`,
    );
  });

  it('leaves words that are not field keys alone', () => {
    expect(readableFormula('min(1; x) × 5 điểm', fields)).toBe('min(1; x) × 5 điểm');
  });
});

describe('the conflict dialog', () => {
  it('shows both values as the input would, and a word for an empty one', () => {
    const bandwidth = fields.get('internet_bandwidth_mbps')!;
    expect(conflictValueText(bandwidth, '12,5')).toBe('12,5');
    expect(conflictValueText(bandwidth, 1234.5)).toBe('1234,5');
    expect(conflictValueText(bandwidth, null)).toBe('(trống)');
    expect(conflictValueText(bandwidth, '')).toBe('(trống)');
  });
});

describe('withdrawing a submitted form', () => {
  const cycle = {
    id: 'c',
    year: 2027,
    title: '',
    state: 'open' as const,
    deadline: '',
    deadlineVn: '',
    deadlinePassed: false,
  };

  it('is possible while the cycle is open and before the deadline', () => {
    expect(canWithdraw({ status: 'submitted', cycle })).toBe(true);
    expect(canWithdraw({ status: 'submitted', cycle: { ...cycle, deadlinePassed: true } })).toBe(false);
    expect(canWithdraw({ status: 'submitted', cycle: { ...cycle, state: 'closed' } })).toBe(false);
    expect(canWithdraw({ status: 'draft', cycle })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { bundledSet } from '../../../core/criteria/bundled.ts';
import { layoutFor, parseTyped, problemOf, recompute, showValue } from './formModel.ts';

const SET = bundledSet('cao-bang-2016');
const layout = layoutFor('cao-bang-2016', SET, 'department');
const field = (key: string) => layout.group.fieldsByKey.get(key)!;
const DEADLINE = Date.parse('2027-11-01T00:00:00+07:00');

describe('the form laid out from the criteria set', () => {
  it('has a section per category, in order, with its maximum', () => {
    expect(layout.sections.map((s) => [s.id, s.maxHundredths])).toEqual([
      ['1', 2000],
      ['2', 2500],
      ['3', 2000],
      ['4', 2500],
      ['5', 1000],
    ]);
  });

  it('shows each field once, under the first criterion that reads it, and names it under the later ones', () => {
    const block = (id: string) =>
      layout.sections.flatMap((s) => s.blocks).find((b) => b.criterion.id === id)!;
    expect(block('1.1').fields.map((f) => f.key)).toEqual(['total_staff', 'staff_with_computer']);
    expect(block('2.1').fields.map((f) => f.key)).toEqual(['qlvb_deployed', 'qlvb_user_accounts']);
    expect(block('2.1').sharedFields.map((f) => f.key)).toEqual(['total_staff']);
    expect(layout.agencyFields.filter((f) => f.key === 'total_staff')).toHaveLength(1);
  });

  it('says which criteria a field feeds, for "feeds criteria 1.1, 2.1, …"', () => {
    expect(layout.feeds.get('total_staff')).toEqual(['1.1', '2.1', '2.4', '5.3', '5.4']);
  });

  it('puts the agency’s fields no criterion reads first, and leaves the department’s monitoring off the form', () => {
    expect(layout.general.map((f) => f.key)).toEqual([
      'report_year',
      'internet_bandwidth_mbps',
      'internet_connection_type',
    ]);
    expect(layout.agencyFields.slice(0, 4).map((f) => f.key)).toEqual([
      'report_year',
      'internet_bandwidth_mbps',
      'internet_connection_type',
      'total_staff',
    ]);
    expect(layout.agencyFields.some((f) => f.source !== 'agency')).toBe(false);
    expect(layout.agencyFields.map((f) => f.key)).not.toContain('website_active');
  });

  it('compiles a criteria version once, and refuses a group the set does not have', () => {
    expect(layoutFor('cao-bang-2016', SET, 'district').compiled).toBe(layout.compiled);
    expect(() => layoutFor('cao-bang-2016', SET, 'ministry')).toThrow(
      'group ministry not in criteria version',
    );
  });
});

describe('what was typed, read as the server stores it', () => {
  it('reads numbers the Vietnamese way, yes/no as booleans, text as it is', () => {
    expect(parseTyped(field('total_computers'), '1.234')).toBe(1234);
    expect(parseTyped(field('internet_bandwidth_mbps'), '12,5')).toBe(12.5);
    expect(parseTyped(field('has_lan'), 'false')).toBe(false);
    expect(parseTyped(field('apps_list'), '  Phần mềm kế toán  ')).toBe('Phần mềm kế toán');
    expect(parseTyped(field('total_staff'), '  ')).toBeNull();
  });

  it('keeps text that is not a number, so that its problem can be named', () => {
    expect(parseTyped(field('total_staff'), '12a')).toBe('12a');
    expect(problemOf(field('total_staff'), '12a')?.vi).toBe('phải là một số nguyên, nhận được "12a"');
  });

  it('checks the field’s own rules before saving: whole numbers, the range, the options', () => {
    expect(problemOf(field('total_staff'), '0')?.vi).toBe('phải từ 1 trở lên, nhận được 0');
    expect(problemOf(field('total_staff'), '12,5')?.vi).toBe('phải là số nguyên, nhận được 12,5');
    expect(problemOf(field('internet_connection_type'), 'ftth')).toBeNull();
    expect(problemOf(field('total_staff'), '')).toBeNull();
  });

  it('shows a stored value in its input so that it reads back unchanged', () => {
    expect(showValue(field('internet_bandwidth_mbps'), 1234.5)).toBe('1234,5');
    expect(showValue(field('has_lan'), true)).toBe('true');
    expect(showValue(field('total_staff'), null)).toBe('');
    for (const v of [0, 40, 12.5, 1234.5])
      expect(
        parseTyped(field('internet_bandwidth_mbps'), showValue(field('internet_bandwidth_mbps'), v)),
      ).toBe(v);
  });
});

describe('the live self-score', () => {
  it('scores with the core and explains each criterion in words', () => {
    const live = recompute(layout, { total_staff: 40, staff_with_computer: 38 }, [], 2027, DEADLINE, 'STTTT');
    const c = live.score.criteria.find((x) => x.id === '1.1')!;
    expect([c.points, c.max]).toEqual([475, 500]);
    expect(c.explanation?.vi).toBe('min(1; 38/40) × 5 = 4,75 điểm');
  });

  // The self-score is the agency's own assessment (interchange.md, "The self-score"): a claim the
  // department rejects still counts in it, and shows as a difference with its reason beside the
  // official score — the same number on the form, the receipt and the review page.
  it('counts every "not applicable" claim the agency made, rejected ones too', () => {
    const points = (status: string) =>
      recompute(
        layout,
        {},
        [{ criterionId: '3.8', reason: 'Không có dự án', status }],
        2027,
        DEADLINE,
        'STTTT',
      ).score.criteria.find((x) => x.id === '3.8')!.points;
    expect(points('claimed')).toBe(100);
    expect(points('confirmed')).toBe(100);
    expect(points('rejected')).toBe(100);
  });

  it('runs the logic checks on what is typed, leaving out those that need the form submitted', () => {
    const live = recompute(layout, { total_staff: 40, staff_with_computer: 50 }, [], 2027, DEADLINE, 'STTTT');
    expect(live.findings.map((f) => [f.ruleId, f.severity, f.message.vi, f.fields])).toEqual([
      [
        'V01',
        'error',
        'Số CBCCVC có máy tính không được vượt tổng số CBCCVC',
        ['staff_with_computer', 'total_staff'],
      ],
    ]);
    expect([...layout.submissionOnlyRules]).toEqual(['V38']);
  });
});

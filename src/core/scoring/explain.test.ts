import { describe, expect, it } from 'vitest';
import { perfectValues } from '../../../test/builders.ts';
import { bundledCompiledSet } from '../criteria/bundled.ts';
import { scoreAgency } from './score.ts';

const set = bundledCompiledSet('cao-bang-2016')!;
const YEAR = 2017;

/** Scores one agency with explanations and returns one criterion's result. */
function explain(
  group: string,
  id: string,
  values: Record<string, unknown>,
  extra: Parameters<typeof scoreAgency>[1] extends infer T ? Partial<T> : never = {},
) {
  const s = scoreAgency(
    set,
    { group, values: { ...perfectValues(set, group, YEAR), ...values }, ...extra },
    YEAR,
    { explain: true },
  );
  return s.criteria.find((k) => k.id === id)!;
}

describe('explanations a reporter can check by hand', () => {
  it('shows a ratio with its numbers, as the issue example', () => {
    const k = explain('department', '1.1', { total_staff: 40, staff_with_computer: 38 });
    expect(k.points).toBe(475);
    expect(k.explanation).toEqual({
      vi: 'min(1; 38/40) × 5 = 4,75 điểm',
      en: 'min(1, 38/40) × 5 = 4.75 points',
    });
  });

  it('shows the one rounding when it changes the value: 1,005 ≈ 1,01', () => {
    const k = explain('district', '2.4', { total_staff: 200, email_accounts: 134, email_regular_users: 0 });
    expect(k.points).toBe(101);
    expect(k.explanation!.vi).toBe('min(1; 134/200) × 1,5 + min(1; 0/200) × 1,5 = 1,005 ≈ 1,01 điểm');
  });

  it('caps a share at 100%', () => {
    const k = explain('department', '1.1', { total_staff: 40, staff_with_computer: 45 });
    expect(k.points).toBe(500);
    expect(k.explanation!.vi).toBe('min(1; 45/40) × 5 = 5 điểm');
  });

  it('says what a zero denominator earns', () => {
    expect(explain('department', '4.7', { reports_required: 0, reports_on_time: 0 }).explanation!.vi).toBe(
      'Báo cáo được yêu cầu = 0 (mẫu số bằng 0, tính tối đa) → 4 điểm',
    );
    expect(explain('district', '1.8', { commune_count: 0, communes_broadband: 0 }).explanation!.vi).toEqual(
      expect.stringMatching(/ = 0 \(mẫu số bằng 0\) → 0 điểm$/),
    );
  });

  it('names yes/no items and options by their short labels', () => {
    expect(explain('department', '1.4', { tslcd_connected: false }).explanation!.vi).toMatch(
      /: không → 0 điểm$/,
    );
    expect(explain('department', '5.1', { it_staff_status: 'kiem_nhiem' }).explanation).toEqual({
      vi: expect.stringMatching(/: Kiêm nhiệm → 1,5 điểm$/),
      en: expect.stringMatching(/→ 1\.5 points$/),
    });
  });

  it('shows which tier a number reached', () => {
    expect(explain('department', '3.3', { ws_news_per_month: 5.5 }).explanation!.vi).toMatch(
      /= 5,5 ≥ 4 → 1 điểm$/,
    );
    expect(explain('department', '3.3', { ws_news_per_month: 0.5 }).explanation!.vi).toMatch(
      /= 0,5 < 1 → 0 điểm$/,
    );
  });

  it('counts the measures in place', () => {
    const k = explain('department', '1.6', { sec_firewall: true, sec_backup: false, sec_other: true });
    expect(k.points).toBe(200);
    expect(k.explanation!.vi).toMatch(/^2\/3 mục đạt \(.+, .+\) × 1 = 2 điểm$/);
  });

  it('explains a closed gate and a plan dated after the deadline', () => {
    expect(explain('department', '1.3', { has_lan: false }).explanation!.vi).toMatch(/: không → 0 điểm$/);
    const k = explain('department', '4.1', { it_plan_date: '2017-04-01' });
    expect(k.points).toBe(200);
    expect(k.explanation!.vi).toMatch(/01\/04\/2017 > 31\/03\/2017 → 0\] = 2 điểm$/);
  });

  it('explains the reviewer mark, confirmed N/A and the website checks', () => {
    expect(explain('department', '4.8', { data_quality_points: 1.5 }).explanation!.vi).toBe(
      'Sở TT&TT chấm 1,5 (thang 0–2) = 1,5 điểm',
    );
    expect(
      explain('department', '2.7', { has_tthc: false }, { notApplicable: ['2.7'] }).explanation!.vi,
    ).toBe('Không áp dụng (đã được xác nhận) → điểm tối đa 3 điểm');
    const k = explain(
      'department',
      '3.5',
      {},
      {
        websiteChecks: [
          { values: { ws_law_propaganda: true } },
          { values: { ws_law_propaganda: false } },
          { values: { website_active: false } },
        ],
      },
    );
    expect(k.basis).toBe('website_checks');
    expect(k.points).toBe(33);
    expect(k.explanation!.vi).toMatch(
      /^Trung bình 3 lần kiểm tra trang TTĐT: \(1 \+ 0 \+ 0\) \/ 3 = 0,3333… ≈ 0,33 điểm — 1\) /,
    );
  });

  it('says a missing value scores 0 on a draft', () => {
    const values = perfectValues(set, 'department', YEAR);
    delete values.staff_with_computer;
    const s = scoreAgency(set, { group: 'department', values }, YEAR, { explain: true });
    expect(s.criteria[0]!.points).toBe(0);
    expect(s.criteria[0]!.explanation!.vi).toMatch(/chưa có số liệu → 0 điểm$/);
  });
});

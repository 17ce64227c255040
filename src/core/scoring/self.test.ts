import { describe, expect, it } from 'vitest';
import { formValues, perfectWebsite } from '../../../test/fixtures.ts';
import { bundledCompiledSet } from '../criteria/bundled.ts';
import { scoreAgency } from './score.ts';
import { awaitingWebsite, scoreSelf, websiteNote } from './self.ts';

const SET = bundledCompiledSet('cao-bang-2016')!;
const at = (iso: string) => Date.parse(iso);
const values = formValues('department');
const category3 = (s: { categories: readonly { id: string; points: number }[] }) =>
  s.categories.find((c) => c.id === '3')!.points;
const criterion = (
  s: { criteria: readonly { id: string; points: number; explanation?: { vi: string } }[] },
  id: string,
) => s.criteria.find((c) => c.id === id)!;

describe('the self-score (interchange.md, "The self-score")', () => {
  it('takes the website from the latest check, not the mean, and says so', () => {
    const good = { checkedAt: at('2017-09-15T09:00:00+07:00'), values: perfectWebsite('department') };
    const bad = {
      checkedAt: at('2017-03-15T09:00:00+07:00'),
      values: { ...perfectWebsite('department'), website_active: false },
    };
    const self = scoreSelf(
      SET,
      { group: 'department', values, claimed: [], websiteChecks: [good, bad] },
      2017,
      {
        explain: true,
      },
    );
    expect(category3(self)).toBe(2000);
    expect(self.websiteCheck).toBe(good);
    expect(awaitingWebsite(self, '3')).toBe(false);
    expect(criterion(self, '3.5').explanation!.vi).toBe(
      'Phổ biến pháp luật: có → 1 điểm (cơ quan chưa tự đánh giá, lấy theo lần kiểm tra trang TTĐT gần nhất của Sở TT&TT ngày 15/09/2017)',
    );
    // The official score averages both checks.
    const official = scoreAgency(SET, { group: 'department', values, websiteChecks: [good, bad] }, 2017);
    expect(category3(official)).toBe(1000);
  });

  it('words a claimed criterion by the claim’s state: a pending one is not said to be confirmed', () => {
    const id = [...SET.groupsById.get('department')!.criteria].find((k) => k.naAllowed)!.id;
    const explain = (status?: 'claimed' | 'confirmed' | 'rejected') =>
      criterion(
        scoreSelf(
          SET,
          {
            group: 'department',
            values,
            claimed: [id],
            claimStatuses: status ? new Map([[id, status]]) : undefined,
          },
          2017,
          { explain: true },
        ),
        id,
      ).explanation!.vi;
    expect(explain('claimed')).toMatch(
      /^Cơ quan khai không áp dụng, đang chờ Sở quyết định → tự chấm điểm tối đa/,
    );
    expect(explain()).toMatch(/đang chờ Sở quyết định/);
    expect(explain('confirmed')).toMatch(/^Cơ quan khai không áp dụng, Sở TT&TT đã xác nhận → điểm tối đa/);
    expect(explain('rejected')).toMatch(/Sở TT&TT không chấp nhận; điểm tự chấm vẫn tính điểm tối đa/);
    for (const s of ['claimed', 'rejected'] as const) expect(explain(s)).not.toMatch(/đã được xác nhận/);
  });

  it('uses what the agency states about its own website before any check', () => {
    const check = { checkedAt: at('2017-09-15T09:00:00+07:00'), values: perfectWebsite('department') };
    const self = scoreSelf(
      SET,
      {
        group: 'department',
        values,
        claimed: [],
        stated: { ws_law_propaganda: false },
        websiteChecks: [check],
      },
      2017,
      { explain: true },
    );
    expect(criterion(self, '3.5').points).toBe(0);
    // Whether the site is reachable (the category's gate) still comes from the check.
    expect(criterion(self, '3.5').explanation!.vi).toBe(
      'Phổ biến pháp luật: không → 0 điểm (theo cơ quan tự đánh giá; phần cơ quan chưa nêu lấy theo lần kiểm tra trang TTĐT gần nhất ngày 15/09/2017)',
    );
    expect(self.websiteSources.get('3.5')).toBe('stated_and_check');
    const all = scoreSelf(
      SET,
      {
        group: 'department',
        values,
        claimed: [],
        stated: perfectWebsite('department'),
        websiteChecks: [check],
      },
      2017,
      { explain: true },
    );
    expect(criterion(all, '3.5').explanation!.vi).toBe(
      'Phổ biến pháp luật: có → 1 điểm (theo cơ quan tự đánh giá trang TTĐT)',
    );
    expect(criterion(self, '3.6').points).toBe(100);
  });

  it('never shows the website as a bare 0: without a check or a statement it says why', () => {
    const self = scoreSelf(SET, { group: 'department', values, claimed: [] }, 2017, { explain: true });
    expect(category3(self)).toBe(0);
    expect(criterion(self, '3.1').explanation!.vi).toBe(
      'Chưa có lần kiểm tra trang TTĐT nào và cơ quan chưa tự đánh giá → 0 điểm',
    );
    expect(self.websiteSources.get('3.1')).toBe('none');
    expect(awaitingWebsite(self, '3')).toBe(true);
    expect(awaitingWebsite(self, '1')).toBe(false);
    expect(websiteNote(self)!.vi).toBe(
      'Tiêu chí chấm qua trang TTĐT: chưa có lần kiểm tra trang TTĐT nào và cơ quan chưa tự đánh giá.',
    );
  });

  it('counts every claim the agency made and leaves out the department’s marks', () => {
    const own = { ...values, data_quality_points: 2 };
    const self = scoreSelf(SET, { group: 'department', values: own, claimed: ['3.8'] }, 2017);
    expect(criterion(self, '3.8').points).toBe(100);
    expect(criterion(self, '4.8').points).toBe(0);
  });
});

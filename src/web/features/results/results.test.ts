/** The results screens' plain modules, on a small published result (testData.ts). */
import { afterEach, describe, expect, it } from 'vitest';
import type { Cycle } from '../../api.ts';
import { setLang } from '../../i18n/messages.ts';
import { approvalActions, reviewCompleteness, stateHelp } from './approval.ts';
import { linear } from './charts/scale.ts';
import { classColour, classThresholds, sortedClasses } from './classBands.ts';
import {
  byTotal,
  categoriesByLoss,
  categoryAverages,
  changeText,
  classCounts,
  classDistribution,
  groupMax,
} from './figures.ts';
import { earlierPublished, pointsOf } from './history.ts';
import { agencyLink, previewMode, rankingLink, readableAgencyLink } from './mode.ts';
import { CLASSES, rankingRow, results } from './testData.ts';

afterEach(() => setLang('vi'));

describe('which result a reader sees', () => {
  const underReview = { state: 'under_review' as const };

  it('is the provisional ranking for the staff while the cycle is under review or approved, unless they ask for the published one', () => {
    expect(previewMode({ role: 'assessor' }, underReview, null)).toEqual({ preview: true, canPreview: true });
    expect(previewMode({ role: 'approver' }, { state: 'approved' }, 'tam-tinh')).toEqual({
      preview: true,
      canPreview: true,
    });
    expect(previewMode({ role: 'admin' }, underReview, 'cong-bo')).toEqual({
      preview: false,
      canPreview: true,
    });
  });

  it('is never the provisional one for an agency or a viewer, nor once published', () => {
    expect(previewMode({ role: 'reporter' }, underReview, 'tam-tinh').preview).toBe(false);
    expect(previewMode({ role: 'viewer' }, underReview, null).preview).toBe(false);
    expect(previewMode({ role: 'admin' }, { state: 'published' }, 'tam-tinh').canPreview).toBe(false);
    expect(previewMode({ role: 'admin' }, undefined, null).canPreview).toBe(false);
  });

  it('stays the same from the ranking to an agency’s page and back', () => {
    expect(agencyLink('c1', 'a9', true)).toBe('/ky/c1/ket-qua/a9?ban=tam-tinh');
    expect(agencyLink('c1', 'a9', false)).toBe('/ky/c1/ket-qua/a9');
    expect(rankingLink('c1', true)).toBe('/ky/c1/ket-qua?ban=tam-tinh');
  });

  it('links an agency reporter only to their own agency’s page', () => {
    const reporter = { role: 'reporter' as const, agencyId: 'a1' };
    expect(readableAgencyLink(reporter, 'c1', 'a1', false)).toBe('/ky/c1/ket-qua/a1');
    expect(readableAgencyLink(reporter, 'c1', 'a2', false)).toBeNull();
    expect(readableAgencyLink({ role: 'viewer', agencyId: null }, 'c1', 'a2', false)).toBe(
      '/ky/c1/ket-qua/a2',
    );
  });
});

describe('an agency’s years', () => {
  it('takes each year’s standing by the agency’s code, ranked or not and why', () => {
    const docs = [results(2025), results(2026)];
    expect(pointsOf(docs, 'SYT')).toEqual([
      { year: 2025, total: 70, label: 'Khá', rank: 2, of: 3 },
      { year: 2026, total: 70, label: 'Khá', rank: 2, of: 3 },
    ]);
    expect(pointsOf([results(2026)], 'SNV')).toEqual([
      { year: 2026, total: null, label: 'Không xếp hạng: Nộp muộn', rank: null, of: 3 },
    ]);
    expect(pointsOf(docs, 'XYZ')).toEqual([]);
  });

  it('adds the years of its predecessors, each labelled, and never drops one', () => {
    const docs = [results(2025), results(2026)];
    const merged = [
      { code: 'SYT', label: { vi: 'Sở Y tế (đã sáp nhập vào Sở mới từ 01/01/2026)' } },
      { code: 'SNV', label: { vi: 'Sở Nội vụ (đã sáp nhập vào Sở mới từ 01/01/2026)' } },
    ];
    expect(pointsOf(docs, 'NEW', merged)).toEqual([
      { year: 2025, total: 70, label: 'Khá', rank: 2, of: 3, via: merged[0]!.label.vi },
      {
        year: 2025,
        total: null,
        label: 'Không xếp hạng: Nộp muộn',
        rank: null,
        of: 3,
        via: merged[1]!.label.vi,
      },
      { year: 2026, total: 70, label: 'Khá', rank: 2, of: 3, via: merged[0]!.label.vi },
      {
        year: 2026,
        total: null,
        label: 'Không xếp hạng: Nộp muộn',
        rank: null,
        of: 3,
        via: merged[1]!.label.vi,
      },
    ]);
  });

  it('counts only the published years before the one shown', () => {
    const cycle = (year: number, state: Cycle['state']) => ({ year, state }) as Cycle;
    const cycles = [
      cycle(2024, 'published'),
      cycle(2025, 'approved'),
      cycle(2026, 'published'),
      cycle(2027, 'published'),
    ];
    expect(earlierPublished(cycles, 2027).map((c) => c.year)).toEqual([2024, 2026]);
    expect(earlierPublished(cycles, undefined)).toEqual([]);
  });
});

describe('a group’s figures', () => {
  const group = results(2026).groups[0]!;

  it('has the categories’ maxima as its highest total, and averages per category to the hundredth', () => {
    expect(groupMax(group)).toBe(100);
    // (50.25 + 40 + 45.33) / 3 = 45.1933…; (38.25 + 30 + 24.67) / 3 = 30.9733…
    expect(categoryAverages(group)).toEqual(
      new Map([
        ['1', 45.19],
        ['2', 30.97],
      ]),
    );
    expect(categoryAverages({ ...group, ranking: [] }).get('1')).toBe(0);
  });

  it('counts the agencies per class, highest class first, in words for the text alternative', () => {
    expect(classDistribution(group.ranking, CLASSES).map((x) => [x.band.id, x.n])).toEqual([
      ['tot', 1],
      ['kha', 2],
      ['trung_binh', 0],
      ['duoi_trung_binh', 0],
    ]);
    expect(classCounts(group.ranking, CLASSES)).toBe('1 Tốt, 2 Khá');
    setLang('en');
    expect(classCounts(group.ranking, CLASSES)).toBe('1 Good, 2 Fair');
  });

  it('orders the totals highest first, ties by rank', () => {
    const rows = [
      rankingRow('B', 3, 70, 'kha', [40, 30]),
      rankingRow('A', 2, 70, 'kha', [40, 30]),
      group.ranking[0]!,
    ];
    expect(byTotal(rows).map((r) => r.code)).toEqual(['STC', 'A', 'B']);
  });
});

describe('one agency’s page', () => {
  it('orders the categories by the points lost, biggest first', () => {
    const a = {
      ranked: true,
      categories: [
        { id: '1', name: { vi: 'Hạ tầng' }, max: 20, points: 18.5, groupAverage: 15 },
        { id: '2', name: { vi: 'Ứng dụng' }, max: 25, points: 17.25, groupAverage: null },
        { id: '3', name: { vi: 'Trang TTĐT' }, max: 20, points: null, groupAverage: 12 },
      ],
    };
    expect(categoriesByLoss(a).map((c) => [c.id, c.lost])).toEqual([
      ['3', 20],
      ['2', 7.75],
      ['1', 1.5],
    ]);
    expect(categoriesByLoss({ ...a, ranked: false })).toEqual([]);
  });

  it('writes the change since last year with its sign', () => {
    expect(changeText(2.5)).toBe('+2,50');
    expect(changeText(-1)).toBe('-1,00');
    expect(changeText(0)).toBe('0,00');
  });
});

describe('the classes as drawn', () => {
  it('go from the highest threshold down, and a chart marks those inside its scale', () => {
    expect(sortedClasses(CLASSES).map((c) => c.id)).toEqual(['tot', 'kha', 'trung_binh', 'duoi_trung_binh']);
    expect(classThresholds(CLASSES, 100).map((c) => c.min)).toEqual([85, 50, 65]);
    expect(classThresholds(CLASSES, 70).map((c) => c.min)).toEqual([50, 65]);
  });

  it('take their colour by their place, whatever their ids', () => {
    expect(classColour(CLASSES, 'tot').fg).toBe('#135200');
    expect(classColour(CLASSES, 'duoi_trung_binh').fg).toBe('#a61d24');
    expect(classColour(CLASSES, 'unknown')).toEqual(classColour(CLASSES, 'tot'));
  });

  it('are placed on a chart’s scale, a value outside it at its edge', () => {
    const x = linear(100, 400);
    expect([x(0), x(50), x(100), x(120), x(-5)]).toEqual([0, 200, 400, 400, 0]);
    expect(linear(0, 400)(10)).toBe(0);
  });
});

describe('the approval page', () => {
  it('offers each decision to the approver in its state, and the administrator only the reopening', () => {
    expect(approvalActions('approver', 'under_review')).toEqual({
      approve: true,
      publish: false,
      returnForReview: false,
      revise: false,
    });
    expect(approvalActions('approver', 'approved')).toMatchObject({ publish: true, returnForReview: true });
    expect(approvalActions('admin', 'approved')).toMatchObject({ publish: false, returnForReview: false });
    expect(approvalActions('admin', 'published')).toMatchObject({ revise: true, approve: false });
    expect(approvalActions('assessor', 'published').revise).toBe(false);
  });

  it('explains the state in a sentence', () => {
    expect(stateHelp('approved')).toMatch(/^Kết quả đã được phê duyệt, chưa công bố/);
    expect(stateHelp('open')).toBe(stateHelp('draft'));
  });

  it('says how far the review has got', () => {
    const agency = (reviewState: string, openQueries = 0, pendingClaims = 0) =>
      ({ reviewState, openQueries, pendingClaims }) as never;
    const board = {
      agencies: [
        agency('reviewed'),
        agency('reviewed', 1),
        agency('in_review', 2, 1),
        agency('to_review'),
        agency('not_submitted', 5),
      ],
    };
    const c = reviewCompleteness(board);
    expect([c.reviewed, c.submitted, c.missing, c.openQueries, c.pendingClaims, c.percent]).toEqual([
      2, 4, 1, 3, 1, 50,
    ]);
    expect(c.pending).toHaveLength(2);
    expect(reviewCompleteness({ agencies: [] }).percent).toBe(0);
  });
});

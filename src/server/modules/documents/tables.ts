/**
 * The pieces the report, the decision and the notices share: points as people read them, the
 * ranking table of a group, the agencies not ranked and why, the category analysis, the method.
 */
import type { CompiledSet } from '../../../core/criteria/compile.ts';
import { formatPoints, formatPointsFixed } from '../../../core/format.ts';
import { hundredthsOf } from '../results/export-formats.ts';
import type { PublicationDecision, ResultGroup, SnapshotContent } from '../results/results.schema.ts';
import { type Bar, type Block, ddmmyyyy, paragraph } from './model.ts';

/** Points with two decimals: "87,25". */
export const pts = (p: number): string => formatPointsFixed(hundredthsOf(p), 'vi');
/** A maximum in a column header, without trailing zeros: "20", "12,5" (narrow columns). */
const maxPts = (p: number): string => formatPoints(hundredthsOf(p), 'vi');
/** A signed change: "+2,50", "-1,00", "0,00". */
export const change = (h: number): string => `${h > 0 ? '+' : ''}${formatPointsFixed(h, 'vi')}`;

/** "Quyết định số 125/QĐ-UBND ngày 04/12/2026", or a blank to fill in by hand. */
export const decisionRef = (d: PublicationDecision | null): string =>
  d ? `Quyết định số ${d.number} ngày ${ddmmyyyy(d.date)}` : 'Quyết định số …… ngày ……';

/** The ranking of a group: rank, agency, each category, total, class. */
export function rankingTable(g: ResultGroup): Block {
  return {
    kind: 'table',
    columns: [
      // "Hạng" must fit its column on one line at 12 pt with the cell's padding.
      { title: 'Hạng', width: 8, align: 'center' },
      { title: 'Cơ quan', width: 25 },
      ...g.categories.map((c) => ({
        title: `HM${c.id} (${maxPts(c.max)})`,
        width: 8,
        align: 'right' as const,
      })),
      { title: 'Tổng điểm', width: 9, align: 'right' },
      { title: 'Xếp loại', width: 10, align: 'center' },
    ],
    rows: g.ranking.map((r) => [
      String(r.rank),
      r.name,
      ...g.categories.map((c) => pts(r.categories.find((x) => x.id === c.id)?.points ?? 0)),
      pts(r.total),
      r.classLabel.vi,
    ]),
  };
}

/** The agencies of a group that are not ranked, and why (R9). */
export function notRankedTable(g: ResultGroup): Block {
  return {
    kind: 'table',
    columns: [
      { title: 'STT', width: 5, align: 'center' },
      { title: 'Cơ quan', width: 40 },
      { title: 'Lý do không xếp hạng', width: 30 },
    ],
    rows: g.notRanked.map((n, i) => [String(i + 1), n.name, n.reasonLabel.vi]),
  };
}

/** The group's categories: mean, best, weakest, and change of the mean from last year. */
export interface CategoryStats {
  readonly id: string;
  readonly name: string;
  readonly max: number;
  readonly mean: number | null;
  readonly best: { name: string; points: number } | null;
  readonly weakest: { name: string; points: number } | null;
  /** Hundredths; null without last year's group. */
  readonly change: number | null;
}

/** The mean of a category over the ranked agencies of a group, in hundredths (half up). */
function meanHundredths(g: ResultGroup, categoryId: string): number | null {
  if (!g.ranking.length) return null;
  let sum = 0;
  for (const r of g.ranking) sum += hundredthsOf(r.categories.find((x) => x.id === categoryId)?.points ?? 0);
  return Math.round(sum / g.ranking.length);
}

export function categoryStats(g: ResultGroup, previous: ResultGroup | undefined): CategoryStats[] {
  return g.categories.map((c) => {
    let best: CategoryStats['best'] = null;
    let weakest: CategoryStats['weakest'] = null;
    for (const r of g.ranking) {
      const p = r.categories.find((x) => x.id === c.id)?.points ?? 0;
      if (!best || p > best.points) best = { name: r.name, points: p };
      if (!weakest || p < weakest.points) weakest = { name: r.name, points: p };
    }
    const mean = meanHundredths(g, c.id);
    const before = previous?.categories.some((x) => x.id === c.id) ? meanHundredths(previous, c.id) : null;
    return {
      id: c.id,
      name: c.name.vi,
      max: c.max,
      mean: mean === null ? null : mean / 100,
      best,
      weakest,
      change: mean === null || before === null ? null : mean - before,
    };
  });
}

export function categoryTable(stats: readonly CategoryStats[], hasPrevious: boolean): Block {
  return {
    kind: 'table',
    columns: [
      { title: 'Hạng mục', width: 24 },
      { title: 'Tối đa', width: 7, align: 'right' },
      { title: 'Trung bình', width: 8, align: 'right' },
      { title: 'Cao nhất', width: 20 },
      { title: 'Thấp nhất', width: 20 },
      { title: 'So với năm trước', width: 9, align: 'right' },
    ],
    rows: stats.map((s) => [
      `HM${s.id}. ${s.name}`,
      pts(s.max),
      s.mean === null ? '—' : pts(s.mean),
      s.best ? `${s.best.name} (${pts(s.best.points)})` : '—',
      s.weakest ? `${s.weakest.name} (${pts(s.weakest.points)})` : '—',
      s.change === null ? (hasPrevious ? 'mới' : '—') : change(s.change),
    ]),
  };
}

/** The category means as a share of their maximum: where the group is strong and weak. */
export function categoryChart(groupName: string, stats: readonly CategoryStats[]): Block {
  const bars: Bar[] = stats.map((s) => ({
    label: `HM${s.id}. ${s.name}`,
    value: s.mean ?? 0,
    max: s.max,
    shown: s.mean === null ? '—' : `${pts(s.mean)}/${pts(s.max)}`,
  }));
  return { kind: 'chart', title: `Điểm trung bình theo hạng mục — ${groupName}`, bars };
}

/** How many ranked agencies fall in each class. */
export function classChart(content: SnapshotContent, g: ResultGroup): Block {
  const n = g.ranking.length;
  const bars: Bar[] = [...content.classes]
    .sort((a, b) => b.min - a.min)
    .map((c) => {
      const count = g.ranking.filter((r) => r.class === c.id).length;
      return { label: c.label.vi, value: count, max: n, shown: `${count}/${n}` };
    });
  return { kind: 'chart', title: `Số cơ quan theo xếp loại — ${g.name.vi}`, bars };
}

/** The method: categories and criteria with their maxima per group, classes, ranking rules. */
export function methodBlocks(content: SnapshotContent, set: CompiledSet): Block[] {
  const out: Block[] = [
    paragraph(
      `Kết quả được tính theo Bộ tiêu chí ${content.criteria.title} (mã ${content.criteria.setId}, phiên bản ${content.criteria.version}) ban hành kèm theo Quyết định số 2310/QĐ-UBND ngày 02/12/2016 của UBND tỉnh Cao Bằng. Mỗi tiêu chí được chấm theo công thức công khai trên số liệu đã thẩm định, làm tròn đến hai chữ số thập phân; điểm hạng mục là tổng điểm các tiêu chí, tổng điểm là tổng điểm các hạng mục.`,
    ),
    paragraph(
      'Cơ quan được xếp hạng trong nhóm của mình theo tổng điểm từ cao xuống thấp; cơ quan bằng điểm nhau đứng cùng hạng. Cơ quan nộp báo cáo sau hạn hoặc không nộp không được xếp hạng.',
    ),
    paragraph(
      `Xếp loại theo tổng điểm: ${[...content.classes]
        .sort((a, b) => b.min - a.min)
        .map((c) => (c.min > 0 ? `${c.label.vi} từ ${pts(c.min)} điểm` : `${c.label.vi} dưới mức trên`))
        .join('; ')}.`,
    ),
  ];
  for (const g of content.groups) {
    const compiled = set.groupsById.get(g.id);
    out.push({ kind: 'heading', text: `Nhóm ${g.name.vi}` });
    out.push({
      kind: 'table',
      columns: [
        { title: 'Mã', width: 6 },
        { title: 'Hạng mục / tiêu chí', width: 50 },
        { title: 'Điểm tối đa', width: 10, align: 'right' },
      ],
      rows: g.categories.flatMap((c, ci) => [
        [`HM${c.id}`, c.name.vi.toUpperCase(), pts(c.max)],
        ...(compiled?.criteria ?? [])
          .filter((k) => k.categoryIndex === ci)
          .map((k) => [k.id, k.def.name.vi, formatPointsFixed(k.maxHundredths, 'vi')]),
      ]),
    });
  }
  return out;
}

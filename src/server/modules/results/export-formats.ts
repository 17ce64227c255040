/**
 * The formats of the downloads of a published result (R15, R20): the interchange JSON that
 * `chiso score` prints (interchange.md, so that anyone can check the ranking with the
 * command-line tool), and a CSV that Excel opens with Vietnamese intact (UTF-8 with BOM, every
 * field quoted, comma decimals).
 */
import type { CompiledSet } from '../../../core/criteria/compile.ts';
import { formatPoints, formatPointsFixed } from '../../../core/format.ts';
import type { InterchangeResult } from '../../../core/interchange.ts';
import type { ResultGroup, SnapshotContent } from './results.schema.ts';

/** Points (87.25) back to whole hundredths (8725), exactly: snapshots hold at most two decimals. */
export const hundredthsOf = (p: number): number => Math.round(p * 100);

/** The `chiso score` output of a snapshot; criteria keyed in the set's order (jsonb does not keep key order). */
export function interchangeOf(content: SnapshotContent, set: CompiledSet): InterchangeResult {
  return {
    year: content.cycle.year,
    groups: content.groups.map((g) => {
      const order =
        set.groupsById.get(g.id)?.criteria.map((k) => k.id) ?? Object.keys(g.ranking[0]?.criteria ?? {});
      return {
        group: g.id,
        ranking: g.ranking.map((r) => ({
          code: r.code,
          rank: r.rank,
          total: r.total,
          class: r.class,
          categories: r.categories.map((c) => c.points),
          criteria: Object.fromEntries(
            order.filter((id) => id in r.criteria).map((id) => [id, r.criteria[id]!]),
          ),
        })),
        notRanked: g.notRanked.map((n) => ({ code: n.code, reason: n.reason })),
      };
    }),
  };
}

/** One CSV field: always quoted, quotes doubled; text that a spreadsheet would run as a formula is defused. */
export function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

const fixed = (p: number) => formatPointsFixed(hundredthsOf(p), 'vi');

/**
 * The category columns: "HM1 (tối đa 20)". When the groups in the file give a category different
 * maxima (group A 20, group B 25), the header lists them in group order: "HM1 (tối đa 20/25)".
 */
function categoryHeaders(groups: readonly ResultGroup[]): string[] {
  const ids: string[] = [];
  for (const g of groups) for (const c of g.categories) if (!ids.includes(c.id)) ids.push(c.id);
  return ids.map((id) => {
    const maxima = [
      ...new Set(
        groups.map((g) => g.categories.find((c) => c.id === id)?.max).filter((m) => m !== undefined),
      ),
    ];
    return `HM${id} (tối đa ${maxima.map((m) => fixedShort(m)).join('/')})`;
  });
}

/** 20 → "20", 12.5 → "12,5". */
const fixedShort = (p: number) => formatPoints(hundredthsOf(p), 'vi');

/** The last column: the agency's self-score (interchange.md), beside the official total (R12). */
const SELF_HEADER = 'Tự chấm (điểm cơ quan tự đánh giá)';
const selfCell = (p: number | undefined) => (p === undefined ? '' : fixed(p));

/**
 * The CSV of a snapshot (all groups, or the given ones): per group the ranked agencies by rank,
 * then the agencies not ranked with the reason in the class column. CRLF line ends (RFC 4180).
 * `separator` ';' is the list separator of Excel under Vietnamese regional settings, whose decimal
 * mark is the comma: with it the file opens in columns there instead of as one.
 */
export function csvOf(
  content: SnapshotContent,
  groupIds?: readonly string[],
  separator: ',' | ';' = ',',
): string {
  const groups = content.groups.filter((g) => !groupIds || groupIds.includes(g.id));
  const categoryIds: string[] = [];
  for (const g of groups)
    for (const c of g.categories) if (!categoryIds.includes(c.id)) categoryIds.push(c.id);
  const lines: string[][] = [
    ['Nhóm', 'Hạng', 'Mã', 'Đơn vị', 'Tổng điểm', 'Xếp loại', ...categoryHeaders(groups), SELF_HEADER],
  ];
  for (const g of groups) {
    for (const r of g.ranking)
      lines.push([
        g.name.vi,
        String(r.rank),
        r.code,
        r.name,
        fixed(r.total),
        r.classLabel.vi,
        ...categoryIds.map((id) => {
          const c = r.categories.find((x) => x.id === id);
          return c ? fixed(c.points) : '';
        }),
        selfCell(r.selfTotal),
      ]);
    for (const n of g.notRanked)
      lines.push([
        g.name.vi,
        '',
        n.code,
        n.name,
        '',
        `Không xếp hạng: ${n.reasonLabel.vi.toLowerCase()}`,
        ...categoryIds.map(() => ''),
        selfCell(n.selfTotal),
      ]);
  }
  return `\uFEFF${lines.map((l) => l.map(field).join(separator)).join('\r\n')}\r\n`;
}

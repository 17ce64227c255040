/**
 * A cycle's result as the server sends it, small but whole, for the tests of this folder's plain
 * modules: the regulation's four classes, one group of three ranked agencies and one not ranked.
 * Not bundled: no screen imports it.
 */
import type { ClassBand, RankingRow, ResultsView } from './resultsApi.ts';

const text = (vi: string, en = vi) => ({ vi, en });

export const CLASSES: ClassBand[] = [
  { id: 'duoi_trung_binh', label: text('Dưới trung bình', 'Below average'), min: 0 },
  { id: 'tot', label: text('Tốt', 'Good'), min: 85 },
  { id: 'trung_binh', label: text('Trung bình', 'Average'), min: 50 },
  { id: 'kha', label: text('Khá', 'Fair'), min: 65 },
];

const label = (id: string) => CLASSES.find((c) => c.id === id)!.label;

export function rankingRow(
  code: string,
  rank: number,
  total: number,
  cls: string,
  cats: [number, number],
): RankingRow {
  return {
    agencyId: `id-${code}`,
    code,
    name: `Cơ quan ${code}`,
    rank,
    total,
    class: cls,
    classLabel: label(cls),
    categories: [
      { id: '1', points: cats[0], max: 60 },
      { id: '2', points: cats[1], max: 40 },
    ],
    criteria: {},
  };
}

export function results(year: number, rows: RankingRow[] = defaultRows()): ResultsView {
  return {
    cycle: { id: `c${year}`, year, title: `Năm ${year}`, state: 'published', stateLabel: text('Đã công bố') },
    preview: false,
    revision: null,
    criteria: { id: 'v1', setId: 'cao-bang-2016', version: '1.0', title: 'Bộ tiêu chí', hash: 'h' },
    classes: CLASSES,
    lineage: {},
    groups: [
      {
        id: 'department',
        name: text('Sở, ban, ngành'),
        categories: [
          { id: '1', name: text('Hạ tầng'), max: 60 },
          { id: '2', name: text('Ứng dụng'), max: 40 },
        ],
        ranking: rows,
        notRanked: [
          {
            agencyId: 'id-SNV',
            code: 'SNV',
            name: 'Sở Nội vụ',
            reason: 'late',
            reasonLabel: text('Nộp muộn', 'Late'),
          },
        ],
      },
    ],
  };
}

function defaultRows(): RankingRow[] {
  return [
    rankingRow('STC', 1, 88.5, 'tot', [50.25, 38.25]),
    rankingRow('SYT', 2, 70, 'kha', [40, 30]),
    rankingRow('SGD', 3, 70, 'kha', [45.33, 24.67]),
  ];
}

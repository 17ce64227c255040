/**
 * The synthetic province of the documents benchmark: 10,000 agencies in the two groups of the
 * bundled criteria set, seeded points, every agency ranked. Shared by the parent (which prints)
 * and the child processes (which each build one document), so that all measure the same data.
 */
import { bundledCompiledSet } from '../src/core/criteria/bundled.ts';
import type { SnapshotContent } from '../src/server/modules/results/results.schema.ts';

export const N = 10_000;
export const SET = bundledCompiledSet('cao-bang-2016')!;

export function synthetic(): SnapshotContent {
  let seed = 7;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const groups = [...SET.groupsById.values()].map((g, gi) => {
    const rows = Array.from({ length: N / 2 }, (_, i) => {
      const criteria: Record<string, number> = {};
      for (const k of g.criteria) criteria[k.id] = Math.round(rnd() * k.maxHundredths) / 100;
      const categories = g.categories.map((c, ci) => ({
        id: c.id,
        max: c.maxHundredths / 100,
        points:
          Math.round(
            g.criteria.filter((k) => k.categoryIndex === ci).reduce((s, k) => s + criteria[k.id]! * 100, 0),
          ) / 100,
      }));
      const total = Math.round(categories.reduce((s, c) => s + c.points * 100, 0)) / 100;
      return {
        agencyId: `${gi}-${i}`,
        code: `A${gi}${i}`,
        name: `Cơ quan số ${i + 1} nhóm ${gi + 1}`,
        total,
        categories,
        criteria,
      };
    });
    rows.sort((a, b) => b.total - a.total);
    return {
      id: g.def.id,
      name: g.def.name,
      categories: g.categories.map((c) => ({ id: c.id, name: c.name, max: c.maxHundredths / 100 })),
      ranking: rows.map((r, i) => ({
        ...r,
        rank: i + 1,
        class: 'kha',
        classLabel: { vi: 'Khá', en: 'Fair' },
      })),
      notRanked: [],
    };
  });
  return {
    format: 'chiso.published/1',
    revision: 1,
    reason: null,
    publishedAt: '2017-12-20T03:00:00.000Z',
    cycle: { year: 2017, title: 'Đánh giá năm 2017' },
    criteria: { id: 'x', setId: 'cao-bang-2016', version: '1', title: 'Bộ tiêu chí 2016', hash: 'x' },
    classes: [{ id: 'kha', label: { vi: 'Khá', en: 'Fair' }, min: 0 }],
    groups,
    agencies: [],
  } as unknown as SnapshotContent;
}

/**
 * `npm run bench -- documents`: the ranking workbook, the annual report as DOCX and as PDF for a
 * province of 10,000 agencies (two groups, the bundled criteria set, synthetic points): seconds and
 * peak resident memory of each (goals: under 10 s and 500 MB). Never fails on a missed goal.
 */
import { bundledCompiledSet } from '../src/core/criteria/bundled.ts';
import { renderDocx } from '../src/server/modules/documents/docx-writer.ts';
import { renderPdf } from '../src/server/modules/documents/pdf-writer.ts';
import { annualReport } from '../src/server/modules/documents/report.ts';
import { rankingWorkbook } from '../src/server/modules/results/ranking-workbook.ts';
import type { SnapshotContent } from '../src/server/modules/results/results.schema.ts';

const N = 10_000;
const SET = bundledCompiledSet('cao-bang-2016')!;

function synthetic(): SnapshotContent {
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
        max: c.max,
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
      categories: g.categories.map((c) => ({ id: c.id, name: c.name, max: c.max })),
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

async function measure(name: string, f: () => Promise<Buffer>) {
  globalThis.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const t0 = performance.now();
  const out = await f();
  const s = (performance.now() - t0) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const mb = peak / 2 ** 20;
  console.log(
    `${name.padEnd(22)} ${s.toFixed(2).padStart(6)} s (${(s / 10).toFixed(2)} of 10 s) · peak RSS ${mb.toFixed(0)} MB (${(mb / 500).toFixed(2)} of 500 MB) · ${(out.length / 2 ** 20).toFixed(1)} MB file`,
  );
}

export async function run() {
  const content = synthetic();
  const doc = annualReport({ content, set: SET, decision: null, previous: null, date: '2017-12-20' });
  console.log(`${N} agencies in ${content.groups.length} groups`);
  await measure('ranking workbook', () => rankingWorkbook(content, SET));
  await measure('annual report DOCX', () => renderDocx(doc));
  await measure('annual report PDF', () => renderPdf(doc));
}

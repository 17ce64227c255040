/** Human-readable output of the CLI: rankings, explanations, findings and criteria, vi or en. */
import { formatInstantVn } from '../core/calendar/time.ts';
import type { CompiledSet } from '../core/criteria/compile.ts';
import { formatNumber, formatPoints, formatPointsFixed, pick } from '../core/format.ts';
import type { CycleResult, NotRankedReason } from '../core/ranking/rank.ts';
import type { AgencyScore } from '../core/scoring/score.ts';
import type { AgencyData, CycleData, Finding, Lang } from '../core/types.ts';
import { renderTable } from './table.ts';

const REASON: Record<NotRankedReason, { vi: string; en: string }> = {
  late: { vi: 'nộp muộn', en: 'submitted late' },
  missing: { vi: 'không nộp', en: 'did not submit' },
};

const className = (set: CompiledSet, id: string, lang: Lang) =>
  pick(set.bands.find((b) => b.id === id)?.label, lang);

/** The ranking of every group as tables, then the agencies not ranked and why (R9). */
export function renderRankingTable(result: CycleResult, lang: Lang): string {
  const vi = lang === 'vi';
  const out: string[] = [];
  out.push(
    vi
      ? `KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG MỨC ĐỘ ỨNG DỤNG CNTT NĂM ${result.year}`
      : `IT APPLICATION RANKING ${result.year}`,
  );
  out.push(
    vi
      ? `Bộ tiêu chí: ${result.set.id} (${result.set.def.version}) · Hạn nộp: trước ${formatInstantVn(result.deadline)} (giờ Việt Nam)`
      : `Criteria set: ${result.set.id} (${result.set.def.version}) · Deadline: before ${formatInstantVn(result.deadline)} (Vietnam time)`,
  );
  if (result.set.def.status !== 'official')
    out.push(
      vi
        ? 'Lưu ý: bộ tiêu chí này là bản dựng lại, chưa phải văn bản chính thức.'
        : 'Note: this criteria set is a reconstruction, not the official text.',
    );
  for (const g of result.groups) {
    out.push('', `${pick(g.group.def.name, lang).toUpperCase()}`);
    const cats = g.group.categories;
    const columns = [
      { title: vi ? 'Hạng' : 'Rank', align: 'right' as const },
      { title: vi ? 'Mã' : 'Code' },
      { title: vi ? 'Đơn vị' : 'Agency' },
      ...cats.map((c) => ({
        title: `${vi ? 'HM' : 'C'}${c.id}/${formatPoints(c.maxHundredths, lang)}`,
        align: 'right' as const,
      })),
      { title: vi ? 'Tổng' : 'Total', align: 'right' as const },
      { title: vi ? 'Xếp loại' : 'Class' },
    ];
    const rows = g.ranking.map((r) => [
      String(r.rank),
      r.code,
      r.name ?? '',
      ...r.score.categories.map((c) => formatPointsFixed(c.points, lang)),
      formatPointsFixed(r.score.total, lang),
      className(result.set, r.score.classId, lang),
    ]);
    if (rows.length) out.push(renderTable(columns, rows));
    else out.push(vi ? '(không có đơn vị nào được xếp hạng)' : '(no agency ranked)');
    if (g.notRanked.length) {
      out.push(vi ? 'Không xếp hạng:' : 'Not ranked:');
      for (const n of g.notRanked)
        out.push(`  ${n.code}${n.name ? ` ${n.name}` : ''}: ${REASON[n.reason][lang]}`);
    }
  }
  out.push(
    '',
    vi ? `Hạng mục: ${categoryLegend(result, lang)}` : `Categories: ${categoryLegend(result, lang)}`,
  );
  return `${out.join('\n')}\n`;
}

function categoryLegend(result: CycleResult, lang: Lang): string {
  const first = result.set.groups[0];
  return first ? first.categories.map((c) => `${c.id}. ${pick(c.name, lang)}`).join('; ') : '';
}

/**
 * Every criterion of one agency with its explanation (R12: an agency can check each point).
 * `explain` scores that agency with explanations; the ranking (`result`) is scored without them.
 */
export function renderExplanation(
  result: CycleResult,
  cycle: CycleData,
  code: string,
  lang: Lang,
  explain: (agency: AgencyData) => AgencyScore,
): string {
  const vi = lang === 'vi';
  const agency = cycle.agencies.find((a) => a.code === code)!;
  const g = result.groups.find((x) => x.group.id === agency.group)!;
  const head = `${agency.code}${agency.name ? ` — ${agency.name}` : ''} (${pick(g.group.def.name, lang)})`;
  const notRanked = g.notRanked.find((n) => n.code === code);
  if (notRanked)
    return `${head}\n${vi ? 'Không chấm điểm, không xếp hạng' : 'Not scored, not ranked'}: ${REASON[notRanked.reason][lang]}.\n`;
  const row = g.ranking.find((r) => r.code === code)!;
  const score = explain(agency);
  const out = [head];
  out.push(
    vi
      ? `Tổng: ${formatPoints(score.total, lang)} điểm · Hạng ${row.rank}/${g.ranking.length} · Xếp loại: ${className(result.set, score.classId, lang)}`
      : `Total: ${formatPoints(score.total, lang)} points · Rank ${row.rank}/${g.ranking.length} · Class: ${className(result.set, score.classId, lang)}`,
  );
  for (const [ci, c] of g.group.categories.entries()) {
    const cs = score.categories[ci]!;
    out.push(
      '',
      `${c.id}. ${pick(c.name, lang)}: ${formatPoints(cs.points, lang)}/${formatPoints(cs.max, lang)}`,
    );
    for (const k of score.criteria.filter((x) => x.categoryId === c.id)) {
      const def = g.group.criteriaById.get(k.id)!.def;
      out.push(
        `  ${k.id} ${pick(def.name, lang)}: ${formatPoints(k.points, lang)}/${formatPoints(k.max, lang)}`,
      );
      if (k.explanation) out.push(`      ${pick(k.explanation, lang)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** Findings per agency; agencies without any are summarised in one line. */
export function renderCheckText(
  rows: readonly { agency: AgencyData; findings: readonly Finding[] }[],
  lang: Lang,
): string {
  const vi = lang === 'vi';
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  const clean: string[] = [];
  for (const { agency, findings } of rows) {
    if (!findings.length) {
      clean.push(agency.code);
      continue;
    }
    out.push(`${agency.code}${agency.name ? ` — ${agency.name}` : ''}`);
    for (const f of findings) {
      if (f.severity === 'error') errors++;
      else warnings++;
      const sev = f.severity === 'error' ? (vi ? 'lỗi' : 'error') : vi ? 'cảnh báo' : 'warning';
      out.push(`  ${f.ruleId} ${sev}: ${pick(f.message, lang)}`);
    }
  }
  if (clean.length) out.push(`${vi ? 'Không phát hiện vấn đề' : 'No findings'}: ${clean.join(', ')}`);
  out.push(
    vi
      ? `Tổng cộng: ${errors} lỗi, ${warnings} cảnh báo ở ${rows.length - clean.length}/${rows.length} đơn vị. Kết quả kiểm tra không làm thay đổi điểm.`
      : `In all: ${errors} errors, ${warnings} warnings in ${rows.length - clean.length}/${rows.length} agencies. Findings never change a score.`,
  );
  return `${out.join('\n')}\n`;
}

/** Categories and criteria with their maxima, per group, readable in a terminal. */
export function renderCriteria(set: CompiledSet, groupId: string | undefined, lang: Lang): string {
  const vi = lang === 'vi';
  const d = set.def;
  const out = [
    `${pick(d.title, lang)}`,
    `${d.id} · ${vi ? 'phiên bản' : 'version'} ${d.version} · ${d.status}`,
  ];
  if (d.decision) out.push(d.decision);
  if (d.status !== 'official')
    out.push(
      vi
        ? 'Bản dựng lại: thay bằng văn bản chính thức khi có.'
        : 'Reconstruction: replace with the official text when available.',
    );
  out.push(
    `${vi ? 'Xếp loại' : 'Classes'}: ${set.bands
      .map((b) => `${pick(b.label, lang)} ≥ ${formatNumber(b.def.min, lang)}`)
      .join('; ')}`,
  );
  for (const g of set.groups) {
    if (groupId !== undefined && g.id !== groupId) continue;
    out.push('', `== ${pick(g.def.name, lang)} (${g.id})${g.def.appendix ? ` — ${g.def.appendix}` : ''} ==`);
    for (const c of g.categories) {
      out.push(
        '',
        `${c.id}. ${pick(c.name, lang)} — ${vi ? 'tối đa' : 'max'} ${formatPoints(c.maxHundredths, lang)}${c.gate ? (vi ? ` (điều kiện: ${c.gate})` : ` (gate: ${c.gate})`) : ''}`,
      );
      const rows = c.criteria.map((k) => [
        k.id,
        pick(k.def.name, lang),
        formatPoints(k.maxHundredths, lang),
        k.naAllowed ? (vi ? 'có' : 'yes') : '',
        k.monitored ? (vi ? 'có' : 'yes') : '',
      ]);
      out.push(
        renderTable(
          [
            { title: vi ? 'Mã' : 'Id' },
            { title: vi ? 'Tiêu chí' : 'Criterion' },
            { title: vi ? 'Tối đa' : 'Max', align: 'right' },
            { title: vi ? 'KAD' : 'N/A' },
            { title: vi ? 'Web' : 'Web' },
          ],
          rows,
        ),
      );
    }
    out.push(
      '',
      `${vi ? 'Tổng' : 'Total'}: ${formatPoints(
        g.categories.reduce((s, c) => s + c.maxHundredths, 0),
        lang,
      )}`,
    );
  }
  out.push(
    '',
    vi
      ? 'KAD: được khai "không áp dụng" (tính điểm tối đa khi Sở TT&TT xác nhận); Web: theo dõi trực tiếp trên trang TTĐT.'
      : 'N/A: may be claimed not applicable (full points once confirmed); Web: monitored on the website.',
  );
  return `${out.join('\n')}\n`;
}

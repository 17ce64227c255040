/**
 * Downloading a published revision (R15, R20): a CSV for Excel (all groups or one), and the
 * ranking in the exact output format of `chiso score` (interchange.md), so that anyone can check
 * it with the command-line tool. Only published revisions: a preview is never downloaded.
 */
import type { InterchangeResult } from '../../../core/interchange.ts';
import { invalid } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { criteriaVersion } from '../scoring/criteria-cache.ts';
import { csvOf, interchangeOf } from './export-formats.ts';
import { rankingWorkbook } from './ranking-workbook.ts';
import { documentOf, loadResult } from './result-document.ts';
import { canExportResults } from './results.policy.ts';
import type { CsvQuery, CycleParams, RevisionQuery } from './results.schema.ts';

/** The CSV of a published revision (the latest unless asked), for Excel. */
export async function exportCsv(
  deps: AppDeps,
  caller: Caller,
  input: CycleParams & CsvQuery & { separator?: ',' | ';' },
): Promise<{ body: string; filename: string }> {
  const ctx = await loadResult(deps.database.db, input.id, { revision: input.revision });
  authorize(canExportResults(caller.user, ctx.facts));
  const { content, revision } = await documentOf(deps, ctx);
  const { group } = input;
  if (group !== undefined && !content.groups.some((g) => g.id === group))
    throw invalid('group', {
      vi: `Không có nhóm "${group}" (có: ${content.groups.map((g) => g.id).join(', ')})`,
      en: `Unknown group "${group}" (known: ${content.groups.map((g) => g.id).join(', ')})`,
    });
  return {
    body: csvOf(content, group === undefined ? undefined : [group], input.separator),
    filename: `Kết quả đánh giá CNTT năm ${ctx.cycle.year} - lần ${revision!.number}${group ? ` - ${group}` : ''}.csv`,
  };
}

/** The published ranking as `chiso score` prints it. */
export async function exportJson(
  deps: AppDeps,
  caller: Caller,
  input: CycleParams & RevisionQuery,
): Promise<{ result: InterchangeResult; filename: string }> {
  const ctx = await loadResult(deps.database.db, input.id, { revision: input.revision });
  authorize(canExportResults(caller.user, ctx.facts));
  const { content, revision } = await documentOf(deps, ctx);
  const { compiled } = await criteriaVersion(deps.database.db, content.criteria.id);
  return {
    result: interchangeOf(content, compiled),
    filename: `chiso-score-${ctx.cycle.year}-lan-${revision!.number}.json`,
  };
}

/** The published ranking as an Excel workbook (one sheet per group, print-ready). */
export async function exportWorkbook(
  deps: AppDeps,
  caller: Caller,
  input: CycleParams & RevisionQuery,
): Promise<{ bytes: Buffer; filename: string }> {
  const ctx = await loadResult(deps.database.db, input.id, { revision: input.revision });
  authorize(canExportResults(caller.user, ctx.facts));
  const { content, revision } = await documentOf(deps, ctx);
  const { compiled } = await criteriaVersion(deps.database.db, content.criteria.id);
  return {
    bytes: await rankingWorkbook(content, compiled, revision!.decision),
    filename: `Kết quả đánh giá CNTT năm ${ctx.cycle.year} - lần ${revision!.number}.xlsx`,
  };
}

/**
 * Someone downloads an agency's form as an Excel workbook, pre-filled with the current draft or,
 * when the agency has not started, with its submitted values of the year before (marked so on
 * every sheet). The workbook is generated outside any transaction.
 */
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { loadForm } from '../submissions/form-context.ts';
import { previousYearValues } from '../submissions/submissions.repo.ts';
import { formLayout } from './form-layout.ts';
import { identityOf } from './form-workbook.ts';
import { canDownloadForm } from './workbooks.policy.ts';
import type { FormParams } from './workbooks.schema.ts';
import { writeFormWorkbook } from './write-form.ts';

export async function downloadForm(
  deps: AppDeps,
  caller: Caller,
  input: FormParams,
): Promise<{ bytes: Buffer; filename: string }> {
  const db = deps.database.db;
  const form = await loadForm(db, input.cycleId, input.agencyId);
  authorize(canDownloadForm(caller.user, form.facts));
  const draft = (form.submission?.values ?? {}) as Record<string, unknown>;
  const started = Object.keys(draft).length > 0;
  const before = started ? undefined : await previousYearValues(db, form.cycle.year, input.agencyId);
  const layout = formLayout(form.group);
  // Only the agency's own fields of this year's form are carried over from the year before.
  const carried = before
    ? Object.fromEntries(
        [...layout.cells.keys()].filter((k) => k !== 'report_year' && k in before).map((k) => [k, before[k]]),
      )
    : {};
  const bytes = await writeFormWorkbook({
    identity: identityOf(form),
    layout,
    agencyName: form.roster.name,
    cycleTitle: form.cycle.title,
    values: started
      ? draft
      : { ...(layout.cells.has('report_year') && { report_year: form.cycle.year }), ...carried },
    prefill: started ? 'draft' : before ? 'previous-year' : 'empty',
    version: form.submission?.version ?? null,
  });
  return { bytes, filename: `bieu-mau-${form.cycle.year}-${form.roster.code}.xlsx` };
}

/**
 * What an uploaded workbook would leave the form as, and the logic checks of the criteria set
 * (core/checks) run on it — the same findings the web form shows the agency and the review page
 * shows the assessor — so the person sees them before confirming. Each finding names the cells
 * of the workbook that hold the values it reads ("Hạng mục 2!C14").
 */
import { runChecks } from '../../../core/checks/run.ts';
import type { Values } from '../../../core/types.ts';
import type { Executor } from '../../db/open.ts';
import { loadRecords, officialData, officialValues, selfData } from '../scoring/cycle-data.ts';
import type { FormContext } from '../submissions/form-context.ts';
import * as repo from '../submissions/submissions.repo.ts';
import type { FormLayout } from './form-layout.ts';
import type { UploadMode } from './workbooks.policy.ts';
import type { UploadWarning } from './workbooks.schema.ts';

export interface UploadBasis {
  /** The values the upload is compared with: the draft, or (correction) the official values. */
  readonly current: Values;
  readonly warnings: (after: Values) => UploadWarning[];
}

/**
 * The values an upload in `mode` changes, and the checks of the form once changed: the agency's
 * own data for a draft (the reporter's view, without the submission-time rule), the department's
 * official data (the agency's values with its corrections, confirmed claims) for a correction.
 */
export async function uploadBasis(
  db: Executor,
  form: FormContext,
  layout: FormLayout,
  mode: UploadMode,
): Promise<UploadBasis> {
  const [record] = await loadRecords(db, form.cycle, [form.roster.agencyId]);
  if (!record) throw new Error('agency vanished from the roster');
  const previous = await repo.previousYearValues(db, form.cycle.year, form.roster.agencyId);
  const data = mode === 'correction' ? officialData(record) : selfData(record);
  const current = mode === 'correction' ? officialValues(record) : (record.submission?.values ?? {});
  const submissionOnly = new Set(
    form.set.validations.filter((v) => v.builtin === 'submitted_on_time').map((v) => v.id),
  );
  return {
    current,
    warnings: (after) => {
      // The report year is the cycle's (the form may leave it out); the year checks need it.
      const values = after.report_year === undefined ? { ...after, report_year: form.cycle.year } : after;
      return runChecks(
        form.set,
        record.groupId,
        { ...data, values, previousValues: previous },
        { deadline: form.cycle.deadline.getTime() },
      )
        .filter((f) => !submissionOnly.has(f.ruleId))
        .map((f) => ({
          ruleId: f.ruleId,
          severity: f.severity,
          message: f.message.vi,
          messageEn: f.message.en ?? f.message.vi,
          cells: f.fields.flatMap((key) => {
            const at = layout.cells.get(key);
            return at ? [`${at.sheet}!C${at.row}`] : [];
          }),
        }));
    },
  };
}

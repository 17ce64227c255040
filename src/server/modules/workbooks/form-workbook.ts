/**
 * What the workbook use cases share: the identity and layout of an agency's form, and the check of
 * an uploaded workbook against it — the file read back (read-form.ts), then the SAME value check as
 * the web form's save (submissions/form-values.ts), every problem named by sheet and cell.
 */
import { AppError } from '../../platform/errors.ts';
import type { FormContext } from '../submissions/form-context.ts';
import { checkPatch } from '../submissions/form-values.ts';
import { type FormIdentity, type FormLayout, formLayout } from './form-layout.ts';
import { FileRefused, readFormWorkbook } from './read-form.ts';
import type { FileProblem, FormChange } from './workbooks.schema.ts';

export const identityOf = (form: FormContext): FormIdentity => ({
  cycleId: form.cycle.id,
  year: form.cycle.year,
  agencyId: form.roster.agencyId,
  agencyCode: form.roster.code,
  criteriaVersionId: form.cycle.criteriaVersionId,
  criteriaSetId: form.set.id,
  criteriaVersion: form.set.version,
});

/** A refused upload: 400 with every problem; nothing was saved. */
export function rejected(problems: readonly FileProblem[]): AppError {
  const n = problems.length;
  const first = problems[0]!;
  return new AppError(
    400,
    'invalid_file',
    n === 1
      ? { vi: `${first.message}. Chưa lưu gì.`, en: `${first.messageEn}. Nothing was saved.` }
      : {
          vi: `Tệp có ${n} lỗi, chưa lưu gì. Thứ nhất — ${first.message}`,
          en: `The file has ${n} problems; nothing was saved. First — ${first.messageEn}`,
        },
    'file',
    { problems },
  );
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export interface CheckedUpload {
  readonly layout: FormLayout;
  /** Every field of the workbook with its value as it will be stored (null: empty). */
  readonly values: Record<string, unknown>;
  readonly changes: FormChange[];
  readonly unchanged: number;
}

/**
 * The problems of a workbook for this form, or its values and what they change compared with
 * `current` (the draft's values by default; the official values when the department corrects).
 */
export async function checkUpload(
  form: FormContext,
  bytes: Buffer,
  current: Readonly<Record<string, unknown>> = (form.submission?.values ?? {}) as Record<string, unknown>,
): Promise<CheckedUpload> {
  const layout = formLayout(form.group);
  let read: Awaited<ReturnType<typeof readFormWorkbook>>;
  try {
    read = await readFormWorkbook(bytes, identityOf(form), layout, form.roster.name);
  } catch (e) {
    if (e instanceof FileRefused)
      throw rejected([{ cell: null, field: null, message: e.vi, messageEn: e.en }]);
    throw e;
  }
  const problems = [...read.problems];
  let values: Record<string, unknown> = {};
  try {
    values = checkPatch(form.group, form.cycle.year, read.values);
  } catch (e) {
    if (!(e instanceof AppError) || !Array.isArray(e.details)) throw e;
    for (const p of e.details as { field: string; message: string; messageEn: string }[]) {
      const at = layout.cells.get(p.field);
      const cell = at ? `${at.sheet}!C${at.row}` : null;
      problems.push({
        cell,
        field: p.field,
        message: cell
          ? `${cell}: ${p.message}${numberHint(at!.field.type, read.values[p.field])}`
          : p.message,
        messageEn: cell ? `${cell}: ${p.messageEn}` : p.messageEn,
      });
    }
  }
  if (problems.length) throw rejected(sortByCell(problems, layout));
  const changes: FormChange[] = [];
  let unchanged = 0;
  for (const [key, at] of layout.cells) {
    const next = values[key] ?? null;
    if (same(current[key], next)) {
      unchanged++;
      continue;
    }
    changes.push({
      cell: `${at.sheet}!C${at.row}`,
      field: key,
      label: at.field.label.vi,
      old: current[key] ?? null,
      new: next,
    });
  }
  return { layout, values, changes, unchanged };
}

/** For text in a number cell, how to type a number that Excel and the form both read as one. */
const numberHint = (type: string, raw: unknown) =>
  (type === 'integer' || type === 'decimal') && typeof raw === 'string'
    ? ' (hãy nhập một số, không có dấu cách, dấu chấm ngăn cách hàng nghìn hay ký hiệu %)'
    : '';

/** Problems in the order of the workbook: sheet by sheet, row by row. */
function sortByCell(problems: FileProblem[], layout: FormLayout): FileProblem[] {
  const order = (p: FileProblem) => {
    const sheet = layout.sheets.findIndex((s) => p.cell?.startsWith(`${s.name}!`));
    const row = Number(/(\d+)(?::|$)/.exec(p.cell ?? '')?.[1] ?? 0);
    return sheet * 100_000 + row;
  };
  return problems.slice().sort((a, b) => order(a) - order(b));
}

/**
 * Where each field of an agency's form sits in its Excel workbook. The layout is computed from the
 * criteria set alone, so the workbook that is sent out and the one that comes back are read with
 * the same map: a field is found at its sheet and row, and a key that is not where the layout puts
 * it means rows were moved, inserted or deleted.
 *
 * One sheet per category ("Hạng mục 1"…), each field on the sheet of the first criterion that
 * reads it; the agency's fields that no criterion reads (report year, statistics) on a first
 * sheet "Thông tin chung". Only fields the agency fills in: the department's are not on the form.
 */
import { createHash } from 'node:crypto';
import type { CompiledGroup } from '../../../core/criteria/compile.ts';
import type { Field } from '../../../core/criteria/schema.ts';
import type { Text } from '../../../core/types.ts';

/** The column of field keys, labels, the input cell, units and help. */
export const COLUMNS = { key: 'A', label: 'B', input: 'C', unit: 'D', help: 'E' } as const;
/** The first row of the field table (rows above it: title, agency, note, header). */
export const FIRST_ROW = 6;
/** The hidden sheet naming the cycle, agency and criteria version of the workbook. */
export const META_SHEET = 'chiso';
/** The hidden sheet holding the choice lists the data validation refers to. */
export const LISTS_SHEET = 'danh-sach';

export type LayoutRow =
  | { readonly kind: 'criterion'; readonly row: number; readonly id: string; readonly name: Text }
  | { readonly kind: 'field'; readonly row: number; readonly field: Field };

export interface LayoutSheet {
  readonly name: string;
  readonly title: Text;
  readonly rows: readonly LayoutRow[];
}

export interface FormLayout {
  readonly sheets: readonly LayoutSheet[];
  /** Field key → where its value is typed. */
  readonly cells: ReadonlyMap<
    string,
    { readonly sheet: string; readonly row: number; readonly field: Field }
  >;
}

/** The workbook layout of a group's form. */
export function formLayout(group: CompiledGroup): FormLayout {
  const agencyField = (key: string) => {
    const f = group.fieldsByKey.get(key);
    return f && f.source === 'agency' ? f : undefined;
  };
  const placed = new Set<string>();
  const sheets: LayoutSheet[] = [];
  group.categories.forEach((cat, i) => {
    const rows: LayoutRow[] = [];
    let row = FIRST_ROW;
    for (const c of cat.criteria) {
      const fields = c.def.inputs.map(agencyField).filter((f): f is Field => !!f && !placed.has(f.key));
      if (!fields.length) continue;
      rows.push({ kind: 'criterion', row: row++, id: c.id, name: c.def.name });
      for (const field of fields) {
        placed.add(field.key);
        rows.push({ kind: 'field', row: row++, field });
      }
    }
    sheets.push({ name: `Hạng mục ${i + 1}`, title: cat.name, rows });
  });
  const rest = group.fields.filter((f) => f.source === 'agency' && !placed.has(f.key));
  if (rest.length)
    sheets.unshift({
      name: 'Thông tin chung',
      title: { vi: 'Thông tin chung', en: 'General information' },
      rows: rest.map((field, i) => ({ kind: 'field', row: FIRST_ROW + i, field })),
    });
  const cells = new Map<string, { sheet: string; row: number; field: Field }>();
  for (const s of sheets)
    for (const r of s.rows)
      if (r.kind === 'field') cells.set(r.field.key, { sheet: s.name, row: r.row, field: r.field });
  return { sheets, cells };
}

/** "Hạng mục 2!C14": how a person finds a cell (Excel's own notation, without quotes). */
export const cellName = (sheet: string, row: number, column: string = COLUMNS.input) =>
  `${sheet}!${column}${row}`;

/** What the hidden sheet says about the workbook. */
export interface FormIdentity {
  readonly cycleId: string;
  readonly year: number;
  readonly agencyId: string;
  readonly agencyCode: string;
  readonly criteriaVersionId: string;
  readonly criteriaSetId: string;
  readonly criteriaVersion: string;
}

/**
 * The template's hash: the identity and the layout (sheets, rows, keys) together, so a workbook
 * of another cycle, agency or criteria version, or one whose identity was edited, does not match.
 */
export function templateHash(id: FormIdentity, layout: FormLayout): string {
  const shape = layout.sheets.map((s) => [
    s.name,
    s.rows.map((r) => (r.kind === 'field' ? [r.row, r.field.key, r.field.type] : [r.row, r.id])),
  ]);
  return createHash('sha256')
    .update(
      JSON.stringify([
        'chiso.form-workbook/1',
        id.cycleId,
        id.agencyId,
        id.criteriaVersionId,
        id.criteriaSetId,
        id.criteriaVersion,
        shape,
      ]),
    )
    .digest('hex');
}

/** The Yes / No words of a yes-no cell. */
export const YES = 'Có';
export const NO = 'Không';

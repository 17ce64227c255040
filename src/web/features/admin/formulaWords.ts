/**
 * A scoring formula of the criteria format in plain words, for readers who check the method
 * against the regulation's appendix: "2 điểm × (số văn bản điện tử / tổng số văn bản)". The
 * wording of each operator is the core's (formula/registry.ts), the same everywhere a formula is
 * printed; this screen gives it the reader's language and the fields' names.
 */
import {
  type Formula,
  formulaFields as fieldsOf,
  isFormulaOp,
  formulaWords as wordsOf,
} from '../../../core/formula/registry.ts';
import { fieldNumberVn } from '../../format.ts';
import { lang, pick } from '../../i18n/messages.ts';
import { m } from './messages.ts';

type BiText = { vi: string; en?: string };

export interface FieldInfo {
  key: string;
  label: BiText;
  shortLabel?: BiText;
  type: string;
  unit?: BiText;
  min?: number;
  max?: number;
  options?: { value: string; label: BiText }[];
  sum?: string[];
}

// biome-ignore lint/suspicious/noExplicitAny: a formula is a tagged tree read straight from the stored JSON
export type AnyFormula = any;

/** Stored JSON that is a formula of an operator the core knows (the server validated it when it was loaded). */
const isFormula = (f: AnyFormula): f is Formula => typeof f === 'object' && f !== null && isFormulaOp(f.op);

/** The formula in words; `field` gives a field's readable name from its key. */
export function formulaWords(f: AnyFormula, field: (key: string) => string): string {
  if (typeof f === 'number' || isFormula(f)) return wordsOf(f, { lang: lang(), label: field });
  return typeof f === 'object' && f !== null ? JSON.stringify(f) : String(f);
}

/** The field keys a formula reads. */
export function formulaFields(f: AnyFormula, out: Set<string> = new Set()): Set<string> {
  if (isFormula(f)) for (const key of fieldsOf(f)) out.add(key);
  return out;
}

/** What a field holds and its range, e.g. "số nguyên, văn bản, từ 0". */
export function fieldDescription(f: FieldInfo): string {
  const parts = [m(`fieldType.${f.type}` as 'fieldType.integer') || f.type];
  if (f.unit) parts.push(pick(f.unit));
  if (f.min !== undefined && f.max !== undefined)
    parts.push(m('field.range', { min: fieldNumberVn(f, f.min), max: fieldNumberVn(f, f.max) }));
  else if (f.min !== undefined) parts.push(m('field.min', { min: fieldNumberVn(f, f.min) }));
  else if (f.max !== undefined) parts.push(m('field.max', { max: fieldNumberVn(f, f.max) }));
  if (f.options?.length) parts.push(f.options.map((o) => pick(o.label)).join(' / '));
  return parts.join(', ');
}

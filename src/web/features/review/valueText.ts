/** A field's value as a person reads it: "có", "12,5", "31/03/2017", an option's label, "(để trống)". */
import { isYearField } from '../../../core/format.ts';
import { dateVn, fieldNumberVn, numberVn } from '../../format.ts';
import { m } from './messages.ts';
import type { FieldValue } from './reviewApi.ts';
import { pick } from './text.ts';

export function valueText(field: Pick<FieldValue, 'type' | 'options' | 'unit'>, value: unknown): string {
  if (value === null || value === undefined || value === '') return m('val.blank');
  if (typeof value === 'boolean') return value ? m('val.yes') : m('val.no');
  if (typeof value === 'number') {
    // A year is not a quantity: "2017", not "2.017 năm".
    if (isYearField(field)) return fieldNumberVn(field, value);
    return field.unit ? `${numberVn(value)} ${pick(field.unit)}` : numberVn(value);
  }
  if (typeof value === 'string') {
    if (field.type === 'date') return dateVn(value);
    if (field.type === 'enum') {
      const option = field.options?.find((o) => o.value === value);
      if (option) return pick(option.label);
    }
    return value;
  }
  return JSON.stringify(value);
}

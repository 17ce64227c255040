/** A field's value as a person reads it: "có", "12,5", "31/03/2017", an option's label, "(để trống)". */
import { dateVn, numberVn } from '../../format.ts';
import { m } from './messages.ts';
import type { FieldValue } from './reviewApi.ts';
import { pick } from './text.ts';

export function valueText(field: Pick<FieldValue, 'type' | 'options' | 'unit'>, value: unknown): string {
  if (value === null || value === undefined || value === '') return m('val.blank');
  if (typeof value === 'boolean') return value ? m('val.yes') : m('val.no');
  if (typeof value === 'number')
    return field.unit ? `${numberVn(value)} ${pick(field.unit)}` : numberVn(value);
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

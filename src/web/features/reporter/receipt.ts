/** A value as the printed receipt shows it: "Có", "12,5 Mbps", "31/03/2017", an option's label. */
import type { Field } from '../../../core/criteria/schema.ts';
import { isYearField } from '../../../core/format.ts';
import { dateVn, fieldNumberVn, numberVn } from '../../format.ts';
import { pick } from '../../i18n/messages.ts';
import { showValue } from './formModel.ts';
import { m } from './messages.ts';

export function receiptValueText(field: Field | undefined, value: unknown): string {
  if (typeof value === 'boolean') return value ? m('form.yes') : m('form.no');
  if (field?.type === 'enum') {
    const option = field.options?.find((o) => o.value === value);
    if (option) return pick(option.label);
  }
  if (field?.type === 'date' && typeof value === 'string') return dateVn(value);
  // A year is not a quantity: "2027", not "2.027 năm".
  if (typeof value === 'number')
    return field && isYearField(field)
      ? fieldNumberVn(field, value)
      : `${numberVn(value)}${field?.unit ? ` ${pick(field.unit)}` : ''}`;
  return field ? showValue(field, value) : String(value);
}

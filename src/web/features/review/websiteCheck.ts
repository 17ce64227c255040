/**
 * What a manual website check sends: one value per monitoring field that was filled in (an empty
 * one is left out, not sent as "no"), and the moment of the check, typed in Vietnam time.
 */
import { parseNumberInput } from '../../numberInput.ts';
import type { FieldValue } from './reviewApi.ts';

/** A typed field's value, or undefined when it was left empty. Text that is not a number goes as typed. */
function checkValue(field: Pick<FieldValue, 'type'>, text: string): unknown {
  if (text === '') return undefined;
  if (field.type === 'boolean') return text === 'true';
  if (field.type === 'integer' || field.type === 'decimal') return parseNumberInput(text) ?? text;
  return text;
}

/** The values of the check by field key, from the inputs' texts. */
export function websiteCheckValues(
  fields: readonly Pick<FieldValue, 'key' | 'type'>[],
  texts: Readonly<Record<string, string>>,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const f of fields) {
    const v = checkValue(f, texts[f.key] ?? '');
    if (v !== undefined) values[f.key] = v;
  }
  return values;
}

/** "2017-09-15T09:30" from a date-and-time input, which has no zone, as an instant in Vietnam time. */
export const vnInstant = (local: string): string => (local ? `${local}:00+07:00` : '');

/**
 * What the correction form sends for what the assessor typed, and what it starts from. The server
 * decides what is valid and says why not: text that is not a number goes to it as typed, so that
 * its message ("phải là một số…") appears by the input instead of the value vanishing.
 */
import { numberInputText, parseNumberInput } from '../../numberInput.ts';
import type { CorrectionBody, FieldValue } from './reviewApi.ts';

/** The value to send: a number, yes/no, an option's value or text; '' when nothing was chosen. */
export function correctionValue(field: Pick<FieldValue, 'type'>, text: string): CorrectionBody['value'] {
  switch (field.type) {
    case 'integer':
    case 'decimal':
      return text.trim() === '' ? '' : (parseNumberInput(text) ?? text);
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : '';
    default:
      return text;
  }
}

/** The input's text when the form opens: the official value as it would be typed. */
export function correctionText(field: Pick<FieldValue, 'officialValue'>): string {
  const v = field.officialValue;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return numberInputText(v);
  return String(v);
}

/**
 * Numbers as people type them into the application's inputs, and back. One rule for every form
 * (the reporter's, the assessor's correction, the website check), so that "1.234" means the same
 * number wherever it is typed, and what an input shows reads back as the value it came from.
 */
import { type Lang, lang } from './i18n/messages.ts';

/**
 * The number in typed text, or null when the text is not one. Vietnamese writing: dots group
 * thousands, the comma is the decimal mark ("1.234,5"). Without a comma, a dot followed by other
 * than groups of three digits is read as a decimal point ("12.5", typed on an English keypad);
 * "1.234" is one thousand two hundred and thirty-four, as the tables print it. Spaces around the
 * number are ignored; inside it a space may only group thousands ("1 234"): "4 5" is a slip of
 * the keyboard, not forty-five, so it is no number and the form asks again.
 *
 * In English (the application switched to it) the marks swap: commas group thousands, the dot is
 * the decimal point ("1,234.5"); a comma before other than groups of three digits is still read
 * as a decimal comma ("12,5", a Vietnamese habit).
 */
export function parseNumberInput(text: string, language: Lang = lang()): number | null {
  const [group, decimal] = language === 'en' ? [',', '.'] : ['.', ','];
  let s = text.trim();
  if (/\s/.test(s)) {
    if (!new RegExp(`^-?\\d{1,3}(\\s\\d{3})+(\\${decimal}\\d+)?$`).test(s)) return null;
    s = s.replace(/\s/g, '');
  }
  if (s.includes(decimal)) s = s.replaceAll(group, '').replace(decimal, '.');
  else if (new RegExp(`^-?\\d{1,3}(\\${group}\\d{3})+$`).test(s)) s = s.replaceAll(group, '');
  else s = s.replace(group, '.');
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : null;
}

/**
 * A stored number as an input shows it for editing: the decimal mark of the language (a comma in
 * Vietnamese), no thousands marks, so that the user edits digits only and `parseNumberInput` reads
 * it back unchanged (1234.5 → "1234,5"; in English "1234.5").
 */
export const numberInputText = (value: number, language: Lang = lang()): string =>
  language === 'en' ? String(value) : String(value).replace('.', ',');

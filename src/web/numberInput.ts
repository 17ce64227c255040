/**
 * Numbers as people type them into the application's inputs, and back. One rule for every form
 * (the reporter's, the assessor's correction, the website check), so that "1.234" means the same
 * number wherever it is typed, and what an input shows reads back as the value it came from.
 */

/**
 * The number in typed text, or null when the text is not one. Vietnamese writing: dots group
 * thousands, the comma is the decimal mark ("1.234,5"). Without a comma, a dot followed by other
 * than groups of three digits is read as a decimal point ("12.5", typed on an English keypad);
 * "1.234" is one thousand two hundred and thirty-four, as the tables print it. Spaces around the
 * number are ignored; inside it a space may only group thousands ("1 234"): "4 5" is a slip of
 * the keyboard, not forty-five, so it is no number and the form asks again.
 */
export function parseNumberInput(text: string): number | null {
  let s = text.trim();
  if (/\s/.test(s)) {
    if (!/^-?\d{1,3}(\s\d{3})+(,\d+)?$/.test(s)) return null;
    s = s.replace(/\s/g, '');
  }
  if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : null;
}

/**
 * A stored number as an input shows it for editing: the decimal comma, no thousands dots, so
 * that the user edits digits only and `parseNumberInput` reads it back unchanged (1234.5 → "1234,5").
 */
export const numberInputText = (value: number): string => String(value).replace('.', ',');

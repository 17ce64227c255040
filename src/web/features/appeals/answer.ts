/**
 * What an upheld answer corrects, from what the assessor typed beside each field of the criterion:
 * an empty box, or a value equal to the official one, leaves the field as it is, so that only real
 * changes reach the audited correction.
 */
import { lang as currentLang, type Lang, pick as tx } from '../../i18n/messages.ts';
import { parseNumberInput } from '../../numberInput.ts';
import type { AnswerBody, AppealView } from './appealsApi.ts';
import { m } from './messages.ts';

export type Corrections = NonNullable<AnswerBody['corrections']>;

/** The corrections as the server takes them, or the first problem in words. */
export function correctionsOf(
  fields: AppealView['fields'],
  typed: Readonly<Record<string, string>>,
  language: Lang = currentLang(),
): { corrections: Corrections } | { problem: string } {
  const corrections: Corrections = [];
  for (const f of fields) {
    const raw = (typed[f.key] ?? '').trim();
    if (!raw) continue;
    let value: string | number | boolean;
    if (f.type === 'boolean') value = raw === 'true';
    else if (f.type === 'integer' || f.type === 'decimal') {
      const n = parseNumberInput(raw, language);
      if (n === null) return { problem: m('answer.badNumber', { label: tx(f.label) }) };
      value = n;
    } else value = raw.normalize('NFC');
    if (value === f.current) continue;
    corrections.push({ fieldKey: f.key, value });
  }
  if (corrections.length === 0) return { problem: m('answer.needField') };
  return { corrections };
}

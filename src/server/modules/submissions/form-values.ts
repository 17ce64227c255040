/**
 * Whether values fit the agency's form: each against its field (core/input/values.ts, the rule the
 * CLI and the browser apply too), every problem at once, in words naming the field.
 */
import type { CompiledGroup } from '../../../core/criteria/compile.ts';
import type { Field } from '../../../core/criteria/schema.ts';
import { pick } from '../../../core/format.ts';
import { missingRequired } from '../../../core/input/cycle.ts';
import { checkValue, fieldName } from '../../../core/input/values.ts';
import type { Text } from '../../../core/types.ts';
import { AppError, invalid } from '../../platform/errors.ts';

interface Problem {
  field: string;
  message: string;
  messageEn: string;
}

/** A typed string value: NFC and trimmed; an empty one clears the field. */
const cleanValue = (s: string): string | null => {
  const v = s.normalize('NFC').trim();
  return v === '' ? null : v;
};

/**
 * The patch as it will be stored (texts cleaned, empty ones as null), or a 400 listing every
 * value that does not fit: unknown field, a mark the department gives, wrong type or range,
 * a report year other than the cycle's. All or nothing: one bad value and nothing is saved.
 */
export function checkPatch(
  group: CompiledGroup,
  year: number,
  patch: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const problems: Problem[] = [];
  const accepted: Record<string, unknown> = {};
  const say = (field: string, vi: string, en: string) => problems.push({ field, message: vi, messageEn: en });
  for (const [key, raw] of Object.entries(patch)) {
    const f = group.fieldsByKey.get(key);
    if (!f) {
      say(
        key,
        `Trường "${key}" không có trong phiếu của nhóm ${group.def.name.vi}`,
        `Field "${key}" is not on the form of group ${pick(group.def.name, 'en')}`,
      );
      continue;
    }
    // The agency states its own assessment of its website (source monitoring) on its form too;
    // only the department's marks (source reviewer) are never the agency's to enter.
    if (f.source === 'reviewer') {
      say(
        key,
        `${fieldName(f, 'vi')}: do Sở TT&TT chấm khi thẩm định, đơn vị không nhập trường này`,
        `${fieldName(f, 'en')}: set by the department's reviewers; agencies do not enter it`,
      );
      continue;
    }
    const value = typeof raw === 'string' ? cleanValue(raw) : raw;
    if (value === null) {
      accepted[key] = null;
      continue;
    }
    const problem = checkValue(f, value);
    if (problem) {
      say(key, `${fieldName(f, 'vi')}: ${problem.vi}`, `${fieldName(f, 'en')}: ${problem.en ?? problem.vi}`);
      continue;
    }
    if (f.key === 'report_year' && value !== year) {
      say(
        key,
        `${fieldName(f, 'vi')}: năm báo cáo ${String(value)} khác năm của kỳ đánh giá ${year}`,
        `${fieldName(f, 'en')}: report year ${String(value)} differs from the cycle year ${year}`,
      );
      continue;
    }
    accepted[key] = value;
  }
  if (problems.length) throw invalidValues(problems);
  return accepted;
}

/** Stored values that no longer fit (a row written around the service): checked again at submission. */
export function storedProblems(group: CompiledGroup, values: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(values)) {
    const f = group.fieldsByKey.get(key);
    const problem: Text | null = !f
      ? { vi: 'không có trong phiếu của nhóm', en: 'is not on the form of the group' }
      : f.source === 'reviewer'
        ? { vi: 'không do đơn vị nhập', en: 'is not entered by the agency' }
        : value === null
          ? null
          : checkValue(f, value);
    if (problem)
      problems.push({
        field: key,
        message: `${f ? fieldName(f, 'vi') : key}: ${problem.vi}`,
        messageEn: `${f ? fieldName(f, 'en') : key}: ${problem.en ?? problem.vi}`,
      });
  }
  return problems;
}

/** Required fields of the agency's part of the form that have no value (the rule `chiso score` applies). */
export const missingAgencyValues = (group: CompiledGroup, values: Record<string, unknown>): Field[] =>
  missingRequired(
    group.fields.filter((f) => f.source === 'agency'),
    (key) => values[key] !== undefined && values[key] !== null,
    [],
  );

export function invalidValues(problems: Problem[]): AppError {
  const first = problems[0]!;
  const n = problems.length;
  return invalid(
    first.field,
    n === 1
      ? { vi: `${first.message}. Chưa lưu gì.`, en: `${first.messageEn}. Nothing was saved.` }
      : {
          vi: `Có ${n} giá trị không hợp lệ, chưa lưu gì. Thứ nhất — ${first.message}`,
          en: `${n} values are invalid; nothing was saved. First — ${first.messageEn}`,
        },
    problems,
  );
}

/** The form lacks required values: 400 naming each (the first as the field). */
export function incomplete(missing: readonly Field[]): AppError {
  const names = missing.map((f) => fieldName(f, 'vi'));
  const shown = names.slice(0, 5).join('; ');
  return new AppError(
    400,
    'incomplete',
    {
      vi: `Phiếu còn thiếu ${missing.length} thông tin bắt buộc: ${shown}${missing.length > 5 ? '; …' : ''}. Hãy nhập đủ rồi nộp lại.`,
      en: `The form lacks ${missing.length} required value(s): ${missing
        .slice(0, 5)
        .map((f) => fieldName(f, 'en'))
        .join('; ')}${missing.length > 5 ? '; …' : ''}. Fill them in and submit again.`,
    },
    missing[0]!.key,
    missing.map((f) => ({
      field: f.key,
      label: f.label.vi,
      labelEn: f.label.en ?? f.label.vi,
      message: `${fieldName(f, 'vi')}: chưa nhập`,
      messageEn: `${fieldName(f, 'en')}: missing`,
    })),
  );
}

/**
 * What a website check holds: the values of the fields of source `monitoring` of the agency's
 * group, in the criteria the agency is evaluated on, each well typed and none missing.
 */
import { bundledCompiledSet, DEFAULT_SET_ID } from '../../../core/criteria/bundled.ts';
import type { CompiledGroup, CompiledSet } from '../../../core/criteria/compile.ts';
import { pick } from '../../../core/format.ts';
import { checkValue, fieldName } from '../../../core/input/values.ts';
import type { Executor } from '../../db/open.ts';
import { invalid, wrongState } from '../../platform/errors.ts';
import { criteriaVersion } from '../scoring/criteria-cache.ts';
import * as repo from './website-checks.repo.ts';

/**
 * The criteria an agency's website is checked against: the version of the most recent cycle whose
 * roster has the agency (with its group in that cycle), or the bundled set when no cycle has it.
 */
export async function criteriaForAgency(
  db: Executor,
  agency: { id: string; groupId: string },
): Promise<{ set: CompiledSet; group: CompiledGroup }> {
  const entry = await repo.latestRosterEntry(db, agency.id);
  const set = entry
    ? (await criteriaVersion(db, entry.criteriaVersionId)).compiled
    : bundledCompiledSet(DEFAULT_SET_ID)!;
  const groupId = entry?.groupId ?? agency.groupId;
  const group = set.groupsById.get(groupId);
  if (!group)
    throw wrongState({
      vi: `Nhóm "${groupId}" của cơ quan không có trong bộ tiêu chí ${set.id}`,
      en: `The agency's group "${groupId}" is not in criteria set ${set.id}`,
    });
  return { set, group };
}

/** The monitoring values of a check, validated: only monitoring fields of the group, each well typed, none missing. */
export function validateCheckValues(
  set: CompiledSet,
  group: CompiledGroup,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const monitoring = group.fields.filter((f) => f.source === 'monitoring');
  const list = monitoring.map((f) => f.key).join(', ');
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const field = group.fieldsByKey.get(key);
    if (field?.source !== 'monitoring') {
      const what = field
        ? {
            vi: `"${fieldName(field, 'vi')}" do ${field.source === 'agency' ? 'cơ quan tự khai trên phiếu' : 'người thẩm định chấm'}, không phải trường kiểm tra trang TTĐT`,
            en: `"${fieldName(field, 'en')}" is ${field.source === 'agency' ? "reported on the agency's form" : 'set by the reviewer'}, not a website-check field`,
          }
        : set.fieldsByKey.has(key)
          ? {
              vi: `"${fieldName(set.fieldsByKey.get(key)!, 'vi')}" không thuộc nhóm ${pick(group.def.name, 'vi')}`,
              en: `"${fieldName(set.fieldsByKey.get(key)!, 'en')}" does not belong to group ${pick(group.def.name, 'en')}`,
            }
          : {
              vi: `Trường "${key}" không có trong bộ tiêu chí`,
              en: `There is no field "${key}" in the criteria set`,
            };
      throw invalid(`values.${key}`, {
        vi: `${what.vi}. Kết quả kiểm tra trang TTĐT của nhóm ${pick(group.def.name, 'vi')} chỉ gồm: ${list}`,
        en: `${what.en}. A website check of group ${pick(group.def.name, 'en')} holds only: ${list}`,
      });
    }
    const problem = checkValue(field, value);
    if (problem)
      throw invalid(`values.${key}`, {
        vi: `"${fieldName(field, 'vi')}" ${problem.vi}`,
        en: `"${fieldName(field, 'en')}" ${problem.en ?? problem.vi}`,
      });
    out[key] = typeof value === 'string' ? value.normalize('NFC') : value;
  }
  // A site that is down scores 0 for its whole category (the gate), so nothing else need be noted then.
  const gates = new Set(group.categories.map((c) => c.gate).filter((g): g is string => g !== undefined));
  const siteDown = [...gates].some((g) => out[g] === false);
  const missing = monitoring.filter(
    (f) => f.required && !Object.hasOwn(out, f.key) && (!siteDown || gates.has(f.key)),
  );
  if (missing.length) {
    const first = missing[0]!;
    throw invalid(`values.${first.key}`, {
      vi: `Thiếu kết quả kiểm tra: ${missing.map((f) => `"${fieldName(f, 'vi')}"`).join(', ')}. Một lần kiểm tra phải ghi đủ mọi mục (trừ khi trang không truy cập được)`,
      en: `Missing check results: ${missing.map((f) => `"${fieldName(f, 'en')}"`).join(', ')}. A check records every item (unless the site was unreachable)`,
    });
  }
  return out;
}

/**
 * A unit's details as the administrator types them, checked and cleaned: code, name, group (one
 * of the bundled criteria set's), website, dates. Each refusal names its field, prefixed for the
 * units of a change ("to[1].code"). Codes are never reused, not even those of ended units.
 */
import { isValidDate } from '../../../core/calendar/time.ts';
import { bundledSet, DEFAULT_SET_ID } from '../../../core/criteria/bundled.ts';
import type { Text } from '../../../core/types.ts';
import type { Executor } from '../../db/open.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import * as repo from './agencies.repo.ts';
import type { NewUnit } from './agencies.schema.ts';

const CODE = /^[A-Z0-9-]{2,20}$/;

/** Groups a unit may belong to: those of the bundled criteria set (department, district). */
function registryGroups(): { id: string; name: Text }[] {
  return bundledSet(DEFAULT_SET_ID)!.groups.map((g) => ({ id: g.id, name: g.name }));
}

/** Text as people type it: NFC, trimmed, inner runs of white space made one space. */
export const cleanText = (s: string): string => s.normalize('NFC').trim().replace(/\s+/g, ' ');

export const optionalText = (s: string | null | undefined): string | null =>
  s == null ? null : cleanText(s) || null;

export function checkName(field: string, raw: string | undefined): string {
  const name = cleanText(raw ?? '');
  if (!name)
    throw invalid(field, { vi: 'Tên cơ quan không được để trống', en: 'The agency name is required' });
  if ([...name].length > 200)
    throw invalid(field, {
      vi: 'Tên cơ quan tối đa 200 ký tự',
      en: 'The agency name has at most 200 characters',
    });
  return name;
}

function checkCode(field: string, raw: string | undefined): string {
  const code = (raw ?? '').normalize('NFC').trim().toUpperCase();
  if (!CODE.test(code))
    throw invalid(field, {
      vi: 'Mã cơ quan gồm 2–20 ký tự: chữ in hoa không dấu (A–Z), chữ số và dấu gạch ngang',
      en: 'The agency code has 2–20 of A–Z, 0–9 and "-"',
    });
  return code;
}

function checkGroup(field: string, group: string | undefined): string {
  const groups = registryGroups();
  if (!group || !groups.some((g) => g.id === group))
    throw invalid(field, {
      vi: `Nhóm cơ quan phải là một trong: ${groups.map((g) => `"${g.id}" (${g.name.vi})`).join(', ')}`,
      en: `The group must be one of: ${groups.map((g) => `"${g.id}"`).join(', ')}`,
    });
  return group;
}

export function checkWebsite(field: string, raw: string | null | undefined): string | null {
  const text = raw?.trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    url = new URL('invalid:');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname || text.length > 300)
    throw invalid(field, {
      vi: 'Địa chỉ trang thông tin điện tử phải bắt đầu bằng http:// hoặc https://, ví dụ https://stttt.caobang.gov.vn',
      en: 'The website address must start with http:// or https://',
    });
  return text;
}

export function checkDate(field: string, date: string, what: Text): string {
  if (!isValidDate(date))
    throw invalid(field, {
      vi: `${what.vi} phải là một ngày có thật, dạng YYYY-MM-DD (ví dụ 2020-03-01)`,
      en: `${what.en ?? what.vi} must be a real date as YYYY-MM-DD`,
    });
  return date;
}

/** Validates a new unit of a change or of the add form; field names are prefixed by `at`. */
export function newUnit(
  at: string,
  u: Omit<NewUnit, 'agencyId'>,
  defaults: {
    group?: string | undefined;
    website?: string | null;
    email?: string | null;
    shortName?: string | null;
  },
) {
  return {
    code: checkCode(`${at}code`, u.code),
    name: checkName(`${at}name`, u.name),
    shortName: u.shortName === undefined ? (defaults.shortName ?? null) : optionalText(u.shortName),
    groupId: checkGroup(`${at}group`, u.group ?? defaults.group),
    website: u.website === undefined ? (defaults.website ?? null) : checkWebsite(`${at}website`, u.website),
    email: u.email === undefined ? (defaults.email ?? null) : u.email?.trim() || null,
  };
}

/** Refuses a code given twice, or already used by any unit that ever existed. */
export async function assertCodesFree(tx: Executor, codes: { field: string; code: string }[]) {
  const seen = new Map<string, string>();
  for (const c of codes) {
    if (seen.has(c.code))
      throw invalid(c.field, {
        vi: `Mã cơ quan "${c.code}" bị trùng trong yêu cầu`,
        en: `Agency code "${c.code}" is given twice`,
      });
    seen.set(c.code, c.field);
  }
  const taken = await repo.agenciesWithCodes(
    tx,
    codes.map((c) => c.code),
  );
  if (taken[0]) {
    const field = seen.get(taken[0].code);
    throw conflict(
      'code_taken',
      {
        vi: `Mã cơ quan "${taken[0].code}" đã dùng cho "${taken[0].name}" (mã không dùng lại, kể cả của đơn vị đã kết thúc)`,
        en: `Agency code "${taken[0].code}" is already used by "${taken[0].name}" (codes are never reused)`,
      },
      field,
    );
  }
}

/** A code taken by a concurrent writer (the unique index answered). */
export const codeTaken = () =>
  conflict('code_taken', { vi: 'Mã cơ quan đã được dùng', en: 'The agency code is already used' }, 'code');

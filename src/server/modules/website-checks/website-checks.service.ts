/**
 * The department's checks of agency websites (R5): what an assessor saw on the site at an instant,
 * as values of the fields of source `monitoring`. Both the self-score and the official score of
 * every cycle whose year contains the check read them (scoring/cycle-data.ts), so a check cannot be
 * added or removed once the result of that year is approved or published (R11).
 */
import { formatInstantVn, parseInstant, VN_OFFSET_MS, vnMidnight } from '../../../core/calendar/time.ts';
import { bundledCompiledSet, DEFAULT_SET_ID } from '../../../core/criteria/bundled.ts';
import type { CompiledGroup, CompiledSet } from '../../../core/criteria/compile.ts';
import { pick } from '../../../core/format.ts';
import { checkValue, fieldName } from '../../../core/input/values.ts';
import type { Db, Executor } from '../../db/open.ts';
import { type Actor, audit } from '../../platform/audit.ts';
import type { SessionUser } from '../../platform/auth.ts';
import type { Clock } from '../../platform/clock.ts';
import { forbidden, invalid, notFound, wrongState } from '../../platform/errors.ts';
import { criteriaVersion } from '../scoring/criteria-cache.ts';
import { checkWindow } from '../scoring/cycle-data.ts';
import * as repo from './website-checks.repo.ts';

export interface WebsiteCheckView {
  id: string;
  agencyId: string;
  checkedAt: string;
  values: Record<string, unknown>;
  source: 'manual' | 'crawler';
  note: string | null;
  checkedBy: { id: string; name: string } | null;
  createdAt: string;
}

export const checkView = (r: repo.WebsiteCheckListRow): WebsiteCheckView => ({
  id: r.id,
  agencyId: r.agencyId,
  checkedAt: r.checkedAt.toISOString(),
  values: r.values as Record<string, unknown>,
  source: r.source,
  note: r.note,
  checkedBy: r.checkedBy ? { id: r.checkedBy, name: r.checkedByName ?? '' } : null,
  createdAt: r.createdAt.toISOString(),
});

/** The Vietnam-time calendar year of an instant. */
const vnYear = (ms: number): number => new Date(ms + VN_OFFSET_MS).getUTCFullYear();

const STATE_VI: Record<string, string> = { approved: 'đã được phê duyệt', published: 'đã được công bố' };

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

export function websiteChecksService(db: Db, clock: Clock) {
  async function agencyOf(agencyId: string) {
    const agency = await repo.findAgency(db, agencyId);
    if (!agency) throw notFound({ vi: 'cơ quan', en: 'agency' });
    return agency;
  }

  /** Refuses a change that would alter the approved or published result of the year the check counts for. */
  async function assertNotFrozen(
    tx: Executor,
    checkedAt: Date,
    verb: { vi: string; en: string },
  ): Promise<string | null> {
    const t = checkedAt.getTime();
    const year = vnYear(t);
    const cycles = (await repo.cyclesOfYears(tx, [year - 1, year], true)).filter((c) => {
      const w = checkWindow(c);
      return t >= w.from.getTime() && t < w.to.getTime();
    });
    const frozen = cycles.find((c) => c.state === 'approved' || c.state === 'published');
    if (frozen)
      throw wrongState({
        vi: `Kết quả năm ${frozen.year} ${STATE_VI[frozen.state]}: không thể ${verb.vi} kết quả kiểm tra trang TTĐT lúc ${formatInstantVn(t)} của năm đó`,
        en: `The ${frozen.year} result is ${frozen.state}: a website check of ${formatInstantVn(t)} can no longer be ${verb.en}`,
      });
    return cycles[0]?.id ?? null;
  }

  return {
    async list(user: SessionUser, agencyId: string, year: number | undefined): Promise<WebsiteCheckView[]> {
      if (user.role === 'reporter' && user.agencyId !== agencyId) throw forbidden();
      await agencyOf(agencyId);
      const window =
        year === undefined
          ? undefined
          : { from: new Date(vnMidnight(year, 1, 1)), to: new Date(vnMidnight(year + 1, 1, 1)) };
      return (await repo.listChecks(db, agencyId, window)).map(checkView);
    },

    async create(
      actor: Actor,
      user: SessionUser,
      agencyId: string,
      input: { checkedAt: string; values: Record<string, unknown>; note?: string | null | undefined },
    ): Promise<WebsiteCheckView> {
      const agency = await agencyOf(agencyId);
      const ms = parseInstant(input.checkedAt);
      if (ms === null)
        throw invalid('checkedAt', {
          vi: 'Thời điểm kiểm tra phải có dạng 2017-09-15T09:00:00+07:00 (có múi giờ)',
          en: 'The check time must look like 2017-09-15T09:00:00+07:00 (with its offset)',
        });
      const now = clock.now();
      if (ms > now.getTime())
        throw invalid('checkedAt', {
          vi: 'Thời điểm kiểm tra không được sau thời điểm hiện tại',
          en: 'The check time cannot be in the future',
        });
      const { set, group } = await criteriaForAgency(db, agency);
      const values = validateCheckValues(set, group, input.values);
      const note = input.note?.normalize('NFC').trim() || null;
      const checkedAt = new Date(ms);
      const id = await db.transaction(async (tx) => {
        const cycleId = await assertNotFrozen(tx, checkedAt, { vi: 'thêm', en: 'added' });
        const row = await repo.insertCheck(tx, {
          agencyId,
          checkedAt,
          values,
          note,
          checkedBy: user.id,
          now,
        });
        await audit(tx, actor, now, {
          action: 'website_check.create',
          entityType: 'website_check',
          entityId: row.id,
          cycleId,
          agencyId,
          newValue: { checkedAt: checkedAt.toISOString(), values, note },
        });
        return row.id;
      });
      return checkView((await repo.findCheck(db, agencyId, id))!);
    },

    async remove(actor: Actor, agencyId: string, checkId: string, reason: string | null): Promise<void> {
      await agencyOf(agencyId);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const check = await repo.findCheck(tx, agencyId, checkId);
        if (!check) throw notFound({ vi: 'kết quả kiểm tra trang TTĐT', en: 'website check' });
        const cycleId = await assertNotFrozen(tx, check.checkedAt, { vi: 'xóa', en: 'removed' });
        await repo.deleteCheck(tx, checkId);
        await audit(tx, actor, now, {
          action: 'website_check.delete',
          entityType: 'website_check',
          entityId: checkId,
          cycleId,
          agencyId,
          oldValue: {
            checkedAt: check.checkedAt.toISOString(),
            values: check.values,
            note: check.note,
            source: check.source,
          },
          reason: reason?.normalize('NFC').trim() || null,
        });
      });
    },
  };
}

/**
 * The administrator records a formal change of the registry (R1): a rename, a merge (into a new
 * unit or into an existing one), a split or a dissolution, by a decision. The change ends the
 * "from" units on the day before it takes effect and starts the new "to" units on that day, in
 * one transaction with its audit rows, so that a cycle evaluates the units as they were on its
 * roster date.
 */
import { formatDate } from '../../../core/format.ts';
import type { Text } from '../../../core/types.ts';
import { audit } from '../../platform/audit.ts';
import { invalid } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { canChangeRegistry } from './agencies.policy.ts';
import * as repo from './agencies.repo.ts';
import type { AgencyEventKind, EventAnswer, NewUnit, RecordChangeBody } from './agencies.schema.ts';
import { eventViews } from './agency-views.ts';
import { addDays } from './registry-dates.ts';
import { assertCodesFree, checkDate, cleanText, codeTaken, newUnit, optionalText } from './unit-fields.ts';

export const KIND_LABELS: Record<AgencyEventKind, Text> = {
  rename: { vi: 'đổi tên', en: 'rename' },
  merge: { vi: 'hợp nhất, sáp nhập', en: 'merge' },
  split: { vi: 'chia tách', en: 'split' },
  dissolve: { vi: 'giải thể', en: 'dissolve' },
};

/** The shape of each kind of change: how many units on each side, new or existing. */
function checkShape(kind: AgencyEventKind, fromIds: readonly string[], to: readonly NewUnit[]) {
  const existingTo = to.filter((t) => t.agencyId !== undefined);
  const newTo = to.filter((t) => t.agencyId === undefined);
  const shape = (ok: boolean, vi: string, en: string, field: string) => {
    if (!ok) throw invalid(field, { vi, en });
  };
  switch (kind) {
    case 'rename':
      shape(
        fromIds.length === 1,
        'Đổi tên: chọn đúng một cơ quan cũ',
        'Rename: exactly one unit in "from"',
        'from',
      );
      shape(
        to.length === 1 && newTo.length === 1,
        'Đổi tên: khai đúng một đơn vị mới (mã và tên mới)',
        'Rename: exactly one new unit in "to"',
        'to',
      );
      break;
    case 'merge':
      shape(
        to.length === 1,
        'Hợp nhất: khai đúng một đơn vị sau hợp nhất (mới, hoặc một cơ quan đang có)',
        'Merge: exactly one unit in "to"',
        'to',
      );
      if (existingTo.length)
        shape(
          fromIds.length >= 1,
          'Sáp nhập vào cơ quan đang có: chọn ít nhất một cơ quan bị sáp nhập',
          'Merge into an existing unit: at least one unit in "from"',
          'from',
        );
      else
        shape(
          fromIds.length >= 2,
          'Hợp nhất: chọn ít nhất hai cơ quan cũ',
          'Merge: at least two units in "from"',
          'from',
        );
      break;
    case 'split':
      shape(
        fromIds.length === 1,
        'Chia tách: chọn đúng một cơ quan cũ',
        'Split: exactly one unit in "from"',
        'from',
      );
      shape(
        newTo.length >= 2 && existingTo.length === 0,
        'Chia tách: khai ít nhất hai đơn vị mới',
        'Split: at least two new units in "to"',
        'to',
      );
      break;
    case 'dissolve':
      shape(
        fromIds.length === 1,
        'Giải thể: chọn đúng một cơ quan',
        'Dissolve: exactly one unit in "from"',
        'from',
      );
      shape(to.length === 0, 'Giải thể: không có đơn vị mới', 'Dissolve: no unit in "to"', 'to');
      break;
  }
  for (const [i, t] of to.entries()) {
    if (t.agencyId !== undefined && (t.code !== undefined || t.name !== undefined || t.group !== undefined))
      throw invalid(`to[${i}]`, {
        vi: 'Đơn vị sau thay đổi: hoặc chọn một cơ quan đang có (agencyId), hoặc khai đơn vị mới (mã, tên), không cả hai',
        en: 'A "to" unit is either an existing agency (agencyId) or a new one (code, name), not both',
      });
    if (t.agencyId !== undefined && fromIds.includes(t.agencyId))
      throw invalid(`to[${i}].agencyId`, {
        vi: 'Cơ quan tiếp nhận không thể đồng thời là cơ quan bị sáp nhập',
        en: 'The receiving unit cannot also be in "from"',
      });
  }
  return { existingTo, newTo };
}

export async function recordChange(
  deps: AppDeps,
  caller: Caller,
  input: RecordChangeBody,
): Promise<EventAnswer> {
  authorize(canChangeRegistry(caller.user));
  const db = deps.database.db;
  const { kind } = input;
  const effectiveDate = checkDate('effectiveDate', input.effectiveDate, {
    vi: 'Ngày có hiệu lực',
    en: 'effectiveDate',
  });
  const decisionRef = cleanText(input.decisionRef);
  if (!decisionRef)
    throw invalid('decisionRef', {
      vi: 'Cần ghi số, ký hiệu văn bản quyết định (ví dụ "NQ 864/NQ-UBTVQH14")',
      en: 'The decision reference is required',
    });
  const fromIds = input.from;
  const to = input.to ?? [];
  if (new Set(fromIds).size !== fromIds.length)
    throw invalid('from', {
      vi: 'Một cơ quan được chọn hai lần trong danh sách đơn vị cũ',
      en: 'A unit is listed twice in "from"',
    });
  const { existingTo, newTo } = checkShape(kind, fromIds, to);

  const now = deps.clock.now();
  const lastDay = addDays(effectiveDate, -1);
  try {
    const eventId = await db.transaction(async (tx) => {
      const locked = await repo.lockAgencies(tx, [...fromIds, ...existingTo.map((t) => t.agencyId!)]);
      const byId = new Map(locked.map((a) => [a.id, a]));
      const from = fromIds.map((id, i) => {
        const a = byId.get(id);
        if (!a) throw invalid(`from[${i}]`, { vi: 'Cơ quan không tồn tại', en: 'Unknown agency' });
        if (a.validTo !== null)
          throw invalid(`from[${i}]`, {
            vi: `"${a.name}" (${a.code}) đã kết thúc từ ngày ${formatDate(a.validTo)}; không thể kết thúc lần nữa`,
            en: `"${a.name}" (${a.code}) already ended on ${a.validTo}`,
          });
        if (effectiveDate <= a.validFrom)
          throw invalid('effectiveDate', {
            vi: `Ngày có hiệu lực (${formatDate(effectiveDate)}) phải sau ngày bắt đầu của "${a.name}" (${formatDate(a.validFrom)})`,
            en: `The effective date must be after "${a.name}" began (${a.validFrom})`,
          });
        return a;
      });
      const receivers = existingTo.map((t) => {
        const i = to.indexOf(t);
        const a = byId.get(t.agencyId!);
        if (!a)
          throw invalid(`to[${i}].agencyId`, {
            vi: 'Cơ quan tiếp nhận không tồn tại',
            en: 'Unknown receiving agency',
          });
        if (a.validFrom > effectiveDate || (a.validTo !== null && a.validTo < effectiveDate))
          throw invalid(`to[${i}].agencyId`, {
            vi: `"${a.name}" (${a.code}) không còn hiệu lực vào ngày ${formatDate(effectiveDate)}, nên không thể tiếp nhận`,
            en: `"${a.name}" (${a.code}) is not valid on ${effectiveDate}`,
          });
        return a;
      });
      const groups = [...new Set(from.map((a) => a.groupId))];
      const single = from.length === 1 ? from[0]! : undefined;
      const units = newTo.map((u) => {
        const at = `to[${to.indexOf(u)}].`;
        return newUnit(at, u, {
          group: groups.length === 1 ? groups[0] : undefined,
          // A renamed unit keeps its contacts unless new ones are given.
          ...(kind === 'rename' && single && { website: single.website, email: single.email }),
        });
      });
      await assertCodesFree(
        tx,
        units.map((u, i) => ({ field: `to[${to.indexOf(newTo[i]!)}].code`, code: u.code })),
      );

      const event = await repo.insertEvent(tx, {
        kind,
        effectiveDate,
        decisionRef,
        note: optionalText(input.note),
        createdBy: caller.user.id,
        now,
      });
      for (const a of from) {
        const ended = await repo.endAgency(tx, a.id, lastDay, now);
        if (!ended.length)
          throw invalid('from', {
            vi: `"${a.name}" vừa được kết thúc bởi một thay đổi khác`,
            en: `"${a.name}" was just ended by another event`,
          });
      }
      const created = [];
      for (const u of units)
        created.push(await repo.insertAgency(tx, { ...u, validFrom: effectiveDate, now }));
      await repo.insertLinks(tx, [
        ...from.map((a) => ({ eventId: event.id, agencyId: a.id, role: 'from' as const })),
        ...[...receivers, ...created].map((a) => ({
          eventId: event.id,
          agencyId: a.id,
          role: 'to' as const,
        })),
      ]);
      const codes = (list: readonly repo.AgencyRow[]) => list.map((a) => a.code);
      const why = `${KIND_LABELS[kind].vi}: ${decisionRef}`;
      await audit(tx, caller, now, [
        {
          action: `agency.${kind}`,
          entityType: 'agency_event',
          entityId: event.id,
          newValue: {
            kind,
            effectiveDate,
            decisionRef,
            from: codes(from),
            to: codes([...receivers, ...created]),
          },
          reason: decisionRef,
        },
        ...from.map((a) => ({
          action: 'agency.end',
          entityType: 'agency',
          entityId: a.id,
          agencyId: a.id,
          field: 'validTo',
          oldValue: null,
          newValue: lastDay,
          reason: why,
        })),
        ...created.map((a) => ({
          action: 'agency.create',
          entityType: 'agency',
          entityId: a.id,
          agencyId: a.id,
          newValue: { code: a.code, name: a.name, groupId: a.groupId, validFrom: a.validFrom },
          reason: why,
        })),
      ]);
      return event.id;
    });
    const event = await repo.findEvent(db, eventId);
    return { event: (await eventViews(db, [event!]))[0]! };
  } catch (e) {
    if (repo.isUniqueViolation(e, 'agencies_code_key')) throw codeTaken();
    throw e;
  }
}

/**
 * The agency registry (R1): units in two groups, with their history. A unit is one row over one
 * period; a formal rename, merge, split or dissolution is an event that ends the "from" units the
 * day before it takes effect and starts the "to" units on that day, so that a cycle evaluates the
 * units as they were on its roster date. Editing a unit's name is a correction, not a rename.
 */

import { isValidDate } from '../../../core/calendar/time.ts';
import { bundledSet, DEFAULT_SET_ID } from '../../../core/criteria/bundled.ts';
import { formatDate } from '../../../core/format.ts';
import type { Text } from '../../../core/types.ts';
import type { Db, Executor } from '../../db/open.ts';
import type { AGENCY_EVENT_KINDS } from '../../db/schema.ts';
import { type Actor, audit } from '../../platform/audit.ts';
import type { SessionUser } from '../../platform/auth.ts';
import type { Clock } from '../../platform/clock.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import * as repo from './agencies.repo.ts';
import { addDays, vnDateOf } from './registry-dates.ts';

export type AgencyEventKind = (typeof AGENCY_EVENT_KINDS)[number];

export const CODE = /^[A-Z0-9-]{2,20}$/;

export interface AgencyView {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  groupId: string;
  website: string | null;
  email: string | null;
  validFrom: string;
  validTo: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AgencyRef {
  id: string;
  code: string;
  name: string;
  groupId: string;
  validFrom: string;
  validTo: string | null;
}

export interface EventView {
  id: string;
  kind: AgencyEventKind;
  effectiveDate: string;
  decisionRef: string | null;
  note: string | null;
  createdAt: string;
  from: AgencyRef[];
  to: AgencyRef[];
}

export interface NewUnit {
  code?: string | undefined;
  name?: string | undefined;
  shortName?: string | null | undefined;
  group?: string | undefined;
  website?: string | null | undefined;
  email?: string | null | undefined;
}

export interface EventInput {
  kind: AgencyEventKind;
  effectiveDate: string;
  decisionRef: string;
  note?: string | null | undefined;
  from: readonly string[];
  to?: readonly (NewUnit & { agencyId?: string | undefined })[] | undefined;
}

export const KIND_LABELS: Record<AgencyEventKind, Text> = {
  rename: { vi: 'đổi tên', en: 'rename' },
  merge: { vi: 'hợp nhất, sáp nhập', en: 'merge' },
  split: { vi: 'chia tách', en: 'split' },
  dissolve: { vi: 'giải thể', en: 'dissolve' },
};

const view = (a: repo.AgencyRow): AgencyView => ({
  id: a.id,
  code: a.code,
  name: a.name,
  shortName: a.shortName,
  groupId: a.groupId,
  website: a.website,
  email: a.email,
  validFrom: a.validFrom,
  validTo: a.validTo,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});

/** Groups a unit may belong to: those of the bundled criteria set (department, district). */
export function registryGroups(): { id: string; name: Text }[] {
  return bundledSet(DEFAULT_SET_ID)!.groups.map((g) => ({ id: g.id, name: g.name }));
}

/** Text as people type it: NFC, trimmed, inner runs of white space made one space. */
export const cleanText = (s: string): string => s.normalize('NFC').trim().replace(/\s+/g, ' ');

const optionalText = (s: string | null | undefined): string | null =>
  s == null ? null : cleanText(s) || null;

function checkName(field: string, raw: string | undefined): string {
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

function checkWebsite(field: string, raw: string | null | undefined): string | null {
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

function checkDate(field: string, date: string, what: Text): string {
  if (!isValidDate(date))
    throw invalid(field, {
      vi: `${what.vi} phải là một ngày có thật, dạng YYYY-MM-DD (ví dụ 2020-03-01)`,
      en: `${what.en ?? what.vi} must be a real date as YYYY-MM-DD`,
    });
  return date;
}

const refOf = (r: AgencyRef): AgencyRef => ({
  id: r.id,
  code: r.code,
  name: r.name,
  groupId: r.groupId,
  validFrom: r.validFrom,
  validTo: r.validTo,
});

/** Events with the units on each side. */
async function eventViews(
  db: Executor,
  events: readonly Omit<repo.AgencyEventRow, 'createdBy'>[],
): Promise<EventView[]> {
  const links = await repo.linksOf(
    db,
    events.map((e) => e.id),
  );
  return events.map((e) => ({
    id: e.id,
    kind: e.kind,
    effectiveDate: e.effectiveDate,
    decisionRef: e.decisionRef,
    note: e.note,
    createdAt: e.createdAt.toISOString(),
    from: links.filter((l) => l.eventId === e.id && l.role === 'from').map(refOf),
    to: links.filter((l) => l.eventId === e.id && l.role === 'to').map(refOf),
  }));
}

export function agenciesService(db: Db, clock: Clock) {
  /** Validates a new unit of an event or of the create form; field names are prefixed by `at`. */
  function newUnit(
    at: string,
    u: NewUnit,
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

  async function assertCodesFree(tx: Executor, codes: { field: string; code: string }[]) {
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

  const codeTaken = () =>
    conflict('code_taken', { vi: 'Mã cơ quan đã được dùng', en: 'The agency code is already used' }, 'code');

  return {
    /** The registry on a date (today in Vietnam by default), or its whole history; a reporter sees its own unit only. */
    async list(
      user: SessionUser,
      q: { validOn?: string | undefined; all?: boolean | undefined; group?: string | undefined },
    ) {
      const own =
        user.role === 'reporter' ? (user.agencyId ?? '00000000-0000-0000-0000-000000000000') : undefined;
      if (q.all)
        return {
          validOn: null,
          agencies: (await repo.allAgencies(db, { group: q.group, id: own })).map(view),
        };
      const validOn = q.validOn
        ? checkDate('validOn', q.validOn, { vi: 'Ngày xem danh sách', en: 'validOn' })
        : vnDateOf(clock.now());
      return {
        validOn,
        agencies: (await repo.agenciesValidOn(db, validOn, { group: q.group, id: own })).map(view),
      };
    },

    /** One unit with the events that ended or started it, and the units on the other side. */
    async get(user: SessionUser, id: string): Promise<{ agency: AgencyView; history: EventView[] }> {
      if (user.role === 'reporter' && user.agencyId !== id)
        throw forbidden({ vi: 'Bạn chỉ xem được cơ quan của mình', en: 'You may only see your own agency' });
      const row = await repo.findAgency(db, id);
      if (!row) throw notFound({ vi: 'cơ quan', en: 'agency' });
      return { agency: view(row), history: await eventViews(db, await repo.eventsOf(db, id)) };
    },

    /** The latest events of the registry. */
    async events(limit = 200): Promise<EventView[]> {
      return eventViews(db, await repo.recentEvents(db, limit));
    },

    async create(actor: Actor, input: NewUnit & { validFrom?: string | undefined }): Promise<AgencyView> {
      const unit = newUnit('', input, {});
      const validFrom = input.validFrom
        ? checkDate('validFrom', input.validFrom, { vi: 'Ngày bắt đầu hiệu lực', en: 'validFrom' })
        : vnDateOf(clock.now());
      const now = clock.now();
      try {
        const row = await db.transaction(async (tx) => {
          await assertCodesFree(tx, [{ field: 'code', code: unit.code }]);
          const created = await repo.insertAgency(tx, { ...unit, validFrom, now });
          await audit(tx, actor, now, {
            action: 'agency.create',
            entityType: 'agency',
            entityId: created.id,
            agencyId: created.id,
            newValue: { ...unit, validFrom },
          });
          return created;
        });
        return view(row);
      } catch (e) {
        if (repo.isUniqueViolation(e, 'agencies_code_key')) throw codeTaken();
        throw e;
      }
    },

    /** Corrects a unit's details; a change of name here is a correction, a formal rename is an event. */
    async update(
      actor: Actor,
      id: string,
      patch: {
        name?: string | undefined;
        shortName?: string | null | undefined;
        website?: string | null | undefined;
        email?: string | null | undefined;
      },
    ): Promise<AgencyView> {
      const now = clock.now();
      const next: Partial<Pick<repo.AgencyRow, 'name' | 'shortName' | 'website' | 'email'>> = {};
      if (patch.name !== undefined) next.name = checkName('name', patch.name);
      if (patch.shortName !== undefined) next.shortName = optionalText(patch.shortName);
      if (patch.website !== undefined) next.website = checkWebsite('website', patch.website);
      if (patch.email !== undefined) next.email = patch.email?.trim() || null;
      const row = await db.transaction(async (tx) => {
        const [before] = await repo.lockAgencies(tx, [id]);
        if (!before) throw notFound({ vi: 'cơ quan', en: 'agency' });
        const keys = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== before[k]);
        if (!keys.length) return before;
        const updated = await repo.updateAgency(tx, id, { ...next, updatedAt: now });
        await audit(tx, actor, now, {
          action: 'agency.update',
          entityType: 'agency',
          entityId: id,
          agencyId: id,
          oldValue: Object.fromEntries(keys.map((k) => [k, before[k]])),
          newValue: Object.fromEntries(keys.map((k) => [k, next[k]])),
        });
        return updated!;
      });
      return view(row);
    },

    /**
     * Records a formal change of the registry: ends the "from" units on the day before it takes
     * effect and starts the new "to" units on that day, in one transaction with its audit rows.
     */
    async recordEvent(actor: Actor, input: EventInput): Promise<EventView> {
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
      const existingTo = to.filter((t) => t.agencyId !== undefined);
      const newTo = to.filter((t) => t.agencyId === undefined);

      // The shape of each kind of event.
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
        if (
          t.agencyId !== undefined &&
          (t.code !== undefined || t.name !== undefined || t.group !== undefined)
        )
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

      const now = clock.now();
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
            createdBy: actor.user?.id ?? null,
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
          await audit(tx, actor, now, [
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
              reason: `${KIND_LABELS[kind].vi}: ${decisionRef}`,
            })),
            ...created.map((a) => ({
              action: 'agency.create',
              entityType: 'agency',
              entityId: a.id,
              agencyId: a.id,
              newValue: { code: a.code, name: a.name, groupId: a.groupId, validFrom: a.validFrom },
              reason: `${KIND_LABELS[kind].vi}: ${decisionRef}`,
            })),
          ]);
          return event.id;
        });
        const event = await repo.findEvent(db, eventId);
        return (await eventViews(db, [event!]))[0]!;
      } catch (e) {
        if (repo.isUniqueViolation(e, 'agencies_code_key')) throw codeTaken();
        throw e;
      }
    },
  };
}

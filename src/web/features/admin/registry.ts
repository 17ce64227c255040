/**
 * The registry of agencies as the administrator's screens handle it: the groups in their order,
 * the search that finds "Sở Y tế" from "so y te", the registry's changes as sentences and per
 * agency, and what the agency and change forms send.
 */
import { collator, foldVn } from '../../format.ts';
import type { Agency, AgencyEvent, AgencyEventKind, AgencyRef, NewUnit } from './adminApi.ts';
import { m } from './messages.ts';

/** The bundled regulation's groups, always listed first and in this order, even when empty. */
export const GROUP_ORDER = ['department', 'district'];

/** A group's name; another group shows its code. */
export function groupName(groupId: string): string {
  if (groupId === 'department') return m('group.department');
  if (groupId === 'district') return m('group.district');
  return groupId;
}

/** Every group id: the regulation's first, then any other the registry has. */
export const groupIds = (agencies: readonly Pick<Agency, 'groupId'>[]): string[] => [
  ...new Set([...GROUP_ORDER, ...agencies.map((a) => a.groupId)]),
];

/**
 * The agencies by group, in Vietnamese alphabetical order, narrowed to those whose name, code or
 * short name has the searched words (tones and case aside). While searching, a group with no
 * match is left out; otherwise the regulation's groups show even when empty.
 */
export function agencyGroups(agencies: readonly Agency[], search: string): { id: string; rows: Agency[] }[] {
  const needle = foldVn(search.trim());
  return groupIds(agencies)
    .map((id) => ({
      id,
      rows: agencies
        .filter((a) => a.groupId === id)
        .filter((a) => !needle || foldVn(`${a.name} ${a.code} ${a.shortName ?? ''}`).includes(needle))
        .sort((a, b) => collator.compare(a.name, b.name)),
    }))
    .filter((g) => g.rows.length > 0 || (!needle && GROUP_ORDER.includes(g.id)));
}

/** The registry's changes that ended or started this agency. */
export const eventsOf = (events: readonly AgencyEvent[], agency: Pick<Agency, 'id'>): AgencyEvent[] =>
  events.filter((e) => [...e.from, ...e.to].some((u) => u.id === agency.id));

/** The changes as a timeline reads them: the latest first. */
export const latestFirst = (events: readonly AgencyEvent[]): AgencyEvent[] =>
  [...events].sort((a, b) => b.effectiveDate.localeCompare(a.effectiveDate));

const unit = (a: Pick<AgencyRef, 'name' | 'code'>) => `${a.name} (${a.code})`;

/** A change as a sentence: "Sở A (SA), Sở B (SB) hợp nhất thành Sở C (SC)". */
export function eventSentence(e: Pick<AgencyEvent, 'kind' | 'from' | 'to'>): string {
  const from = e.from.map(unit).join(', ');
  const to = e.to.map(unit).join(', ');
  switch (e.kind) {
    case 'rename':
      return m('event.renameText', { from, to });
    case 'merge':
      return m('event.mergeText', { from, to });
    case 'split':
      return m('event.splitText', { from, to });
    case 'dissolve':
      return m('event.dissolveText', { from });
  }
}

/** How many new units a change starts with on the form: a split makes two, a dissolution none. */
export const unitRowsFor = (kind: AgencyEventKind): number =>
  kind === 'split' ? 2 : kind === 'dissolve' ? 0 : 1;

/** What the change form holds. */
export interface EventValues {
  kind: AgencyEventKind;
  effectiveDate: string;
  decisionRef: string;
  note: string;
  /** One agency (rename, split, dissolution) or several (merger). */
  from: string[] | string;
  /** A merger into a new unit, or into one of the existing agencies. */
  into: 'new' | 'existing';
  intoAgency?: string;
  units: { code: string; name: string }[];
}

const orNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/** The change as the server takes it: the units it ends, and those it starts or keeps. */
export function eventBody(v: EventValues) {
  const from = Array.isArray(v.from) ? v.from : v.from ? [v.from] : [];
  let to: NewUnit[] = [];
  if (v.kind === 'merge' && v.into === 'existing' && v.intoAgency) to = [{ agencyId: v.intoAgency }];
  else if (v.kind !== 'dissolve')
    to = (v.units ?? []).map((u) => ({ code: u.code.trim(), name: u.name.trim() }));
  return {
    kind: v.kind,
    effectiveDate: v.effectiveDate,
    decisionRef: v.decisionRef.trim(),
    note: orNull(v.note),
    from,
    to,
  };
}

/** What the agency form holds. */
export interface AgencyValues {
  code: string;
  name: string;
  shortName: string;
  group: string;
  website: string;
  email: string;
  validFrom: string;
}

/** The contact details as the server takes them: trimmed, an empty one as none. */
export const contactOf = (v: Pick<AgencyValues, 'shortName' | 'website' | 'email'>) => ({
  shortName: orNull(v.shortName),
  website: orNull(v.website),
  email: orNull(v.email),
});

/** A new agency as the server takes it. */
export const newAgencyBody = (v: AgencyValues) => ({
  code: v.code.trim(),
  name: v.name.trim(),
  group: v.group,
  validFrom: v.validFrom,
  ...contactOf(v),
});

/** An existing agency's details: its code, group and start stay; a formal rename is a registry change. */
export const agencyEditBody = (v: AgencyValues) => ({ name: v.name.trim(), ...contactOf(v) });

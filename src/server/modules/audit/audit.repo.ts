/**
 * SQL of the change history: the audit log read newest first a page at a time, and the names a
 * row's sentence needs. Pages are keyset pages on (at, id), which the indexes of migration 0005
 * serve for the whole log, one agency, one person; a form field's rows through the GIN index over
 * the field list (a draft save names every field it saved: "a,b,c").
 */
import { and, asc, desc, eq, gte, inArray, isNull, lt, not, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/open.ts';
import { agencies, auditLog, criteriaVersions, cycles, users } from '../../db/schema.ts';

export interface EntryFilter {
  readonly agencyId?: string | undefined;
  readonly actorId?: string | undefined;
  readonly field?: string | undefined;
  /** Instants: from inclusive, to exclusive. */
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
  /** The scope of the caller (audit.policy.ts). */
  readonly only: readonly string[] | null;
  readonly except: readonly string[];
}

const namespace = (ns: string) => sql`${auditLog.action} like ${`${ns.replace(/[\\%_]/g, '\\$&')}.%`}`;

function where(f: EntryFilter): SQL | undefined {
  return and(
    f.agencyId ? eq(auditLog.agencyId, f.agencyId) : undefined,
    // A person's doings; a sign-in has no actor yet, so it counts as the doing of the account it is about.
    f.actorId
      ? or(
          eq(auditLog.actorId, f.actorId),
          and(isNull(auditLog.actorId), eq(auditLog.entityType, 'user'), eq(auditLog.entityId, f.actorId)),
        )
      : undefined,
    f.field ? sql`string_to_array(${auditLog.field}, ',') @> array[${f.field}]::text[]` : undefined,
    f.from ? gte(auditLog.at, f.from) : undefined,
    f.to ? lt(auditLog.at, f.to) : undefined,
    f.only ? or(...f.only.map(namespace)) : undefined,
    ...f.except.map((ns) => not(namespace(ns))),
  );
}

export type EntryRow = Awaited<ReturnType<typeof listEntries>>[number];

/**
 * At most `limit` rows matching the filter, newest first (by instant, then by number), older than
 * row `before` when given; with the actor's name, the agency and the cycle each row is about.
 */
export const listEntries = (
  db: Executor,
  f: EntryFilter,
  page: { before?: number | undefined; limit: number },
) =>
  db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorRole: auditLog.actorRole,
      actorName: users.displayName,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      cycleId: auditLog.cycleId,
      cycleYear: cycles.year,
      criteriaVersionId: cycles.criteriaVersionId,
      agencyId: auditLog.agencyId,
      agencyCode: agencies.code,
      agencyName: agencies.name,
      field: auditLog.field,
      oldValue: auditLog.oldValue,
      newValue: auditLog.newValue,
      reason: auditLog.reason,
      requestId: auditLog.requestId,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .leftJoin(agencies, eq(agencies.id, auditLog.agencyId))
    .leftJoin(cycles, eq(cycles.id, auditLog.cycleId))
    .where(
      and(
        where(f),
        page.before === undefined
          ? undefined
          : sql`(${auditLog.at}, ${auditLog.id}) < ((select a2.at from audit_log a2 where a2.id = ${page.before}), ${page.before})`,
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(page.limit);

/** Accounts by id (the people a row is about: an edited account, a sign-in). */
export const usersByIds = (db: Executor, ids: readonly string[]) =>
  ids.length
    ? db
        .select({ id: users.id, username: users.username, displayName: users.displayName })
        .from(users)
        .where(inArray(users.id, [...ids]))
    : Promise.resolve([]);

/** Agencies by id (the agencies a row names in its values: a reporter's agency). */
export const agenciesByIds = (db: Executor, ids: readonly string[]) =>
  ids.length
    ? db
        .select({ id: agencies.id, code: agencies.code, name: agencies.name })
        .from(agencies)
        .where(inArray(agencies.id, [...ids]))
    : Promise.resolve([]);

/** Criteria versions by id, as their title reads. */
export const versionsByIds = (db: Executor, ids: readonly string[]) =>
  ids.length
    ? db
        .select({ id: criteriaVersions.id, title: criteriaVersions.title, version: criteriaVersions.version })
        .from(criteriaVersions)
        .where(inArray(criteriaVersions.id, [...ids]))
    : Promise.resolve([]);

/** Every agency of the registry (past ones too: their history stays), by name. */
export const allAgencies = (db: Executor) =>
  db
    .select({ id: agencies.id, code: agencies.code, name: agencies.name })
    .from(agencies)
    .orderBy(asc(agencies.name));

/** The accounts, or those of one agency, with the reporter's agency. */
export const people = (db: Executor, agencyId: string | null) =>
  db
    .select({
      id: users.id,
      displayName: users.displayName,
      username: users.username,
      role: users.role,
      agencyName: agencies.name,
    })
    .from(users)
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(agencyId ? eq(users.agencyId, agencyId) : undefined)
    .orderBy(asc(users.displayName));

/** The criteria versions the cycles use, newest cycle first. */
export const cycleVersions = (db: Executor) =>
  db
    .select({ criteriaVersionId: cycles.criteriaVersionId, year: cycles.year })
    .from(cycles)
    .orderBy(desc(cycles.year));

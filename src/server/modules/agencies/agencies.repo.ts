/** SQL of the agency registry and its history (agencies, agency_events, agency_event_links). */
import { and, asc, desc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Executor } from '../../db/open.ts';
import { agencies, agencyEventLinks, agencyEvents } from '../../db/schema.ts';

export type AgencyRow = typeof agencies.$inferSelect;
export type AgencyEventRow = typeof agencyEvents.$inferSelect;

/** PostgreSQL's unique_violation, as both drivers report it (drizzle wraps it in `cause`). */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  for (
    let err = e as { code?: unknown; constraint?: unknown; cause?: unknown } | undefined, depth = 0;
    err && depth < 4;
    depth++
  ) {
    if (err.code === '23505') return constraint === undefined || err.constraint === constraint;
    err = err.cause as typeof err;
  }
  return false;
}

const validOnDate = (date: string) =>
  and(lte(agencies.validFrom, date), or(isNull(agencies.validTo), gte(agencies.validTo, date)));

/** Units valid on a date (validFrom ≤ date ≤ validTo), ordered by group and code. */
export const agenciesValidOn = (
  db: Executor,
  date: string,
  options: { group?: string | undefined; id?: string | undefined } = {},
) =>
  db
    .select()
    .from(agencies)
    .where(
      and(
        validOnDate(date),
        options.group ? eq(agencies.groupId, options.group) : undefined,
        options.id ? eq(agencies.id, options.id) : undefined,
      ),
    )
    .orderBy(asc(agencies.groupId), asc(agencies.code));

/** Every unit that ever existed (history included). */
export const allAgencies = (
  db: Executor,
  options: { group?: string | undefined; id?: string | undefined } = {},
) =>
  db
    .select()
    .from(agencies)
    .where(
      and(
        options.group ? eq(agencies.groupId, options.group) : undefined,
        options.id ? eq(agencies.id, options.id) : undefined,
      ),
    )
    .orderBy(asc(agencies.groupId), asc(agencies.code), asc(agencies.validFrom));

export const findAgency = async (db: Executor, id: string): Promise<AgencyRow | undefined> =>
  (await db.select().from(agencies).where(eq(agencies.id, id)).limit(1))[0];

/** The units locked for the rest of the transaction (an event ends them). */
export const lockAgencies = (db: Executor, ids: readonly string[]) =>
  db
    .select()
    .from(agencies)
    .where(inArray(agencies.id, [...ids]))
    .orderBy(asc(agencies.id))
    .for('update');

export const agenciesWithCodes = (db: Executor, codes: readonly string[]) =>
  codes.length
    ? db
        .select()
        .from(agencies)
        .where(inArray(agencies.code, [...codes]))
    : Promise.resolve([] as AgencyRow[]);

export async function insertAgency(
  db: Executor,
  a: {
    code: string;
    name: string;
    shortName: string | null;
    groupId: string;
    website: string | null;
    email: string | null;
    validFrom: string;
    now: Date;
  },
): Promise<AgencyRow> {
  const { now, ...values } = a;
  const [row] = await db
    .insert(agencies)
    .values({ ...values, createdAt: now, updatedAt: now })
    .returning();
  return row!;
}

export const updateAgency = async (db: Executor, id: string, patch: Partial<typeof agencies.$inferInsert>) =>
  (await db.update(agencies).set(patch).where(eq(agencies.id, id)).returning())[0];

/** Ends a unit still valid: zero rows when another event ended it first. */
export const endAgency = async (db: Executor, id: string, validTo: string, now: Date) =>
  db
    .update(agencies)
    .set({ validTo, updatedAt: now })
    .where(and(eq(agencies.id, id), isNull(agencies.validTo)))
    .returning({ id: agencies.id });

export async function insertEvent(
  db: Executor,
  e: {
    kind: AgencyEventRow['kind'];
    effectiveDate: string;
    decisionRef: string;
    note: string | null;
    createdBy: string | null;
    now: Date;
  },
): Promise<AgencyEventRow> {
  const { now, ...values } = e;
  const [row] = await db
    .insert(agencyEvents)
    .values({ ...values, createdAt: now })
    .returning();
  return row!;
}

export const insertLinks = (
  db: Executor,
  links: readonly { eventId: string; agencyId: string; role: 'from' | 'to' }[],
) => db.insert(agencyEventLinks).values([...links]);

/** Events in which the unit took part, oldest first. */
export const eventsOf = (db: Executor, agencyId: string) =>
  db
    .selectDistinct({
      id: agencyEvents.id,
      kind: agencyEvents.kind,
      effectiveDate: agencyEvents.effectiveDate,
      decisionRef: agencyEvents.decisionRef,
      note: agencyEvents.note,
      createdAt: agencyEvents.createdAt,
    })
    .from(agencyEvents)
    .innerJoin(agencyEventLinks, eq(agencyEventLinks.eventId, agencyEvents.id))
    .where(eq(agencyEventLinks.agencyId, agencyId))
    .orderBy(asc(agencyEvents.effectiveDate), asc(agencyEvents.createdAt));

export const findEvent = async (db: Executor, id: string): Promise<AgencyEventRow | undefined> =>
  (await db.select().from(agencyEvents).where(eq(agencyEvents.id, id)).limit(1))[0];

/** The units linked to some events, with their role in each. */
export const linksOf = (db: Executor, eventIds: readonly string[]) =>
  eventIds.length
    ? db
        .select({
          eventId: agencyEventLinks.eventId,
          role: agencyEventLinks.role,
          id: agencies.id,
          code: agencies.code,
          name: agencies.name,
          groupId: agencies.groupId,
          validFrom: agencies.validFrom,
          validTo: agencies.validTo,
        })
        .from(agencyEventLinks)
        .innerJoin(agencies, eq(agencies.id, agencyEventLinks.agencyId))
        .where(inArray(agencyEventLinks.eventId, [...eventIds]))
        .orderBy(asc(agencies.code))
    : Promise.resolve([]);

/** The most recent events of the registry (the registry page shows them). */
export const recentEvents = (db: Executor, limit: number) =>
  db
    .select()
    .from(agencyEvents)
    .orderBy(desc(agencyEvents.effectiveDate), desc(agencyEvents.createdAt))
    .limit(limit);

/** The events that started or extended these units (they are on the "to" side), newest first. */
export const eventsInto = (db: Executor, agencyIds: readonly string[]) =>
  agencyIds.length
    ? db
        .select({
          eventId: agencyEvents.id,
          kind: agencyEvents.kind,
          effectiveDate: agencyEvents.effectiveDate,
          agencyId: agencyEventLinks.agencyId,
        })
        .from(agencyEventLinks)
        .innerJoin(agencyEvents, eq(agencyEvents.id, agencyEventLinks.eventId))
        .where(and(eq(agencyEventLinks.role, 'to'), inArray(agencyEventLinks.agencyId, [...agencyIds])))
        .orderBy(desc(agencyEvents.effectiveDate), asc(agencyEvents.createdAt))
    : Promise.resolve([]);

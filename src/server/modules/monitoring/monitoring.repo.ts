/** SQL of the website monitoring: sites, availability checks, content snapshots and their pages, alerts. */
import { and, asc, count, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/open.ts';
import {
  agencies,
  availabilityChecks,
  contentSnapshots,
  monitorAlerts,
  monitoredSites,
  type SiteKind,
  type SnapshotState,
  snapshotPages,
  users,
  websiteChecks,
} from '../../db/schema.ts';

export type SiteRow = typeof monitoredSites.$inferSelect;
export type AvailabilityRow = typeof availabilityChecks.$inferSelect;
export type SnapshotRow = typeof contentSnapshots.$inferSelect;
export type Window = { from: Date; to: Date };

/** The rows of a raw statement, on either engine's driver. */
const rowsOf = (result: unknown): unknown[] => (result as { rows: unknown[] }).rows;

export const findAgency = async (db: Executor, id: string) =>
  (
    await db
      .select({ id: agencies.id, code: agencies.code, name: agencies.name, groupId: agencies.groupId })
      .from(agencies)
      .where(eq(agencies.id, id))
      .limit(1)
  )[0];

/* ───────────────────────── sites ───────────────────────── */

/** Every site row of an agency, current ones and history, newest first. */
export const sitesOf = (db: Executor, agencyId: string) =>
  db
    .select()
    .from(monitoredSites)
    .where(eq(monitoredSites.agencyId, agencyId))
    .orderBy(asc(monitoredSites.kind), desc(monitoredSites.validFrom), desc(monitoredSites.createdAt));

/** The current site of a kind, locked for the rest of the transaction when asked. */
export const currentSite = async (db: Executor, agencyId: string, kind: SiteKind, lock = false) => {
  const q = db
    .select()
    .from(monitoredSites)
    .where(
      and(
        eq(monitoredSites.agencyId, agencyId),
        eq(monitoredSites.kind, kind),
        isNull(monitoredSites.validTo),
      ),
    )
    .limit(1);
  return (await (lock ? q.for('update') : q))[0];
};

export const siteById = async (db: Executor, id: string) =>
  (await db.select().from(monitoredSites).where(eq(monitoredSites.id, id)).limit(1))[0];

/** The sites to check now: current ones of current agencies (of one kind when given). */
export const currentSites = (db: Executor, kind?: SiteKind) =>
  db
    .select({ id: monitoredSites.id, agencyId: monitoredSites.agencyId, kind: monitoredSites.kind })
    .from(monitoredSites)
    .innerJoin(agencies, eq(agencies.id, monitoredSites.agencyId))
    .where(
      and(
        isNull(monitoredSites.validTo),
        isNull(agencies.validTo),
        kind ? eq(monitoredSites.kind, kind) : undefined,
      ),
    )
    .orderBy(asc(agencies.code), asc(monitoredSites.kind));

export const endSite = (db: Executor, id: string, validTo: string) =>
  db.update(monitoredSites).set({ validTo }).where(eq(monitoredSites.id, id));

export const updatePins = (db: Executor, id: string, pins: Record<string, string>) =>
  db.update(monitoredSites).set({ pins }).where(eq(monitoredSites.id, id)).returning();

export const insertSite = async (db: Executor, row: typeof monitoredSites.$inferInsert) =>
  (await db.insert(monitoredSites).values(row).returning())[0]!;

/** The registry's website column follows the current portal, so the other screens show it too. */
export const setAgencyWebsite = (db: Executor, agencyId: string, url: string | null, now: Date) =>
  db.update(agencies).set({ website: url, updatedAt: now }).where(eq(agencies.id, agencyId));

/* ───────────────────────── availability ───────────────────────── */

/** Records one check; a retried job that already recorded its slot adds nothing. */
export const insertAvailability = (db: Executor, row: typeof availabilityChecks.$inferInsert) =>
  db
    .insert(availabilityChecks)
    .values(row)
    .onConflictDoNothing({ target: [availabilityChecks.siteId, availabilityChecks.checkedAt] })
    .returning({ id: availabilityChecks.id });

/** The latest checks of a site, newest first. */
export const latestAvailability = (db: Executor, siteId: string, n: number) =>
  db
    .select()
    .from(availabilityChecks)
    .where(eq(availabilityChecks.siteId, siteId))
    .orderBy(desc(availabilityChecks.checkedAt))
    .limit(n);

/** The latest check of each of some sites. */
export const lastAvailabilityOf = async (db: Executor, siteIds: readonly string[]) =>
  siteIds.length
    ? (rowsOf(
        await db.execute(sql`
          select distinct on (site_id) site_id as "siteId", checked_at as "checkedAt", ok, status,
                 ttfb_ms as "ttfbMs", tls_days_left as "tlsDaysLeft", final_url as "finalUrl", failure
          from availability_checks
          where site_id in (${sql.join(
            siteIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})
          order by site_id, checked_at desc`),
      ) as {
        siteId: string;
        checkedAt: string | Date;
        ok: boolean;
        status: number | null;
        ttfbMs: number | null;
        tlsDaysLeft: number | null;
        finalUrl: string | null;
        failure: unknown;
      }[])
    : [];

/** Checks, successes and the mean time to first byte per site within a window. */
export const uptimeOf = (db: Executor, siteIds: readonly string[], w: Window) =>
  siteIds.length
    ? db
        .select({
          siteId: availabilityChecks.siteId,
          checks: count(),
          up: sql<number>`count(*) filter (where ${availabilityChecks.ok})::int`,
        })
        .from(availabilityChecks)
        .where(
          and(
            inArray(availabilityChecks.siteId, [...siteIds]),
            gte(availabilityChecks.checkedAt, w.from),
            lt(availabilityChecks.checkedAt, w.to),
          ),
        )
        .groupBy(availabilityChecks.siteId)
    : Promise.resolve([]);

/** Per day (Vietnam time, fixed +7): checks, successes, mean time to first byte of the successes. */
export const availabilityByDay = async (db: Executor, siteIds: readonly string[], w: Window) =>
  !siteIds.length
    ? []
    : (rowsOf(
        await db.execute(sql`
      select to_char((checked_at at time zone 'UTC') + interval '7 hours', 'YYYY-MM-DD') as day,
             count(*)::int as checks,
             (count(*) filter (where ok))::int as up,
             round(avg(ttfb_ms) filter (where ok))::int as "meanTtfbMs"
      from availability_checks
      where site_id in (${sql.join(
        siteIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}) and checked_at >= ${w.from.toISOString()}::timestamptz
        and checked_at < ${w.to.toISOString()}::timestamptz
      group by 1 order by 1`),
      ) as DayRow[]);

export interface DayRow {
  day: string;
  checks: number;
  up: number;
  meanTtfbMs: number | null;
}

/* ───────────────────────── content snapshots ───────────────────────── */

export const insertSnapshot = async (db: Executor, row: typeof contentSnapshots.$inferInsert) =>
  (await db.insert(contentSnapshots).values(row).returning({ id: contentSnapshots.id }))[0]!.id;

export const insertPages = async (db: Executor, rows: (typeof snapshotPages.$inferInsert)[]) => {
  // A page copy can be megabytes: a few rows per statement keeps each one small.
  for (let i = 0; i < rows.length; i += 8) await db.insert(snapshotPages).values(rows.slice(i, i + 8));
};

const snapshotCols = {
  id: contentSnapshots.id,
  siteId: contentSnapshots.siteId,
  agencyId: contentSnapshots.agencyId,
  siteUrl: monitoredSites.url,
  state: contentSnapshots.state,
  startedAt: contentSnapshots.startedAt,
  finishedAt: contentSnapshots.finishedAt,
  findings: contentSnapshots.findings,
  stoppedBy: contentSnapshots.stoppedBy,
  failure: contentSnapshots.failure,
  confirmedAt: contentSnapshots.confirmedAt,
  confirmedBy: contentSnapshots.confirmedBy,
  decisions: contentSnapshots.decisions,
};
export type SnapshotListRow = Awaited<ReturnType<typeof snapshotsOf>>[number];

/** An agency's snapshots within a window, newest first. */
export const snapshotsOf = (db: Executor, agencyIds: readonly string[], w?: Window) =>
  agencyIds.length
    ? db
        .select(snapshotCols)
        .from(contentSnapshots)
        .innerJoin(monitoredSites, eq(monitoredSites.id, contentSnapshots.siteId))
        .where(
          and(
            inArray(contentSnapshots.agencyId, [...agencyIds]),
            w ? gte(contentSnapshots.startedAt, w.from) : undefined,
            w ? lt(contentSnapshots.startedAt, w.to) : undefined,
          ),
        )
        .orderBy(desc(contentSnapshots.startedAt))
    : Promise.resolve([]);

export const findSnapshot = async (db: Executor, id: string) =>
  (
    await db
      .select({
        ...snapshotCols,
        confirmedByName: users.displayName,
        websiteCheckId: websiteChecks.id,
      })
      .from(contentSnapshots)
      .innerJoin(monitoredSites, eq(monitoredSites.id, contentSnapshots.siteId))
      .leftJoin(users, eq(users.id, contentSnapshots.confirmedBy))
      .leftJoin(websiteChecks, eq(websiteChecks.snapshotId, contentSnapshots.id))
      .where(eq(contentSnapshots.id, id))
      .limit(1)
  )[0];

/** The snapshot's state, locked: two assessors cannot both confirm it. */
export const lockSnapshot = async (db: Executor, id: string) =>
  (
    await db
      .select({ state: contentSnapshots.state })
      .from(contentSnapshots)
      .where(eq(contentSnapshots.id, id))
      .for('update')
  )[0];

export const markConfirmed = (
  db: Executor,
  id: string,
  c: { by: string; at: Date; decisions: unknown; state: SnapshotState },
) =>
  db
    .update(contentSnapshots)
    .set({ state: c.state, confirmedBy: c.by, confirmedAt: c.at, decisions: c.decisions })
    .where(eq(contentSnapshots.id, id));

/** The pages of a snapshot without their bytes. */
export const pagesOf = (db: Executor, snapshotId: string) =>
  db
    .select({
      id: snapshotPages.id,
      url: snapshotPages.url,
      depth: snapshotPages.depth,
      status: snapshotPages.status,
      contentType: snapshotPages.contentType,
      bytes: snapshotPages.bytes,
      title: snapshotPages.title,
      stored: sql<boolean>`${snapshotPages.body} is not null`,
      failure: snapshotPages.failure,
    })
    .from(snapshotPages)
    .where(eq(snapshotPages.snapshotId, snapshotId))
    .orderBy(asc(snapshotPages.id));

export const pageCopy = async (db: Executor, snapshotId: string, pageId: number) =>
  (
    await db
      .select({ url: snapshotPages.url, contentType: snapshotPages.contentType, body: snapshotPages.body })
      .from(snapshotPages)
      .where(and(eq(snapshotPages.snapshotId, snapshotId), eq(snapshotPages.id, pageId)))
      .limit(1)
  )[0];

/* ───────────────────────── alerts ───────────────────────── */

/** Opens an episode unless one is open; returns its id when this call opened it. */
export const openAlert = async (
  db: Executor,
  a: { siteId: string; kind: 'down' | 'tls'; startedAt: Date; detail: unknown },
) =>
  (
    await db
      .insert(monitorAlerts)
      .values(a)
      .onConflictDoNothing({
        target: [monitorAlerts.siteId, monitorAlerts.kind],
        where: sql`${monitorAlerts.endedAt} is null`,
      })
      .returning({ id: monitorAlerts.id })
  )[0]?.id;

export const closeAlert = (db: Executor, siteId: string, kind: 'down' | 'tls', endedAt: Date) =>
  db
    .update(monitorAlerts)
    .set({ endedAt })
    .where(and(eq(monitorAlerts.siteId, siteId), eq(monitorAlerts.kind, kind), isNull(monitorAlerts.endedAt)))
    .returning({ id: monitorAlerts.id });

/** The active assessors' addresses: they hear of every site in trouble. */
export const assessorAddresses = async (db: Executor) =>
  (
    await db
      .select({ email: users.email })
      .from(users)
      .where(and(eq(users.role, 'assessor'), eq(users.active, true)))
      .orderBy(asc(users.email))
  )
    .map((r) => r.email?.trim())
    .filter((e): e is string => !!e);

/** The units of the registry today, in code order (the overview's rows). */
export const currentAgencies = (db: Executor) =>
  db
    .select({ id: agencies.id, code: agencies.code, name: agencies.name, groupId: agencies.groupId })
    .from(agencies)
    .where(isNull(agencies.validTo))
    .orderBy(asc(agencies.code));

/** The current portals of every unit. */
export const currentPortals = (db: Executor) =>
  db
    .select()
    .from(monitoredSites)
    .where(and(isNull(monitoredSites.validTo), eq(monitoredSites.kind, 'portal')));

/** A user's display name (who last changed a schedule). */
export const userName = async (db: Executor, id: string) =>
  (await db.select({ name: users.displayName }).from(users).where(eq(users.id, id)).limit(1))[0]?.name ??
  null;

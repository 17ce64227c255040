/**
 * The department's overview of every portal (R5): current status, uptime over the year, the last
 * content check and what it found, and how many snapshots wait for confirmation. A few grouped
 * queries for all units, whatever their number.
 */
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { canReadOverview } from './monitoring.policy.ts';
import * as repo from './monitoring.repo.ts';
import type { Overview, YearQuery } from './monitoring.schema.ts';
import { lastView, siteView, snapshotSummary } from './monitoring-views.ts';
import { vnYearOf, yearWindow } from './read-agency-monitoring.ts';

export async function readOverview(deps: AppDeps, caller: Caller, input: YearQuery): Promise<Overview> {
  authorize(canReadOverview(caller.user));
  const db = deps.database.db;
  const year = input.year ?? vnYearOf(deps.clock.now());
  const w = yearWindow(year);
  const units = await repo.currentAgencies(db);
  const portals = new Map((await repo.currentPortals(db)).map((s) => [s.agencyId, s]));
  const siteIds = [...portals.values()].map((s) => s.id);
  const last = new Map((await repo.lastAvailabilityOf(db, siteIds)).map((r) => [r.siteId, r]));
  const uptime = new Map((await repo.uptimeOf(db, siteIds, w)).map((r) => [r.siteId, r]));
  const snapshots = await repo.snapshotsOf(
    db,
    units.map((u) => u.id),
    w,
  );
  return {
    year,
    rows: units.map((u) => {
      const site = portals.get(u.id);
      const l = site ? last.get(site.id) : undefined;
      const up = site ? uptime.get(site.id) : undefined;
      const own = snapshots.filter((s) => s.agencyId === u.id);
      const checks = Number(up?.checks ?? 0);
      return {
        agency: u,
        site: site ? siteView(site) : null,
        last: l ? lastView(l) : null,
        uptime: checks ? Math.round((Number(up!.up) / checks) * 10_000) / 100 : null,
        checks,
        lastSnapshot: own[0] ? snapshotSummary(own[0]) : null,
        proposed: own.filter((s) => s.state === 'proposed').length,
      };
    }),
  };
}

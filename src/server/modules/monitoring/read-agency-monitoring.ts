/**
 * What monitoring saw of an agency's portal during a year (R5), for the agency itself and for the
 * department: each content check with its items and evidence, availability per month and per day,
 * and what the latest check did not find, so the agency can fix its portal before the deadline.
 */
import { vnMidnight } from '../../../core/calendar/time.ts';
import { notFound } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { canReadMonitoring } from './monitoring.policy.ts';
import * as repo from './monitoring.repo.ts';
import type { AgencyMonitoring, AgencyParams, MonthAvailability, YearQuery } from './monitoring.schema.ts';
import { isFound, lastView, siteView, snapshotSummary } from './monitoring-views.ts';
import { snapshotDetail } from './snapshot-context.ts';

export const yearWindow = (year: number) => ({
  from: new Date(vnMidnight(year, 1, 1)),
  to: new Date(vnMidnight(year + 1, 1, 1)),
});

export const vnYearOf = (d: Date) => new Date(d.getTime() + 7 * 3600_000).getUTCFullYear();

/** Days folded into months: checks, successes, uptime % and the mean time to first byte. */
export function monthsOf(days: readonly repo.DayRow[]): MonthAvailability[] {
  const months = new Map<string, { checks: number; up: number; ttfbSum: number; ttfbN: number }>();
  for (const d of days) {
    const key = d.day.slice(0, 7);
    const m = months.get(key) ?? { checks: 0, up: 0, ttfbSum: 0, ttfbN: 0 };
    m.checks += d.checks;
    m.up += d.up;
    if (d.meanTtfbMs !== null) {
      m.ttfbSum += d.meanTtfbMs * d.up;
      m.ttfbN += d.up;
    }
    months.set(key, m);
  }
  return [...months.entries()].map(([month, m]) => ({
    month,
    checks: m.checks,
    up: m.up,
    uptime: m.checks ? Math.round((m.up / m.checks) * 10_000) / 100 : null,
    meanTtfbMs: m.ttfbN ? Math.round(m.ttfbSum / m.ttfbN) : null,
  }));
}

export async function readAgencyMonitoring(
  deps: AppDeps,
  caller: Caller,
  input: AgencyParams & YearQuery,
): Promise<AgencyMonitoring> {
  authorize(canReadMonitoring(caller.user, input.agencyId));
  const db = deps.database.db;
  const agency = await repo.findAgency(db, input.agencyId);
  if (!agency) throw notFound({ vi: 'cơ quan', en: 'agency' });
  const year = input.year ?? vnYearOf(deps.clock.now());
  const w = yearWindow(year);
  const sites = await repo.sitesOf(db, agency.id);
  const portals = sites.filter((s) => s.kind === 'portal').map((s) => s.id);
  const current = sites.filter((s) => s.validTo === null);
  const currentPortal = current.find((s) => s.kind === 'portal');
  const [last] = currentPortal ? await repo.lastAvailabilityOf(db, [currentPortal.id]) : [];
  const days = await repo.availabilityByDay(db, portals, w);
  const snapshots = await repo.snapshotsOf(db, [agency.id], w);
  const latestRow = snapshots.find((s) => s.state !== 'failed');
  const latest = latestRow ? await snapshotDetail(db, (await repo.findSnapshot(db, latestRow.id))!) : null;
  const keptValue = (f: { field: string; value: unknown }) =>
    latest?.decisions?.[f.field] ? latest.decisions[f.field]!.value : f.value;
  return {
    year,
    agency: { id: agency.id, code: agency.code, name: agency.name },
    sites: current.map(siteView),
    last: last ? lastView(last) : null,
    months: monthsOf(days),
    days,
    snapshots: snapshots.map(snapshotSummary),
    missing: latest ? latest.findings.filter((f) => !isFound(keptValue(f))) : [],
    latest,
  };
}

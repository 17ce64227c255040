/**
 * One availability check of one site (a job of the availability schedule): the engine visits the
 * address, and the outcome is recorded under the slot's instant, so a job run twice (a server that
 * died after recording) records it once; the alert episodes follow in the same transaction.
 */
import type { AppDeps } from '../../platform/http.ts';
import { applyAlerts } from './alerts.ts';
import { checkAvailability, monitorOptions } from './engine.ts';
import type { SitePayload } from './job-kinds.ts';
import * as repo from './monitoring.repo.ts';

export async function runAvailabilityCheck(deps: AppDeps, job: SitePayload): Promise<void> {
  const db = deps.database.db;
  const site = await repo.siteById(db, job.siteId);
  if (!site || site.validTo !== null) return; // the address changed since the slot was queued
  const agency = await repo.findAgency(db, site.agencyId);
  if (!agency) return;
  const result = await checkAvailability(site.url, { ...monitorOptions(deps.config), now: deps.clock.now() });
  const at = new Date(job.slot);
  const outcome = {
    ok: result.ok,
    tlsDaysLeft: result.tls?.daysLeft ?? null,
    failure: result.failure?.reason ?? null,
  };
  await db.transaction(async (tx) => {
    const inserted = await repo.insertAvailability(tx, {
      siteId: site.id,
      checkedAt: at,
      ok: result.ok,
      status: result.status ?? null,
      ttfbMs: result.ttfbMs === null || result.ttfbMs === undefined ? null : Math.round(result.ttfbMs),
      tlsDaysLeft: outcome.tlsDaysLeft === null ? null : Math.floor(outcome.tlsDaysLeft),
      // Kept only when the redirects led elsewhere: most checks end where they began.
      finalUrl: result.finalUrl && result.finalUrl !== site.url ? result.finalUrl : null,
      failureCode: result.failure?.code ?? null,
      failure: result.failure?.reason ?? null,
    });
    if (inserted.length) await applyAlerts(tx, deps, site, agency, at, outcome);
  });
}

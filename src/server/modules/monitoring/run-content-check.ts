/**
 * One content check of one site (a job of the content schedule, or asked for from the agency's
 * page): the engine visits the portal within its scope and bounds, the detectors of the criteria
 * the agency is evaluated on decide each monitoring field with its evidence, and the snapshot is
 * stored with a compressed copy of every page fetched, "proposed" until an assessor confirms it.
 * A site that gave nothing to decide on is stored as "failed" with the engine's reason.
 */
import type { AppDeps } from '../../platform/http.ts';
import { criteriaForAgency } from '../website-checks/check-values.ts';
import { checkContent, detectorsOf, monitorOptions } from './engine.ts';
import type { SitePayload } from './job-kinds.ts';
import * as repo from './monitoring.repo.ts';
import { siteScope } from './site-address.ts';

const when = (v: unknown, fallback: Date): Date => {
  if (v instanceof Date) return v;
  if (typeof v === 'number' || typeof v === 'string') {
    const d = new Date(v);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return fallback;
};

export async function runContentCheck(deps: AppDeps, job: SitePayload): Promise<string | null> {
  const db = deps.database.db;
  const site = await repo.siteById(db, job.siteId);
  if (!site || site.validTo !== null) return null; // the address changed since the check was queued
  const agency = await repo.findAgency(db, site.agencyId);
  if (!agency) return null;
  const { set, group } = await criteriaForAgency(db, agency);
  const monitoring = new Set(group.fields.filter((f) => f.source === 'monitoring').map((f) => f.key));
  const started = deps.clock.now();
  const result = await checkContent({ url: site.url, scope: siteScope(site.url) }, detectorsOf(set.def), {
    ...monitorOptions(deps.config),
    now: started,
    pins: (site.pins ?? {}) as Record<string, string>,
  });
  const findings = result.findings
    .filter((f) => monitoring.has(f.field))
    .map((f) => ({ field: f.field, value: f.value, evidence: f.evidence, reason: f.reason }));
  return db.transaction(async (tx) => {
    const id = await repo.insertSnapshot(tx, {
      siteId: site.id,
      agencyId: agency.id,
      state: findings.length ? 'proposed' : 'failed',
      startedAt: when(result.startedAt, started),
      finishedAt: when(result.finishedAt, deps.clock.now()),
      findings,
      stoppedBy: result.stoppedBy ? String(result.stoppedBy) : null,
      failure: result.failure?.reason ?? null,
      requestedBy: job.requestedBy ?? null,
    });
    await repo.insertPages(
      tx,
      result.pages.map((p) => ({
        snapshotId: id,
        url: p.url,
        depth: p.depth,
        status: p.status ?? null,
        contentType: p.contentType ?? null,
        bytes: p.bytes ?? 0,
        fetchedAt: when(p.fetchedAt, started),
        title: p.title ?? null,
        body: p.body ?? null,
        failure: p.failure ? ((p.failure as { reason?: unknown }).reason ?? p.failure) : null,
      })),
    );
    return id;
  });
}

/** Rows of the monitoring tables as the screens show them (instants as ISO strings, texts in two languages). */
import type { Text } from '../../../core/types.ts';
import type * as repo from './monitoring.repo.ts';
import type { FindingView, LastAvailability, SiteView, SnapshotSummary } from './monitoring.schema.ts';
import { siteScope } from './site-address.ts';

export const siteView = (r: repo.SiteRow): SiteView => ({
  id: r.id,
  agencyId: r.agencyId,
  kind: r.kind,
  url: r.url,
  scope: siteScope(r.url),
  pins: (r.pins ?? {}) as Record<string, string>,
  validFrom: r.validFrom,
  validTo: r.validTo,
});

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

/** A stored reason, whatever shape it was written in. */
export function textOf(v: unknown): Text | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return { vi: v };
  if (typeof v === 'object' && typeof (v as { vi?: unknown }).vi === 'string') {
    const t = v as { vi: string; en?: unknown };
    return typeof t.en === 'string' ? { vi: t.vi, en: t.en } : { vi: t.vi };
  }
  return null;
}

export const lastView = (r: {
  checkedAt: Date | string;
  ok: boolean;
  status: number | null;
  ttfbMs: number | null;
  tlsDaysLeft: number | null;
  finalUrl: string | null;
  failure: unknown;
}): LastAvailability => ({
  checkedAt: iso(r.checkedAt),
  ok: r.ok,
  status: r.status,
  ttfbMs: r.ttfbMs,
  tlsDaysLeft: r.tlsDaysLeft,
  finalUrl: r.finalUrl,
  failure: textOf(r.failure),
});

/** A finding as stored (the engine's shape). */
export interface StoredFinding {
  field: string;
  value: boolean | number | null;
  evidence: { url: string; excerpt: string } | null;
  reason: unknown;
}

/** Whether a value means the item is there. */
export const isFound = (v: unknown) => v === true || (typeof v === 'number' && v > 0);

export function findingViews(
  findings: unknown,
  nameOf: (field: string) => Text,
  typeOf: (field: string) => string,
): FindingView[] {
  return ((findings ?? []) as StoredFinding[]).map((f) => ({
    field: f.field,
    name: nameOf(f.field),
    type: typeOf(f.field),
    value: f.value ?? null,
    evidence: f.evidence ?? null,
    reason: textOf(f.reason) ?? { vi: '' },
  }));
}

export function snapshotSummary(r: repo.SnapshotListRow): SnapshotSummary {
  const findings = (r.findings ?? []) as StoredFinding[];
  const decisions = r.decisions as Record<string, { value: unknown }> | null;
  const keptValue = (f: StoredFinding) => (decisions?.[f.field] ? decisions[f.field]!.value : f.value);
  return {
    id: r.id,
    agencyId: r.agencyId,
    siteUrl: r.siteUrl,
    state: r.state,
    startedAt: iso(r.startedAt),
    finishedAt: iso(r.finishedAt),
    stoppedBy: r.stoppedBy,
    failure: textOf(r.failure),
    found: findings.filter((f) => isFound(keptValue(f))).length,
    fields: findings.length,
    confirmedAt: r.confirmedAt ? iso(r.confirmedAt) : null,
  };
}

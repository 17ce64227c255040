/**
 * A criteria version as the use cases answer with it: its row (with the years of the cycles bound
 * to it), a readable outline of its content, and a stored version read back as a set.
 */
import { loadCriteriaSet } from '../../../core/criteria/load.ts';
import type { CriteriaSet } from '../../../core/criteria/schema.ts';
import type { Executor } from '../../db/open.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import * as repo from './criteria.repo.ts';
import type { CriteriaSummary, LineageLink, VersionView } from './criteria.schema.ts';

/** The `derivedFrom` of a set's content, or null. */
export function derivedFromOf(content: unknown): { setId: string; version: string } | null {
  const d = (content as { derivedFrom?: unknown } | null)?.derivedFrom as
    | { id?: unknown; version?: unknown }
    | null
    | undefined;
  return d && typeof d.id === 'string' && typeof d.version === 'string'
    ? { setId: d.id, version: d.version }
    : null;
}

export const versionView = (
  r: Omit<repo.CriteriaVersionRow, 'content'> & { cycleYears: number[]; derivedFrom?: unknown },
): VersionView => ({
  id: r.id,
  setId: r.setId,
  version: r.version,
  title: r.title,
  status: r.status,
  hash: r.hash,
  loadedAt: r.loadedAt.toISOString(),
  inUse: r.cycleYears.length > 0,
  cycleYears: r.cycleYears.map(Number),
  derivedFrom: derivedFromOf({ derivedFrom: r.derivedFrom }),
});

/** The view of a stored version, with the years of the cycles that use it. */
export const storedView = async (db: Executor, row: repo.CriteriaVersionRow): Promise<VersionView> =>
  versionView({
    ...row,
    cycleYears: await repo.cycleYearsOf(db, row.id),
    derivedFrom: (row.content as { derivedFrom?: unknown }).derivedFrom,
  });

/**
 * The versions a set derives from, nearest first, following each stored version's `derivedFrom`
 * until a version that names none, one not loaded here, or one already seen (a loop in the files).
 */
export async function lineageOf(db: Executor, content: unknown): Promise<LineageLink[]> {
  const out: LineageLink[] = [];
  const seen = new Set<string>();
  let next = derivedFromOf(content);
  while (next && out.length < 50) {
    const key = `${next.setId}@${next.version}`;
    if (seen.has(key)) break;
    seen.add(key);
    const row = await repo.findBySetVersion(db, next.setId, next.version);
    out.push({
      setId: next.setId,
      version: next.version,
      versionId: row?.id ?? null,
      title: row?.title ?? null,
    });
    next = row ? derivedFromOf(row.content) : null;
  }
  return out;
}

/** A readable outline of a set: groups, categories with maxima, criteria with their maximum and flags. */
export function summarize(set: CriteriaSet): CriteriaSummary {
  return {
    setId: set.id,
    version: set.version,
    title: set.title,
    status: set.status,
    decision: set.decision ?? null,
    totalMax: set.totalMax,
    classes: set.classes.map((c) => ({ id: c.id, label: c.label, min: c.min, below: c.below ?? null })),
    groups: set.groups.map((g) => ({
      id: g.id,
      name: g.name,
      appendix: g.appendix ?? null,
      max: g.categories.reduce((s, c) => s + c.max, 0),
      criteriaCount: g.categories.reduce((s, c) => s + c.criteria.length, 0),
      categories: g.categories.map((c) => ({
        id: c.id,
        name: c.name,
        max: c.max,
        gate: c.gate ?? null,
        criteria: c.criteria.map((k) => ({
          id: k.id,
          name: k.name,
          max: k.max,
          naAllowed: k.notApplicable !== undefined,
          naWhen: k.notApplicable?.when ?? null,
          monitored: k.monitoredOnWebsite,
        })),
      })),
    })),
    fieldCount: set.fields.length + set.derived.length,
    validationCount: set.validations.length,
  };
}

/**
 * A stored version and its set: 404 when the id is the URL's (`field` "id"), else 400 naming the
 * parameter that names it.
 */
export async function storedSet(
  db: Executor,
  id: string,
  field: string,
): Promise<{ row: repo.CriteriaVersionRow; set: CriteriaSet }> {
  const row = await repo.findVersion(db, id);
  if (!row) {
    if (field === 'id') throw notFound({ vi: 'phiên bản bộ tiêu chí', en: 'criteria version' });
    throw invalid(field, { vi: 'Không có phiên bản bộ tiêu chí này', en: 'No such criteria version' });
  }
  const loaded = loadCriteriaSet(row.content);
  // Stored versions were validated when loaded; failing now means the row was altered.
  if (!loaded.ok) throw new Error(`criteria version ${id} no longer validates`);
  return { row, set: loaded.set };
}

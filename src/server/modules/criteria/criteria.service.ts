/**
 * Criteria versions (R13, R14): the scoring method as data, versioned and bound to cycles. A
 * version is identified by the hash of its content, so loading the same file twice stores it
 * once; a different content under a version number already used is refused.
 */
import { loadCriteriaSet } from '../../../core/criteria/load.ts';
import type { CriteriaSet, Text } from '../../../core/criteria/schema.ts';
import { storeCriteriaVersion } from '../../bootstrap.ts';
import type { Db } from '../../db/open.ts';
import { type Actor, audit } from '../../platform/audit.ts';
import { contentHash } from '../../platform/canonical.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import { isUniqueViolation } from '../agencies/agencies.repo.ts';
import * as repo from './criteria.repo.ts';
import { type CriteriaDiff, compareCriteriaSets } from './criteria-diff.ts';

export interface VersionView {
  id: string;
  setId: string;
  version: string;
  title: string;
  status: string;
  hash: string;
  loadedAt: string;
  /** Whether a cycle is bound to it (then it is part of that cycle's record). */
  inUse: boolean;
  cycleYears: number[];
}

export interface CriteriaSummary {
  setId: string;
  version: string;
  title: Text;
  status: string;
  decision: string | null;
  totalMax: number;
  classes: { id: string; label: Text; min: number; below: number | null }[];
  groups: {
    id: string;
    name: Text;
    appendix: string | null;
    max: number;
    criteriaCount: number;
    categories: {
      id: string;
      name: Text;
      max: number;
      gate: string | null;
      criteria: {
        id: string;
        name: Text;
        max: number;
        naAllowed: boolean;
        naWhen: Text | null;
        monitored: boolean;
      }[];
    }[];
  }[];
  fieldCount: number;
  validationCount: number;
}

const versionView = (
  r: Omit<repo.CriteriaVersionRow, 'content'> & { cycleYears: number[] },
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
});

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

const versionExists = (set: CriteriaSet) =>
  conflict(
    'version_exists',
    {
      vi: `Bộ tiêu chí "${set.id}" đã có phiên bản "${set.version}" với nội dung khác. Nội dung đã nạp không sửa được; hãy đặt số phiên bản mới (trường "version").`,
      en: `Criteria set "${set.id}" already has a version "${set.version}" with other content. Give the new content a new version number.`,
    },
    'version',
  );

export function criteriaService(db: Db, clock: Clock) {
  async function storedSet(
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

  return {
    list: async (): Promise<VersionView[]> => (await repo.listVersions(db)).map(versionView),

    async get(id: string) {
      const { row, set } = await storedSet(id, 'id');
      const cycleYears = await repo.cycleYearsOf(db, id);
      return { version: versionView({ ...row, cycleYears }), content: row.content, summary: summarize(set) };
    },

    /**
     * Loads a criteria set (the JSON file itself). Returns the stored version and whether it is
     * new; the same content again returns the version already stored.
     */
    async load(actor: Actor, raw: unknown): Promise<{ created: boolean; version: VersionView }> {
      const result = loadCriteriaSet(raw);
      if (!result.ok)
        throw new AppError(
          400,
          'invalid_criteria',
          {
            vi: `Bộ tiêu chí không hợp lệ: ${result.problems.length} lỗi`,
            en: `Invalid criteria set: ${result.problems.length} problems`,
          },
          undefined,
          result.problems.map((p) => ({
            path: p.path,
            message: p.message.vi,
            messageEn: p.message.en ?? p.message.vi,
          })),
        );
      const set = result.set;
      const hash = contentHash(set);
      const now = clock.now();
      const existing = async () => {
        const row = await repo.findByHash(db, hash);
        return row
          ? {
              created: false,
              version: versionView({ ...row, cycleYears: await repo.cycleYearsOf(db, row.id) }),
            }
          : null;
      };
      const same = await existing();
      if (same) return same;
      let id: string;
      try {
        id = await db.transaction(async (tx) => {
          if (await repo.findBySetVersion(tx, set.id, set.version)) throw versionExists(set);
          const stored = await storeCriteriaVersion(tx, set, actor.user?.id ?? null);
          if (stored.created)
            await audit(tx, actor, now, {
              action: 'criteria.load',
              entityType: 'criteria_version',
              entityId: stored.id,
              newValue: {
                setId: set.id,
                version: set.version,
                title: set.title.vi,
                status: set.status,
                hash,
              },
            });
          return stored.id;
        });
      } catch (e) {
        // Someone loaded the same file (or the same version number) at the same moment.
        if (isUniqueViolation(e)) {
          const again = await existing();
          if (again) return again;
          throw versionExists(set);
        }
        throw e;
      }
      const row = (await repo.findVersion(db, id))!;
      return { created: true, version: versionView({ ...row, cycleYears: [] }) };
    },

    async compare(
      fromId: string,
      toId: string,
    ): Promise<{ from: VersionView; to: VersionView; diff: CriteriaDiff }> {
      const a = await storedSet(fromId, 'from');
      const b = await storedSet(toId, 'to');
      return {
        from: versionView({ ...a.row, cycleYears: await repo.cycleYearsOf(db, fromId) }),
        to: versionView({ ...b.row, cycleYears: await repo.cycleYearsOf(db, toId) }),
        diff: compareCriteriaSets(a.set, b.set),
      };
    },
  };
}

/**
 * The administrator loads a criteria set (the JSON file itself, R13): a broken set is refused
 * with every problem and where it is; a version is identified by the hash of its content, so the
 * same file loaded twice is stored once, and a different content under a version number already
 * used is refused (a loaded version is part of the record of the cycles that use it).
 */
import { loadCriteriaSet } from '../../../core/criteria/load.ts';
import type { CriteriaSet } from '../../../core/criteria/schema.ts';
import { storeCriteriaVersion } from '../../bootstrap.ts';
import { audit } from '../../platform/audit.ts';
import { contentHash } from '../../platform/canonical.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import type { AppDeps, Caller } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { isUniqueViolation } from '../agencies/agencies.repo.ts';
import { canLoadCriteria } from './criteria.policy.ts';
import * as repo from './criteria.repo.ts';
import type { Loaded, LoadProblem } from './criteria.schema.ts';
import { storedView, versionView } from './criteria-views.ts';

const versionExists = (set: CriteriaSet) =>
  conflict(
    'version_exists',
    {
      vi: `Bộ tiêu chí "${set.id}" đã có phiên bản "${set.version}" với nội dung khác. Nội dung đã nạp không sửa được; hãy đặt số phiên bản mới (trường "version").`,
      en: `Criteria set "${set.id}" already has a version "${set.version}" with other content. Give the new content a new version number.`,
    },
    'version',
  );

/** Returns the stored version and whether it is new; the same content again returns the version already stored. */
export async function loadCriteriaVersion(deps: AppDeps, caller: Caller, raw: unknown): Promise<Loaded> {
  authorize(canLoadCriteria(caller.user));
  const db = deps.database.db;
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
      result.problems.map(
        (p): LoadProblem => ({
          path: p.path,
          message: p.message.vi,
          messageEn: p.message.en ?? p.message.vi,
        }),
      ),
    );
  const set = result.set;
  const hash = contentHash(set);
  const now = deps.clock.now();
  const existing = async (): Promise<Loaded | null> => {
    const row = await repo.findByHash(db, hash);
    return row ? { created: false, version: await storedView(db, row) } : null;
  };
  const same = await existing();
  if (same) return same;
  let id: string;
  try {
    id = await db.transaction(async (tx) => {
      if (await repo.findBySetVersion(tx, set.id, set.version)) throw versionExists(set);
      const stored = await storeCriteriaVersion(tx, set, caller.user.id);
      if (stored.created)
        await audit(tx, caller, now, {
          action: 'criteria.load',
          entityType: 'criteria_version',
          entityId: stored.id,
          newValue: { setId: set.id, version: set.version, title: set.title.vi, status: set.status, hash },
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
  return { created: true, version: versionView({ ...row, cycleYears: [], derivedFrom: set.derivedFrom }) };
}

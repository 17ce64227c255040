/**
 * Anyone reads the scoring method (R6, R12), so that an agency can score itself: the criteria
 * version in force — that of the newest published year, or else of the newest cycle past its
 * draft, or else the bundled set.
 */
import { bundledSet, DEFAULT_SET_ID } from '../../../core/criteria/bundled.ts';
import type { CriteriaSet } from '../../../core/criteria/schema.ts';
import type { AppDeps } from '../../platform/http.ts';
import { criteriaVersion } from '../scoring/criteria-cache.ts';
import * as repo from './public.repo.ts';

export interface MethodPage {
  set: CriteriaSet;
  /** The year whose cycle uses this version, or null for the bundled set. */
  year: number | null;
  /** ISO instant from which that cycle's submissions are late, when known. */
  deadline: string | null;
  published: boolean;
}

export async function readMethod(deps: AppDeps): Promise<MethodPage> {
  const db = deps.database.db;
  const published = await repo.latestPublishedCriteria(db);
  const current = published ?? (await repo.latestCycleCriteria(db));
  if (current) {
    const { set } = await criteriaVersion(db, current.criteriaVersionId);
    return {
      set,
      year: current.year,
      deadline: current.deadline.toISOString(),
      published: published !== undefined,
    };
  }
  const set = bundledSet(DEFAULT_SET_ID);
  if (!set) throw new Error(`bundled criteria set ${DEFAULT_SET_ID} is missing`);
  return { set, year: null, deadline: null, published: false };
}

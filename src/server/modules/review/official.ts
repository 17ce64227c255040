/**
 * The official result of a cycle (R10, R11, R12): the department's view of every roster agency
 * (values with corrections and reviewer marks over them, only confirmed N/A claims, the year's
 * website checks), scored and ranked by the core. The publication module freezes exactly this.
 */
import type { CompiledSet } from '../../../core/criteria/compile.ts';
import { type CycleResult, scoreCycle } from '../../../core/ranking/rank.ts';
import type { Executor } from '../../db/open.ts';
import type { CycleRow } from '../cycles/cycles.repo.ts';
import { criteriaVersion } from '../scoring/criteria-cache.ts';
import { type AgencyRecord, cycleData, loadRecords } from '../scoring/cycle-data.ts';

export interface OfficialResult {
  /** The compiled criteria version of the cycle. */
  readonly set: CompiledSet;
  /** Every roster agency as read from the database, ordered by code. */
  readonly records: AgencyRecord[];
  /** Scores, classes and ranks per group on the official view. */
  readonly result: CycleResult;
}

/** Scores and ranks a cycle on the department's verified data. */
export async function officialResult(db: Executor, cycle: CycleRow): Promise<OfficialResult> {
  const { compiled } = await criteriaVersion(db, cycle.criteriaVersionId);
  const records = await loadRecords(db, cycle);
  const result = scoreCycle(compiled, cycleData(cycle, records, 'official'));
  return { set: compiled, records, result };
}

/**
 * Eligibility, ranking and classes (R6, R7, R9): each group ranked on its own by total, ties
 * sharing a rank (1, 2, 2, 4), late and missing agencies listed as not ranked with the reason
 * and never scored.
 */
import { isLate } from '../calendar/time.ts';
import type { CompiledGroup, CompiledSet } from '../criteria/compile.ts';
import { type AgencyScore, type ScoreOptions, scoreAgency } from '../scoring/score.ts';
import type { AgencyData, CycleData } from '../types.ts';

export type Eligibility = 'eligible' | 'late' | 'missing';
export type NotRankedReason = Exclude<Eligibility, 'eligible'>;

/** An agency is ranked only if it submitted before the deadline (R9). */
export function eligibility(submittedAt: number | null, deadline: number): Eligibility {
  if (submittedAt === null) return 'missing';
  return isLate(submittedAt, deadline) ? 'late' : 'eligible';
}

export interface RankedRow {
  readonly code: string;
  readonly name?: string | undefined;
  readonly rank: number;
  readonly score: AgencyScore;
}

export interface NotRankedRow {
  readonly code: string;
  readonly name?: string | undefined;
  readonly reason: NotRankedReason;
}

export interface GroupResult {
  readonly group: CompiledGroup;
  readonly ranking: readonly RankedRow[];
  readonly notRanked: readonly NotRankedRow[];
}

export interface CycleResult {
  readonly year: number;
  readonly deadline: number;
  readonly set: CompiledSet;
  readonly groups: readonly GroupResult[];
}

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
const byTotalThenCode = (a: { code: string; total: number }, b: { code: string; total: number }) =>
  b.total - a.total || byCode(a, b);

/**
 * Orders rows by total, highest first, equal totals by code, and makes each ranked row with its
 * competition rank: equal totals share a rank and the next rank skips (1, 2, 2, 4).
 */
function ranked<T extends { code: string; total: number }, R>(
  rows: readonly T[],
  make: (row: T, rank: number) => R,
): R[] {
  const sorted = [...rows].sort(byTotalThenCode);
  let rank = 0;
  let prev = Number.NaN;
  return sorted.map((row, i) => {
    if (row.total !== prev) rank = i + 1;
    prev = row.total;
    return make(row, rank);
  });
}

/**
 * Orders rows by total, highest first, equal totals by code, and gives competition ranks:
 * equal totals share a rank and the next rank skips (1, 2, 2, 4).
 */
export function assignRanks<T extends { code: string; total: number }>(
  rows: readonly T[],
): (T & { rank: number })[] {
  return ranked(rows, (row, rank) => ({ ...row, rank }));
}

/** Scores and ranks a whole cycle; groups in the set's order, each present even when empty. */
export function scoreCycle(set: CompiledSet, cycle: CycleData, options: ScoreOptions = {}): CycleResult {
  const byGroup = new Map<string, AgencyData[]>(set.groups.map((g) => [g.id, []]));
  for (const a of cycle.agencies) byGroup.get(a.group)?.push(a);

  const groups = set.groups.map((group): GroupResult => {
    const scored: { code: string; name?: string | undefined; total: number; score: AgencyScore }[] = [];
    const notRanked: NotRankedRow[] = [];
    for (const a of byGroup.get(group.id) ?? []) {
      const e = eligibility(a.submittedAt, cycle.deadline);
      if (e !== 'eligible') {
        notRanked.push({ code: a.code, name: a.name, reason: e });
        continue;
      }
      const score = scoreAgency(
        set,
        { group: a.group, values: a.values, notApplicable: a.notApplicable, websiteChecks: a.websiteChecks },
        cycle.year,
        options,
      );
      scored.push({ code: a.code, name: a.name, total: score.total, score });
    }
    return {
      group,
      // Straight to the ranked row: no spread copy of every row in between.
      ranking: ranked(scored, (r, rank): RankedRow => ({ code: r.code, name: r.name, rank, score: r.score })),
      notRanked: notRanked.sort(byCode),
    };
  });
  return { year: cycle.year, deadline: cycle.deadline, set, groups };
}

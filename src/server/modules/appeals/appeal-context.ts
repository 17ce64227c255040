/**
 * What the appeals' use cases share: the cycle with its appeal period (working days after the
 * approval, Vietnam time), the facts the policy decides on, the official score of one agency (its
 * criterion and total, whole hundredths) and an appeal as the answer shows it.
 */
import { appealPeriod } from '../../../core/calendar/working-days.ts';
import type { CompiledGroup } from '../../../core/criteria/compile.ts';
import { formatDate } from '../../../core/format.ts';
import { formulaReads } from '../../../core/formula/registry.ts';
import { points } from '../../../core/interchange.ts';
import { scoreAgency } from '../../../core/scoring/score.ts';
import type { Text } from '../../../core/types.ts';
import type { Executor } from '../../db/open.ts';
import type { AppealStatus } from '../../db/schema.ts';
import { notFound } from '../../platform/errors.ts';
import { type CycleRow, findCycle } from '../cycles/cycles.repo.ts';
import { displayValue } from '../review/compare.ts';
import { criteriaVersion } from '../scoring/criteria-cache.ts';
import { loadRecords, officialData } from '../scoring/cycle-data.ts';
import type { PeriodFacts } from './appeals.policy.ts';
import type { AppealFileRow, AppealListRow } from './appeals.repo.ts';
import type { AppealPeriod, AppealView } from './appeals.schema.ts';

export const STATUS_LABELS: Readonly<Record<AppealStatus, Text>> = {
  open: { vi: 'Chờ trả lời', en: 'Awaiting an answer' },
  upheld: { vi: 'Được chấp nhận', en: 'Upheld' },
  rejected: { vi: 'Không được chấp nhận', en: 'Rejected' },
};

/** The cycle, or 404. */
export async function loadCycle(db: Executor, cycleId: string): Promise<CycleRow> {
  const cycle = await findCycle(db, cycleId);
  if (!cycle) throw notFound({ vi: 'kỳ đánh giá', en: 'cycle' });
  return cycle;
}

/** The cycle's appeal period at `now` (opened by the approval; none before it). */
export function periodOf(cycle: CycleRow, now: Date): AppealPeriod {
  const holidays = [...(cycle.appealHolidays ?? [])].sort();
  const base = { days: cycle.appealDays, holidays };
  if (!cycle.approvedAt || (cycle.state !== 'approved' && cycle.state !== 'published'))
    return { ...base, opensAt: null, closesAt: null, lastDay: null, open: false };
  const p = appealPeriod(cycle.approvedAt.getTime(), cycle.appealDays, holidays);
  return {
    ...base,
    opensAt: new Date(p.opensAt).toISOString(),
    closesAt: new Date(p.closesAt).toISOString(),
    lastDay: p.lastDay,
    open: cycle.state === 'approved' && now.getTime() < p.closesAt,
  };
}

/** What the policy reads of the cycle and its period. */
export const periodFacts = (cycle: CycleRow, now: Date): PeriodFacts => {
  const p = periodOf(cycle, now);
  return {
    year: cycle.year,
    state: cycle.state,
    periodOpen: p.open,
    lastDay: p.lastDay ? formatDate(p.lastDay) : null,
  };
};

/** The fields a criterion reads (derived sums through their parts), monitored ones left out. */
export function criterionFields(
  group: CompiledGroup,
  criterionId: string,
  derived: ReadonlyMap<string, readonly string[]>,
) {
  const k = group.criteriaById.get(criterionId);
  if (!k) return [];
  const keys = new Set<string>();
  const add = (key: string) => {
    if (keys.has(key)) return;
    keys.add(key);
    for (const part of derived.get(key) ?? []) add(part);
  };
  for (const r of formulaReads(k.def.formula)) add(r.key);
  return group.fields.filter((f) => keys.has(f.key) && f.source !== 'monitoring');
}

/** The agency's official score now: the criterion's points and the total, whole hundredths. */
export async function officialPoints(
  db: Executor,
  cycle: CycleRow,
  agencyId: string,
  criterionId: string,
): Promise<{ points: number | null; total: number | null }> {
  const { compiled } = await criteriaVersion(db, cycle.criteriaVersionId);
  const [record] = await loadRecords(db, cycle, [agencyId]);
  if (!record?.submission) return { points: null, total: null };
  const score = scoreAgency(compiled, officialData(record), cycle.year);
  return { points: score.criteria.find((c) => c.id === criterionId)?.points ?? null, total: score.total };
}

const pts = (h: number | null) => (h === null ? null : points(h));

/** An appeal as the answer shows it; `fields` (what an upheld answer may correct) for the staff only. */
export function appealView(
  row: AppealListRow,
  group: CompiledGroup | undefined,
  derived: ReadonlyMap<string, readonly string[]>,
  fileRows: readonly AppealFileRow[],
  withFields: boolean,
  current: Readonly<Record<string, unknown>> = {},
): AppealView {
  const k = group?.criteriaById.get(row.criterionId);
  const fieldOf = (key: string) => group?.fieldsByKey.get(key);
  return {
    id: row.id,
    agency: { id: row.agencyId, code: row.agencyCode, name: row.agencyName },
    criterion: { id: row.criterionId, name: k ? k.def.name : { vi: row.criterionId, en: row.criterionId } },
    text: row.text,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status],
    filedBy: row.filedByName,
    filedAt: row.filedAt.toISOString(),
    files: fileRows
      .filter((f) => f.appealId === row.id)
      .map((f) => ({ id: f.id, filename: f.filename, mime: f.mime, size: f.size })),
    answer: row.answer,
    answeredBy: row.answeredByName,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    pointsBefore: pts(row.pointsBefore),
    pointsAfter: pts(row.pointsAfter),
    totalBefore: pts(row.totalBefore),
    totalAfter: pts(row.totalAfter),
    corrections: row.corrections.map((c) => {
      const f = fieldOf(c.fieldKey);
      return {
        fieldKey: c.fieldKey,
        label: f
          ? { vi: f.shortLabel?.vi ?? f.label.vi, en: f.shortLabel?.en ?? f.label.en ?? f.label.vi }
          : { vi: c.fieldKey, en: c.fieldKey },
        before: { vi: displayValue(f, c.oldValue, 'vi'), en: displayValue(f, c.oldValue, 'en') },
        after: { vi: displayValue(f, c.newValue, 'vi'), en: displayValue(f, c.newValue, 'en') },
      };
    }),
    fields:
      withFields && group && row.status === 'open'
        ? criterionFields(group, row.criterionId, derived).map((f) => {
            const now = current[f.key];
            return {
              key: f.key,
              label: { vi: f.label.vi, en: f.label.en ?? f.label.vi },
              type: f.type,
              unit: f.unit ? { vi: f.unit.vi, en: f.unit.en ?? f.unit.vi } : null,
              options:
                f.options?.map((o) => ({
                  value: o.value,
                  label: { vi: o.label.vi, en: o.label.en ?? o.label.vi },
                })) ?? null,
              current:
                typeof now === 'string' || typeof now === 'number' || typeof now === 'boolean' ? now : null,
              currentShown: { vi: displayValue(f, now, 'vi'), en: displayValue(f, now, 'en') },
            };
          })
        : [],
  };
}

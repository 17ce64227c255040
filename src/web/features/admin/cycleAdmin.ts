/**
 * The administrator's cycle screens as data: the regulation's dates for a year, the form's values
 * from a cycle and back (dates as Vietnam calendar days), the defaults of the next cycle, and the
 * endpoint of each step this screen offers.
 */
import type { CriteriaVersion, CycleDetail, CycleInput } from './adminApi.ts';
import { m } from './messages.ts';
import { vnDay, vnMidnight } from './vnDays.ts';

export interface CycleFormValues {
  year?: string;
  title: string;
  criteriaVersionId?: string;
  guidanceBy: string;
  deadline: string;
  publishBy: string;
  announcement: string;
}

/** The form's fields, which the server's errors may name. */
export const FIELDS = [
  'year',
  'title',
  'criteriaVersionId',
  'guidanceBy',
  'deadline',
  'publishBy',
  'announcement',
];

/** The regulation's dates for a year: guidance by 1 October, deadline 1 November, publication by 1 January. */
export function defaultDates(year: number) {
  return { guidanceBy: `${year}-10-01`, deadline: `${year}-11-01`, publishBy: `${year + 1}-01-01` };
}

export const defaultTitle = (year: number) => m('cycleForm.defaultTitle', { year });

export function valuesOf(c: CycleDetail): CycleFormValues {
  return {
    title: c.title,
    criteriaVersionId: c.criteriaVersion.id,
    guidanceBy: vnDay(c.guidanceBy),
    deadline: vnDay(c.deadline),
    publishBy: vnDay(c.publishBy),
    announcement: c.announcement ?? '',
  };
}

export function inputOf(v: CycleFormValues): CycleInput {
  return {
    title: v.title.trim(),
    ...(v.criteriaVersionId && { criteriaVersionId: v.criteriaVersionId }),
    guidanceBy: vnMidnight(v.guidanceBy),
    deadline: vnMidnight(v.deadline),
    publishBy: vnMidnight(v.publishBy),
    announcement: v.announcement.trim() ? v.announcement.trim() : null,
  };
}

export const versionLabel = (v: Pick<CriteriaVersion, 'title' | 'version'>) => `${v.title} — ${v.version}`;

/**
 * What a new year typed in the form moves with it: the regulation's dates and the default title,
 * each only if the user has not typed it. Nothing for a year the server would refuse.
 */
export function followYear(
  yearText: string,
  touched: (field: 'guidanceBy' | 'deadline' | 'publishBy' | 'title') => boolean,
): Partial<CycleFormValues> {
  const year = Number(yearText);
  if (!Number.isInteger(year) || year < 2016 || year > 2100) return {};
  const next: Partial<CycleFormValues> = {};
  const dates = defaultDates(year);
  for (const k of ['guidanceBy', 'deadline', 'publishBy'] as const) if (!touched(k)) next[k] = dates[k];
  if (!touched('title')) next.title = defaultTitle(year);
  return next;
}

/**
 * The next cycle's year and criteria version: the year after the newest cycle (this year on a
 * fresh install), and the first official version (else the first loaded).
 */
export function nextCycle(
  cycles: readonly { year: number }[],
  versions: readonly Pick<CriteriaVersion, 'id' | 'status'>[],
  thisYear: number,
): { year: number; criteriaVersionId: string | undefined } {
  return {
    year: cycles.length ? Math.max(...cycles.map((c) => c.year)) + 1 : thisYear,
    criteriaVersionId: (versions.find((v) => v.status === 'official') ?? versions[0])?.id,
  };
}

/** The endpoint of each step the cycle page offers; the approval page offers the others (null). */
export function transitionEndpoint(
  cycle: Pick<CycleDetail, 'state'>,
  to: string,
): 'open' | 'close' | 'start-review' | null {
  if (to === 'open') return 'open';
  if (to === 'closed') return 'close';
  if (to === 'under_review' && cycle.state === 'closed') return 'start-review';
  return null;
}

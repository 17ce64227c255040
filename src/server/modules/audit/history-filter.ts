/**
 * The filters of the history as the log is searched: Vietnam calendar days become instants
 * (from midnight to the next midnight after the last day), within the caller's scope.
 */
import { isValidDate, vnMidnight } from '../../../core/calendar/time.ts';
import { invalid } from '../../platform/errors.ts';
import type { HistoryScope } from './audit.policy.ts';
import type { EntryFilter } from './audit.repo.ts';
import type { HistoryFilter } from './audit.schema.ts';

const DAY_MS = 86_400_000;

function dayStart(field: 'from' | 'to', day: string): number {
  if (!isValidDate(day))
    throw invalid(field, {
      vi: `Ngày ${day} không có trên lịch`,
      en: `${day} is not a calendar date`,
    });
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return vnMidnight(y, m, d);
}

export function entryFilter(input: HistoryFilter, scope: HistoryScope): EntryFilter {
  const from = input.from === undefined ? undefined : dayStart('from', input.from);
  const to = input.to === undefined ? undefined : dayStart('to', input.to) + DAY_MS;
  if (from !== undefined && to !== undefined && to <= from)
    throw invalid('to', {
      vi: 'Ngày cuối phải bằng hoặc sau ngày đầu',
      en: 'The last day must be on or after the first day',
    });
  return {
    agencyId: scope.agencyId ?? input.agencyId,
    actorId: input.actorId,
    field: input.field,
    from: from === undefined ? undefined : new Date(from),
    to: to === undefined ? undefined : new Date(to),
    only: scope.only,
    except: scope.except,
  };
}

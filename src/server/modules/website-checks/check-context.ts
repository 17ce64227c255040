/**
 * What the website-check use cases share: the agency a check is about, the cycles a check counts
 * for (those whose window holds its instant: both their self-score and official score read it),
 * and a check as the screens show it.
 */
import { VN_OFFSET_MS } from '../../../core/calendar/time.ts';
import type { Executor } from '../../db/open.ts';
import { notFound } from '../../platform/errors.ts';
import { checkWindow } from '../scoring/cycle-data.ts';
import * as repo from './website-checks.repo.ts';
import type { WebsiteCheckView } from './website-checks.schema.ts';

/** The agency, or 404. */
export async function loadAgency(db: Executor, agencyId: string) {
  const agency = await repo.findAgency(db, agencyId);
  if (!agency) throw notFound({ vi: 'cơ quan', en: 'agency' });
  return agency;
}

/** The Vietnam-time calendar year of an instant. */
const vnYear = (ms: number): number => new Date(ms + VN_OFFSET_MS).getUTCFullYear();

/**
 * The cycles a check at `checkedAt` counts for, oldest first; share-locked for the rest of the
 * transaction when asked, so that none of them is approved or published while the check changes.
 */
export async function cyclesCountingFor(db: Executor, checkedAt: Date, lock = false) {
  const t = checkedAt.getTime();
  const year = vnYear(t);
  return (await repo.cyclesOfYears(db, [year - 1, year, year + 1], lock)).filter((c) => {
    const w = checkWindow(c);
    return t >= w.from.getTime() && t < w.to.getTime();
  });
}

export const checkView = (r: repo.WebsiteCheckListRow): WebsiteCheckView => ({
  id: r.id,
  agencyId: r.agencyId,
  checkedAt: r.checkedAt.toISOString(),
  values: r.values as Record<string, unknown>,
  source: r.source,
  note: r.note,
  checkedBy: r.checkedBy ? { id: r.checkedBy, name: r.checkedByName ?? '' } : null,
  createdAt: r.createdAt.toISOString(),
});

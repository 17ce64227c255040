/**
 * Anyone reads the published results (R7, R11, R20): the years with a published result, and one
 * revision of a year (the newest unless asked). Read only from the frozen documents
 * (published_snapshots): a cycle that was never published, or its live data under review, never
 * reaches these pages, since every query starts from published_snapshots.
 */
import type { AppDeps } from '../../platform/http.ts';
import { decisionOf } from '../results/result-document.ts';
import { snapshotOf } from '../results/results.repo.ts';
import type { PublicationDecision, SnapshotContent } from '../results/results.schema.ts';
import * as repo from './public.repo.ts';
import type { YearParams, YearQuery } from './public.schema.ts';

export interface PublishedYear {
  year: number;
  title: string;
  revisions: number;
  /** ISO instant of the latest revision. */
  publishedAt: string;
}

export interface YearRevision {
  number: number;
  reason: string | null;
  publishedAt: string;
}

export interface YearPage {
  content: SnapshotContent;
  /** Every revision of the year, newest first. */
  revisions: YearRevision[];
  /** The newest revision number (the one shown without ?ban). */
  latest: number;
  /** The decision that published the revision shown (migration 0007), or null. */
  decision: PublicationDecision | null;
}

/** A year as people write it in an address: four digits. */
const yearOf = (s: string): number | null => (/^\d{4}$/.test(s) ? Number(s) : null);
/** A revision number: a positive whole number. */
const revisionOf = (s: string): number | null => (/^[1-9]\d{0,5}$/.test(s) ? Number(s) : null);

/** The years with a published result, newest first, and the newest year's latest revision. */
export async function readPublishedYears(
  deps: AppDeps,
): Promise<{ years: PublishedYear[]; latest: YearPage | null }> {
  const db = deps.database.db;
  const years = (await repo.publishedYears(db)).map((r) => ({
    year: r.year,
    title: r.title,
    revisions: Number(r.revisions),
    publishedAt: new Date(r.lastPublishedAt ?? 0).toISOString(),
  }));
  const newest = years[0];
  const latest = newest ? await yearPage(deps, newest.year) : null;
  return { years, latest: latest && 'page' in latest ? latest.page : null };
}

/** One revision of a year, or why there is none (the text of the site's 404 page). */
export async function readPublishedYear(
  deps: AppDeps,
  input: YearParams & YearQuery,
): Promise<{ page: YearPage } | { notFound: string }> {
  const year = yearOf(input.year);
  if (year === null) return { notFound: `Không có kết quả đánh giá cho "${input.year}".` };
  const revision = input.ban === undefined ? undefined : revisionOf(input.ban);
  if (revision === null) return { notFound: `Không có lần công bố "${input.ban}" của kết quả năm ${year}.` };
  return yearPage(deps, year, revision);
}

async function yearPage(
  deps: AppDeps,
  year: number,
  revision?: number,
): Promise<{ page: YearPage } | { notFound: string }> {
  const db = deps.database.db;
  const revisions = await repo.revisionsOfYear(db, year);
  const newest = revisions[0];
  if (!newest) return { notFound: `Kết quả đánh giá năm ${year} chưa được công bố.` };
  const row = await snapshotOf(db, newest.cycleId, revision);
  if (!row) return { notFound: `Kết quả năm ${year} không có lần công bố thứ ${revision}.` };
  return {
    page: {
      content: row.content as SnapshotContent,
      latest: newest.revision,
      decision: decisionOf(row),
      revisions: revisions.map((r) => ({
        number: r.revision,
        reason: r.reason,
        publishedAt: r.publishedAt.toISOString(),
      })),
    },
  };
}

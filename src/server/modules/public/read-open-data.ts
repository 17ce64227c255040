/**
 * Reads the open data of a published year (R20): the newest revision or a given one, from the
 * frozen document and the criteria version it names — never from a live cycle, so nothing that
 * was not published can reach these files (as for the public pages).
 */
import type { AppDeps } from '../../platform/http.ts';
import { snapshotOf } from '../results/results.repo.ts';
import type { SnapshotContent } from '../results/results.schema.ts';
import { criteriaVersion } from '../scoring/criteria-cache.ts';
import { dataPackage, type OpenDataFile, openDataFiles } from './open-data.ts';
import * as repo from './public.repo.ts';

/**
 * Open data published by a state body may be reused freely with its source named (Decree
 * 47/2020/NĐ-CP on open data): the Creative Commons attribution licence says exactly that.
 */
export const OPEN_DATA_LICENSE = {
  name: 'CC-BY-4.0',
  title:
    'Creative Commons Attribution 4.0 — sử dụng tự do, ghi rõ nguồn: Sở Thông tin và Truyền thông tỉnh Cao Bằng',
  path: 'https://creativecommons.org/licenses/by/4.0/',
} as const;

export const DATA_PACKAGE = 'datapackage.json';

export interface OpenDataYear {
  year: number;
  title: string;
  revisions: number;
  publishedAt: string;
}

export interface OpenDataRevision {
  content: SnapshotContent;
  /** The newest revision of the year (files without /lan/N are that one). */
  latest: number;
  files: OpenDataFile[];
  /** datapackage.json as sent. */
  descriptor: Buffer;
}

/** The years with a published result, newest first. */
export async function readOpenDataYears(deps: AppDeps): Promise<OpenDataYear[]> {
  return (await repo.publishedYears(deps.database.db)).map((r) => ({
    year: r.year,
    title: r.title,
    revisions: Number(r.revisions),
    publishedAt: new Date(r.lastPublishedAt ?? 0).toISOString(),
  }));
}

const yearOf = (s: string): number | null => (/^\d{4}$/.test(s) ? Number(s) : null);
const revisionOf = (s: string): number | null => (/^[1-9]\d{0,5}$/.test(s) ? Number(s) : null);

/** One revision's files and descriptor, or null when the year (or that revision) was not published. */
export async function readOpenDataRevision(
  deps: AppDeps,
  input: { year: string; revision?: string | undefined },
): Promise<OpenDataRevision | null> {
  const db = deps.database.db;
  const year = yearOf(input.year);
  const revision = input.revision === undefined ? undefined : revisionOf(input.revision);
  if (year === null || revision === null) return null;
  const newest = (await repo.revisionsOfYear(db, year))[0];
  if (!newest) return null;
  const row = await snapshotOf(db, newest.cycleId, revision);
  if (!row) return null;
  const content = row.content as SnapshotContent;
  const { set, compiled } = await criteriaVersion(db, row.criteriaVersionId);
  const files = openDataFiles(content, set, compiled);
  const descriptor = dataPackage(content, files, {
    contentHash: row.contentHash,
    license: OPEN_DATA_LICENSE,
  });
  return {
    content,
    latest: newest.revision,
    files,
    descriptor: Buffer.from(`${JSON.stringify(descriptor, null, 2)}\n`, 'utf8'),
  };
}

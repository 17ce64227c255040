/**
 * What the public pages show (R6, R7, R9, R11, R12, R20): the published revisions of each year,
 * read only from the frozen documents (published_snapshots), and the scoring method of the
 * criteria version in use. A cycle that was never published, or its live data under review,
 * never reaches these pages: every query starts from published_snapshots.
 */
import { bundledSet, DEFAULT_SET_ID } from '../../../core/criteria/bundled.ts';
import type { CriteriaSet } from '../../../core/criteria/schema.ts';
import type { Db } from '../../db/open.ts';
import { snapshotOf } from '../results/results.repo.ts';
import type { SnapshotContent } from '../results/snapshot.ts';
import { criteriaVersion } from '../scoring/criteria-cache.ts';
import * as repo from './public.repo.ts';

export interface PublishedYear {
  year: number;
  title: string;
  revisions: number;
  /** ISO instant of the latest revision. */
  publishedAt: string;
}

export interface RevisionSummary {
  number: number;
  reason: string | null;
  publishedAt: string;
}

export interface YearPage {
  content: SnapshotContent;
  /** Every revision of the year, newest first. */
  revisions: RevisionSummary[];
  /** The newest revision number (the one shown without ?ban). */
  latest: number;
}

export interface MethodPage {
  set: CriteriaSet;
  /** The year whose cycle uses this version, or null for the bundled set. */
  year: number | null;
  /** ISO instant from which that cycle's submissions are late, when known. */
  deadline: string | null;
  published: boolean;
}

export function publicService(db: Db) {
  return {
    /** Years with a published result, newest first. */
    async years(): Promise<PublishedYear[]> {
      const rows = await repo.publishedYears(db);
      return rows.map((r) => ({
        year: r.year,
        title: r.title,
        revisions: Number(r.revisions),
        publishedAt: new Date(r.lastPublishedAt ?? 0).toISOString(),
      }));
    },

    /** A year's published revision (the newest unless asked), or null when there is none. */
    async year(year: number, revision?: number): Promise<YearPage | null> {
      const revisions = await repo.revisionsOfYear(db, year);
      const newest = revisions[0];
      if (!newest) return null;
      const row = await snapshotOf(db, newest.cycleId, revision);
      if (!row) return null;
      return {
        content: row.content as SnapshotContent,
        latest: newest.revision,
        revisions: revisions.map((r) => ({
          number: r.revision,
          reason: r.reason,
          publishedAt: r.publishedAt.toISOString(),
        })),
      };
    },

    /**
     * The method in force: the criteria version of the newest published year, or else of the
     * newest cycle past its draft, or else the bundled set.
     */
    async method(): Promise<MethodPage> {
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
    },
  };
}

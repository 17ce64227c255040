/**
 * The public pages: the published results and the scoring method are for anyone, without
 * signing in (R12, R20). There is nothing finer to decide: the pages read only published
 * revisions (published_snapshots), never a live cycle.
 */
import type { Access } from '../../platform/http.ts';

export const publicAccess = {
  read: 'public',
} as const satisfies Record<string, Access>;

/**
 * The public pages: the published results and the scoring method are for anyone, without
 * signing in (R12, R20). The service shows only published revisions, never a live cycle.
 */
import type { Access } from '../../platform/http.ts';

export const publicPolicy = {
  read: 'public',
} as const satisfies Record<string, Access>;

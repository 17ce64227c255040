/**
 * Who may use cycles: everyone signed in reads them (viewers and reporters only once opened,
 * checked in the service); the administrator sets them up; state steps take their roles from
 * the transition table (cycle-states.ts), so the route and the rule cannot disagree.
 */
import type { Access } from '../../platform/http.ts';
import { transitionRoles } from './cycle-states.ts';

export const cyclesPolicy = {
  list: 'signed-in',
  get: 'signed-in',
  create: ['admin'],
  update: ['admin'],
  attachDocument: ['admin'],
  downloadDocument: 'signed-in',
  open: transitionRoles('draft', 'open'),
  close: transitionRoles('open', 'closed'),
  startReview: transitionRoles('closed', 'under_review'),
  extendDeadline: ['admin'],
} as const satisfies Record<string, Access>;

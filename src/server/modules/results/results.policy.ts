/**
 * Who may approve, publish and read results: the Steering Committee (approver) approves and
 * publishes; a correction reopens a published cycle (approver or administrator); every signed-in
 * role reads published results (a reporter's agency page only for its own agency, checked in the
 * service); the department's staff may preview the live ranking of a cycle under review; the
 * downloads are for those who use the results (Sở Nội vụ as viewer) and the department.
 */
import type { Role } from '../../db/schema.ts';
import type { Access } from '../../platform/http.ts';

export const resultsPolicy = {
  approve: ['approver'],
  returnForReview: ['approver'],
  publish: ['approver'],
  revise: ['approver', 'admin'],
  read: 'signed-in',
  export: ['viewer', 'admin', 'approver', 'assessor'],
} as const satisfies Record<string, Access>;

/** Roles that may see the live (unpublished) official ranking of a cycle under review or approved. */
export const PREVIEW_ROLES: readonly Role[] = ['admin', 'assessor', 'approver'];

/**
 * Who may use the agency registry: every signed-in role reads it (a reporter only its own unit,
 * checked in the service); only the administrator changes it.
 */
import type { Access } from '../../platform/http.ts';

export const agenciesPolicy = {
  list: ['admin', 'assessor', 'approver', 'viewer', 'reporter'],
  get: ['admin', 'assessor', 'approver', 'viewer', 'reporter'],
  events: ['admin', 'assessor', 'approver', 'viewer'],
  create: ['admin'],
  update: ['admin'],
  recordEvent: ['admin'],
} as const satisfies Record<string, Access>;

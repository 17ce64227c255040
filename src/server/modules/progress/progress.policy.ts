/**
 * Who follows up the agencies (R18): the department (administrator, assessors) and the Steering
 * Committee see the progress board; only the administrator sends a reminder by hand.
 */
import type { Access } from '../../platform/http.ts';

export const progressPolicy = {
  board: ['admin', 'assessor', 'approver'],
  remind: ['admin'],
} as const satisfies Record<string, Access>;

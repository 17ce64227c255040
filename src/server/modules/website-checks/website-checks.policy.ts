/**
 * Who may use the website checks (R5): assessors record and remove them; the approver reads them;
 * a reporter reads its own agency's checks (transparency: it sees what the department saw).
 */
import type { Access } from '../../platform/http.ts';

export const websiteChecksPolicy = {
  list: ['admin', 'assessor', 'approver', 'reporter'],
  create: ['admin', 'assessor'],
  remove: ['admin', 'assessor'],
} as const satisfies Record<string, Access>;

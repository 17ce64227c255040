/** Who may use criteria versions (R13, R14): everyone signed in reads them; the administrator loads them. */
import type { Access } from '../../platform/http.ts';

export const criteriaPolicy = {
  list: 'signed-in',
  get: 'signed-in',
  compare: 'signed-in',
  load: ['admin'],
} as const satisfies Record<string, Access>;

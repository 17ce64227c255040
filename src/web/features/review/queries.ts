/** The words and choices of the queries to an agency: what a query is about, who wrote, the e-mail. */
import { m } from './messages.ts';
import type { QueryResult } from './reviewApi.ts';

/**
 * What a new query is about, from the form's choice: "f:<field key>" or "c:<criterion id>", or
 * the whole report ('').
 */
export function queryAbout(choice: string): { fieldKey: string | null; criterionId: string | null } {
  return {
    fieldKey: choice.startsWith('f:') ? choice.slice(2) : null,
    criterionId: choice.startsWith('c:') ? choice.slice(2) : null,
  };
}

const ROLES = ['reporter', 'assessor', 'admin', 'approver'] as const;

/** A message author's role in words ("cơ quan", "thẩm định viên"); an unknown role as it came. */
export const roleName = (role: string): string =>
  (ROLES as readonly string[]).includes(role) ? m(`role.${role as (typeof ROLES)[number]}`) : role;

/** What became of the e-mail to the reporters: queued (sent by the server's mail queue), or why none. */
export function mailText({ recipients, queued }: QueryResult['notified']): string {
  if (queued) return m('q.mailQueued', { n: recipients });
  return recipients === 0 ? m('q.mailNone') : m('q.mailOff');
}

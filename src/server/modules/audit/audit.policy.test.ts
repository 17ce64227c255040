/** The change history's rule as a table: who, which agency asked for → the answer, and what part of the log. */
import { describe, expect, it } from 'vitest';
import type { Role } from '../../db/schema.ts';
import { verdictCode } from '../../platform/policy.ts';
import { canReadHistory, historyScope } from './audit.policy.ts';

const OWN = 'agency-own';
const OTHER = 'agency-other';
const user = (role: Role, agencyId: string | null = role === 'reporter' ? OWN : null) => ({ role, agencyId });

describe('canReadHistory', () => {
  it.each([
    // who, agency asked for (– none) → answer
    ['admin', '–', 'ok'],
    ['admin', OTHER, 'ok'],
    ['assessor', '–', 'ok'],
    ['assessor', OTHER, 'ok'],
    ['reporter', '–', 'ok'],
    ['reporter', OWN, 'ok'],
    ['reporter', OTHER, '403 forbidden'],
    ['approver', '–', '403 forbidden'],
    ['viewer', '–', '403 forbidden'],
  ] as const)('%s asking for the history of %s: %s', (role, agency, answer) => {
    expect(verdictCode(canReadHistory(user(role), agency === '–' ? undefined : agency))).toBe(answer);
  });

  it('tells a reporter asking for another agency why, and refuses a reporter without an agency', () => {
    const refusal = canReadHistory(user('reporter'), OTHER);
    expect(refusal !== true && refusal.text.vi).toBe('Bạn chỉ xem được nhật ký thay đổi của cơ quan mình');
    expect(verdictCode(canReadHistory(user('reporter', null)))).toBe('403 forbidden');
  });
});

describe('historyScope', () => {
  it.each([
    // who → only this agency, only these kinds of rows, never these, the request's address shown
    ['admin', null, null, [], true],
    ['assessor', null, null, ['auth', 'user', 'job'], false],
    ['reporter', OWN, ['submission', 'appeal', 'survey_plan', 'feedback'], [], false],
  ] as const)('%s reads agency %s, kinds %j, not %j, address %s', (role, agencyId, only, except, address) => {
    expect(historyScope(user(role))).toMatchObject({ agencyId, only, except, showAddress: address });
  });

  it.each(['approver', 'viewer'] as const)('%s reads nothing of the log', (role) => {
    expect(historyScope(user(role))).toBeNull();
  });
});

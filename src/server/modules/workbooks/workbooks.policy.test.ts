/** The Excel form's rules as a table: who, whose form, the cycle's and the form's state → the answer. */
import { describe, expect, it } from 'vitest';
import type { CycleState } from '../../db/schema.ts';
import { verdictCode } from '../../platform/policy.ts';
import type { FormFacts } from '../submissions/submissions.policy.ts';
import { canDownloadForm, canUploadForm, canUploadMany } from './workbooks.policy.ts';

const OWN = 'agency-own';
const facts = (state: CycleState, status: 'draft' | 'submitted' | null): FormFacts => ({
  agencyId: OWN,
  cycle: { year: 2017, state, deadline: new Date('2017-10-31T17:00:00Z') },
  submission: status
    ? { status, submittedAt: status === 'submitted' ? new Date('2017-10-20T03:00:00Z') : null }
    : null,
});
const user = (
  role: 'admin' | 'assessor' | 'approver' | 'reporter' | 'viewer',
  agencyId: string | null = null,
) => ({ role, agencyId });

describe('canDownloadForm', () => {
  it.each([
    ['admin', null, 'ok'],
    ['assessor', null, 'ok'],
    ['reporter', OWN, 'ok'],
    ['reporter', 'other', '403 forbidden'],
    ['approver', null, '403 forbidden'],
    ['viewer', null, '403 forbidden'],
  ] as const)('%s (agency %s) downloading the form: %s', (role, agency, answer) => {
    expect(verdictCode(canDownloadForm(user(role, agency), facts('open', 'draft')))).toBe(answer);
  });
});

describe('canUploadForm', () => {
  it.each([
    // who, whose, cycle state, form status → answer
    ['reporter', OWN, 'open', null, 'ok'],
    ['reporter', OWN, 'open', 'draft', 'ok'],
    ['reporter', OWN, 'open', 'submitted', '409 invalid_state'],
    ['reporter', OWN, 'closed', 'draft', '409 invalid_state'],
    ['reporter', 'other', 'open', 'draft', '403 forbidden'],
    ['assessor', null, 'open', null, 'ok'],
    ['assessor', null, 'open', 'draft', 'ok'],
    ['assessor', null, 'open', 'submitted', '409 invalid_state'],
    ['assessor', null, 'under_review', 'draft', '409 invalid_state'],
    ['admin', null, 'open', 'draft', 'ok'],
    ['approver', null, 'open', 'draft', '403 forbidden'],
    ['viewer', null, 'open', 'draft', '403 forbidden'],
  ] as const)('%s (agency %s), cycle %s, form %s: %s', (role, agency, state, status, answer) => {
    expect(verdictCode(canUploadForm(user(role, agency), facts(state, status)))).toBe(answer);
  });
});

describe('canUploadMany', () => {
  it.each([
    ['admin', 'ok'],
    ['assessor', 'ok'],
    ['approver', '403 forbidden'],
    ['reporter', '403 forbidden'],
    ['viewer', '403 forbidden'],
  ] as const)('%s uploading a zip of workbooks: %s', (role, answer) => {
    expect(verdictCode(canUploadMany(user(role)))).toBe(answer);
  });
});

import { describe, expect, it } from 'vitest';
import { verdictCode } from '../../platform/policy.ts';
import type { ReviewFacts } from '../review/review.policy.ts';
import { canPlanSurvey, canReadPlans, canRecordFindings, canReplyToPlan } from './surveys.policy.ts';

const reporterA = { role: 'reporter', agencyId: 'A' } as const;
const assessor = { role: 'assessor', agencyId: null } as const;
const review = (state: ReviewFacts['cycle']['state'], submitted = true): ReviewFacts => ({
  cycle: { year: 2017, state },
  submission: submitted ? { status: 'submitted' } : { status: 'draft' },
});

describe('who may do what with planned field surveys', () => {
  it.each([
    ['an assessor, under review', assessor, review('under_review'), 'ok'],
    ['an assessor, open cycle', assessor, review('open'), 'ok'],
    ['an assessor, not submitted', assessor, review('under_review', false), '409 invalid_state'],
    ['an assessor, approved', assessor, review('approved'), '409 invalid_state'],
    ['a reporter', reporterA, review('under_review'), '403 forbidden'],
  ] as const)('plans: %s', (_, user, facts, code) => {
    expect(verdictCode(canPlanSurvey(user, facts))).toBe(code);
  });

  it.each([
    ['own agency, planned', reporterA, { agencyId: 'A', status: 'planned' }, 'ok'],
    ['own agency, confirmed (changes its mind)', reporterA, { agencyId: 'A', status: 'confirmed' }, 'ok'],
    ['own agency, done', reporterA, { agencyId: 'A', status: 'done' }, '409 invalid_state'],
    ['other agency', reporterA, { agencyId: 'B', status: 'planned' }, '403 forbidden'],
    ['an assessor', assessor, { agencyId: 'A', status: 'planned' }, '403 forbidden'],
  ] as const)('replies: %s', (_, user, plan, code) => {
    expect(verdictCode(canReplyToPlan(user, plan))).toBe(code);
  });

  it.each([
    ['on the day', { status: 'confirmed', visitDate: '2017-11-22' }, '2017-11-22', 'ok'],
    ['without the agency’s confirmation', { status: 'planned', visitDate: '2017-11-20' }, '2017-11-22', 'ok'],
    ['before the day', { status: 'confirmed', visitDate: '2017-11-22' }, '2017-11-21', '409 invalid_state'],
    ['twice', { status: 'done', visitDate: '2017-11-22' }, '2017-11-23', '409 invalid_state'],
  ] as const)('records findings: %s', (_, plan, today, code) => {
    expect(verdictCode(canRecordFindings(assessor, review('under_review'), plan, today))).toBe(code);
  });

  it('reads: the department and the Steering Committee all, a reporter its own', () => {
    expect(verdictCode(canReadPlans(assessor, null))).toBe('ok');
    expect(verdictCode(canReadPlans({ role: 'approver', agencyId: null }, null))).toBe('ok');
    expect(verdictCode(canReadPlans(reporterA, 'A'))).toBe('ok');
    expect(verdictCode(canReadPlans(reporterA, 'B'))).toBe('403 forbidden');
    expect(verdictCode(canReadPlans({ role: 'viewer', agencyId: null }, null))).toBe('403 forbidden');
  });
});

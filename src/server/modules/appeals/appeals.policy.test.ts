import { describe, expect, it } from 'vitest';
import { verdictCode } from '../../platform/policy.ts';
import {
  canAnswerAppeal,
  canFileAppeal,
  canReadAppeals,
  canSetPeriod,
  publishWaitsFor,
} from './appeals.policy.ts';

const reporterA = { role: 'reporter', agencyId: 'A' } as const;
const assessor = { role: 'assessor', agencyId: null } as const;
const open = { year: 2017, state: 'approved', periodOpen: true, lastDay: '15/12/2017' } as const;
const over = { ...open, periodOpen: false } as const;

describe('who may do what with appeals', () => {
  it.each([
    ['own agency, period open', reporterA, 'A', open, 'ok'],
    ['other agency', reporterA, 'B', open, '403 forbidden'],
    ['period over', reporterA, 'A', over, '409 invalid_state'],
    ['not approved', reporterA, 'A', { ...open, state: 'under_review' }, '409 invalid_state'],
    ['an assessor', assessor, 'A', open, '403 forbidden'],
  ] as const)('files: %s', (_, user, agency, cycle, code) => {
    expect(verdictCode(canFileAppeal(user, agency, cycle))).toBe(code);
  });

  it('reads: staff all, a reporter its own', () => {
    expect(verdictCode(canReadAppeals(assessor, null))).toBe('ok');
    expect(verdictCode(canReadAppeals(reporterA, 'A'))).toBe('ok');
    expect(verdictCode(canReadAppeals(reporterA, 'B'))).toBe('403 forbidden');
    expect(verdictCode(canReadAppeals({ role: 'viewer', agencyId: null }, null))).toBe('403 forbidden');
  });

  it('answers once, while approved', () => {
    expect(verdictCode(canAnswerAppeal(assessor, { status: 'open' }, open))).toBe('ok');
    expect(verdictCode(canAnswerAppeal(assessor, { status: 'upheld' }, open))).toBe('409 invalid_state');
    expect(
      verdictCode(canAnswerAppeal(assessor, { status: 'open' }, { year: 2017, state: 'published' })),
    ).toBe('409 invalid_state');
    expect(verdictCode(canAnswerAppeal(reporterA, { status: 'open' }, open))).toBe('403 forbidden');
  });

  it('sets the period: the administrator, before publication', () => {
    expect(
      verdictCode(canSetPeriod({ role: 'admin', agencyId: null }, { year: 2017, state: 'approved' })),
    ).toBe('ok');
    expect(
      verdictCode(canSetPeriod({ role: 'admin', agencyId: null }, { year: 2017, state: 'published' })),
    ).toBe('409 invalid_state');
    expect(verdictCode(canSetPeriod(assessor, { year: 2017, state: 'approved' }))).toBe('403 forbidden');
  });

  it('says what publication waits for', () => {
    expect(publishWaitsFor({ periodOpen: false, lastDay: null, openAppeals: 0 })).toBeNull();
    expect(publishWaitsFor({ periodOpen: true, lastDay: '15/12/2017', openAppeals: 2 })?.vi).toBe(
      'Chưa công bố được: thời hạn kiến nghị của các cơ quan chưa hết (đến hết ngày 15/12/2017); còn 2 kiến nghị chưa được trả lời',
    );
  });
});

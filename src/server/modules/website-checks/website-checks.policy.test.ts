/** The website checks' rules as a table: who, whose agency, the state of the year's cycles → the answer. */
import { describe, expect, it } from 'vitest';
import type { CycleState, Role } from '../../db/schema.ts';
import { verdictCode } from '../../platform/policy.ts';
import {
  type CountingCycle,
  canReadWebsiteChecks,
  canRecordWebsiteCheck,
  canRemoveWebsiteCheck,
  checksOpenFor,
} from './website-checks.policy.ts';

const OWN = 'agency-own';
const OTHER = 'agency-other';
const AT = new Date('2017-05-10T02:00:00Z');

const user = (role: Role, agencyId: string | null = role === 'reporter' ? OWN : null) => ({ role, agencyId });
const cycles = (...states: CycleState[]): CountingCycle[] =>
  states.map((state, i) => ({ year: 2016 + i, state }));

describe('canReadWebsiteChecks', () => {
  it.each([
    ['admin', OWN, 'ok'],
    ['assessor', OTHER, 'ok'],
    ['approver', OTHER, 'ok'],
    ['reporter', OWN, 'ok'],
    ['reporter', OTHER, '403 forbidden'],
    ['viewer', OWN, '403 forbidden'],
  ] as const)('%s reading the checks of %s: %s', (role, agency, answer) => {
    expect(verdictCode(canReadWebsiteChecks(user(role), agency))).toBe(answer);
  });
});

describe('canRecordWebsiteCheck', () => {
  it.each([
    ['admin', 'ok'],
    ['assessor', 'ok'],
    ['approver', '403 forbidden'],
    ['reporter', '403 forbidden'],
    ['viewer', '403 forbidden'],
  ] as const)('%s recording a check: %s', (role, answer) => {
    expect(verdictCode(canRecordWebsiteCheck(user(role)))).toBe(answer);
  });
});

describe('canRemoveWebsiteCheck and checksOpenFor', () => {
  it.each([
    // role, the states of the cycles the check counts for → answer
    ['assessor', [], 'ok'],
    ['assessor', ['open'], 'ok'],
    ['admin', ['closed', 'under_review'], 'ok'],
    ['assessor', ['approved'], '409 invalid_state'],
    ['assessor', ['published', 'open'], '409 invalid_state'],
    ['approver', [], '403 forbidden'],
    ['reporter', [], '403 forbidden'],
  ] as const)('%s removing a check counting for cycles %j: %s', (role, states, answer) => {
    const check = { checkedAt: AT, countsFor: cycles(...states) };
    expect(verdictCode(canRemoveWebsiteCheck(user(role), check))).toBe(answer);
  });

  it('says which year is frozen and when the check was, in Vietnamese', () => {
    const add = checksOpenFor(AT, cycles('published'), 'add');
    expect(add !== true && add.text.vi).toBe(
      'Kết quả năm 2016 đã được công bố: không thể thêm kết quả kiểm tra trang TTĐT lúc 10/05/2017 09:00:00 của năm đó',
    );
    const remove = checksOpenFor(AT, cycles('under_review', 'approved'), 'remove');
    expect(remove !== true && remove.text.vi).toMatch(/^Kết quả năm 2017 đã được phê duyệt: không thể xóa /);
  });
});

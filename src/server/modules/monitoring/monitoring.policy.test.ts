/** The monitoring's rules as a table: who, whose agency, the snapshot's state → the answer. */
import { describe, expect, it } from 'vitest';
import type { Role } from '../../db/schema.ts';
import { verdictCode } from '../../platform/policy.ts';
import {
  canConfirmSnapshot,
  canReadMonitoring,
  canReadOverview,
  canRequestContentCheck,
  canSetSite,
} from './monitoring.policy.ts';

const OWN = 'agency-own';
const OTHER = 'agency-other';
const user = (role: Role) => ({ role, agencyId: role === 'reporter' ? OWN : null });

describe('canReadMonitoring', () => {
  it.each([
    ['admin', OTHER, 'ok'],
    ['assessor', OTHER, 'ok'],
    ['approver', OTHER, 'ok'],
    ['reporter', OWN, 'ok'],
    ['reporter', OTHER, '403 forbidden'],
    ['viewer', OWN, '403 forbidden'],
  ] as const)('%s reading the monitoring of %s: %s', (role, agency, answer) => {
    expect(verdictCode(canReadMonitoring(user(role), agency))).toBe(answer);
  });
});

describe('canSetSite', () => {
  it.each([
    ['admin', 'ok'],
    ['assessor', '403 forbidden'],
    ['approver', '403 forbidden'],
    ['reporter', '403 forbidden'],
    ['viewer', '403 forbidden'],
  ] as const)('%s setting a site: %s', (role, answer) => {
    expect(verdictCode(canSetSite(user(role)))).toBe(answer);
  });
});

describe('canRequestContentCheck', () => {
  it.each([
    ['admin', true, 'ok'],
    ['assessor', true, 'ok'],
    ['assessor', false, '409 invalid_state'],
    ['approver', true, '403 forbidden'],
    ['reporter', true, '403 forbidden'],
    ['viewer', true, '403 forbidden'],
  ] as const)('%s asking for a content check (portal known: %s): %s', (role, hasPortal, answer) => {
    expect(verdictCode(canRequestContentCheck(user(role), hasPortal))).toBe(answer);
  });
});

describe('canConfirmSnapshot', () => {
  it.each([
    ['assessor', 'proposed', 'ok'],
    ['admin', 'proposed', 'ok'],
    ['assessor', 'confirmed', '409 invalid_state'],
    ['assessor', 'failed', '409 invalid_state'],
    ['approver', 'proposed', '403 forbidden'],
    ['reporter', 'proposed', '403 forbidden'],
    ['viewer', 'proposed', '403 forbidden'],
  ] as const)('%s confirming a %s snapshot: %s', (role, state, answer) => {
    expect(verdictCode(canConfirmSnapshot(user(role), state))).toBe(answer);
  });
  it('tells the assessor what to do with a check that fetched nothing', () => {
    const v = canConfirmSnapshot(user('assessor'), 'failed');
    expect(v !== true && v.text.vi).toMatch(/ghi kết quả kiểm tra thủ công/);
  });
});

describe('canReadOverview', () => {
  it.each([
    ['admin', 'ok'],
    ['assessor', 'ok'],
    ['approver', 'ok'],
    ['reporter', '403 forbidden'],
    ['viewer', '403 forbidden'],
  ] as const)('%s reading the overview: %s', (role, answer) => {
    expect(verdictCode(canReadOverview(user(role)))).toBe(answer);
  });
});

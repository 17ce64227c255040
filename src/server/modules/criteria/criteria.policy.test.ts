/** The criteria versions' rule as a table: who → may load a new version. */
import { describe, expect, it } from 'vitest';
import { verdictCode } from '../../platform/policy.ts';
import { canDryRun, canLoadCriteria } from './criteria.policy.ts';

describe('canLoadCriteria', () => {
  it.each([
    ['admin', 'ok'],
    ['assessor', '403 forbidden'],
    ['approver', '403 forbidden'],
    ['reporter', '403 forbidden'],
    ['viewer', '403 forbidden'],
  ] as const)('%s loading a criteria version: %s', (role, answer) => {
    expect(verdictCode(canLoadCriteria({ role }))).toBe(answer);
  });
});

describe('canDryRun', () => {
  it.each([
    ['admin', 'ok'],
    ['assessor', '403 forbidden'],
    ['approver', '403 forbidden'],
    ['reporter', '403 forbidden'],
    ['viewer', '403 forbidden'],
  ] as const)('%s scoring a published year with another version: %s', (role, answer) => {
    expect(verdictCode(canDryRun({ role }))).toBe(answer);
  });
});

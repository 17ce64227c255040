/** The registry's rules as a table: who, whose unit → the answer. */
import { describe, expect, it } from 'vitest';
import type { Role } from '../../db/schema.ts';
import { verdictCode } from '../../platform/policy.ts';
import { canChangeRegistry, canReadAgency, canReadChanges, registryScope } from './agencies.policy.ts';

const OWN = 'agency-own';
const OTHER = 'agency-other';
const user = (role: Role, agencyId: string | null = role === 'reporter' ? OWN : null) => ({ role, agencyId });

describe('canReadAgency, registryScope', () => {
  it.each([
    // role, which unit → answer, the units its lists are limited to
    ['admin', OTHER, 'ok', undefined],
    ['assessor', OTHER, 'ok', undefined],
    ['approver', OTHER, 'ok', undefined],
    ['viewer', OTHER, 'ok', undefined],
    ['reporter', OWN, 'ok', OWN],
    ['reporter', OTHER, '403 forbidden', OWN],
  ] as const)('%s reading the unit %s: %s, lists limited to %s', (role, agencyId, answer, scope) => {
    expect(verdictCode(canReadAgency(user(role), agencyId))).toBe(answer);
    expect(registryScope(user(role))).toBe(scope);
  });

  it('limits a reporter without an agency to no unit at all', () => {
    const scope = registryScope(user('reporter', null));
    expect(scope).toBeDefined();
    expect(scope).not.toBe(OWN);
  });
});

describe('canReadChanges, canChangeRegistry', () => {
  it.each([
    ['admin', 'ok', 'ok'],
    ['assessor', 'ok', '403 forbidden'],
    ['approver', 'ok', '403 forbidden'],
    ['viewer', 'ok', '403 forbidden'],
    ['reporter', '403 forbidden', '403 forbidden'],
  ] as const)('%s reading the changes: %s; changing the registry: %s', (role, read, change) => {
    expect(verdictCode(canReadChanges(user(role)))).toBe(read);
    expect(verdictCode(canChangeRegistry(user(role)))).toBe(change);
  });
});

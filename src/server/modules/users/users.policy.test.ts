/** The accounts' rules as a table: who, the account before and after, how many active administrators → the answer. */
import { describe, expect, it } from 'vitest';
import type { Role } from '../../db/schema.ts';
import { verdictCode } from '../../platform/policy.ts';
import { canEditUser, canManageUsers } from './users.policy.ts';

describe('canManageUsers', () => {
  it.each([
    ['admin', 'ok'],
    ['assessor', '403 forbidden'],
    ['approver', '403 forbidden'],
    ['reporter', '403 forbidden'],
    ['viewer', '403 forbidden'],
  ] as const)('%s managing accounts: %s', (role, answer) => {
    expect(verdictCode(canManageUsers({ role }))).toBe(answer);
  });
});

describe('canEditUser', () => {
  const account = (role: Role, active = true) => ({ role, active });
  it.each([
    // who, before, after, active administrators → answer
    ['admin', account('reporter'), account('viewer'), 1, 'ok'],
    ['admin', account('admin'), account('admin'), 1, 'ok'],
    ['admin', account('admin'), account('assessor'), 1, '409 invalid_state'],
    ['admin', account('admin'), account('admin', false), 1, '409 invalid_state'],
    ['admin', account('admin'), account('assessor'), 2, 'ok'],
    ['admin', account('admin'), account('admin', false), 2, 'ok'],
    ['admin', account('admin', false), account('viewer'), 1, 'ok'],
    ['admin', account('viewer', false), account('admin'), 1, 'ok'],
    ['assessor', account('viewer'), account('viewer'), 1, '403 forbidden'],
    ['reporter', account('reporter'), account('reporter'), 1, '403 forbidden'],
  ] as const)('%s editing %o into %o with %i active administrators: %s', (role, before, after, n, answer) => {
    expect(verdictCode(canEditUser({ role }, { before, after, activeAdmins: n }))).toBe(answer);
  });

  it('says why the last administrator stays', () => {
    const last = canEditUser(
      { role: 'admin' },
      { before: account('admin'), after: account('viewer'), activeAdmins: 1 },
    );
    expect(last !== true && last.text.vi).toBe('Không thể bỏ quyền quản trị viên cuối cùng');
  });
});

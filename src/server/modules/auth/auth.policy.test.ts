/** Which account the provincial single sign-on may open, as a table: the e-mail, the accounts that have it → the answer. */
import { describe, expect, it } from 'vitest';
import type { Role } from '../../db/schema.ts';
import { verdictCode } from '../../platform/policy.ts';
import { canSignInWithOidc } from './auth.policy.ts';

const acc = (role: Role, active = true) => ({ role, active });
const VERIFIED = { address: 'a@b.vn', verified: true };

describe('canSignInWithOidc', () => {
  it.each([
    ['one active reporter', 'ok', VERIFIED, [acc('reporter')]],
    ['one active assessor', 'ok', VERIFIED, [acc('assessor')]],
    ['one active approver', 'ok', VERIFIED, [acc('approver')]],
    ['one active viewer', 'ok', VERIFIED, [acc('viewer')]],
    ['an inactive one beside an active reporter', 'ok', VERIFIED, [acc('viewer', false), acc('reporter')]],
    ['an administrator', '403 sso_admin', VERIFIED, [acc('admin')]],
    ['an administrator and a reporter', '403 sso_admin', VERIFIED, [acc('reporter'), acc('admin')]],
    ['a deactivated administrator and a reporter', 'ok', VERIFIED, [acc('admin', false), acc('reporter')]],
    ['two active accounts', '403 sso_ambiguous', VERIFIED, [acc('reporter'), acc('viewer')]],
    ['no account', '403 sso_no_account', VERIFIED, []],
    ['a deactivated account only', '403 sso_no_account', VERIFIED, [acc('reporter', false)]],
    ['an unverified e-mail', '403 sso_unverified', { address: 'a@b.vn', verified: false }, [acc('reporter')]],
    ['no e-mail', '403 sso_unverified', { address: null, verified: true }, [acc('reporter')]],
  ] as const)('%s → %s', (_name, answer, email, accounts) => {
    expect(verdictCode(canSignInWithOidc(email, accounts))).toBe(answer);
  });
});

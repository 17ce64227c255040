/** The form's rules as a table: who, whose form, which cycle state, which form state → the answer. */
import { describe, expect, it } from 'vitest';
import type { CycleState, Role } from '../../db/schema.ts';
import { verdictCode } from '../../platform/policy.ts';
import {
  canEditForm,
  canReadForm,
  canWithdraw,
  type FormFacts,
  whyNotEditable,
} from './submissions.policy.ts';

const OWN = 'agency-own';
const OTHER = 'agency-other';
const DEADLINE = new Date('2017-10-31T17:00:00Z');
const BEFORE = new Date('2017-10-31T16:59:59Z');
const AFTER = new Date('2017-10-31T17:00:00Z');

const user = (role: Role, agencyId: string | null = role === 'reporter' ? OWN : null) => ({ role, agencyId });
const form = (
  state: CycleState,
  status: 'none' | 'draft' | 'submitted' = 'draft',
  agencyId = OWN,
): FormFacts => ({
  agencyId,
  cycle: { year: 2017, state, deadline: DEADLINE },
  submission: status === 'none' ? null : { status, submittedAt: status === 'submitted' ? BEFORE : null },
});

describe('canReadForm', () => {
  it.each([
    // role, whose form, cycle state → answer
    ['admin', OWN, 'open', 'ok'],
    ['assessor', OTHER, 'draft', 'ok'],
    ['reporter', OWN, 'published', 'ok'],
    ['reporter', OTHER, 'open', '403 forbidden'],
    ['approver', OWN, 'open', '403 forbidden'],
    ['approver', OWN, 'closed', '403 forbidden'],
    ['approver', OWN, 'under_review', 'ok'],
    ['approver', OWN, 'approved', 'ok'],
    ['approver', OWN, 'published', 'ok'],
    ['viewer', OWN, 'published', '403 forbidden'],
  ] as const)('%s reading the form of %s in a cycle %s: %s', (role, agency, state, answer) => {
    expect(verdictCode(canReadForm(user(role), form(state, 'draft', agency)))).toBe(answer);
  });
});

describe('canEditForm', () => {
  it.each([
    ['reporter', OWN, 'open', 'none', 'ok'],
    ['reporter', OWN, 'open', 'draft', 'ok'],
    ['reporter', OWN, 'open', 'submitted', '409 invalid_state'],
    ['reporter', OWN, 'closed', 'draft', '409 invalid_state'],
    ['reporter', OWN, 'draft', 'none', '409 invalid_state'],
    ['reporter', OTHER, 'open', 'draft', '403 forbidden'],
    ['admin', OWN, 'open', 'draft', '403 forbidden'],
    ['assessor', OWN, 'open', 'draft', '403 forbidden'],
    ['approver', OWN, 'open', 'draft', '403 forbidden'],
    ['viewer', OWN, 'open', 'draft', '403 forbidden'],
  ] as const)('%s editing the form of %s, cycle %s, form %s: %s', (role, agency, state, status, answer) => {
    expect(verdictCode(canEditForm(user(role), form(state, status, agency)))).toBe(answer);
  });

  it('says why in Vietnamese, naming the year and the state', () => {
    const closed = canEditForm(user('reporter'), form('closed'));
    expect(closed !== true && closed.text.vi).toBe(
      'Kỳ đánh giá năm 2017 đã đóng nhận phiếu: không thể thay đổi phiếu.',
    );
    const submitted = canEditForm(user('reporter'), form('open', 'submitted'));
    expect(submitted !== true && submitted.text.vi).toMatch(/^Phiếu đã được nộp lúc 31\/10\/2017 23:59:59/);
  });
});

describe('canWithdraw', () => {
  it.each([
    ['reporter', OWN, 'open', 'submitted', BEFORE, 'ok'],
    ['reporter', OWN, 'open', 'submitted', AFTER, '409 invalid_state'],
    ['reporter', OWN, 'open', 'draft', BEFORE, '409 invalid_state'],
    ['reporter', OWN, 'closed', 'submitted', BEFORE, '409 invalid_state'],
    ['reporter', OTHER, 'open', 'submitted', BEFORE, '403 forbidden'],
    ['admin', OWN, 'open', 'submitted', BEFORE, '403 forbidden'],
  ] as const)(
    '%s withdrawing the form of %s, cycle %s, form %s, at %s: %s',
    (role, agency, state, status, now, answer) => {
      expect(verdictCode(canWithdraw(user(role), form(state, status, agency), now))).toBe(answer);
    },
  );
});

describe('whyNotEditable', () => {
  it('tells the reader why the form is read-only, or nothing when it is editable', () => {
    expect(whyNotEditable(user('reporter'), form('open'), BEFORE)).toBeNull();
    expect(whyNotEditable(user('assessor'), form('open'), BEFORE)?.code).toBe('read_only');
    expect(whyNotEditable(user('reporter'), form('closed'), BEFORE)?.code).toBe('cycle_not_open');
    expect(whyNotEditable(user('reporter'), form('open', 'submitted'), BEFORE)?.message).toMatch(
      /rút phiếu trước hạn chót/,
    );
    expect(whyNotEditable(user('reporter'), form('open', 'submitted'), AFTER)?.message).toMatch(
      /đã quá hạn chót nên không rút lại để sửa được/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { Role } from '../../db/schema.ts';
import { verdictCode } from '../../platform/policy.ts';
import {
  canAnswerFeedback,
  canAttachToFeedback,
  canGroupFeedback,
  canReadAllFeedback,
  canReadFeedbackItem,
  canSummariseFeedback,
} from './feedback.policy.ts';

const as = (role: Role, id = `${role}-1`) => ({ id, role });
const mine = { raisedBy: 'reporter-1', status: 'new', fileId: null } as const;

describe('who may do what with the feedback on the regulation', () => {
  it.each([
    ['admin', 'ok', 'ok', 'ok', 'ok'],
    ['assessor', 'ok', 'ok', 'ok', 'ok'],
    ['approver', 'ok', '403 forbidden', '403 forbidden', 'ok'],
    ['reporter', '403 forbidden', '403 forbidden', '403 forbidden', '403 forbidden'],
    ['viewer', '403 forbidden', '403 forbidden', '403 forbidden', '403 forbidden'],
  ] as const)(
    '%s: reads all %s, answers %s, groups %s, summarises %s',
    (role, all, answer, group, summary) => {
      expect(verdictCode(canReadAllFeedback(as(role)))).toBe(all);
      expect(verdictCode(canAnswerFeedback(as(role)))).toBe(answer);
      expect(verdictCode(canGroupFeedback(as(role)))).toBe(group);
      expect(verdictCode(canSummariseFeedback(as(role)))).toBe(summary);
    },
  );

  it.each([
    ['its raiser', as('reporter'), 'ok'],
    ['another reporter', as('reporter', 'reporter-2'), '403 forbidden'],
    ['a viewer', as('viewer'), '403 forbidden'],
    ['an assessor', as('assessor'), 'ok'],
    ['the Steering Committee', as('approver'), 'ok'],
  ] as const)('reads one item: %s → %s', (_, user, code) => {
    expect(verdictCode(canReadFeedbackItem(user, mine))).toBe(code);
  });

  it.each([
    ['its raiser, not answered, no file yet', as('reporter'), mine, 'ok'],
    ['another person', as('assessor'), mine, '403 forbidden'],
    ['answered', as('reporter'), { ...mine, status: 'answered' }, '409 invalid_state'],
    ['a file already', as('reporter'), { ...mine, fileId: 'f' }, '409 invalid_state'],
  ] as const)('attaches a file: %s → %s', (_, user, item, code) => {
    expect(verdictCode(canAttachToFeedback(user, item))).toBe(code);
  });
});

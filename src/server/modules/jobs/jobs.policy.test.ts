/** The jobs' rules as a table: who, the job's state → the answer. */
import { describe, expect, it } from 'vitest';
import { verdictCode } from '../../platform/policy.ts';
import { canManageJobs, canRetryJob } from './jobs.policy.ts';

describe('canManageJobs', () => {
  it.each([
    ['admin', 'ok'],
    ['assessor', '403 forbidden'],
    ['approver', '403 forbidden'],
    ['reporter', '403 forbidden'],
    ['viewer', '403 forbidden'],
  ] as const)('%s reading the queue, retrying all failed jobs: %s', (role, answer) => {
    expect(verdictCode(canManageJobs({ role }))).toBe(answer);
  });
});

describe('canRetryJob', () => {
  it.each([
    // who, the job's state → answer
    ['admin', 'failed', 'ok'],
    ['admin', 'pending', '409 invalid_state'],
    ['admin', 'running', '409 invalid_state'],
    ['admin', 'done', '409 invalid_state'],
    ['assessor', 'failed', '403 forbidden'],
    ['reporter', 'failed', '403 forbidden'],
    ['viewer', 'failed', '403 forbidden'],
  ] as const)('%s retrying a job that is %s: %s', (role, status, answer) => {
    expect(verdictCode(canRetryJob({ role }, { status }))).toBe(answer);
  });

  it('says why a job that did not fail is not retried', () => {
    const running = canRetryJob({ role: 'admin' }, { status: 'running' });
    expect(running !== true && running.text.vi).toBe('Việc này đang chạy: không cho chạy lại được');
  });
});

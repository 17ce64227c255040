/** The results' rules as a table: who, which cycle state, which facts → the answer. */
import { describe, expect, it } from 'vitest';
import type { CycleState, Role } from '../../db/schema.ts';
import { verdictCode } from '../../platform/policy.ts';
import type { Incomplete } from './completeness.ts';
import {
  canApprove,
  canExportResults,
  canListRevisions,
  canPublish,
  canReadAgencyResult,
  canReadResults,
  canReturnForReview,
  canRevise,
  type ResultFacts,
} from './results.policy.ts';

const OWN = 'agency-own';
const OTHER = 'agency-other';
const STATES = ['draft', 'open', 'closed', 'under_review', 'approved', 'published'] as const;

const user = (role: Role, agencyId: string | null = role === 'reporter' ? OWN : null) => ({ role, agencyId });
const cycle = (state: CycleState) => ({
  year: 2017,
  state,
  guidanceFileId: null,
  deadline: new Date('2017-10-31T17:00:00Z'),
});
const result = (state: CycleState, published: boolean): ResultFacts => ({ cycle: cycle(state), published });
const UNREVIEWED: Incomplete = {
  agencyId: 'a',
  code: 'STC',
  name: 'Sở Tài chính',
  missing: { vi: 'thiếu Điểm chất lượng số liệu', en: 'missing Data quality' },
};

/**
 * One row per role and state for a decision allowed to some roles in some states: the state is
 * asked first (409 where no role may act), then the role (403 where another role may).
 */
const rows = (allowed: Partial<Record<Role, readonly CycleState[]>>, refusal: string) =>
  (['admin', 'assessor', 'approver', 'reporter', 'viewer'] as const).flatMap((role) =>
    STATES.map(
      (state) =>
        [
          role,
          state,
          allowed[role]?.includes(state)
            ? 'ok'
            : Object.values(allowed).some((s) => s.includes(state))
              ? '403 forbidden'
              : refusal,
        ] as const,
    ),
  );

describe('canApprove (R10)', () => {
  it.each(rows({ approver: ['under_review'] }, '409 invalid_state'))(
    '%s approving a complete review of a cycle %s: %s',
    (role, state, answer) => {
      expect(verdictCode(canApprove(user(role), { cycle: cycle(state), incomplete: [] }))).toBe(answer);
    },
  );

  it('refuses while an agency that submitted on time is not fully reviewed, naming it', () => {
    const verdict = canApprove(user('approver'), { cycle: cycle('under_review'), incomplete: [UNREVIEWED] });
    expect(verdictCode(verdict)).toBe('409 invalid_state');
    expect(verdict !== true && verdict.text.vi).toBe(
      'Chưa phê duyệt được: 1 cơ quan nộp đúng hạn chưa thẩm định xong — Sở Tài chính (thiếu Điểm chất lượng số liệu).',
    );
    expect(verdict !== true && verdict.details).toEqual({ incomplete: [UNREVIEWED] });
  });

  it('says first that the cycle is not under review, in the table’s words', () => {
    const verdict = canApprove(user('approver'), { cycle: cycle('approved'), incomplete: [UNREVIEWED] });
    expect(verdict !== true && verdict.text.vi).toBe(
      'Kỳ đánh giá đang ở trạng thái "Đã phê duyệt", không thể chuyển sang "Đã phê duyệt".',
    );
  });
});

describe('canReturnForReview', () => {
  it.each(rows({ approver: ['approved'] }, '409 invalid_state'))(
    '%s returning the result of a cycle %s: %s',
    (role, state, answer) => {
      expect(verdictCode(canReturnForReview(user(role), cycle(state)))).toBe(answer);
    },
  );

  it('does not reopen a published result: that is a correction', () => {
    const verdict = canReturnForReview(user('approver'), cycle('published'));
    expect(verdict !== true && verdict.text.vi).toBe(
      'Chỉ trả lại được kết quả đã phê duyệt; kỳ đánh giá năm 2017 đang ở trạng thái "Đã công bố".',
    );
  });
});

describe('canPublish (R11)', () => {
  it.each(rows({ approver: ['approved'] }, '409 invalid_state'))(
    '%s publishing the result of a cycle %s: %s',
    (role, state, answer) => {
      expect(verdictCode(canPublish(user(role), cycle(state)))).toBe(answer);
    },
  );

  it('names the state the cycle is in', () => {
    const verdict = canPublish(user('approver'), cycle('under_review'));
    expect(verdict !== true && verdict.text.vi).toMatch(/"Đang thẩm định"/);
  });
});

describe('canRevise (R11)', () => {
  it.each(rows({ approver: ['published'], admin: ['published'] }, '409 invalid_state'))(
    '%s reopening the result of a cycle %s: %s',
    (role, state, answer) => {
      expect(verdictCode(canRevise(user(role), cycle(state)))).toBe(answer);
    },
  );

  it('does not take an approved result back: that is a return', () => {
    const verdict = canRevise(user('approver'), cycle('approved'));
    expect(verdict !== true && verdict.text.vi).toBe(
      'Chỉ mở lại để điều chỉnh được kết quả đã công bố; kỳ đánh giá năm 2017 đang ở trạng thái "Đã phê duyệt".',
    );
  });
});

describe('canReadResults (R7, R20)', () => {
  it.each([
    // role, cycle state, something published, preview → answer
    ['viewer', 'published', true, false, 'ok'],
    ['viewer', 'under_review', true, false, 'ok'],
    ['viewer', 'under_review', false, false, '404 not_found'],
    ['reporter', 'approved', false, false, '404 not_found'],
    ['admin', 'under_review', false, false, '404 not_found'],
    ['reporter', 'published', true, false, 'ok'],
    ['viewer', 'under_review', false, true, '403 forbidden'],
    ['reporter', 'approved', false, true, '403 forbidden'],
    ['approver', 'under_review', false, true, 'ok'],
    ['assessor', 'approved', false, true, 'ok'],
    ['admin', 'under_review', true, true, 'ok'],
    ['approver', 'published', true, true, '409 invalid_state'],
    ['admin', 'closed', false, true, '409 invalid_state'],
  ] as const)(
    '%s reading a cycle %s (published: %s, preview: %s): %s',
    (role, state, published, preview, answer) => {
      expect(verdictCode(canReadResults(user(role), result(state, published), preview))).toBe(answer);
    },
  );

  it('says why in Vietnamese', () => {
    const hidden = canReadResults(user('viewer'), result('approved', false), false);
    expect(hidden !== true && hidden.text.vi).toBe('Kết quả của kỳ đánh giá năm 2017 chưa được công bố');
    const preview = canReadResults(user('viewer'), result('approved', false), true);
    expect(preview !== true && preview.text.vi).toBe(
      'Chỉ Sở TT&TT và Ban Chỉ đạo được xem trước kết quả chưa công bố',
    );
  });
});

describe('canReadAgencyResult (R19)', () => {
  it.each([
    // role (reporter of OWN), agency page, published, preview → answer
    ['reporter', OWN, true, false, 'ok'],
    ['reporter', OTHER, true, false, '403 forbidden'],
    ['reporter', OTHER, false, false, '403 forbidden'],
    ['reporter', OWN, false, false, '404 not_found'],
    ['reporter', OWN, false, true, '403 forbidden'],
    ['viewer', OTHER, true, false, 'ok'],
    ['viewer', OTHER, false, true, '403 forbidden'],
    ['assessor', OTHER, false, true, 'ok'],
    ['approver', OTHER, false, false, '404 not_found'],
  ] as const)(
    '%s reading the page of %s (published: %s, preview: %s): %s',
    (role, agency, published, preview, answer) => {
      expect(
        verdictCode(canReadAgencyResult(user(role), agency, result('under_review', published), preview)),
      ).toBe(answer);
    },
  );

  it.each([
    // state, appeal period running → a reporter previewing its own agency's provisional result
    ['approved', true, 'ok'],
    ['approved', false, '409 invalid_state'],
    ['under_review', true, '403 forbidden'],
    ['under_review', false, '403 forbidden'],
    ['published', false, '403 forbidden'],
  ] as const)(
    'a reporter previews its own result of a cycle %s (appeal period running: %s): %s',
    (state, running, answer) => {
      const facts: ResultFacts = { ...result(state, state === 'published'), appealWindowOpen: running };
      expect(verdictCode(canReadAgencyResult(user('reporter'), OWN, facts, true))).toBe(answer);
    },
  );

  it('never lets a reporter preview another agency, nor the ranking, in the appeal period', () => {
    const facts: ResultFacts = { ...result('approved', false), appealWindowOpen: true };
    expect(verdictCode(canReadAgencyResult(user('reporter'), OTHER, facts, true))).toBe('403 forbidden');
    expect(verdictCode(canReadResults(user('reporter'), facts, true))).toBe('403 forbidden');
    expect(verdictCode(canReadAgencyResult(user('viewer'), OTHER, facts, true))).toBe('403 forbidden');
  });

  it('says when the provisional result was readable', () => {
    const verdict = canReadAgencyResult(user('reporter'), OWN, result('approved', false), true);
    expect(verdict !== true && verdict.text.vi).toBe(
      'Kết quả tạm thời của kỳ đánh giá năm 2017 chỉ được xem trong thời hạn kiến nghị; kết quả chính thức sẽ có khi công bố',
    );
  });

  it('tells a reporter it reads only its own agency', () => {
    const verdict = canReadAgencyResult(user('reporter'), OTHER, result('published', true), false);
    expect(verdict !== true && verdict.text.vi).toBe('Đơn vị chỉ xem được kết quả của chính mình');
  });
});

describe('canListRevisions (R11)', () => {
  it.each([
    ['viewer', true, 'ok'],
    ['reporter', true, 'ok'],
    ['viewer', false, '404 not_found'],
    ['reporter', false, '404 not_found'],
    ['admin', false, 'ok'],
    ['assessor', false, 'ok'],
    ['approver', false, 'ok'],
  ] as const)('%s listing the revisions (published: %s): %s', (role, published, answer) => {
    expect(verdictCode(canListRevisions(user(role), result('approved', published)))).toBe(answer);
  });
});

describe('canExportResults (R15, R20)', () => {
  it.each([
    ['viewer', true, 'ok'],
    ['admin', true, 'ok'],
    ['assessor', true, 'ok'],
    ['approver', true, 'ok'],
    ['reporter', true, '403 forbidden'],
    ['viewer', false, '404 not_found'],
    ['admin', false, '404 not_found'],
    ['reporter', false, '403 forbidden'],
  ] as const)('%s downloading the result (published: %s): %s', (role, published, answer) => {
    expect(verdictCode(canExportResults(user(role), result('published', published)))).toBe(answer);
  });
});

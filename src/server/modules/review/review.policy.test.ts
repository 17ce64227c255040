/** The review's rules as a table: who, whose agency, which cycle state, which submission or query state → the answer. */
import { describe, expect, it } from 'vitest';
import type { CycleState, Role } from '../../db/schema.ts';
import { verdictCode } from '../../platform/policy.ts';
import {
  canAddSurveyEvidence,
  canCloseQuery,
  canCorrectValue,
  canDecideClaim,
  canRaiseQuery,
  canReadQueries,
  canReadReview,
  canRecordSurvey,
  canWriteOnQuery,
  type QueryFacts,
  type ReviewFacts,
} from './review.policy.ts';

const OWN = 'agency-own';
const OTHER = 'agency-other';

const user = (role: Role, agencyId: string | null = role === 'reporter' ? OWN : null) => ({ role, agencyId });
const cycle = (state: CycleState) => ({ year: 2017, state });
const review = (
  state: CycleState,
  submission: 'none' | 'draft' | 'submitted' = 'submitted',
): ReviewFacts => ({
  cycle: cycle(state),
  submission: submission === 'none' ? null : { status: submission },
});
const query = (
  state: CycleState,
  status: QueryFacts['status'] = 'open',
  agencyId: string = OWN,
): QueryFacts => ({ agencyId, cycle: cycle(state), status });

describe('canReadReview', () => {
  it.each([
    ['admin', 'open', 'ok'],
    ['assessor', 'closed', 'ok'],
    ['assessor', 'published', 'ok'],
    ['approver', 'open', '403 forbidden'],
    ['approver', 'closed', '403 forbidden'],
    ['approver', 'under_review', 'ok'],
    ['approver', 'approved', 'ok'],
    ['approver', 'published', 'ok'],
    ['reporter', 'under_review', '403 forbidden'],
    ['viewer', 'published', '403 forbidden'],
  ] as const)('%s reading the review of a cycle %s: %s', (role, state, answer) => {
    expect(verdictCode(canReadReview(user(role), cycle(state)))).toBe(answer);
  });

  it('tells the approver when it may read, naming the year and the state', () => {
    const early = canReadReview(user('approver'), cycle('closed'));
    expect(early !== true && early.text.vi).toBe(
      'Kỳ đánh giá năm 2017 đã đóng nhận phiếu: người phê duyệt xem kết quả thẩm định khi kỳ đã được trình phê duyệt',
    );
  });
});

describe('queries and surveys: canRaiseQuery, canRecordSurvey, canAddSurveyEvidence', () => {
  const rules = { canRaiseQuery, canRecordSurvey, canAddSurveyEvidence };
  it.each([
    // role, cycle state, submission → answer (the same for the three)
    ['assessor', 'open', 'submitted', 'ok'],
    ['assessor', 'closed', 'submitted', 'ok'],
    ['admin', 'under_review', 'submitted', 'ok'],
    ['assessor', 'approved', 'submitted', '409 invalid_state'],
    ['assessor', 'published', 'submitted', '409 invalid_state'],
    ['assessor', 'draft', 'none', '409 invalid_state'],
    ['assessor', 'closed', 'draft', '409 invalid_state'],
    ['assessor', 'closed', 'none', '409 invalid_state'],
    ['approver', 'under_review', 'submitted', '403 forbidden'],
    ['reporter', 'closed', 'submitted', '403 forbidden'],
    ['viewer', 'closed', 'submitted', '403 forbidden'],
  ] as const)('%s, cycle %s, submission %s: %s', (role, state, submission, answer) => {
    for (const [name, rule] of Object.entries(rules))
      expect(verdictCode(rule(user(role), review(state, submission))), name).toBe(answer);
  });

  it('says what cannot be done, and why, in Vietnamese', () => {
    const draft = canRaiseQuery(user('assessor'), review('closed', 'draft'));
    expect(draft !== true && draft.text.vi).toBe(
      'Cơ quan chưa nộp phiếu báo cáo: chỉ gửi câu hỏi cho cơ quan sau khi cơ quan đã nộp',
    );
    const published = canRecordSurvey(user('assessor'), review('published'));
    expect(published !== true && published.text.vi).toBe(
      'Kỳ đánh giá năm 2017 đã công bố kết quả: không thể ghi biên bản khảo sát thực tế nữa',
    );
  });
});

describe('official data: canDecideClaim, canCorrectValue', () => {
  const rules = { canDecideClaim, canCorrectValue };
  it.each([
    ['assessor', 'closed', 'submitted', 'ok'],
    ['admin', 'under_review', 'submitted', 'ok'],
    ['assessor', 'open', 'submitted', '409 invalid_state'],
    ['assessor', 'draft', 'none', '409 invalid_state'],
    ['assessor', 'approved', 'submitted', '409 invalid_state'],
    ['assessor', 'published', 'submitted', '409 invalid_state'],
    ['assessor', 'closed', 'draft', '409 invalid_state'],
    ['assessor', 'under_review', 'none', '409 invalid_state'],
    ['approver', 'under_review', 'submitted', '403 forbidden'],
    ['reporter', 'closed', 'submitted', '403 forbidden'],
    ['viewer', 'closed', 'submitted', '403 forbidden'],
  ] as const)('%s, cycle %s, submission %s: %s', (role, state, submission, answer) => {
    for (const [name, rule] of Object.entries(rules))
      expect(verdictCode(rule(user(role), review(state, submission))), name).toBe(answer);
  });

  it('says that an approved or published result is not changed', () => {
    const published = canCorrectValue(user('assessor'), review('published'));
    expect(published !== true && published.text.vi).toBe(
      'Kỳ đánh giá năm 2017 đã công bố kết quả: chỉ điều chỉnh số liệu khi kỳ đã hết hạn nhận báo cáo hoặc đang trình phê duyệt; số liệu của kỳ đã phê duyệt, công bố không được sửa',
    );
    const draft = canDecideClaim(user('assessor'), review('closed', 'draft'));
    expect(draft !== true && draft.text.vi).toBe(
      'Cơ quan chưa nộp phiếu báo cáo: chưa thể quyết định về đề nghị "không áp dụng"',
    );
  });
});

describe('canReadQueries', () => {
  it.each([
    ['admin', OTHER, 'ok'],
    ['assessor', OTHER, 'ok'],
    ['reporter', OWN, 'ok'],
    ['reporter', OTHER, '403 forbidden'],
    ['approver', OWN, '403 forbidden'],
    ['viewer', OWN, '403 forbidden'],
  ] as const)('%s reading the queries of %s: %s', (role, agency, answer) => {
    expect(verdictCode(canReadQueries(user(role), agency))).toBe(answer);
  });
});

describe('canWriteOnQuery', () => {
  it.each([
    // role, whose query, cycle state, query status → answer
    ['reporter', OWN, 'closed', 'open', 'ok'],
    ['reporter', OWN, 'open', 'answered', 'ok'],
    ['assessor', OWN, 'under_review', 'answered', 'ok'],
    ['admin', OTHER, 'closed', 'open', 'ok'],
    ['reporter', OTHER, 'closed', 'open', '403 forbidden'],
    ['approver', OWN, 'under_review', 'open', '403 forbidden'],
    ['viewer', OWN, 'closed', 'open', '403 forbidden'],
    ['reporter', OWN, 'closed', 'closed', '409 invalid_state'],
    ['assessor', OWN, 'closed', 'closed', '409 invalid_state'],
    ['reporter', OWN, 'approved', 'open', '409 invalid_state'],
    ['assessor', OWN, 'published', 'answered', '409 invalid_state'],
  ] as const)(
    '%s writing on a query of %s, cycle %s, query %s: %s',
    (role, agency, state, status, answer) => {
      expect(verdictCode(canWriteOnQuery(user(role), query(state, status, agency)))).toBe(answer);
    },
  );

  it('says a closed query takes no more messages', () => {
    const closed = canWriteOnQuery(user('reporter'), query('closed', 'closed'));
    expect(closed !== true && closed.text.vi).toBe('Câu hỏi đã được Sở TT&TT đóng: không thể trao đổi thêm');
  });
});

describe('canCloseQuery', () => {
  it.each([
    ['assessor', 'closed', 'open', 'ok'],
    ['admin', 'under_review', 'answered', 'ok'],
    // Closing changes no result: allowed whatever the cycle's state.
    ['assessor', 'published', 'answered', 'ok'],
    ['assessor', 'closed', 'closed', '409 invalid_state'],
    ['reporter', 'closed', 'answered', '403 forbidden'],
    ['approver', 'under_review', 'open', '403 forbidden'],
  ] as const)('%s closing a query, cycle %s, query %s: %s', (role, state, status, answer) => {
    expect(verdictCode(canCloseQuery(user(role), query(state, status)))).toBe(answer);
  });
});

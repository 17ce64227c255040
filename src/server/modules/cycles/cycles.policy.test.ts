/** The cycle's rules as a table: who, which cycle state, which facts → the answer. */
import { describe, expect, it } from 'vitest';
import type { CycleState, Role } from '../../db/schema.ts';
import { verdictCode } from '../../platform/policy.ts';
import type { TransitionFacts } from './cycle-states.ts';
import {
  canAttachDocument,
  canCreateCycle,
  canDownloadDocument,
  canEditCycle,
  canExtendDeadline,
  canMoveCycle,
  canOpenCycle,
  canReadCycle,
  type OpeningFacts,
  seesDrafts,
} from './cycles.policy.ts';

const DEADLINE = new Date('2018-10-31T17:00:00Z');
const BEFORE = new Date('2018-10-31T16:59:59Z');
const AT = new Date('2018-10-31T17:00:00Z');

const user = (role: Role) => ({ role });
const cycle = (state: CycleState, guidance = true): TransitionFacts => ({
  state,
  guidanceFileId: guidance ? 'file-1' : null,
  deadline: DEADLINE,
});

describe('canReadCycle, seesDrafts', () => {
  it.each([
    // role, cycle state → answer
    ['admin', 'draft', 'ok'],
    ['assessor', 'draft', 'ok'],
    ['approver', 'draft', 'ok'],
    ['viewer', 'draft', '404 not_found'],
    ['reporter', 'draft', '404 not_found'],
    ['viewer', 'open', 'ok'],
    ['reporter', 'open', 'ok'],
    ['reporter', 'published', 'ok'],
  ] as const)('%s reading a cycle %s: %s', (role, state, answer) => {
    expect(verdictCode(canReadCycle(user(role), cycle(state)))).toBe(answer);
    expect(seesDrafts(user(role))).toBe(!(role === 'viewer' || role === 'reporter'));
  });
});

describe('canCreateCycle, canEditCycle', () => {
  it.each([
    ['admin', 'draft', 'ok', 'ok'],
    ['admin', 'open', 'ok', '409 invalid_state'],
    ['admin', 'closed', 'ok', '409 invalid_state'],
    ['assessor', 'draft', '403 forbidden', '403 forbidden'],
    ['approver', 'draft', '403 forbidden', '403 forbidden'],
    ['reporter', 'draft', '403 forbidden', '403 forbidden'],
    ['viewer', 'draft', '403 forbidden', '403 forbidden'],
  ] as const)('%s creating, then editing a cycle %s: %s, %s', (role, state, create, edit) => {
    expect(verdictCode(canCreateCycle(user(role)))).toBe(create);
    expect(verdictCode(canEditCycle(user(role), cycle(state)))).toBe(edit);
  });

  it('says that an open cycle changes only by an extension', () => {
    const open = canEditCycle(user('admin'), cycle('open'));
    expect(open !== true && open.text.vi).toBe(
      'Chỉ sửa được kỳ đánh giá khi còn ở trạng thái "Nháp" (hiện tại: "Đang nhận báo cáo"). Hạn nộp của kỳ đang mở chỉ thay đổi được bằng quyết định gia hạn.',
    );
  });
});

describe('canAttachDocument, canDownloadDocument', () => {
  it.each([
    // role, cycle state → attach, download
    ['admin', 'draft', 'ok', 'ok'],
    ['admin', 'open', 'ok', 'ok'],
    ['admin', 'closed', '409 invalid_state', 'ok'],
    ['admin', 'under_review', '409 invalid_state', 'ok'],
    ['assessor', 'draft', '403 forbidden', '403 forbidden'],
    ['assessor', 'open', '403 forbidden', 'ok'],
    ['approver', 'draft', '403 forbidden', '403 forbidden'],
    ['reporter', 'draft', '403 forbidden', '404 not_found'],
    ['reporter', 'open', '403 forbidden', 'ok'],
    ['viewer', 'draft', '403 forbidden', '404 not_found'],
    ['viewer', 'published', '403 forbidden', 'ok'],
  ] as const)(
    '%s with the guidance of a cycle %s: attach %s, download %s',
    (role, state, attach, download) => {
      expect(verdictCode(canAttachDocument(user(role), cycle(state), 'guidance'))).toBe(attach);
      expect(verdictCode(canDownloadDocument(user(role), cycle(state), 'guidance'))).toBe(download);
    },
  );

  it('names the document in the refusal', () => {
    const late = canAttachDocument(user('admin'), cycle('under_review'), 'form');
    expect(late !== true && late.text.vi).toBe(
      'Không thể thay phiếu thu thập số liệu khi kỳ đánh giá đã ở trạng thái "Đang thẩm định"',
    );
    const early = canDownloadDocument(user('assessor'), cycle('draft'), 'guidance');
    expect(early !== true && early.text.vi).toBe('Chỉ tải được văn bản hướng dẫn khi kỳ đánh giá đã mở');
  });
});

describe('canMoveCycle: the transition table', () => {
  it.each([
    // role, from, to, guidance attached, now → answer
    ['admin', 'draft', 'open', true, BEFORE, 'ok'],
    ['admin', 'draft', 'open', false, BEFORE, '409 invalid_state'],
    ['admin', 'draft', 'open', true, AT, '409 invalid_state'],
    ['assessor', 'draft', 'open', true, BEFORE, '403 forbidden'],
    ['admin', 'draft', 'closed', true, AT, '409 invalid_state'],
    ['admin', 'open', 'closed', true, BEFORE, '409 invalid_state'],
    ['admin', 'open', 'closed', true, AT, 'ok'],
    ['assessor', 'open', 'closed', true, AT, '403 forbidden'],
    ['admin', 'closed', 'under_review', true, AT, 'ok'],
    ['assessor', 'closed', 'under_review', true, AT, 'ok'],
    ['viewer', 'closed', 'under_review', true, AT, '403 forbidden'],
    ['assessor', 'open', 'under_review', true, AT, '409 invalid_state'],
  ] as const)(
    '%s moving a cycle %s → %s (guidance %s) at %s: %s',
    (role, from, to, guidance, now, answer) => {
      expect(verdictCode(canMoveCycle(user(role), cycle(from, guidance), to, now))).toBe(answer);
    },
  );
});

describe('canOpenCycle', () => {
  const opening = (over: Partial<OpeningFacts> = {}): OpeningFacts => ({
    cycle: cycle('draft'),
    rosterDate: '2018-10-01',
    units: [
      { code: 'SYT', groupId: 'department' },
      { code: 'HHA', groupId: 'district' },
    ],
    groupIds: ['department', 'district'],
    ...over,
  });

  it.each([
    ['a draft with its guidance, every group known', opening(), 'ok'],
    ['a cycle already open', opening({ cycle: cycle('open') }), '409 invalid_state'],
    ['without the guidance', opening({ cycle: cycle('draft', false) }), '409 invalid_state'],
    ['with a unit of a group the criteria lack', opening({ groupIds: ['department'] }), '409 invalid_state'],
    ['with no unit on the roster date', opening({ units: [] }), '409 invalid_state'],
  ] as const)('the administrator opening %s: %s', (_, facts, answer) => {
    expect(verdictCode(canOpenCycle(user('admin'), facts, BEFORE))).toBe(answer);
  });

  it('explains a roster the criteria cannot score, and an empty roster', () => {
    const stray = canOpenCycle(user('admin'), opening({ groupIds: ['department'] }), BEFORE);
    expect(stray !== true && stray.text.vi).toBe(
      'Bộ tiêu chí của kỳ không có nhóm của 1 cơ quan (HHA: nhóm "district"). Hãy chọn bộ tiêu chí phù hợp hoặc sửa danh sách cơ quan.',
    );
    const empty = canOpenCycle(user('admin'), opening({ units: [] }), BEFORE);
    expect(empty !== true && empty.text.vi).toBe(
      'Không có cơ quan nào có hiệu lực vào ngày 01/10/2018 (ngày chốt danh sách cơ quan của kỳ)',
    );
  });
});

describe('canExtendDeadline', () => {
  it.each([
    ['admin', 'open', BEFORE, 'ok'],
    ['admin', 'open', AT, '409 invalid_state'],
    ['admin', 'draft', BEFORE, '409 invalid_state'],
    ['admin', 'closed', AT, '409 invalid_state'],
    ['assessor', 'open', BEFORE, '403 forbidden'],
    ['approver', 'open', BEFORE, '403 forbidden'],
  ] as const)('%s extending the deadline of a cycle %s at %s: %s', (role, state, now, answer) => {
    expect(verdictCode(canExtendDeadline(user(role), cycle(state), now))).toBe(answer);
  });

  it('says when the deadline has passed', () => {
    const late = canExtendDeadline(user('admin'), cycle('open'), AT);
    expect(late !== true && late.text.vi).toBe(
      'Hạn nộp (trước 01/11/2018 00:00) đã qua; không thể gia hạn sau khi hết hạn. Báo cáo nộp từ thời điểm đó là nộp muộn.',
    );
  });
});

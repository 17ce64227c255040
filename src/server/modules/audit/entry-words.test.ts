/** Rows of the audit log as sentences: one row per kind that the API tests do not write. */
import { describe, expect, it } from 'vitest';
import { bundledCompiledSet, DEFAULT_SET_ID } from '../../../core/criteria/bundled.ts';
import type { EntryRow } from './audit.repo.ts';
import { describeEntry } from './describe-entry.ts';
import type { EntryFacts } from './entry-words.ts';

const CYCLE = 'c-2017';
const facts: EntryFacts = {
  sets: new Map([[CYCLE, bundledCompiledSet(DEFAULT_SET_ID)!]]),
  users: new Map([['u-b', { username: 'tranthib', displayName: 'Trần Thị B' }]]),
  agencies: new Map([['a-syt', { code: 'SYT', name: 'Sở Y tế' }]]),
  versions: new Map(),
};

function row(over: Partial<EntryRow>): EntryRow {
  return {
    id: 1,
    at: new Date('2017-11-20T03:00:00Z'),
    actorId: 'u-a',
    actorRole: 'assessor',
    actorName: 'Lê Văn C',
    action: 'unknown',
    entityType: 'thing',
    entityId: null,
    cycleId: CYCLE,
    cycleYear: 2017,
    criteriaVersionId: 'v1',
    agencyId: 'a-sxd',
    agencyCode: 'SXD',
    agencyName: 'Sở Xây dựng',
    field: null,
    oldValue: null,
    newValue: null,
    reason: null,
    requestId: 'req-1',
    ip: '10.0.0.9',
    ...over,
  };
}

const said = (over: Partial<EntryRow>) => describeEntry(row(over), facts, false);

describe('the sentence of a row', () => {
  it.each([
    [
      { action: 'review.correction', field: 'total_staff', oldValue: 45, newValue: 44 },
      'Lê Văn C điều chỉnh trường "Tổng số CBCCVC" của Sở Xây dựng: 45 → 44',
    ],
    [
      { action: 'review.reviewer_mark', field: 'data_quality_points', oldValue: null, newValue: 1.5 },
      'Lê Văn C chấm "Điểm chất lượng số liệu" của Sở Xây dựng: (để trống) → 1,5',
    ],
    [
      { action: 'submission.claim', field: '2.5', newValue: { reason: 'Không có TTHC', status: 'claimed' } },
      'Lê Văn C đề nghị không áp dụng tiêu chí 2.5 "Ứng dụng chữ ký số" của Sở Xây dựng',
    ],
    [
      { action: 'submission.submit', newValue: { late: true, attestedName: 'Nguyễn Văn A' } },
      'Lê Văn C nộp báo cáo của Sở Xây dựng năm 2017 (nộp muộn)',
    ],
    [
      {
        action: 'cycle.transition',
        field: 'state',
        oldValue: 'open',
        newValue: 'closed',
        agencyId: null,
        agencyName: null,
      },
      'Lê Văn C chuyển kỳ đánh giá năm 2017 từ "Đang nhận báo cáo" sang "Đã hết hạn nộp"',
    ],
    [
      {
        action: 'cycle.extend_deadline',
        oldValue: '2017-10-31T17:00:00.000Z',
        newValue: '2017-11-10T17:00:00.000Z',
      },
      'Lê Văn C gia hạn nộp báo cáo kỳ đánh giá năm 2017: 01/11/2017 00:00 → 11/11/2017 00:00',
    ],
    [
      {
        action: 'user.update',
        entityType: 'user',
        entityId: 'u-b',
        oldValue: { displayName: 'Trần Thị B', role: 'viewer', agencyId: null, active: true },
        newValue: { displayName: 'Trần Thị B', role: 'reporter', agencyId: 'a-syt', active: false },
      },
      'Lê Văn C sửa tài khoản của Trần Thị B: "Vai trò", "Cơ quan", "Trạng thái"',
    ],
    [
      {
        action: 'auth.login_failed',
        actorId: null,
        actorName: null,
        entityType: 'user',
        newValue: { username: 'ai-do' },
      },
      '"ai-do" đăng nhập không thành công',
    ],
    [
      { action: 'job.retry', oldValue: { kind: 'mail.send', lastError: 'connect ECONNREFUSED' } },
      'Lê Văn C cho chạy lại việc nền bị lỗi: Gửi thư điện tử',
    ],
    [{ action: 'plugin.something' }, 'Lê Văn C: plugin.something (Sở Xây dựng)'],
    [
      {
        action: 'user.create',
        actorId: null,
        actorName: null,
        newValue: { username: 'admin', role: 'admin' },
      },
      'Hệ thống tạo tài khoản "admin" (vai trò Quản trị)',
    ],
  ] as const)('%j → %s', (over, sentence) => {
    expect(said(over as Partial<EntryRow>).summary.vi).toBe(sentence);
  });

  it("says an account's changes with the users screen's words", () => {
    const e = said({
      action: 'user.update',
      entityType: 'user',
      entityId: 'u-b',
      oldValue: { role: 'viewer', agencyId: null, active: true },
      newValue: { role: 'reporter', agencyId: 'a-syt', active: false },
    });
    expect(e.changes.map((c) => `${c.label.vi}: ${c.before?.vi} → ${c.after?.vi}`)).toEqual([
      'Vai trò: Xem → Đơn vị',
      'Cơ quan: (để trống) → Sở Y tế',
      'Trạng thái: đang hoạt động → đã khóa',
    ]);
  });

  it("hides the request's address unless asked to show it", () => {
    expect(said({}).record.ip).toBeNull();
    expect(describeEntry(row({}), facts, true).record.ip).toBe('10.0.0.9');
  });
});

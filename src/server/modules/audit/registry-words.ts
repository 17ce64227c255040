/**
 * The sentences of the rows about the registry and the year's steps (agencies, criteria versions,
 * cycles, results, reminders) and about accounts, sign-ins and background jobs
 * (entry-words.ts says how a row becomes a sentence).
 */

import type { Text } from '../../../core/types.ts';
import type { Role } from '../../db/schema.ts';
import { KIND_LABELS } from '../agencies/record-change.ts';
import { OIDC_REFUSAL_TEXTS } from '../auth/auth.policy.ts';
import { DATE_TEXT } from '../cycles/cycle-fields.ts';
import { ROLE_LABELS, STATE_LABELS } from '../cycles/cycle-states.ts';
import { jobKindLabel } from '../jobs/job-words.ts';
import { type EntryContext, labelList, plainValue, type Sentence, t, vien } from './entry-words.ts';

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const count = (v: unknown): number => (Array.isArray(v) ? v.length : typeof v === 'number' ? v : 0);

const AGENCY_LABELS: Readonly<Record<string, Text>> = {
  name: t('Tên', 'Name'),
  shortName: t('Tên viết tắt', 'Short name'),
  website: t('Trang TTĐT', 'Website'),
  email: t('Thư điện tử', 'E-mail'),
};

const CYCLE_LABELS: Readonly<Record<string, Text>> = {
  ...DATE_TEXT,
  title: t('Tên kỳ đánh giá', 'Title'),
  announcement: t('Thông báo', 'Announcement'),
  criteriaVersionId: t('Bộ tiêu chí', 'Criteria set'),
};

const USER_LABELS: Readonly<Record<string, Text>> = {
  displayName: t('Họ và tên', 'Name'),
  email: t('Thư điện tử', 'E-mail'),
  role: t('Vai trò', 'Role'),
  agencyId: t('Cơ quan', 'Agency'),
  active: t('Trạng thái', 'Status'),
};

const DOCUMENTS: Readonly<Record<string, Text>> = {
  guidanceFileId: t('văn bản hướng dẫn', 'guidance document'),
  formFileId: t('mẫu phiếu thu thập số liệu', 'data-collection form'),
};

const isRole = (v: unknown): v is Role => typeof v === 'string' && v in ROLE_LABELS;

/** An account's values as the users screen says them: role labels, the agency by name, locked or active. */
function accountValue(c: EntryContext, key: string, v: unknown): Text {
  if (key === 'role' && isRole(v)) return ROLE_LABELS[v];
  if (key === 'agencyId' && typeof v === 'string') {
    const a = c.facts.agencies.get(v);
    if (a) return t(a.name, a.name);
  }
  if (key === 'active' && typeof v === 'boolean')
    return v ? t('đang hoạt động', 'active') : t('đã khóa', 'locked');
  return plainValue(v);
}

/** A cycle's values: the criteria version by its title, instants and texts as they read. */
function cycleValue(c: EntryContext, key: string, v: unknown): Text {
  if (key === 'criteriaVersionId' && typeof v === 'string') {
    const version = c.facts.versions.get(v);
    if (version) return t(`${version.title} (${version.version})`, `${version.title} (${version.version})`);
  }
  return plainValue(v);
}

/** Whoever a sign-in row is about: the account, else the name typed. */
function signingIn(c: EntryContext): Text {
  if (c.row.actorName) return c.who;
  if (c.row.entityId && c.facts.users.has(c.row.entityId)) return c.person(c.row.entityId);
  const typed = text(c.new.username) || text(c.new.email);
  return typed ? t(`"${typed}"`, `"${typed}"`) : t('Một người', 'Someone');
}

export const REGISTRY_WORDS: Readonly<Record<string, Sentence>> = {
  'agency.create': (c) => ({
    summary: vien(
      (p) => `${p(c.who)} thêm cơ quan "${text(c.new.name)}" (${text(c.new.code)}) vào danh mục`,
      (p) => `${p(c.who)} added the agency "${text(c.new.name)}" (${text(c.new.code)}) to the registry`,
    ),
    changes: [],
  }),
  'agency.update': (c) => {
    const changes = c.objectChanges(AGENCY_LABELS);
    return {
      summary: vien(
        (p) => `${p(c.who)} sửa thông tin của ${p(c.agency)}: ${p(labelList(changes))}`,
        (p) => `${p(c.who)} edited ${p(c.agency)}: ${p(labelList(changes))}`,
      ),
      changes,
    };
  },
  'agency.end': (c) => ({
    summary: vien(
      (p) =>
        `${p(c.who)} ghi ngày ${p(plainValue(c.new.validTo ?? c.row.newValue))} là ngày cuối của ${p(c.agency)}`,
      (p) => `${p(c.who)} ended ${p(c.agency)} on ${p(plainValue(c.new.validTo ?? c.row.newValue))}`,
    ),
    changes: [],
  }),
  ...Object.fromEntries(
    (Object.keys(KIND_LABELS) as (keyof typeof KIND_LABELS)[]).map((kind) => [
      `agency.${kind}`,
      (c: EntryContext) => {
        const list = (v: unknown) => (Array.isArray(v) ? v.join(', ') : '');
        return {
          summary: vien(
            (p) =>
              `${p(c.who)} ghi nhận ${p(KIND_LABELS[kind])}: ${list(c.new.from)}${count(c.new.to) ? ` → ${list(c.new.to)}` : ''} (${text(c.new.decisionRef)}, hiệu lực ${p(plainValue(c.new.effectiveDate))})`,
            (p) =>
              `${p(c.who)} recorded a ${p(KIND_LABELS[kind])}: ${list(c.new.from)}${count(c.new.to) ? ` → ${list(c.new.to)}` : ''} (${text(c.new.decisionRef)}, effective ${p(plainValue(c.new.effectiveDate))})`,
          ),
          changes: [],
        };
      },
    ]),
  ),
  'criteria.load': (c) => ({
    summary: vien(
      (p) => `${p(c.who)} nạp bộ tiêu chí "${text(c.new.title)}" phiên bản ${text(c.new.version)}`,
      (p) => `${p(c.who)} loaded the criteria set "${text(c.new.title)}" version ${text(c.new.version)}`,
    ),
    changes: [],
  }),
  'cycle.create': (c) => ({
    summary: vien(
      (p) => `${p(c.who)} tạo kỳ đánh giá${p(c.ofYear)}: "${text(c.new.title)}"`,
      (p) => `${p(c.who)} created the cycle${p(c.ofYear)}: "${text(c.new.title)}"`,
    ),
    changes: [],
  }),
  'cycle.update': (c) => {
    const changes = c.objectChanges(CYCLE_LABELS, (k, v) => cycleValue(c, k, v));
    return {
      summary: vien(
        (p) => `${p(c.who)} sửa kỳ đánh giá${p(c.ofYear)}: ${p(labelList(changes))}`,
        (p) => `${p(c.who)} edited the cycle${p(c.ofYear)}: ${p(labelList(changes))}`,
      ),
      changes,
    };
  },
  'cycle.transition': (c) => {
    const state = (v: unknown): Text =>
      typeof v === 'string' && v in STATE_LABELS
        ? STATE_LABELS[v as keyof typeof STATE_LABELS]
        : plainValue(v);
    return {
      summary: vien(
        (p) =>
          `${p(c.who)} chuyển kỳ đánh giá${p(c.ofYear)} từ "${p(state(c.row.oldValue))}" sang "${p(state(c.row.newValue))}"`,
        (p) =>
          `${p(c.who)} moved the cycle${p(c.ofYear)} from "${p(state(c.row.oldValue))}" to "${p(state(c.row.newValue))}"`,
      ),
      changes: [],
    };
  },
  'cycle.extend_deadline': (c) => ({
    summary: vien(
      (p) =>
        `${p(c.who)} gia hạn nộp báo cáo kỳ đánh giá${p(c.ofYear)}: ${p(plainValue(c.row.oldValue))} → ${p(plainValue(c.row.newValue))}`,
      (p) =>
        `${p(c.who)} extended the deadline of the cycle${p(c.ofYear)}: ${p(plainValue(c.row.oldValue))} → ${p(plainValue(c.row.newValue))}`,
    ),
    changes: [],
  }),
  'cycle.roster_frozen': (c) => ({
    summary: vien(
      (p) => `${p(c.who)} chốt danh sách ${count(c.new.total)} cơ quan được đánh giá kỳ${p(c.ofYear)}`,
      (p) => `${p(c.who)} froze the roster of ${count(c.new.total)} agencies of the cycle${p(c.ofYear)}`,
    ),
    changes: [],
  }),
  'cycle.document': (c) => {
    const what = DOCUMENTS[c.row.field ?? ''] ?? t('văn bản', 'a document');
    return {
      summary: vien(
        (p) => `${p(c.who)} tải lên ${p(what)} "${text(c.new.filename)}" của kỳ đánh giá${p(c.ofYear)}`,
        (p) => `${p(c.who)} uploaded the ${p(what)} "${text(c.new.filename)}" of the cycle${p(c.ofYear)}`,
      ),
      changes: [],
    };
  },
  'results.publish': (c) => {
    const revision = count(c.new.revision);
    return {
      summary: vien(
        (p) =>
          `${p(c.who)} công bố kết quả kỳ đánh giá${p(c.ofYear)}${revision > 1 ? ` (bản sửa lần ${revision - 1})` : ''}`,
        (p) =>
          `${p(c.who)} published the result of the cycle${p(c.ofYear)}${revision > 1 ? ` (revision ${revision})` : ''}`,
      ),
      changes: [],
    };
  },
  'progress.remind': (c) => ({
    summary: vien(
      (p) => `${p(c.who)} gửi thư nhắc hạn nộp báo cáo kỳ${p(c.ofYear)} cho ${count(c.new.queued)} cơ quan`,
      (p) =>
        `${p(c.who)} sent deadline reminders of the cycle${p(c.ofYear)} to ${count(c.new.queued)} agencies`,
    ),
    changes: [],
  }),
  'user.create': (c) => ({
    summary: vien(
      (p) =>
        `${p(c.who)} tạo tài khoản "${text(c.new.username)}"${isRole(c.new.role) ? ` (vai trò ${p(ROLE_LABELS[c.new.role])})` : ''}`,
      (p) =>
        `${p(c.who)} created the account "${text(c.new.username)}"${isRole(c.new.role) ? ` (${p(ROLE_LABELS[c.new.role])})` : ''}`,
    ),
    changes: [],
  }),
  'user.update': (c) => {
    const changes = c.objectChanges(USER_LABELS, (k, v) => accountValue(c, k, v));
    return {
      summary: vien(
        (p) => `${p(c.who)} sửa tài khoản của ${p(c.person(c.row.entityId))}: ${p(labelList(changes))}`,
        (p) => `${p(c.who)} edited the account of ${p(c.person(c.row.entityId))}: ${p(labelList(changes))}`,
      ),
      changes,
    };
  },
  'user.reset_password': (c) => ({
    summary: vien(
      (p) => `${p(c.who)} cấp lại mật khẩu cho ${p(c.person(c.row.entityId))}`,
      (p) => `${p(c.who)} reset the password of ${p(c.person(c.row.entityId))}`,
    ),
    changes: [],
  }),
  'auth.login': (c) => ({
    summary: vien(
      (p) =>
        `${p(signingIn(c))} đăng nhập${c.new.method === 'oidc' ? ' bằng tài khoản một cửa của tỉnh' : ''}`,
      (p) =>
        `${p(signingIn(c))} signed in${c.new.method === 'oidc' ? ' with the province’s single sign-on' : ''}`,
    ),
    changes: [],
  }),
  'auth.login_failed': (c) => {
    const refusal = OIDC_REFUSAL_TEXTS[text(c.new.reason) as keyof typeof OIDC_REFUSAL_TEXTS];
    return {
      summary: vien(
        (p) => `${p(signingIn(c))} đăng nhập không thành công${refusal ? `: ${p(refusal)}` : ''}`,
        (p) => `${p(signingIn(c))} failed to sign in${refusal ? `: ${p(refusal)}` : ''}`,
      ),
      changes: [],
    };
  },
  'auth.logout': (c) => ({
    summary: vien(
      (p) => `${p(c.who)} đăng xuất`,
      (p) => `${p(c.who)} signed out`,
    ),
    changes: [],
  }),
  'auth.password_change': (c) => ({
    summary: vien(
      (p) => `${p(c.who)} đổi mật khẩu`,
      (p) => `${p(c.who)} changed their password`,
    ),
    changes: [],
  }),
  'job.retry': (c) => ({
    summary: vien(
      (p) => `${p(c.who)} cho chạy lại việc nền bị lỗi: ${p(jobKindLabel(text(c.old.kind)))}`,
      (p) => `${p(c.who)} retried a failed background job: ${p(jobKindLabel(text(c.old.kind)))}`,
    ),
    changes: c.old.lastError
      ? [{ label: t('Lỗi trước đó', 'Previous error'), before: plainValue(c.old.lastError), after: null }]
      : [],
  }),
  'job.retry_all': (c) => ({
    summary: vien(
      (p) => `${p(c.who)} cho chạy lại ${count(c.new.count)} việc nền bị lỗi`,
      (p) => `${p(c.who)} retried ${count(c.new.count)} failed background jobs`,
    ),
    changes: [],
  }),
};

/**
 * Who may do what with an agency's form. `submissionsAccess` is the coarse role check every route
 * declares (checked before the body is read, listed in test/role-matrix.test.ts); the predicates
 * below are the whole rule, asked once at the top of each use case with the facts of the form:
 * a reporter works only on its own agency's form, only while the cycle is open, and a submitted
 * form is changed only by withdrawing it before the deadline; an approver reads forms once the
 * cycle is under review; a viewer reads results, never forms.
 */
import type { Text } from '../../../core/types.ts';
import type { CycleState, Role } from '../../db/schema.ts';
import type { SessionUser } from '../../platform/auth.ts';
import { forbidden, wrongState } from '../../platform/errors.ts';
import type { Access } from '../../platform/http.ts';
import type { Verdict } from '../../platform/policy.ts';
import { STATE_PHRASES } from '../cycles/cycle-texts.ts';
import { instantVnSeconds } from './form-words.ts';

export const submissionsAccess = {
  /** The form, its self-score, receipt and evidence files. */
  read: ['admin', 'assessor', 'approver', 'reporter'],
  /** Draft values, N/A claims and evidence: the agency's own reporters. */
  edit: ['reporter'],
  /** Submission and withdrawal: the agency's own reporters (the head attests, R16). */
  submit: ['reporter'],
  withdraw: ['reporter'],
} as const satisfies Record<string, Access>;

/** The cycle states in which the Steering Committee (approver) may read submissions. */
export const APPROVER_READS: readonly CycleState[] = ['under_review', 'approved', 'published'];

/** What the rules of a form look at. */
export interface FormFacts {
  readonly agencyId: string;
  readonly cycle: { readonly year: number; readonly state: CycleState; readonly deadline: Date };
  /** The stored form, or null before its first save. */
  readonly submission: { readonly status: 'draft' | 'submitted'; readonly submittedAt: Date | null } | null;
}

const ownAgency = (user: Pick<SessionUser, 'role' | 'agencyId'>, agencyId: string) =>
  user.role === 'reporter' && user.agencyId === agencyId;

const notYours = () =>
  forbidden({
    vi: 'Bạn chỉ được làm việc với phiếu của cơ quan mình',
    en: "You may only work on your own agency's form",
  });

/** "The 2017 cycle is closed: the form cannot be changed." */
export const cycleNotOpen = (cycle: FormFacts['cycle']) =>
  wrongState({
    vi: `Kỳ đánh giá năm ${cycle.year} ${STATE_PHRASES[cycle.state].vi}: không thể thay đổi phiếu.`,
    en: `The ${cycle.year} cycle is ${STATE_PHRASES[cycle.state].en}: the form cannot be changed.`,
  });

export const alreadySubmitted = (submittedAt: Date | null) => {
  const at = submittedAt ? instantVnSeconds(submittedAt) : '?';
  return wrongState({
    vi: `Phiếu đã được nộp lúc ${at} (giờ Việt Nam) nên không sửa được nữa. Muốn sửa, hãy rút phiếu trước hạn chót rồi nộp lại.`,
    en: `The form was submitted at ${at} (Vietnam time) and can no longer be changed. To change it, withdraw it before the deadline and submit again.`,
  });
};

/** Reads the form, its score, receipt and evidence. */
export function canReadForm(user: Pick<SessionUser, 'role' | 'agencyId'>, form: FormFacts): Verdict {
  const role: Role = user.role;
  if (role === 'viewer') return forbidden();
  if (role === 'reporter') return ownAgency(user, form.agencyId) ? true : notYours();
  if (role === 'approver' && !APPROVER_READS.includes(form.cycle.state))
    return forbidden({
      vi: `Ban Chỉ đạo xem phiếu của các đơn vị từ khi kỳ đánh giá chuyển sang thẩm định; kỳ năm ${form.cycle.year} hiện ${STATE_PHRASES[form.cycle.state].vi}.`,
      en: `The Steering Committee reads the forms once the cycle is under review; the ${form.cycle.year} cycle is ${STATE_PHRASES[form.cycle.state].en}.`,
    });
  return true;
}

/** Saves draft values, claims "not applicable", attaches or removes evidence; submits (R9, R16). */
export function canEditForm(user: Pick<SessionUser, 'role' | 'agencyId'>, form: FormFacts): Verdict {
  if (!ownAgency(user, form.agencyId)) return notYours();
  if (form.cycle.state !== 'open') return cycleNotOpen(form.cycle);
  if (form.submission?.status === 'submitted') return alreadySubmitted(form.submission.submittedAt);
  return true;
}

/** Takes a submitted form back to draft: the agency's reporter, before the deadline only. */
export function canWithdraw(
  user: Pick<SessionUser, 'role' | 'agencyId'>,
  form: FormFacts,
  now: Date,
): Verdict {
  if (!ownAgency(user, form.agencyId)) return notYours();
  if (form.cycle.state !== 'open') return cycleNotOpen(form.cycle);
  if (now.getTime() >= form.cycle.deadline.getTime()) {
    const deadline = instantVnSeconds(form.cycle.deadline);
    return wrongState({
      vi: `Đã quá hạn chót nộp phiếu (${deadline}, giờ Việt Nam) nên không thể rút phiếu đã nộp. Nếu số liệu có sai sót, hãy báo Sở TT&TT để xử lý trong quá trình thẩm định.`,
      en: `The deadline (${deadline}, Vietnam time) has passed, so a submitted form can no longer be withdrawn. Report any error to the department for the review.`,
    });
  }
  if (form.submission?.status !== 'submitted')
    return wrongState({
      vi: 'Phiếu chưa được nộp nên không có gì để rút',
      en: 'The form has not been submitted; there is nothing to withdraw',
    });
  return true;
}

/** Why the reader cannot edit the form, for the screen (null: editable). */
export function whyNotEditable(
  user: Pick<SessionUser, 'role' | 'agencyId'>,
  form: FormFacts,
  now: Date,
): { code: string; message: string; messageEn: string } | null {
  const say = (code: string, t: Text) => ({ code, message: t.vi, messageEn: t.en ?? t.vi });
  if (!ownAgency(user, form.agencyId))
    return say('read_only', {
      vi: 'Chỉ người báo cáo của cơ quan mới sửa được phiếu này',
      en: "Only the agency's reporters may change this form",
    });
  if (form.cycle.state !== 'open') return say('cycle_not_open', cycleNotOpen(form.cycle).text);
  if (form.submission?.status === 'submitted') {
    const at = form.submission.submittedAt ? instantVnSeconds(form.submission.submittedAt) : '?';
    return say(
      'submitted',
      now.getTime() < form.cycle.deadline.getTime()
        ? alreadySubmitted(form.submission.submittedAt).text
        : {
            vi: `Phiếu đã được nộp lúc ${at} (giờ Việt Nam); đã quá hạn chót nên không rút lại để sửa được.`,
            en: `The form was submitted at ${at} (Vietnam time); the deadline has passed, so it can no longer be withdrawn and changed.`,
          },
    );
  }
  return null;
}

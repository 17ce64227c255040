/**
 * Who may move an agency's form through Excel. The agency's reporter downloads and uploads its own
 * form while it is a draft of an open cycle (the web form's rule, submissions.policy.ts); an
 * assessor (or admin) downloads any agency's form and uploads one that an agency sent by e-mail,
 * under the same state rule, and uploads a zip of many. Once the agency has submitted, its own
 * values stay as it sent them: an assessor's upload then becomes the department's corrections
 * (one per changed value, with a reason, in the audit — the review's rule, review.policy.ts), allowed
 * while the review may change official data. Approvers and viewers work on results.
 */
import type { SessionUser } from '../../platform/auth.ts';
import { forbidden, wrongState } from '../../platform/errors.ts';
import type { Access } from '../../platform/http.ts';
import type { Verdict } from '../../platform/policy.ts';
import { EDIT_STATES } from '../review/review.policy.ts';
import { instantVnSeconds } from '../submissions/form-words.ts';
import { canEditForm, cycleNotOpen, type FormFacts } from '../submissions/submissions.policy.ts';

export const workbooksAccess = {
  download: ['admin', 'assessor', 'reporter'],
  upload: ['admin', 'assessor', 'reporter'],
  bulk: ['admin', 'assessor'],
} as const satisfies Record<string, Access>;

type Who = Pick<SessionUser, 'role' | 'agencyId'>;
const forDepartment = (user: Who) => user.role === 'admin' || user.role === 'assessor';

/** Downloads the form as a workbook (any state: the form is also a record of what was sent). */
export function canDownloadForm(user: Who, form: FormFacts): Verdict {
  if (forDepartment(user)) return true;
  if (user.role === 'reporter')
    return user.agencyId === form.agencyId
      ? true
      : forbidden({
          vi: 'Bạn chỉ được tải biểu mẫu của cơ quan mình',
          en: "You may only download your own agency's form",
        });
  return forbidden();
}

/**
 * What an upload does to the form: fills the agency's draft, or — the agency has submitted —
 * records the department's corrections over the values it sent.
 */
export type UploadMode = 'draft' | 'correction';
export const uploadMode = (form: FormFacts): UploadMode =>
  form.submission?.status === 'submitted' ? 'correction' : 'draft';

/** Uploads a filled-in workbook into the form (preview and confirmation alike). */
export function canUploadForm(user: Who, form: FormFacts): Verdict {
  if (user.role === 'reporter') return canEditForm(user, form);
  if (!forDepartment(user)) return forbidden();
  if (uploadMode(form) === 'correction') {
    if (EDIT_STATES.includes(form.cycle.state)) return true;
    if (form.cycle.state !== 'open') return cycleNotOpen(form.cycle);
    const at = form.submission?.submittedAt ? instantVnSeconds(form.submission.submittedAt) : '?';
    return wrongState({
      vi: `Cơ quan đã nộp phiếu lúc ${at} (giờ Việt Nam) và kỳ còn đang nhận báo cáo: số liệu đã nộp chưa sửa được. Cơ quan có thể rút phiếu trước hạn chót để tự sửa; sau hạn chót, Sở TT&TT tải tệp lên để điều chỉnh số liệu, mỗi điều chỉnh ghi lý do vào nhật ký.`,
      en: `The agency submitted its form at ${at} (Vietnam time) and the cycle is still taking reports: the submitted values cannot be changed yet. The agency may withdraw its form before the deadline; after it, the department uploads the file to correct values, each correction with a reason in the audit.`,
    });
  }
  if (form.cycle.state !== 'open') return cycleNotOpen(form.cycle);
  return true;
}

/** Uploads a zip of many agencies' workbooks. */
export const canUploadMany = (user: Who): Verdict => (forDepartment(user) ? true : forbidden());

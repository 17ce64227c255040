/**
 * Who may move an agency's form through Excel. The agency's reporter downloads and uploads its own
 * form while it is a draft of an open cycle (the web form's rule, submissions.policy.ts); an
 * assessor (or admin) downloads any agency's form and uploads one that an agency sent by e-mail,
 * under the same state rule, and uploads a zip of many. Approvers and viewers work on results.
 */
import type { SessionUser } from '../../platform/auth.ts';
import { forbidden } from '../../platform/errors.ts';
import type { Access } from '../../platform/http.ts';
import type { Verdict } from '../../platform/policy.ts';
import {
  alreadySubmitted,
  canEditForm,
  cycleNotOpen,
  type FormFacts,
} from '../submissions/submissions.policy.ts';

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

/** Uploads a filled-in workbook into the form (preview and confirmation alike). */
export function canUploadForm(user: Who, form: FormFacts): Verdict {
  if (user.role === 'reporter') return canEditForm(user, form);
  if (!forDepartment(user)) return forbidden();
  if (form.cycle.state !== 'open') return cycleNotOpen(form.cycle);
  if (form.submission?.status === 'submitted') return alreadySubmitted(form.submission.submittedAt);
  return true;
}

/** Uploads a zip of many agencies' workbooks. */
export const canUploadMany = (user: Who): Verdict => (forDepartment(user) ? true : forbidden());

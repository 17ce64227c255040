/**
 * Who may read the change history. `auditAccess` is the coarse role check every route declares
 * (listed in test/role-matrix.test.ts); `historyScope` and `canReadHistory` are the whole rule,
 * asked once at the top of each use case:
 *
 * - the administrator reads the whole log, the address each request came from included;
 * - an assessor reads what the review needs — agencies, criteria, cycles, forms, the review
 *   itself — but not sign-ins, accounts and background jobs, which are the administrator's;
 * - an agency's reporter reads the history of its own agency's form (who changed which field,
 *   submitted, withdrew, attached a file), because several people of one agency fill one form
 *   and need to see who changed what; its appeals, the field visits planned to it and its
 *   replies, and the difficulties and proposals its people raised with the department's answers
 *   (each of these rows names the agency; the department's topics do not); not the department's
 *   review notes before they are published, and nothing of another agency;
 * - the approver and the viewer read results, not the working log.
 */
import type { Text } from '../../../core/types.ts';
import type { SessionUser } from '../../platform/auth.ts';
import { forbidden } from '../../platform/errors.ts';
import type { Access } from '../../platform/http.ts';
import type { Verdict } from '../../platform/policy.ts';

export const auditAccess = {
  list: ['admin', 'assessor', 'reporter'],
  options: ['admin', 'assessor', 'reporter'],
  export: ['admin', 'assessor', 'reporter'],
} as const satisfies Record<string, Access>;

type User = Pick<SessionUser, 'role' | 'agencyId'>;

/** The part of the log a person reads; an action's namespace is what precedes its dot ("submission.save"). */
export interface HistoryScope {
  /** Only the rows about this agency. */
  readonly agencyId: string | null;
  /** Only actions of these namespaces (null: any). */
  readonly only: readonly string[] | null;
  /** Never actions of these namespaces. */
  readonly except: readonly string[];
  /** Whether the request's address (IP) is shown. */
  readonly showAddress: boolean;
  /** The scope in words, shown above the list. */
  readonly words: Text;
}

/** Sign-ins, accounts and background jobs: the administrator's part of the log. */
const ADMIN_ONLY = ['auth', 'user', 'job'] as const;

/** What `user` may read of the log, or null when nothing. */
export function historyScope(user: User): HistoryScope | null {
  switch (user.role) {
    case 'admin':
      return {
        agencyId: null,
        only: null,
        except: [],
        showAddress: true,
        words: { vi: 'Toàn bộ nhật ký thay đổi của hệ thống.', en: 'The whole change log.' },
      };
    case 'assessor':
      return {
        agencyId: null,
        only: null,
        except: ADMIN_ONLY,
        showAddress: false,
        words: {
          vi: 'Mọi thay đổi về cơ quan, bộ tiêu chí, kỳ đánh giá, phiếu báo cáo và thẩm định. Đăng nhập, tài khoản và việc nền chỉ quản trị hệ thống xem.',
          en: 'Every change to agencies, criteria, cycles, forms and the review. Sign-ins, accounts and background jobs are for the administrator.',
        },
      };
    case 'reporter':
      return user.agencyId
        ? {
            agencyId: user.agencyId,
            only: ['submission', 'appeal', 'survey_plan', 'feedback'],
            except: [],
            showAddress: false,
            words: {
              vi: 'Các thay đổi trên phiếu báo cáo của cơ quan bạn: ai sửa trường nào, nộp, rút, đính kèm tệp; kiến nghị và trả lời; lịch khảo sát thực tế và việc xác nhận; góp ý về quy định và trả lời của Sở.',
              en: "Changes to your agency's form: who changed which field, submitted, withdrew, attached a file; appeals and answers; field visits planned and your replies; feedback on the regulation and the department's answers.",
            },
          }
        : null;
    default:
      return null;
  }
}

/** Reads the history, narrowed to `agencyId` when asked: a reporter only its own agency's. */
export function canReadHistory(user: User, agencyId?: string | undefined): Verdict {
  const scope = historyScope(user);
  if (!scope) return forbidden();
  if (scope.agencyId && agencyId && agencyId !== scope.agencyId)
    return forbidden({
      vi: 'Bạn chỉ xem được nhật ký thay đổi của cơ quan mình',
      en: "You may only read your own agency's history",
    });
  return true;
}

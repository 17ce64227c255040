/**
 * Every page of the application: its address, who may open it, and the module that draws it.
 * Each screen is its own chunk, loaded when first opened, so that sign-in does not download the
 * form, and the reporter's form does not download the administrator's tables.
 */
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { Role } from './api.ts';
import type { ScreenProps } from './screen.ts';

export interface RouteDef {
  path: string;
  /** Roles that may open the page; the server checks again on every request. */
  roles: readonly Role[];
  screen: LazyExoticComponent<ComponentType<ScreenProps>>;
}

const STAFF = ['admin', 'assessor', 'approver', 'viewer'] as const;
const EVERYONE = ['admin', 'assessor', 'approver', 'viewer', 'reporter'] as const;
const REVIEWERS = ['admin', 'assessor', 'approver'] as const;

const route = (
  path: string,
  roles: readonly Role[],
  load: () => Promise<{ default: ComponentType<ScreenProps> }>,
): RouteDef => ({ path, roles, screen: lazy(load) });

export const ROUTES: readonly RouteDef[] = [
  // Home: the cycles this user may see, with what they can do in each.
  route('/', EVERYONE, () => import('./features/cycles/CyclesHome.tsx')),

  // Agency reporter: the cycle's home, the data-collection form, the receipt.
  route('/bao-cao', ['reporter'], () => import('./features/reporter/ReporterHome.tsx')),
  route('/bao-cao/:cycleId', ['reporter'], () => import('./features/reporter/ReportForm.tsx')),
  route('/bao-cao/:cycleId/bien-nhan', ['reporter'], () => import('./features/reporter/ReceiptPage.tsx')),

  // Assessor: the progress board and one agency's review.
  route('/ky/:cycleId/tien-do', REVIEWERS, () => import('./features/review/ProgressBoard.tsx')),
  route('/ky/:cycleId/tham-dinh/:agencyId', REVIEWERS, () => import('./features/review/ReviewPage.tsx')),

  // Results (as each role may see them), one agency's page, and the approver's decision.
  route('/ky/:cycleId/ket-qua', EVERYONE, () => import('./features/results/ResultsPage.tsx')),
  route('/ky/:cycleId/ket-qua/:agencyId', EVERYONE, () => import('./features/results/AgencyResultPage.tsx')),
  route('/ky/:cycleId/phe-duyet', ['approver', 'admin'], () => import('./features/results/ApprovalPage.tsx')),

  // Appeals on the provisional result: the agency's page, and the department's list to answer.
  route('/ky/:cycleId/kien-nghi', ['reporter'], () => import('./features/appeals/AppealsPage.tsx')),
  route('/ky/:cycleId/xu-ly-kien-nghi', REVIEWERS, () => import('./features/appeals/AppealsReviewPage.tsx')),

  // Feedback on the regulation (Điều 13): everyone raises and reads their own; the department answers.
  route('/gop-y', EVERYONE, () => import('./features/feedback/FeedbackPage.tsx')),
  route('/gop-y/xu-ly', REVIEWERS, () => import('./features/feedback/FeedbackReviewPage.tsx')),

  // Field surveys planned in a cycle (Điều 10.2): the department's list; planning is on the review page.
  route('/ky/:cycleId/khao-sat', REVIEWERS, () => import('./features/surveys/SurveyPlansPage.tsx')),

  // Administrator: cycles, agencies, users, criteria sets.
  route('/quan-tri/ky-danh-gia', ['admin'], () => import('./features/admin/CyclesAdmin.tsx')),
  route('/quan-tri/ky-danh-gia/:cycleId', ['admin'], () => import('./features/admin/CycleAdminDetail.tsx')),
  route('/quan-tri/co-quan', STAFF, () => import('./features/admin/AgenciesAdmin.tsx')),
  route('/quan-tri/nguoi-dung', ['admin'], () => import('./features/admin/UsersAdmin.tsx')),
  route('/quan-tri/bo-tieu-chi', EVERYONE, () => import('./features/admin/CriteriaAdmin.tsx')),
  route('/quan-tri/bo-tieu-chi/so-sanh', EVERYONE, () => import('./features/admin/CriteriaCompare.tsx')),
  route(
    '/quan-tri/bo-tieu-chi/:versionId/chay-thu',
    ['admin'],
    () => import('./features/admin/CriteriaDryRun.tsx'),
  ),
  route(
    '/quan-tri/bo-tieu-chi/:versionId',
    EVERYONE,
    () => import('./features/admin/CriteriaVersionPage.tsx'),
  ),
  // Change history (a reporter: its own agency's form) and the administrator's background jobs.
  route(
    '/quan-tri/nhat-ky',
    ['admin', 'assessor', 'reporter'],
    () => import('./features/admin/HistoryAdmin.tsx'),
  ),
  route('/quan-tri/viec-nen', ['admin'], () => import('./features/admin/JobsAdmin.tsx')),
  route('/quan-tri/sao-luu', ['admin'], () => import('./features/admin/BackupsAdmin.tsx')),

  // Website monitoring: the department's overview, an agency's year (a reporter: its own), one
  // content check with its evidence and stored pages, confirmed by an assessor.
  route(
    '/theo-doi',
    ['admin', 'assessor', 'approver'],
    () => import('./features/monitoring/MonitoringOverview.tsx'),
  ),
  route(
    '/theo-doi/co-quan/:agencyId',
    ['admin', 'assessor', 'approver'],
    () => import('./features/monitoring/AgencyMonitoringPage.tsx'),
  ),
  route('/trang-ttdt', ['reporter'], () => import('./features/monitoring/AgencyMonitoringPage.tsx')),
  // The province's picture from the published years (Điều 3.1) and an agency against its peers (3.2).
  route('/tinh-hinh', REVIEWERS, () => import('./features/indicators/IndicatorsPage.tsx')),
  route(
    '/tinh-hinh/co-quan/:agencyId',
    ['admin', 'assessor', 'approver', 'reporter'],
    () => import('./features/indicators/PeerPage.tsx'),
  ),
  route(
    '/theo-doi/anh-chup/:snapshotId',
    ['admin', 'assessor', 'approver', 'reporter'],
    () => import('./features/monitoring/SnapshotPage.tsx'),
  ),
];

/** The menu of each role: the pages it starts from. Public pages open as ordinary links. */
export interface MenuItem {
  to: string;
  label:
    | 'nav.cycles'
    | 'nav.report'
    | 'nav.adminCycles'
    | 'nav.agencies'
    | 'nav.users'
    | 'nav.criteria'
    | 'nav.history'
    | 'nav.jobs'
    | 'nav.backups'
    | 'nav.monitoring'
    | 'nav.website'
    | 'nav.feedback'
    | 'nav.feedbackReview'
    | 'nav.indicators';
}

export function menuOf(role: Role): MenuItem[] {
  switch (role) {
    case 'reporter':
      return [
        { to: '/bao-cao', label: 'nav.report' },
        { to: '/', label: 'nav.cycles' },
        { to: '/trang-ttdt', label: 'nav.website' },
        { to: '/quan-tri/bo-tieu-chi', label: 'nav.criteria' },
        { to: '/quan-tri/nhat-ky', label: 'nav.history' },
        { to: '/gop-y', label: 'nav.feedback' },
      ];
    case 'admin':
      return [
        { to: '/', label: 'nav.cycles' },
        { to: '/quan-tri/ky-danh-gia', label: 'nav.adminCycles' },
        { to: '/quan-tri/co-quan', label: 'nav.agencies' },
        { to: '/quan-tri/nguoi-dung', label: 'nav.users' },
        { to: '/quan-tri/bo-tieu-chi', label: 'nav.criteria' },
        { to: '/quan-tri/nhat-ky', label: 'nav.history' },
        { to: '/quan-tri/viec-nen', label: 'nav.jobs' },
        { to: '/quan-tri/sao-luu', label: 'nav.backups' },
        { to: '/theo-doi', label: 'nav.monitoring' },
        { to: '/gop-y/xu-ly', label: 'nav.feedbackReview' },
        { to: '/tinh-hinh', label: 'nav.indicators' },
      ];
    default:
      return [
        { to: '/', label: 'nav.cycles' },
        { to: '/quan-tri/co-quan', label: 'nav.agencies' },
        { to: '/quan-tri/bo-tieu-chi', label: 'nav.criteria' },
        ...(role === 'assessor' ? [{ to: '/quan-tri/nhat-ky', label: 'nav.history' } as const] : []),
        ...(role === 'assessor' || role === 'approver'
          ? [{ to: '/theo-doi', label: 'nav.monitoring' } as const]
          : []),
        role === 'assessor' || role === 'approver'
          ? ({ to: '/gop-y/xu-ly', label: 'nav.feedbackReview' } as const)
          : ({ to: '/gop-y', label: 'nav.feedback' } as const),
        ...(role === 'assessor' || role === 'approver'
          ? [{ to: '/tinh-hinh', label: 'nav.indicators' } as const]
          : []),
      ];
  }
}

/** The page an address leads to, and its parameters; the most specific pattern wins. */
export function findRoute(
  path: string,
  match: (pattern: string, path: string) => Record<string, string> | null,
): { route: RouteDef; params: Record<string, string> } | null {
  for (const r of ROUTES) {
    const params = match(r.path, path);
    if (params) return { route: r, params };
  }
  return null;
}

/** Every module's routes, mounted under /api/v1. */
import type { App, AppDeps } from '../platform/http.ts';
import { agenciesRoutes } from './agencies/agencies.routes.ts';
import { appealsRoutes } from './appeals/appeals.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { backupRoutes } from './backup/backup.routes.ts';
import { criteriaRoutes } from './criteria/criteria.routes.ts';
import { cyclesRoutes } from './cycles/cycles.routes.ts';
import { documentsRoutes } from './documents/documents.routes.ts';
import { feedbackRoutes } from './feedback/feedback.routes.ts';
import { indicatorsRoutes } from './indicators/indicators.routes.ts';
import { jobsRoutes } from './jobs/jobs.routes.ts';
import { monitoringRoutes } from './monitoring/monitoring.routes.ts';
import { notificationsRoutes } from './notifications/notifications.routes.ts';
import { progressRoutes } from './progress/progress.routes.ts';
import { publicRoutes } from './public/public.routes.ts';
import { resultsRoutes } from './results/results.routes.ts';
import { reviewRoutes } from './review/review.routes.ts';
import { submissionsRoutes } from './submissions/submissions.routes.ts';
import { surveysRoutes } from './surveys/surveys.routes.ts';
import { usersRoutes } from './users/users.routes.ts';
import { websiteChecksRoutes } from './website-checks/website-checks.routes.ts';
import { workbooksRoutes } from './workbooks/workbooks.routes.ts';

/** The public HTML site (/ket-qua, /phuong-phap): mounted by app.ts at the root, not under /api/v1. */
export { publicRoutes };

export function registerModules(app: App, deps: AppDeps): void {
  authRoutes(app, deps);
  agenciesRoutes(app, deps);
  criteriaRoutes(app, deps);
  cyclesRoutes(app, deps);
  usersRoutes(app, deps);
  reviewRoutes(app, deps);
  websiteChecksRoutes(app, deps);
  resultsRoutes(app, deps);
  progressRoutes(app, deps);
  submissionsRoutes(app, deps);
  workbooksRoutes(app, deps);
  auditRoutes(app, deps);
  jobsRoutes(app, deps);
  monitoringRoutes(app, deps);
  notificationsRoutes(app, deps);
  documentsRoutes(app, deps);
  backupRoutes(app, deps);
  appealsRoutes(app, deps);
  feedbackRoutes(app, deps);
  surveysRoutes(app, deps);
  indicatorsRoutes(app, deps);
}

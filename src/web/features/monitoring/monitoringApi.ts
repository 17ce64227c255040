/**
 * The website monitoring's calls to /api/v1 (snapshots, their stored pages, confirmation). The
 * shapes are the server's contract (src/server/modules/monitoring/monitoring.schema.ts), imported
 * as types only.
 */
import type {
  AgencyMonitoring,
  ConfirmBody,
  DayAvailability,
  FindingView,
  Overview,
  OverviewRow,
  SchedulesAnswer,
  SchedulesBody,
  SetSiteBody,
  SiteKind,
  SitesAnswer,
  SiteView,
  SnapshotAnswer,
  SnapshotDetail,
  SnapshotSummary,
} from '../../../server/modules/monitoring/monitoring.schema.ts';
import { api, apiUrl } from '../../api.ts';

export type {
  AgencyMonitoring,
  ConfirmBody,
  DayAvailability,
  FindingView,
  Overview,
  OverviewRow,
  SchedulesAnswer,
  SchedulesBody,
  SetSiteBody,
  SiteKind,
  SitesAnswer,
  SiteView,
  SnapshotDetail,
  SnapshotSummary,
};

export const monitoringApi = {
  overview: () => api<Overview>('/monitoring/overview'),
  askContentCheck: (agencyId: string) =>
    api<{ jobId: string | null; siteUrl: string }>(`/agencies/${agencyId}/content-checks`, {
      method: 'POST',
    }),
  agency: (agencyId: string) => api<AgencyMonitoring>(`/agencies/${agencyId}/monitoring`),
  snapshot: (id: string) => api<SnapshotAnswer>(`/monitoring/snapshots/${id}`),
  confirm: (id: string, body: ConfirmBody) =>
    api<SnapshotAnswer>(`/monitoring/snapshots/${id}/confirm`, { method: 'POST', body }),
  sites: (agencyId: string) => api<SitesAnswer>(`/agencies/${agencyId}/sites`),
  setSite: (agencyId: string, kind: SiteKind, body: SetSiteBody) =>
    api<SitesAnswer>(`/agencies/${agencyId}/sites/${kind}`, { method: 'PUT', body }),
  schedules: () => api<SchedulesAnswer>('/monitoring/schedules'),
  setSchedules: (body: SchedulesBody) =>
    api<SchedulesAnswer>('/monitoring/schedules', { method: 'PUT', body }),
  pageUrl: (snapshotId: string, pageId: number) =>
    apiUrl(`/monitoring/snapshots/${snapshotId}/pages/${pageId}`),
};

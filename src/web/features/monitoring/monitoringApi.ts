/**
 * The website monitoring's calls to /api/v1 (snapshots, their stored pages, confirmation). The
 * shapes are the server's contract (src/server/modules/monitoring/monitoring.schema.ts), imported
 * as types only.
 */
import type {
  ConfirmBody,
  FindingView,
  SnapshotAnswer,
  SnapshotDetail,
} from '../../../server/modules/monitoring/monitoring.schema.ts';
import { api, apiUrl } from '../../api.ts';

export type { ConfirmBody, FindingView, SnapshotDetail };

export const monitoringApi = {
  snapshot: (id: string) => api<SnapshotAnswer>(`/monitoring/snapshots/${id}`),
  confirm: (id: string, body: ConfirmBody) =>
    api<SnapshotAnswer>(`/monitoring/snapshots/${id}/confirm`, { method: 'POST', body }),
  pageUrl: (snapshotId: string, pageId: number) =>
    apiUrl(`/monitoring/snapshots/${snapshotId}/pages/${pageId}`),
};

/**
 * The change history's calls to /api/v1/audit-log. The shapes are the server's contract
 * (src/server/modules/audit/audit.schema.ts), imported as types only.
 */
import type {
  ChangeView,
  HistoryEntry,
  HistoryFilter,
  HistoryOptions,
  HistoryPage,
} from '../../../server/modules/audit/audit.schema.ts';
import { api, apiUrl } from '../../api.ts';

export type { ChangeView, HistoryEntry, HistoryFilter, HistoryOptions, HistoryPage };

const query = (params: Record<string, string | number | undefined>): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

export const historyApi = {
  page: (filter: HistoryFilter, before?: number) =>
    api<HistoryPage>(`/audit-log${query({ ...filter, before, limit: 50 })}`),
  options: () => api<HistoryOptions>('/audit-log/options'),
  /** The address of the filtered list as a CSV file, for a download link. */
  exportUrl: (filter: HistoryFilter) => apiUrl(`/audit-log/export.csv${query({ ...filter })}`),
};

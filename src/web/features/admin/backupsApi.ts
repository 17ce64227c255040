/**
 * The backups' calls to /api/v1/backups. The shapes are the server's contract
 * (src/server/modules/backup/backup.schema.ts), imported as types only.
 */
import type { BackupsBoard, BackupView, StartAnswer } from '../../../server/modules/backup/backup.schema.ts';
import { api, apiUrl } from '../../api.ts';

export type { BackupsBoard, BackupView };

export const backupsApi = {
  board: () => api<BackupsBoard>('/backups'),
  start: () => api<StartAnswer>('/backups', { method: 'POST' }),
  downloadUrl: (name: string) => apiUrl(`/backups/${encodeURIComponent(name)}`),
};

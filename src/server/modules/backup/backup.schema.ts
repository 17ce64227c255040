/** The contract of /backups: the backups folder for the administrator, starting one, the newest. */
import { z } from 'zod';
import { Instant, Message } from '../../platform/schema.ts';

export const BackupView = z.object({
  name: z.string(),
  size: z.number().int().describe('Bytes'),
  createdAt: Instant.describe('when it was made (the server’s clock), as its name says'),
});
export type BackupView = z.infer<typeof BackupView>;

export const BackupsBoard = z.object({
  /** pglite: the nightly backup runs; postgres: back the server up by its own means. */
  engine: z.enum(['pglite', 'postgres']),
  /** Whether the nightly backup runs on this engine. */
  daily: z.boolean(),
  keep: z.number().int(),
  /** A backup waits in the queue or runs now. */
  inProgress: z.boolean(),
  backups: z.array(BackupView),
});
export type BackupsBoard = z.infer<typeof BackupsBoard>;

export const StartAnswer = z.object({ jobId: z.string().nullable(), ...Message });
export type StartAnswer = z.infer<typeof StartAnswer>;

/** A backup of the folder by its name (as listed), or `latest` for the newest. */
export const BackupParams = z.object({
  name: z
    .string()
    .regex(/^(latest|chiso-backup-\d{8}-\d{6}Z(-\d+)?\.tar\.gz)$/, 'tên bản sao lưu như trong danh sách'),
});
export type BackupParams = z.infer<typeof BackupParams>;

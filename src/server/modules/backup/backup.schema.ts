/** The contract of /backups: the backups folder for the administrator, starting one, the newest. */
import { z } from 'zod';
import { Instant, Message } from '../../platform/schema.ts';

export const BackupView = z.object({
  name: z.string(),
  size: z.number().int().describe('Bytes'),
  createdAt: Instant,
});
export type BackupView = z.infer<typeof BackupView>;

export const BackupsBoard = z.object({
  /** pglite: the nightly backup runs; postgres: back the server up by its own means. */
  engine: z.enum(['pglite', 'postgres']),
  /** Whether the nightly backup runs on this engine. */
  daily: z.boolean(),
  keep: z.number().int(),
  backups: z.array(BackupView),
});
export type BackupsBoard = z.infer<typeof BackupsBoard>;

export const StartAnswer = z.object({ jobId: z.string().nullable(), ...Message });
export type StartAnswer = z.infer<typeof StartAnswer>;

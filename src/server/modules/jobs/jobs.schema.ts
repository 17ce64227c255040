/**
 * The contract of /jobs, the background jobs (việc nền) for the administrator: every request and
 * response shape, once. The routes validate and document with these schemas, the use cases
 * return their inferred types, and the web application imports the types from here.
 */
import { z } from 'zod';
import { JOB_STATUSES } from '../../db/schema.ts';
import { Instant, Message, TextSchema, Uuid } from '../../platform/schema.ts';

export const JobStatus = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof JobStatus>;

/* ───────────────────────── requests ───────────────────────── */

export const JobsQuery = z.object({
  status: JobStatus.default('failed').describe('Các việc ở trạng thái này (mặc định: bị lỗi)'),
  before: Uuid.optional().describe('Trang sau: mã của việc cuối trang trước (giá trị "next" của trang đó)'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type JobsQuery = z.infer<typeof JobsQuery>;

export const JobParams = z.object({ id: Uuid });
export type JobParams = z.infer<typeof JobParams>;

/* ───────────────────────── responses ───────────────────────── */

export const JobView = z.object({
  id: z.string(),
  kind: z.string(),
  /** What the job does, in words. */
  kindLabel: TextSchema,
  status: JobStatus,
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  createdAt: Instant,
  finishedAt: Instant.nullable(),
  /** When it runs (again): a waiting job's time; null when it is running, done or failed. */
  nextTry: Instant.nullable(),
  /** Why the last attempt failed: in plain words, and the message as the software gave it. */
  error: z.object({ words: TextSchema, message: z.string() }).nullable(),
  /** A mail's recipients and subject. */
  mail: z.object({ to: z.array(z.string()), subject: z.string() }).nullable(),
  /** What else says which job this is (a reminder's agency, a scheduled run's slot). */
  about: TextSchema.nullable(),
});
export type JobView = z.infer<typeof JobView>;

export const JobCounts = z.object({
  pending: z.number().int(),
  running: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
});
export type JobCounts = z.infer<typeof JobCounts>;

export const JobsBoard = z.object({
  counts: JobCounts,
  jobs: z.array(JobView),
  /** Pass as `before` for the next, older page; null on the last page. */
  next: z.string().nullable(),
  /** Whether this server runs the queue (CHISO_SCHEDULER); when not, another server must. */
  runsHere: z.boolean(),
});
export type JobsBoard = z.infer<typeof JobsBoard>;

export const RetryAnswer = z.object({ job: JobView, ...Message });
export type RetryAnswer = z.infer<typeof RetryAnswer>;

export const RetryAllAnswer = z.object({ retried: z.number().int(), ...Message });
export type RetryAllAnswer = z.infer<typeof RetryAllAnswer>;

/**
 * Every setting of the server, read once from the environment and validated; a wrong value stops
 * the start with a message naming the variable. The README lists them all (keep both in step).
 */
import { resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Where the embedded database, uploaded files and the lock file live. */
  CHISO_DATA_DIR: z.string().min(1).default('./data'),
  /** postgres://… to use a PostgreSQL server instead of the embedded database. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** At start, how long to wait for a PostgreSQL server that is not up yet (seconds). */
  DATABASE_WAIT_SECONDS: z.coerce.number().int().min(0).max(3600).default(120),
  /** Where uploaded files are kept (default: <data dir>/files). Shared storage when several servers run. */
  CHISO_FILES_DIR: z.string().min(1).optional(),
  /** The address people use to reach the system; links in e-mails and the allowed origin. */
  CHISO_PUBLIC_URL: z.string().url().optional(),
  CHISO_ADMIN_PASSWORD: z.string().min(10, 'at least 10 characters').optional(),
  CHISO_SESSION_HOURS: z.coerce
    .number()
    .min(1)
    .max(24 * 30)
    .default(12),
  CHISO_UPLOAD_MAX_MB: z.coerce.number().min(1).max(200).default(20),
  /** Behind a reverse proxy: trust X-Forwarded-* from it. */
  CHISO_TRUST_PROXY: bool.default(false),
  /** Send cookies only over HTTPS (on by default when the public URL is https). */
  CHISO_SECURE_COOKIES: bool.optional(),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_SECURE: bool.default(false),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().default('chiso <no-reply@localhost>'),
  /** Verify the mail server's TLS certificate (turn off only for a relay with a self-made one). */
  SMTP_TLS_VERIFY: bool.default(true),
  /** Reminders this many days before the deadline (R18). */
  CHISO_REMINDER_DAYS: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'comma-separated whole days, e.g. 14,7,2,1')
    .default('14,7,2,1'),
  /** Run the scheduler (reminders, jobs) in this process. */
  CHISO_SCHEDULER: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly databasePoolSize: number;
  readonly databaseWaitSeconds: number;
  readonly filesDir: string;
  readonly publicUrl: string | undefined;
  readonly adminPassword: string | undefined;
  readonly sessionHours: number;
  readonly uploadMaxBytes: number;
  readonly trustProxy: boolean;
  readonly secureCookies: boolean;
  readonly smtp:
    | {
        host: string;
        port: number;
        secure: boolean;
        user: string | undefined;
        password: string | undefined;
        from: string;
        tlsVerify: boolean;
      }
    | undefined;
  readonly smtpFrom: string;
  readonly reminderDays: readonly number[];
  readonly scheduler: boolean;
  readonly logLevel: string;
}

/** A mistake in the settings: shown to the operator as is, without a stack trace. */
export class ConfigError extends Error {
  readonly userFacing = true;
}

/** Reads the configuration from an environment (process.env by default). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = Env.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Cấu hình không hợp lệ (invalid configuration):\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.CHISO_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    databaseWaitSeconds: e.DATABASE_WAIT_SECONDS,
    filesDir: resolve(e.CHISO_FILES_DIR ?? `${dataDir}/files`),
    publicUrl: e.CHISO_PUBLIC_URL,
    adminPassword: e.CHISO_ADMIN_PASSWORD,
    sessionHours: e.CHISO_SESSION_HOURS,
    uploadMaxBytes: Math.round(e.CHISO_UPLOAD_MAX_MB * 1024 * 1024),
    trustProxy: e.CHISO_TRUST_PROXY,
    secureCookies: e.CHISO_SECURE_COOKIES ?? e.CHISO_PUBLIC_URL?.startsWith('https://') ?? false,
    smtp: e.SMTP_HOST
      ? {
          host: e.SMTP_HOST,
          port: e.SMTP_PORT,
          secure: e.SMTP_SECURE,
          user: e.SMTP_USER,
          password: e.SMTP_PASSWORD,
          from: e.SMTP_FROM,
          tlsVerify: e.SMTP_TLS_VERIFY,
        }
      : undefined,
    smtpFrom: e.SMTP_FROM,
    reminderDays: [...new Set(e.CHISO_REMINDER_DAYS.split(',').map(Number))].sort((a, b) => b - a),
    scheduler: e.CHISO_SCHEDULER,
    logLevel: e.LOG_LEVEL,
  };
}

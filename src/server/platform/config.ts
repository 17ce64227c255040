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
  /** Days a finished background job stays on the jobs screen before the daily clean-up deletes it. */
  CHISO_JOBS_KEEP_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Where the backups (chiso backup, the daily backup of the embedded database) go (default: <data dir>/backups). */
  CHISO_BACKUP_DIR: z.string().min(1).optional(),
  /** How many of the newest backups the daily backup keeps in CHISO_BACKUP_DIR. */
  CHISO_BACKUP_KEEP: z.coerce.number().int().min(1).max(3650).default(14),
  /** Run the scheduler (reminders, jobs) in this process. */
  CHISO_SCHEDULER: bool.default(true),
  /** A page that says who runs the website monitor and how to reach them: named in its user agent. */
  CHISO_MONITOR_CONTACT_URL: z.string().url().optional(),
  /** Tests only: let the monitor visit loopback and private addresses (fixture sites). */
  CHISO_MONITOR_ALLOW_PRIVATE: bool.default(false),
  /** A site down for this many availability checks in a row starts an alert. */
  CHISO_MONITOR_DOWN_CHECKS: z.coerce.number().int().min(1).max(1000).default(4),
  /** A TLS certificate that expires within this many days starts an alert. */
  CHISO_MONITOR_TLS_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The province's single sign-on (OpenID Connect); absent: the feature is off. */
  CHISO_OIDC_ISSUER: z
    .string()
    .url()
    .refine((v) => {
      const u = new URL(v);
      return (
        !u.search &&
        !u.hash &&
        (u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.has(u.hostname)))
      );
    }, 'must be an https:// address without ?query or #fragment (http:// only on this machine: localhost, 127.0.0.1)')
    .optional(),
  CHISO_OIDC_CLIENT_ID: z.string().min(1).max(500).optional(),
  CHISO_OIDC_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  /** The text of the sign-in button. */
  CHISO_OIDC_LABEL: z.string().trim().min(1).max(100).optional(),
  /** Scopes asked for besides openid and email (which are always asked for), space-separated. */
  CHISO_OIDC_SCOPES: z
    .string()
    .regex(
      /^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/,
      'space-separated scope names, e.g. "openid email profile"',
    )
    .optional(),
});

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The sign-in button's text when CHISO_OIDC_LABEL is not set. */
export const DEFAULT_OIDC_LABEL = {
  vi: 'Đăng nhập bằng tài khoản một cửa của tỉnh',
  en: 'Sign in with the province’s single sign-on account',
} as const;

/** The provincial single sign-on, when configured. */
export interface OidcConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The button's text; `en` only for the default text (an operator's label is shown as given). */
  readonly label: { readonly vi: string; readonly en?: string };
  /** Always with openid and email. */
  readonly scope: string;
}

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
  readonly jobsKeepDays: number;
  readonly backupDir: string;
  readonly backupKeep: number;
  readonly logLevel: string;
  /** The website monitor (R5): how it introduces itself, and when it alerts. */
  readonly monitor: {
    readonly userAgent: string;
    readonly allowPrivateAddresses: boolean;
    readonly downChecks: number;
    readonly tlsDays: number;
    /**
     * Test seams, never read from the environment: the fixture sites' names (which may resolve to
     * loopback), their DNS and their certificate authority.
     */
    readonly allowPrivateHosts?: readonly string[];
    readonly resolve?: (host: string) => Promise<string[]>;
    readonly ca?: readonly string[];
  };
  /** undefined: no single sign-on, the sign-in screen has only the password form. */
  readonly oidc: OidcConfig | undefined;
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
  const missing = e.CHISO_OIDC_ISSUER
    ? (['CHISO_OIDC_CLIENT_ID', 'CHISO_OIDC_CLIENT_SECRET'] as const).filter((k) => !e[k])
    : [];
  if (missing.length)
    throw new ConfigError(
      `Cấu hình không hợp lệ (invalid configuration):\n  ${missing.map((k) => `${k}: required when CHISO_OIDC_ISSUER is set`).join('\n  ')}`,
    );
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
    jobsKeepDays: e.CHISO_JOBS_KEEP_DAYS,
    backupDir: resolve(e.CHISO_BACKUP_DIR ?? `${dataDir}/backups`),
    backupKeep: e.CHISO_BACKUP_KEEP,
    logLevel: e.LOG_LEVEL,
    monitor: {
      userAgent: `chiso-monitor/0.1 (So TT&TT Cao Bang; +${e.CHISO_MONITOR_CONTACT_URL ?? e.CHISO_PUBLIC_URL ?? 'https://stttt.caobang.gov.vn'})`,
      allowPrivateAddresses: e.CHISO_MONITOR_ALLOW_PRIVATE,
      downChecks: e.CHISO_MONITOR_DOWN_CHECKS,
      tlsDays: e.CHISO_MONITOR_TLS_DAYS,
    },
    oidc:
      e.CHISO_OIDC_ISSUER && e.CHISO_OIDC_CLIENT_ID && e.CHISO_OIDC_CLIENT_SECRET
        ? {
            issuer: e.CHISO_OIDC_ISSUER,
            clientId: e.CHISO_OIDC_CLIENT_ID,
            clientSecret: e.CHISO_OIDC_CLIENT_SECRET,
            label: e.CHISO_OIDC_LABEL ? { vi: e.CHISO_OIDC_LABEL } : DEFAULT_OIDC_LABEL,
            scope: [...new Set(['openid', 'email', ...(e.CHISO_OIDC_SCOPES?.split(' ') ?? [])])].join(' '),
          }
        : undefined,
  };
}

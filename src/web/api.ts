/**
 * The API client: same-origin JSON requests to /api/v1. Every failure becomes an ApiError that
 * carries the message to show in the reader's language and, when the server names one, the form field it
 * concerns (the server's `{ error: { code, message, field } }` format).
 */
import type { CycleState, CycleSummary } from '../server/modules/cycles/cycles.schema.ts';
import { lang, t } from './i18n/messages.ts';

export type Role = 'admin' | 'assessor' | 'approver' | 'reporter' | 'viewer';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  agencyId: string | null;
  mustChangePassword: boolean;
}

export type { CycleState };
/** A cycle as the list shows it: the server's contract (cycles.schema.ts), imported as a type only. */
export type Cycle = CycleSummary;

export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly retryAfterSeconds?: number,
    /** Whatever else the server said: per-field problems, the current state after a conflict. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; messageEn?: unknown; field?: unknown };
}

/** The server's message in the reader's language: every error carries its English beside it. */
function errorText(error: ErrorBody['error']): string | null {
  if (lang() === 'en' && typeof error?.messageEn === 'string' && error.messageEn) return error.messageEn;
  return typeof error?.message === 'string' && error.message ? error.message : null;
}

/** Where the signed-in session's end is reported (App signs the user out); set once by App. */
let onSessionEnded: (() => void) | null = null;
export function whenSessionEnds(handler: (() => void) | null): void {
  onSessionEnded = handler;
}

export async function api<T>(
  path: string,
  options: {
    method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    body?: unknown;
    /** Sent as multipart/form-data instead of JSON (file uploads). */
    form?: FormData;
  } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method: options.method ?? (options.form ? 'POST' : 'GET'),
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
      ...(options.form && { body: options.form }),
    });
  } catch {
    throw new ApiError(0, 'network', t('error.network'));
  }
  // A session that ended mid-work (expired, signed out elsewhere): back to sign-in, with a word why.
  if (res.status === 401 && path !== '/auth/login' && path !== '/auth/me') onSessionEnded?.();
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (res.ok) {
    if (json === undefined)
      throw new ApiError(res.status, 'unexpected', t('error.unexpected', { status: res.status }));
    return json as T;
  }
  const error = (json as ErrorBody | undefined)?.error;
  const details = (json as { error?: { details?: unknown } } | undefined)?.error?.details;
  const retry = Number(res.headers.get('retry-after'));
  throw new ApiError(
    res.status,
    typeof error?.code === 'string' ? error.code : 'unexpected',
    errorText(error) ?? t('error.unexpected', { status: res.status }),
    typeof error?.field === 'string' ? error.field : undefined,
    Number.isFinite(retry) && retry > 0 ? retry : undefined,
    details,
  );
}

/** What a form shows of a failed request: the message, and the field it concerns when the server named one. */
export function refusalOf(e: unknown): { message: string; field?: string } {
  if (e instanceof ApiError) return { message: e.message, ...(e.field && { field: e.field }) };
  return { message: e instanceof Error ? e.message : String(e) };
}

/** The address of a file the API serves (evidence, guidance, exports), for a link or a download. */
export function apiUrl(path: string): string {
  return `/api/v1${path}`;
}

export const authApi = {
  me: () => api<{ user: User }>('/auth/me'),
  /** Who is signed in, or null for a visitor (no 401 to log in the console). */
  session: () => api<{ user: User | null }>('/auth/session'),
  login: (username: string, password: string) =>
    api<{ user: User }>('/auth/login', { method: 'POST', body: { username, password } }),
  logout: () => api<void>('/auth/logout', { method: 'POST' }),
  changePassword: (currentPassword: string, newPassword: string) =>
    api<void>('/auth/password', { method: 'POST', body: { currentPassword, newPassword } }),
};

export const cyclesApi = {
  list: () => api<{ cycles: Cycle[] }>('/cycles'),
};

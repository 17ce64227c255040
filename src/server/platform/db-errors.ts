/**
 * Two things about database errors that the whole server needs: whether an error means the
 * database cannot be reached (the app answers 503 and asks to retry, instead of a 500), and a
 * form of any error that is safe to log (Drizzle puts the query's parameters — password hashes,
 * personal data — in its message; the log keeps the query, never the parameters).
 */

/** Error codes of Node's sockets that mean "no connection". */
const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EPIPE',
  'EAI_AGAIN',
]);
/** SQLSTATEs that mean the server is going away or not taking connections. */
const SERVER_GONE = new Set(['57P01', '57P02', '57P03', '53300']);
const LOST =
  /Connection terminated|timeout exceeded when trying to connect|not queryable|connection (is )?closed/i;

interface Coded {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
}

/**
 * Why the database cannot be reached ('connection refused', 'connection lost', 'server shutting
 * down'…), looking through the error and its causes; null for any other error.
 */
export function databaseProblem(error: unknown): string | null {
  for (
    let e = error as Coded | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as Coded | undefined, depth++
  ) {
    const code = typeof e.code === 'string' ? e.code : '';
    const message = typeof e.message === 'string' ? e.message : '';
    if (code === 'ECONNREFUSED') return 'connection refused';
    if (NETWORK.has(code)) return 'network error';
    if (code.startsWith('08')) return 'connection lost';
    if (SERVER_GONE.has(code)) return code === '53300' ? 'too many connections' : 'server shutting down';
    if (LOST.test(message)) return 'connection lost';
  }
  return null;
}

const PARAMS = /\nparams: [\s\S]*$/;
const hideParams = (text: string) => text.replace(PARAMS, '\nparams: [ẩn]');
/**
 * PostgreSQL quotes the offending value in data and constraint errors (classes 22 and 23:
 * `invalid input syntax for type integer: "…"`): those quotes are hidden too.
 */
const hideQuotedValues = (text: string, code: string) =>
  /^2[23]/.test(code) ? text.replace(/"(?:[^"\\]|\\.)*"/g, '"[ẩn]"') : text;

interface Logged {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
  code?: string;
  cause?: Logged;
}

/** An error as the log may hold it: name, message and stack without query parameters, code, cause. */
export function redactedError(error: unknown, depth = 0): Logged {
  if (!(error instanceof Error)) return { type: typeof error, message: hideParams(String(error)), stack: '' };
  const e = error as Error & { code?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  const message = hideQuotedValues(hideParams(e.message), code);
  const out: Logged = { type: e.name, message, stack: (e.stack ?? '').split(e.message).join(message) };
  if (code) out.code = code;
  if (e.cause !== undefined && depth < 3) out.cause = redactedError(e.cause, depth + 1);
  return out;
}

/**
 * What every route shares: the app type with zod schemas, the dependencies, who may call a route,
 * and the actor of a request. Every route declares `config.access`; the app refuses to start with
 * a route that does not (so no route is ever open by accident), and checks it before the handler.
 */
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../db/open.ts';
import type { Role } from '../db/schema.ts';
import type { Actor } from './audit.ts';
import type { SessionUser } from './auth.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import { forbidden, unauthenticated } from './errors.ts';
import type { FileStore } from './files.ts';
import type { Mailer } from './mail.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface AppDeps {
  readonly config: Config;
  readonly database: Database;
  readonly clock: Clock;
  readonly mailer: Mailer;
  readonly files: FileStore;
}

/**
 * Who may call a route: 'public' (no sign-in), 'signed-in' (any role), or a list of roles. The
 * service behind it still checks the finer scope (a reporter's own agency, the cycle's state).
 */
export type Access = 'public' | 'signed-in' | readonly Role[];

/** A route as declared, for the role-matrix test. */
export interface DeclaredRoute {
  readonly method: string;
  readonly url: string;
  readonly access: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: readonly DeclaredRoute[];
  }
  interface FastifyContextConfig {
    access?: Access;
    /** Callable by an account that must still change its temporary password (sign-out, me, password). */
    withTemporaryPassword?: boolean;
  }
  interface FastifyRequest {
    user: SessionUser | null;
  }
}

/** Enforces a route's declared access; 401 before 403 so the browser knows to sign in. */
export function checkAccess(access: Access, user: SessionUser | null): void {
  if (access === 'public') return;
  if (!user) throw unauthenticated();
  if (access === 'signed-in') return;
  if (!access.includes(user.role)) throw forbidden();
}

/** The request as an audit row needs it. */
export const actorOf = (req: FastifyRequest): Actor => ({
  user: req.user,
  requestId: String(req.id),
  ip: req.ip,
});

/** Who calls a use case: a signed-in user, with the request facts an audit row carries. */
export interface Caller extends Actor {
  readonly user: SessionUser;
}

/** The caller of a route whose access already required a signed-in user. */
export function callerOf(req: FastifyRequest): Caller {
  if (!req.user) throw unauthenticated();
  return { user: req.user, requestId: String(req.id), ip: req.ip };
}

/** Sends a file download with a safe, UTF-8 file name. */
export function sendDownload(
  reply: FastifyReply,
  body: Buffer | string | NodeJS.ReadableStream,
  filename: string,
  mime: string,
) {
  const ascii = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w.-]+/g, '_');
  return reply
    .header('content-type', mime)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    )
    .send(body);
}

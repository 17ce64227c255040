/**
 * The HTTP application: one Fastify instance with the security defaults (headers, cookies, origin
 * check, rate limits, access declared on every route), the JSON error format, OpenAPI at
 * /api/openapi.json and /api/docs, and every module's routes under /api/v1.
 */
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyError } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import helmet from 'helmet';
import { publicRoutes, registerModules } from './modules/index.ts';
import { SESSION_COOKIE, userOfToken } from './platform/auth.ts';
import { databaseProblem, redactedError } from './platform/db-errors.ts';
import { AppError, forbidden, toBody } from './platform/errors.ts';
import { type App, type AppDeps, checkAccess, type DeclaredRoute } from './platform/http.ts';
import { refuseBadInput } from './platform/input-guard.ts';
import { registerWebApp } from './web.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The largest JSON body (files go as multipart, limited by CHISO_UPLOAD_MAX_MB). */
const JSON_BODY_LIMIT = 2 * 1024 * 1024;
/** How long a client should wait before trying again when the database is unreachable. */
const RETRY_AFTER_SECONDS = 5;

export interface BuildOptions {
  /** false: no logs (tests); otherwise JSON logs at the configured level. */
  readonly logger?: boolean;
  /** Where logs go (standard output by default); tests read them back. */
  readonly logStream?: { write(line: string): void };
}

/** A multipart body that busboy cannot read: no boundary, cut short, a broken part header. */
function isMalformedMultipart(error: FastifyError): boolean {
  return (
    error.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' ||
    error.code === 'FST_MULTIPART_INVALID_CONTENT_TYPE' ||
    /^Multipart: |Unexpected end of (form|multipart data)|Malformed part header|Boundary not found/i.test(
      error.message ?? '',
    )
  );
}

export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<App> {
  const { config } = deps;
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: {
              paths: [
                'req.headers.cookie',
                'req.headers.authorization',
                'res.headers["set-cookie"]',
                '*.password',
                '*.token',
              ],
              censor: '[ẩn]',
            },
            // A database error carries its SQL parameters (password hashes among them): never logged.
            serializers: { err: redactedError },
            ...(options.logStream && { stream: options.logStream }),
          },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: config.trustProxy,
    bodyLimit: JSON_BODY_LIMIT,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('user', null);

  // No route may exist without saying who may call it; the table feeds the role-matrix test.
  const routeTable: DeclaredRoute[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs') || route.url === '/api/openapi.json') {
      route.config = { ...route.config, access: 'public' };
      return;
    }
    const access = route.config?.access;
    if (!access) throw new Error(`route ${route.method} ${route.url} declares no access`);
    for (const method of [route.method].flat())
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, access });
  });

  // Security headers from helmet's middleware, built once: @fastify/helmet built it anew on every
  // request (the CSP parsed each time), 4% of the server's CPU on the autosave.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        // Over plain HTTP on an office network (http://10.x.x.x:3000) upgrading would break every
        // asset; ask browsers to upgrade only when the system is served over HTTPS.
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
    // Strict-Transport-Security means something only over HTTPS; over plain HTTP it is noise.
    hsts: config.secureCookies ? { maxAge: 180 * 86_400, includeSubDomains: false } : false,
  });
  // helmet sets the headers synchronously and throws rather than pass an error on (since 8.1).
  app.addHook('onRequest', (req, reply, done) => securityHeaders(req.raw, reply.raw, () => done()));
  await app.register(cookie);
  // One budget per signed-in account, and per address only for the anonymous: behind an office's
  // NAT or a proxy many civil servants share one address, and one busy autosave must not lock the
  // others out (the route hooks of the limit run after the session hook has said who is asking).
  await app.register(rateLimit, {
    global: true,
    max: 600,
    timeWindow: '1 minute',
    keyGenerator: (req) => (req.user ? `user:${req.user.id}` : `address:${req.ip}`),
  });
  await app.register(multipart, { limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 10 } });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'chiso API',
        description:
          'Đánh giá, xếp hạng mức độ ứng dụng CNTT của cơ quan nhà nước (QĐ 2310/QĐ-UBND Cao Bằng). Lỗi trả về JSON { error: { code, message, field } }.',
        version: '1',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // Upgrading to HTTPS breaks the page on a plain-HTTP office network (http://10.x.x.x:3000).
    transformStaticCSP: (csp) =>
      config.secureCookies ? csp : csp.replace(/\s*upgrade-insecure-requests;?/g, '').trim(),
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  // Behind a reverse proxy that chiso is not told about, every user has the proxy's address: they
  // share one budget of the rate limit and of the sign-in holds. Said once, in the log.
  let proxyWarned = false;
  app.addHook('onRequest', async (req) => {
    if (proxyWarned || config.trustProxy || req.headers['x-forwarded-for'] === undefined) return;
    proxyWarned = true;
    req.log.warn(
      'requests carry X-Forwarded-For but CHISO_TRUST_PROXY is false: behind a reverse proxy, set CHISO_TRUST_PROXY=true, or every user shares the proxy address for rate limits and sign-in holds',
    );
  });

  // Who is asking: the session cookie, if any.
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) req.user = await userOfToken(deps.database.db, token, deps.clock.now());
  });

  // State changes only from our own pages: a browser says where a request comes from.
  app.addHook('onRequest', async (req) => {
    if (!UNSAFE.has(req.method)) return;
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    if (origin !== undefined) {
      const allowed = config.publicUrl ? new URL(config.publicUrl).origin : `${req.protocol}://${req.host}`;
      if (origin !== allowed)
        throw forbidden({ vi: 'Yêu cầu từ trang web khác bị từ chối', en: 'Cross-origin request refused' });
    } else if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      throw forbidden({ vi: 'Yêu cầu từ trang web khác bị từ chối', en: 'Cross-origin request refused' });
    }
  });

  // Who may call the route, checked before the body is even read: an anonymous upload or a
  // malformed request to a route one may not use gets 401/403, never a validation message. An
  // account with a temporary password may do nothing but change it (and read who it is, sign out).
  app.addHook('onRequest', async (req) => {
    const config = req.routeOptions.config;
    if (config?.access) checkAccess(config.access, req.user);
    if (req.user?.mustChangePassword && config?.access !== 'public' && !config?.withTemporaryPassword)
      throw new AppError(403, 'must_change_password', {
        vi: 'Bạn đang dùng mật khẩu tạm thời: hãy đổi mật khẩu trước khi dùng hệ thống.',
        en: 'You are using a temporary password: change it before using the system.',
      });
  });

  // NUL characters, lone surrogates, absurd nesting: 400 naming the field, before any rule or query.
  app.addHook('preValidation', async (req) => {
    refuseBadInput('params', req.params);
    refuseBadInput('query', req.query);
    refuseBadInput('body', req.body);
  });

  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', String(req.id));
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  app.setErrorHandler((error: FastifyError | AppError, req, reply) => {
    const unreachable = databaseProblem(error);
    if (unreachable) {
      req.log.warn({ err: error }, 'database unreachable');
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return reply.status(503).send(
        toBody(
          new AppError(503, 'database_unavailable', {
            vi: 'Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Phần bạn vừa nhập vẫn được giữ trên máy; hãy thử lại sau ít phút.',
            en: 'The system cannot reach its database for the moment. Your input is kept on this computer; try again in a few minutes.',
          }),
        ),
      );
    }
    if (error instanceof AppError) {
      if (error.status === 429) {
        const retry = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
        if (retry) reply.header('retry-after', String(retry));
      }
      return reply.status(error.status).send(toBody(error));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issue = error.validation[0];
      const path = issue?.instancePath?.replace(/^\//, '').replaceAll('/', '.') || undefined;
      const where = error.validationContext === 'body' ? '' : `${error.validationContext}: `;
      return reply.status(400).send(
        toBody(
          new AppError(
            400,
            'invalid',
            {
              vi: `Dữ liệu gửi lên không hợp lệ${path ? ` ở "${path}"` : ''}: ${issue?.message ?? ''}`.trim(),
              en: `Invalid request ${where}${path ?? ''}: ${issue?.message ?? ''}`.trim(),
            },
            path,
            error.validation.map((v) => ({ path: v.instancePath, message: v.message })),
          ),
        ),
      );
    }
    const status = error.statusCode ?? 500;
    if (status === 429)
      return reply.status(429).send(
        toBody(
          new AppError(429, 'too_many_requests', {
            vi: 'Quá nhiều yêu cầu, hãy thử lại sau ít phút',
            en: 'Too many requests; try again in a few minutes',
          }),
        ),
      );
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply.status(413).send(
        toBody(
          new AppError(413, 'too_large', {
            vi: `Dữ liệu gửi lên quá lớn (tối đa ${JSON_BODY_LIMIT / 1048576} MB); tệp hãy gửi dưới dạng tải lên`,
            en: `The request body is too large (at most ${JSON_BODY_LIMIT / 1048576} MB); send files as uploads`,
          }),
        ),
      );
    if (isMalformedMultipart(error))
      return reply.status(400).send(
        toBody(
          new AppError(
            400,
            'invalid',
            {
              vi: 'Tệp gửi lên bị cắt ngang hoặc sai định dạng multipart/form-data; hãy tải lên lại',
              en: 'The upload was cut short or is not well-formed multipart/form-data; upload it again',
            },
            'file',
          ),
        ),
      );
    if (
      status === 413 ||
      error.code === 'FST_REQ_FILE_TOO_LARGE' ||
      error.code === 'FST_PARTS_LIMIT' ||
      error.code === 'FST_FILES_LIMIT'
    )
      return reply.status(413).send(
        toBody(
          new AppError(413, 'too_large', {
            vi: `Tệp hoặc dữ liệu quá lớn (tối đa ${Math.round(config.uploadMaxBytes / 1048576)} MB)`,
            en: `File or body too large (at most ${Math.round(config.uploadMaxBytes / 1048576)} MB)`,
          }),
        ),
      );
    if (status >= 400 && status < 500)
      return reply.status(status).send(
        toBody(
          new AppError(status, 'bad_request', {
            vi: 'Yêu cầu không hợp lệ',
            en: error.message || 'Bad request',
          }),
        ),
      );
    req.log.error({ err: error }, 'internal error');
    return reply.status(500).send(
      toBody(
        new AppError(500, 'internal', {
          vi: `Lỗi hệ thống. Hãy thử lại; nếu vẫn lỗi, báo quản trị kèm mã ${req.id}`,
          en: `Internal error. Try again; if it persists, report code ${req.id}`,
        }),
      ),
    );
  });

  app.setNotFoundHandler((req, reply) =>
    reply.status(404).send(
      toBody(
        new AppError(404, 'not_found', {
          vi: `Không có địa chỉ ${req.method} ${req.url}`,
          en: `No route ${req.method} ${req.url}`,
        }),
      ),
    ),
  );

  // For a load balancer and the operator: 200 when this server can reach its database, else 503
  // naming the cause (never a host name or an internal message).
  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) => {
    const engine = deps.database.engine;
    try {
      await deps.database.db.execute(sql`select 1`);
      return reply.send({ status: 'ok', database: { engine, reachable: true } });
    } catch (e) {
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return reply.status(503).send({
        status: 'unavailable',
        cause: 'database',
        database: { engine, reachable: false, problem: databaseProblem(e) ?? 'error' },
      });
    }
  });

  await app.register(async (api) => registerModules(api as App, deps), { prefix: '/api/v1' });
  // The public pages (/ket-qua, /phuong-phap): server-rendered HTML, no sign-in, no script.
  await app.register(async (site) => publicRoutes(site as App, deps));
  // The web application at / (dist/web), index.html for the pages it routes itself.
  await registerWebApp(app as App);
  return app as App;
}

/**
 * The web application (built by Vite into dist/web) at /: its files, and index.html for any other
 * page a browser asks for (the app routes on the client). Paths of the API and of the
 * server-rendered public pages are never answered with the app. Without a build, / says so.
 */
import { existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from './platform/http.ts';

export const WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** Paths that belong to the server itself, never to the web application. */
const SERVER_PATHS = /^\/(api|healthz|ket-qua|phuong-phap)(\/|$|\?)/;

const NO_BUILD = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>chiso — Chỉ số ứng dụng CNTT</title></head>
<body><main><h1>Chỉ số ứng dụng CNTT — Sở TT&amp;TT Cao Bằng</h1>
<p>Giao diện web chưa được dựng. Chạy <code>npm run build:web</code> (hoặc <code>npm start</code>) rồi tải lại trang.</p>
<p>API: <a href="/api/docs">/api/docs</a> · kiểm tra: <a href="/healthz">/healthz</a></p></main></body></html>
`;

const wantsHtml = (req: FastifyRequest) => (req.headers.accept ?? '').includes('text/html');

export async function registerWebApp(app: App, root = WEB_ROOT): Promise<void> {
  // serve: false — the plugin only lends reply.sendFile (safe paths, ETag, ranges); the one route
  // below declares its access like every other route.
  await app.register(fastifyStatic, { root, serve: false, cacheControl: false });

  const sendIndex = (reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');

  app.get(
    '/*',
    { config: { access: 'public', rateLimit: false }, schema: { hide: true } },
    async (req, reply) => {
      const path = req.url.split('?')[0]!;
      if (SERVER_PATHS.test(path)) return reply.callNotFound();
      if (!existsSync(join(root, 'index.html'))) {
        if (path === '/' || wantsHtml(req))
          return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(NO_BUILD);
        return reply.callNotFound();
      }
      let relative: string;
      try {
        relative = normalize(decodeURIComponent(path)).replace(/^[/\\]+/, '');
      } catch {
        return reply.callNotFound();
      }
      if (relative && !relative.split(sep).includes('..') && relative !== 'index.html') {
        const file = join(root, relative);
        if (statSync(file, { throwIfNoEntry: false })?.isFile()) {
          // Vite names assets by their content: they never change under the same name.
          if (relative.startsWith(`assets${sep}`))
            reply.header('cache-control', 'public, max-age=31536000, immutable');
          else reply.header('cache-control', 'no-cache');
          return reply.sendFile(relative);
        }
      }
      if (path === '/' || path === '/index.html' || wantsHtml(req)) return sendIndex(reply);
      return reply.callNotFound();
    },
  );
}

/**
 * The public site, without sign-in and outside /api/v1: GET /ket-qua (every published year and
 * the latest ranking), GET /ket-qua/:year[?ban=N] (one revision of a year), GET /phuong-phap
 * (the scoring method). Plain HTML rendered on the server, no script, cached for a minute.
 */
import type { FastifyReply } from 'fastify';
import type { App, AppDeps } from '../../platform/http.ts';
import { indexPage, methodPage, notFoundPage, yearPage } from './public.pages.ts';
import { publicAccess as access } from './public.policy.ts';
import { YearParams, YearQuery } from './public.schema.ts';
import { readMethod } from './read-method.ts';
import { readPublishedYear, readPublishedYears } from './read-published-results.ts';

const tags = ['public'];

function sendPage(reply: FastifyReply, status: number, page: string) {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'public, max-age=60')
    .send(page);
}

export function publicRoutes(app: App, deps: AppDeps): void {
  const config = { access: access.read };

  app.get(
    '/ket-qua',
    { config, schema: { tags, summary: 'Trang công khai: kết quả đã công bố của các năm (HTML)' } },
    async (_req, reply) => {
      const { years, latest } = await readPublishedYears(deps);
      return sendPage(reply, 200, indexPage(years, latest));
    },
  );

  app.get(
    '/ket-qua/:year',
    {
      config,
      schema: {
        tags,
        summary: 'Trang công khai: kết quả đã công bố của một năm; ?ban=N cho lần công bố thứ N (HTML)',
        params: YearParams,
        querystring: YearQuery,
      },
    },
    async (req, reply) => {
      const found = await readPublishedYear(deps, { ...req.params, ...req.query });
      return 'page' in found
        ? sendPage(reply, 200, yearPage(found.page))
        : sendPage(reply, 404, notFoundPage(found.notFound));
    },
  );

  app.get(
    '/phuong-phap',
    {
      config,
      schema: { tags, summary: 'Trang công khai: phương pháp chấm điểm, tiêu chí và thang điểm (HTML)' },
    },
    async (_req, reply) => sendPage(reply, 200, methodPage(await readMethod(deps))),
  );
}

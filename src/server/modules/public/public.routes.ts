/**
 * The public site, without sign-in and outside /api/v1: GET /ket-qua (every published year and
 * the latest ranking), GET /ket-qua/:year[?ban=N] (one revision of a year), GET /phuong-phap
 * (the scoring method). Plain HTML rendered on the server, no script, cached for a minute.
 * GET /du-lieu-mo[/:year[/lan/:n][/:file]]: the open data of the published years (R20).
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, AppDeps } from '../../platform/http.ts';
import { openDataIndexPage, openDataYearPage } from './open-data.pages.ts';
import { indexPage, methodPage, notFoundPage, yearPage } from './public.pages.ts';
import { publicAccess as access } from './public.policy.ts';
import { OpenDataFileParams, OpenDataParams, YearParams, YearQuery } from './public.schema.ts';
import { readMethod } from './read-method.ts';
import { DATA_PACKAGE, readOpenDataRevision, readOpenDataYears } from './read-open-data.ts';
import { readPublishedYear, readPublishedYears } from './read-published-results.ts';

const tags = ['public'];

function sendPage(reply: FastifyReply, status: number, page: string) {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'public, max-age=60')
    .send(page);
}

/**
 * A file of the open data: revalidated by its hash (a revision never changes, but "the newest"
 * does), readable by other sites' scripts (open data is meant to be reused).
 */
function sendFile(req: FastifyRequest, reply: FastifyReply, mediatype: string, body: Buffer) {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  reply
    .header('etag', etag)
    .header('cache-control', 'public, max-age=300')
    .header('access-control-allow-origin', '*')
    .header('cross-origin-resource-policy', 'cross-origin');
  if (req.headers['if-none-match'] === etag) return reply.status(304).send();
  return reply.status(200).header('content-type', `${mediatype}; charset=utf-8`).send(body);
}

const noOpenData = (year: string) =>
  notFoundPage(
    `Không có dữ liệu mở cho "${year}": năm này chưa công bố kết quả, hoặc không có lần công bố hay tệp đó.`,
  );

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

  app.get(
    '/du-lieu-mo',
    { config, schema: { tags, summary: 'Dữ liệu mở: các năm đã công bố kết quả (HTML)' } },
    async (_req, reply) => sendPage(reply, 200, openDataIndexPage(await readOpenDataYears(deps))),
  );

  const yearFiles = async (
    req: FastifyRequest,
    reply: FastifyReply,
    p: { year: string; revision?: string | undefined; file?: string | undefined },
  ) => {
    const found = await readOpenDataRevision(deps, p);
    if (!found) return sendPage(reply, 404, noOpenData(p.year));
    const base = `/du-lieu-mo/${found.content.cycle.year}${p.revision === undefined ? '' : `/lan/${found.content.revision}`}`;
    if (p.file === undefined) return sendPage(reply, 200, openDataYearPage(found, base));
    if (p.file === DATA_PACKAGE) return sendFile(req, reply, 'application/json', found.descriptor);
    const file = found.files.find((f) => f.path === p.file);
    if (!file) return sendPage(reply, 404, noOpenData(p.year));
    return sendFile(req, reply, file.mediatype, file.body);
  };

  app.get(
    '/du-lieu-mo/:year',
    { config, schema: { tags, summary: 'Dữ liệu mở của một năm: các tệp (HTML)', params: OpenDataParams } },
    async (req, reply) => yearFiles(req, reply, req.params),
  );
  app.get(
    '/du-lieu-mo/:year/lan/:revision',
    {
      config,
      schema: {
        tags,
        summary: 'Dữ liệu mở của lần công bố thứ N của một năm (HTML)',
        params: OpenDataParams,
      },
    },
    async (req, reply) => yearFiles(req, reply, req.params),
  );
  app.get(
    '/du-lieu-mo/:year/:file',
    {
      config,
      schema: {
        tags,
        summary: 'Một tệp dữ liệu mở của lần công bố hiện hành (datapackage.json, CSV, JSON)',
        params: OpenDataFileParams,
      },
    },
    async (req, reply) => yearFiles(req, reply, req.params),
  );
  app.get(
    '/du-lieu-mo/:year/lan/:revision/:file',
    {
      config,
      schema: { tags, summary: 'Một tệp dữ liệu mở của lần công bố thứ N', params: OpenDataFileParams },
    },
    async (req, reply) => yearFiles(req, reply, req.params),
  );
}

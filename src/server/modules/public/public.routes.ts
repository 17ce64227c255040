/**
 * The public site, without sign-in and outside /api/v1: GET /ket-qua (every published year and
 * the latest ranking), GET /ket-qua/:year[?ban=N] (one revision of a year), GET /phuong-phap
 * (the scoring method). Plain HTML rendered on the server, no script, cached for a minute.
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { App, AppDeps } from '../../platform/http.ts';
import { indexPage, methodPage, notFoundPage, yearPage } from './public.pages.ts';
import { publicPolicy } from './public.policy.ts';
import { publicService } from './public.service.ts';

const tags = ['public'];

function sendPage(reply: FastifyReply, status: number, page: string) {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'public, max-age=60')
    .send(page);
}

/** A year as people write it in an address: four digits. */
const yearOf = (s: string): number | null => (/^\d{4}$/.test(s) ? Number(s) : null);
/** A revision number: a positive whole number. */
const revisionOf = (s: string): number | null => (/^[1-9]\d{0,5}$/.test(s) ? Number(s) : null);

export function publicRoutes(app: App, deps: AppDeps): void {
  const service = publicService(deps.database.db);
  const config = { access: publicPolicy.read };

  app.get(
    '/ket-qua',
    { config, schema: { tags, summary: 'Trang công khai: kết quả đã công bố của các năm (HTML)' } },
    async (_req, reply) => {
      const years = await service.years();
      const latest = years[0] ? await service.year(years[0].year) : null;
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
        params: z.object({ year: z.string() }),
        querystring: z.object({ ban: z.string().optional() }),
      },
    },
    async (req, reply) => {
      const year = yearOf(req.params.year);
      if (year === null)
        return sendPage(reply, 404, notFoundPage(`Không có kết quả đánh giá cho "${req.params.year}".`));
      const ban = req.query.ban;
      const revision = ban === undefined ? undefined : revisionOf(ban);
      if (revision === null)
        return sendPage(reply, 404, notFoundPage(`Không có lần công bố "${ban}" của kết quả năm ${year}.`));
      const page = await service.year(year, revision);
      if (!page)
        return sendPage(
          reply,
          404,
          notFoundPage(
            revision === undefined || !(await service.year(year))
              ? `Kết quả đánh giá năm ${year} chưa được công bố.`
              : `Kết quả năm ${year} không có lần công bố thứ ${revision}.`,
          ),
        );
      return sendPage(reply, 200, yearPage(page));
    },
  );

  app.get(
    '/phuong-phap',
    {
      config,
      schema: { tags, summary: 'Trang công khai: phương pháp chấm điểm, tiêu chí và thang điểm (HTML)' },
    },
    async (_req, reply) => sendPage(reply, 200, methodPage(await service.method())),
  );
}

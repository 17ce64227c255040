/** Cycles through the API, as the registry and cycle tests set them up: created, documented, opened. */
import { fileUpload as multipart, SMALL_PDF } from './http.ts';
import type { TestServer } from './server.ts';

/** Creates a cycle of `year` through the API (defaults otherwise) and returns its id. */
export async function createCycleViaApi(
  s: TestServer,
  year: number,
  body: Record<string, unknown> = {},
): Promise<string> {
  const res = await s.request({
    method: 'POST',
    url: '/api/v1/cycles',
    cookie: await s.as('admin'),
    payload: { year, ...body },
  });
  if (res.statusCode !== 201) throw new Error(`create cycle ${year}: ${res.statusCode} ${res.body}`);
  return res.json().cycle.id;
}

/** Uploads a small PDF as the cycle's guidance document. */
export async function attachGuidance(s: TestServer, cycleId: string) {
  const res = await s.request({
    method: 'POST',
    url: `/api/v1/cycles/${cycleId}/documents/guidance`,
    cookie: await s.as('admin'),
    ...multipart('file', 'huong-dan.pdf', SMALL_PDF),
  });
  if (res.statusCode !== 200) throw new Error(`attach guidance: ${res.statusCode} ${res.body}`);
  return res;
}

/** Creates, documents and opens a cycle; returns the answer of the opening. */
export async function openCycleViaApi(s: TestServer, year: number) {
  const id = await createCycleViaApi(s, year);
  await attachGuidance(s, id);
  const res = await s.request({
    method: 'POST',
    url: `/api/v1/cycles/${id}/open`,
    cookie: await s.as('admin'),
  });
  if (res.statusCode !== 200) throw new Error(`open ${year}: ${res.statusCode} ${res.body}`);
  return { id, body: res.json() };
}

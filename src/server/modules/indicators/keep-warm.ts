/**
 * Keeps the published documents the indicators read in the server's memory. Reading and parsing
 * ten years of a large province takes about half a second, and the province page should answer
 * in well under that: so the server reads them when it starts, and every background tick reads
 * what a publication (on this server or another one sharing the database) has added since — one
 * small query when nothing is new.
 */
import type { AppDeps } from '../../platform/http.ts';
import { publishedDocs, publishedDocsRead } from './indicators.repo.ts';

/**
 * Reads into memory every published revision not yet there; says how many years are held and how
 * many documents had to be read from the database for it (0 when nothing was published since).
 */
export async function keepIndicatorsWarm(
  deps: Pick<AppDeps, 'database'>,
): Promise<{ years: number; read: number }> {
  const before = publishedDocsRead();
  const years = (await publishedDocs(deps.database.db)).length;
  return { years, read: publishedDocsRead() - before };
}

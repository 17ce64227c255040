/**
 * The contract of the public site's requests (/ket-qua/:year?ban=N). The pages answer in HTML, so
 * there is no response shape; the year and the revision stay text here because an address that is
 * not a year or a revision number gets the site's HTML 404 (read-published-results.ts), not a JSON 400.
 */
import { z } from 'zod';

export const YearParams = z.object({ year: z.string() });
export type YearParams = z.infer<typeof YearParams>;

/** ?ban=N: the N-th publication of the year (the newest without it). */
export const YearQuery = z.object({ ban: z.string().optional() });
export type YearQuery = z.infer<typeof YearQuery>;

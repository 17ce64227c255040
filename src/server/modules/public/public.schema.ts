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

/** /du-lieu-mo/:year[/lan/:revision]: text, for the same reason as YearParams. */
export const OpenDataParams = z.object({ year: z.string(), revision: z.string().optional() });
export type OpenDataParams = z.infer<typeof OpenDataParams>;

/** …/:file: a file name of the package (datapackage.json, ket-qua.csv…). */
export const OpenDataFileParams = OpenDataParams.extend({ file: z.string().max(100) });
export type OpenDataFileParams = z.infer<typeof OpenDataFileParams>;

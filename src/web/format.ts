/** Dates as Vietnamese readers expect them, always in Vietnam time (UTC+7, no daylight saving). */
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const two = (n: number) => String(n).padStart(2, '0');

/** dd/mm/yyyy HH:mm in Vietnam time, e.g. "01/11/2017 00:00". */
export function dateTimeVn(iso: string): string {
  const d = new Date(new Date(iso).getTime() + VN_OFFSET_MS);
  if (Number.isNaN(d.getTime())) return iso;
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

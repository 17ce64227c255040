/**
 * The administrator's words for an appeal period's holidays: dates as Vietnamese readers write
 * them (dd/mm/yyyy), one per line or separated by commas, read into the server's YYYY-MM-DD.
 */

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The holidays typed, sorted and without repeats; or the first entry that is not a real date. */
export function parseHolidays(text: string): { dates: string[] } | { bad: string } {
  const dates = new Set<string>();
  for (const raw of text.split(/[\n,;]+/)) {
    const entry = raw.trim();
    if (!entry) continue;
    let iso: string;
    const dmy = DMY.exec(entry);
    if (dmy) iso = `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
    else if (ISO.test(entry)) iso = entry;
    else return { bad: entry };
    const d = new Date(`${iso}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return { bad: entry };
    dates.add(iso);
  }
  return { dates: [...dates].sort() };
}

/** The holidays as the administrator reads and edits them: "01/01/2018, 16/02/2018". */
export const holidaysText = (dates: readonly string[]): string =>
  dates.map((d) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`).join(', ');

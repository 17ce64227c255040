/**
 * Tables as CSV files that Excel opens with Vietnamese intact: a byte-order mark, commas between
 * cells, quotes around a cell that needs them, CRLF line ends.
 */
const cell = (v: string | number | null): string => {
  const s = v === null ? '' : String(v);
  return /[",\r\n;]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** The file's text, starting with the byte-order mark. */
export const toCsv = (rows: readonly (readonly (string | number | null)[])[]): string =>
  `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;

/** Offers the rows as a file to save. */
export function downloadCsv(name: string, rows: readonly (readonly (string | number | null)[])[]): void {
  const url = URL.createObjectURL(new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

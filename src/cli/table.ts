/** Plain-text tables for a terminal: columns padded by display width, numbers right-aligned. */

export interface Column {
  readonly title: string;
  readonly align?: 'left' | 'right';
}

/** Display width of a string: combining marks take no column (Vietnamese is NFC here anyway). */
export function width(s: string): number {
  let w = 0;
  for (const ch of s.normalize('NFC')) if (!/\p{M}/u.test(ch)) w++;
  return w;
}

const pad = (s: string, n: number, align: 'left' | 'right') => {
  const fill = ' '.repeat(Math.max(0, n - width(s)));
  return align === 'right' ? fill + s : s + fill;
};

/** Renders rows under a header line and a rule; every row has one cell per column. */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((c, i) => Math.max(width(c.title), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => pad(cell, widths[i]!, columns[i]!.align ?? 'left'))
      .join('  ')
      .trimEnd();
  return [
    line(columns.map((c) => c.title)),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...rows.map(line),
  ].join('\n');
}

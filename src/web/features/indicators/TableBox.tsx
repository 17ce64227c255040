/** A table's box that scrolls sideways on a phone, reachable by keyboard to scroll (WCAG 2.1.1). */
import type { ReactNode } from 'react';
import { m } from './messages.ts';

export function TableBox(props: { children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable to scroll by keyboard (WCAG 2.1.1)
    <section className="ind-table-wrap" aria-label={m('table.scroll')} tabIndex={0}>
      {props.children}
    </section>
  );
}

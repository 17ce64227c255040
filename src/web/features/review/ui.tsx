/** Small pieces the review screens share: the server's message where the user looks, the "new" mark. */

import type { ReactNode } from 'react';
import { m } from './messages.ts';

/** A failed action's message (the server's Vietnamese words), announced. */
export function ErrorLine({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <div role="alert" className="review-error">
      {error instanceof Error ? error.message : String(error)}
    </div>
  );
}

/** The message under an input, tied to it by id (aria-describedby) and announced when it appears. */
export function FieldMessage(props: { id: string; message: string | null }) {
  if (!props.message) return null;
  return (
    <div id={props.id} role="alert" className="review-field-error">
      {props.message}
    </div>
  );
}

/** "Mới": what changed since the assessor last opened this agency; words, not only a colour. */
export function NewMark(props: { show: boolean }) {
  if (!props.show) return null;
  return (
    <Badge color="magenta" className="review-new">
      {m('new')}
    </Badge>
  );
}

/** A section of the review page: a heading (h2), reachable from the section list and by shortcut. */
export function Section(props: { id: string; title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <section id={props.id} tabIndex={-1} aria-labelledby={`${props.id}-h`} className="review-section">
      <div className="review-section-head">
        <h2 id={`${props.id}-h`}>{props.title}</h2>
        {props.extra}
      </div>
      {props.children}
    </section>
  );
}

/**
 * A state in words on a tinted background with a border; tones chosen for at least 4.5:1 contrast
 * (Ant Design's orange and gold tags fall short of it).
 */
export function Badge(props: { color?: string; className?: string; children: ReactNode }) {
  return (
    <span
      className={`review-badge review-badge-${props.color ?? 'default'}${props.className ? ` ${props.className}` : ''}`}
    >
      {props.children}
    </span>
  );
}

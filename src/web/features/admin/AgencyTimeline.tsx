/** The registry's history as sentences on a timeline: "01/04/2020 — Hợp nhất: A, B → C (NQ 864/…)". */
import { dateVn } from '../../format.ts';
import type { AgencyEvent, AgencyRef } from './adminApi.ts';
import { m } from './messages.ts';

const unit = (a: AgencyRef) => `${a.name} (${a.code})`;

export function eventSentence(e: AgencyEvent): string {
  const from = e.from.map(unit).join(', ');
  const to = e.to.map(unit).join(', ');
  switch (e.kind) {
    case 'rename':
      return m('event.renameText', { from, to });
    case 'merge':
      return m('event.mergeText', { from, to });
    case 'split':
      return m('event.splitText', { from, to });
    case 'dissolve':
      return m('event.dissolveText', { from });
  }
}

export function AgencyTimeline(props: { events: AgencyEvent[]; label: string; empty?: string }) {
  const events = [...props.events].sort((a, b) => b.effectiveDate.localeCompare(a.effectiveDate));
  if (events.length === 0) return <p>{props.empty ?? m('event.none')}</p>;
  return (
    <ol className="admin-timeline" aria-label={props.label}>
      {events.map((e) => (
        <li key={e.id}>
          <time dateTime={e.effectiveDate}>{dateVn(e.effectiveDate)}</time> —{' '}
          <strong>{m(`event.${e.kind}`)}</strong>
          {': '}
          {eventSentence(e)}
          {e.decisionRef && <> {m('event.byDecision', { ref: e.decisionRef })}</>}
          {e.note && <div className="admin-muted">{e.note}</div>}
        </li>
      ))}
    </ol>
  );
}

/** The registry's history as sentences on a timeline: "01/04/2020 — Hợp nhất: A, B → C (NQ 864/…)". */
import { dateVn } from '../../format.ts';
import type { AgencyEvent } from './adminApi.ts';
import { m } from './messages.ts';
import { eventSentence, latestFirst } from './registry.ts';

export function AgencyTimeline(props: { events: AgencyEvent[]; label: string; empty?: string }) {
  const events = latestFirst(props.events);
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

/**
 * Every publication of a cycle, newest first, with who published it and the reason for each
 * correction (R11); for those who may download, each revision's CSV as it was published.
 */
import { apiUrl } from '../../api.ts';
import { dateTimeVn } from '../../format.ts';
import { m } from './messages.ts';
import type { RevisionSummary } from './resultsApi.ts';

export function RevisionList(props: { cycleId: string; revisions: RevisionSummary[]; downloads: boolean }) {
  return (
    <section className="results-revisions" aria-labelledby="results-revisions-h">
      <h2 id="results-revisions-h" className="results-sub">
        {m('revisions.title')}
      </h2>
      <ol reversed className="results-revision-list">
        {props.revisions.map((r) => (
          <li key={r.number} data-revision={r.number}>
            <strong>{m('revisions.item', { n: r.number, date: dateTimeVn(r.publishedAt) })}</strong>
            {r.publishedBy && ` — ${r.publishedBy}`}
            <div>{r.reason ? m('status.reason', { reason: r.reason }) : m('revisions.first')}</div>
            {props.downloads && (
              <a
                className="no-print"
                href={apiUrl(`/cycles/${props.cycleId}/results/export.csv?revision=${r.number}`)}
                download
              >
                {m('revisions.csv', { n: r.number })}
              </a>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

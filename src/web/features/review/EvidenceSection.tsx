/** The evidence files of the agency and of the field surveys, to download and read. */
import { dateTimeVn, fileSizeVn } from '../../format.ts';
import type { ReviewContext } from './context.ts';
import { seenKey } from './lastVisit.ts';
import { m } from './messages.ts';
import { reviewApi } from './reviewApi.ts';
import { NewMark, Section } from './ui.tsx';

export function EvidenceSection({ id, ctx }: { id: string; ctx: ReviewContext }) {
  const { evidence } = ctx.data;
  return (
    <Section id={id} title={m('sec.evidence')}>
      {evidence.length === 0 ? (
        <p>{m('ev.none')}</p>
      ) : (
        <table className="review-table">
          <caption className="visually-hidden">{m('ev.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{m('ev.file')}</th>
              <th scope="col">{m('ev.for')}</th>
              <th scope="col">{m('ev.added')}</th>
            </tr>
          </thead>
          <tbody>
            {evidence.map((e) => (
              <tr key={e.id}>
                <th scope="row" data-label={m('ev.file')}>
                  <a href={reviewApi.evidenceUrl(ctx.cycleId, ctx.agencyId, e.id)} download={e.filename}>
                    {m('ev.download', { name: e.filename, size: fileSizeVn(e.size) })}
                  </a>{' '}
                  <NewMark show={ctx.isNew(seenKey.evidence(e.id))} />
                  {e.note && <div className="review-muted">{e.note}</div>}
                </th>
                <td data-label={m('ev.for')}>
                  {e.criterionId
                    ? m('ev.criterion', { id: e.criterionId })
                    : e.surveyId
                      ? m('ev.survey')
                      : m('ev.general')}
                </td>
                <td data-label={m('ev.added')}>
                  {e.addedBy?.name ?? '—'}, {dateTimeVn(e.addedAt)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

/** The sticky summary: the agency's report, its review state, and the total and class self vs official. */
import { dateTimeVn, scoreVn } from '../../format.ts';
import { m } from './messages.ts';
import type { ReviewPageData } from './reviewApi.ts';
import { pick, signedScore } from './text.ts';
import { Badge } from './ui.tsx';

export function SummaryBar({ data }: { data: ReviewPageData }) {
  const { self, official, difference } = data.comparison;
  const sub = data.submission;
  return (
    <section aria-label={m('summary.label')} className="review-summary" data-testid="review-summary">
      <div className="review-summary-item">
        <span className="review-summary-label">{m('col.report')}</span>
        <span>
          {sub?.status === 'submitted' && sub.submittedAt ? (
            <>
              {m('summary.submitted', { at: dateTimeVn(sub.submittedAt) })}{' '}
              <Badge color={sub.late ? 'orange' : 'green'}>
                {sub.late ? m('summary.late') : m('summary.onTime')}
              </Badge>
            </>
          ) : (
            <Badge>{m('summary.notSubmitted')}</Badge>
          )}
        </span>
      </div>
      <div className="review-summary-item">
        <span className="review-summary-label">{m('col.review')}</span>
        <span>{pick(data.reviewStatusLabel)}</span>
      </div>
      <div className="review-summary-item" data-testid="summary-self">
        <span className="review-summary-label">{m('summary.self')}</span>
        <span>
          <strong>{m('summary.points', { points: scoreVn(self.total) })}</strong> · {pick(self.classLabel)}
        </span>
      </div>
      <div className="review-summary-item" data-testid="summary-official">
        <span className="review-summary-label">{m('summary.official')}</span>
        <span>
          <strong>{m('summary.points', { points: scoreVn(official.total) })}</strong> ·{' '}
          {pick(official.classLabel)}
        </span>
      </div>
      <div
        className={`review-summary-item${difference !== 0 ? ' review-differs' : ''}`}
        data-testid="summary-diff"
      >
        <span className="review-summary-label">{m('summary.difference')}</span>
        <span>
          <strong>{signedScore(difference)}</strong>
          {difference !== 0 && <> {m('cmp.differs')}</>}
        </span>
      </div>
    </section>
  );
}

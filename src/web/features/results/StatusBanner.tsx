import { Alert } from 'antd';
import { dateVn } from '../../format.ts';
import { m } from './messages.ts';
import { type ResultsView, tx } from './resultsApi.ts';

/** Provisional or published, and which revision: the first thing a reader must know. */
export function StatusBanner(props: { data: ResultsView }) {
  const { data } = props;
  if (data.preview)
    return (
      <Alert
        className="results-banner"
        type="warning"
        showIcon
        title={m('status.provisional', { state: tx(data.cycle.stateLabel) })}
        description={m('status.provisionalHelp')}
      />
    );
  const r = data.revision!;
  return (
    <Alert
      className="results-banner"
      type="success"
      showIcon
      title={m('status.published', { n: r.number, date: dateVn(r.publishedAt) })}
      description={
        <>
          {r.decision && (
            <p>
              {m('status.decision', {
                number: r.decision.number,
                date: dateVn(r.decision.date),
                title: r.decision.signerTitle,
                name: r.decision.signerName,
              })}
            </p>
          )}
          {r.reason && <p>{m('status.reason', { reason: r.reason })}</p>}
          {data.cycle.state !== 'published' && <p>{m('status.underRevision')}</p>}
          {r.verified === false && <p role="alert">{m('status.unverified')}</p>}
        </>
      }
    />
  );
}

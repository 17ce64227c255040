/**
 * The printable receipt of a submitted form (/bao-cao/:cycleId/bien-nhan): who submitted what and
 * when (Vietnam time), on time or late, the head's attestation, the content hash, the values and
 * the self-score. Print CSS: A4, no application chrome.
 */

import { useQuery } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { useMemo } from 'react';
import { apiUrl } from '../../api.ts';
import { LoadError, Loading, PageHeader } from '../../components/Page.tsx';
import { dateTimeVn, scoreVn } from '../../format.ts';
import { pick } from '../../i18n/messages.ts';
import { Link } from '../../router.tsx';
import type { ScreenProps } from '../../screen.ts';
import { layoutFor } from './formModel.ts';
import { m } from './messages.ts';
import { receiptValueText } from './receipt.ts';
import { reporterApi } from './reporterApi.ts';
import { StatusTag } from './StatusTag.tsx';
import './reporter.css';

export default function ReceiptPage({ params, user }: ScreenProps) {
  const cycleId = params.cycleId!;
  const agencyId = user.agencyId ?? '';
  const receipt = useQuery({
    queryKey: ['receipt', cycleId, agencyId],
    queryFn: () => reporterApi.receipt(cycleId, agencyId),
    retry: false,
  });
  const form = useQuery({
    queryKey: ['submission', cycleId, agencyId],
    queryFn: () => reporterApi.form(cycleId, agencyId),
  });
  const score = useQuery({
    queryKey: ['self-score', cycleId, agencyId],
    queryFn: () => reporterApi.score(cycleId, agencyId),
  });
  const cycle = useQuery({ queryKey: ['cycle', cycleId], queryFn: () => reporterApi.cycle(cycleId) });
  const versionId = cycle.data?.cycle.criteriaVersion.id;
  const criteria = useQuery({
    queryKey: ['criteria', versionId],
    queryFn: () => reporterApi.criteria(versionId!),
    enabled: Boolean(versionId),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const layout = useMemo(
    () =>
      criteria.data && form.data && versionId
        ? layoutFor(versionId, criteria.data.content, form.data.agency.groupId)
        : null,
    [criteria.data, form.data, versionId],
  );
  const title = m('receipt.title', { year: receipt.data?.cycle.year ?? cycle.data?.cycle.year ?? '' });
  const crumbs = [
    { label: m('home.title'), to: '/bao-cao' },
    { label: m('receipt.back'), to: `/bao-cao/${cycleId}` },
  ];
  if (receipt.isPending)
    return (
      <>
        <PageHeader title={title} crumbs={crumbs} />
        <Loading />
      </>
    );
  if (receipt.isError)
    return (
      <>
        <PageHeader title={title} crumbs={crumbs} />
        <LoadError error={receipt.error} title={m('receipt.none')} onRetry={() => void receipt.refetch()} />
        <Link to={`/bao-cao/${cycleId}`}>{m('receipt.back')}</Link>
      </>
    );
  const r = receipt.data;
  const values = form.data?.values ?? {};
  return (
    <>
      <PageHeader
        title={title}
        crumbs={crumbs}
        extra={
          <span className="no-print">
            <Button type="primary" onClick={() => window.print()}>
              {m('receipt.print')}
            </Button>{' '}
            <Button href={apiUrl(`/cycles/${cycleId}/agencies/${agencyId}/submission/receipt.pdf`)} download>
              {m('receipt.pdf')}
            </Button>
          </span>
        }
      />
      <article className="reporter-receipt" data-testid="receipt">
        <dl>
          <dt>{m('receipt.agency')}</dt>
          <dd>
            {r.agency.name} ({r.agency.code})
          </dd>
          <dt>{m('receipt.cycle')}</dt>
          <dd>{r.cycle.title}</dd>
          <dt>{m('receipt.at')}</dt>
          <dd data-testid="receipt-at">{dateTimeVn(r.submittedAt)}</dd>
          <dt>{m('receipt.deadline')}</dt>
          <dd>{m('home.deadlineAt', { at: dateTimeVn(r.deadline) })}</dd>
          <dt>{m('receipt.timeliness')}</dt>
          <dd>
            <StatusTag tone={r.late ? 'red' : 'green'}>
              {r.late ? m('receipt.late') : m('receipt.onTime')}
            </StatusTag>{' '}
            {pick(r.timeliness)}
          </dd>
          <dt>{m('receipt.attested')}</dt>
          <dd>
            {r.attestation.name} — {r.attestation.title}
          </dd>
          {r.submittedBy && (
            <>
              <dt>{m('receipt.by')}</dt>
              <dd>{r.submittedBy.displayName}</dd>
            </>
          )}
          <dt>{m('receipt.hash')}</dt>
          <dd>
            <span className="reporter-hash" data-testid="receipt-hash">
              {r.contentHash}
            </span>
            <div className="reporter-muted">{m('receipt.hashHelp')}</div>
          </dd>
        </dl>
        {score.data && (
          <table>
            <caption>
              {m('receipt.scoreCaption')}: {scoreVn(score.data.total)} / {scoreVn(score.data.max)} —{' '}
              {pick(score.data.class.label)}
            </caption>
            <thead>
              <tr>
                <th scope="col">{m('receipt.category')}</th>
                <th scope="col">{m('score.points')}</th>
              </tr>
            </thead>
            <tbody>
              {score.data.categories.map((c) => (
                <tr key={c.id}>
                  <td>
                    {c.id}. {pick(c.name)}
                  </td>
                  <td>
                    {c.awaitingWebsite
                      ? m('score.noWebsite', { max: scoreVn(c.max) })
                      : m('score.of', { points: scoreVn(c.points), max: scoreVn(c.max) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {score.data?.websiteNote && <p data-testid="receipt-website-note">{pick(score.data.websiteNote)}</p>}
        {form.data && form.data.claims.length > 0 && (
          <>
            <h2>{m('receipt.claims')}</h2>
            <ul>
              {form.data.claims.map((c) => (
                <li key={c.criterionId}>
                  {c.criterionId} {pick(c.criterionName)}: {c.reason}
                </li>
              ))}
            </ul>
          </>
        )}
        {layout ? (
          <table>
            <caption>{m('receipt.valuesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{m('receipt.field')}</th>
                <th scope="col">{m('receipt.value')}</th>
              </tr>
            </thead>
            <tbody>
              {layout.agencyFields
                .filter((f) => values[f.key] !== undefined && values[f.key] !== null)
                .map((f) => (
                  <tr key={f.key}>
                    <td>{pick(f.shortLabel) || pick(f.label)}</td>
                    <td>{receiptValueText(f, values[f.key])}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        ) : form.isError ? (
          <Alert type="error" title={form.error.message} />
        ) : (
          <Loading />
        )}
        <p className="reporter-signature">{m('receipt.signature')}</p>
      </article>
    </>
  );
}

/**
 * /tinh-hinh — the province's picture for the department and the Steering Committee (Điều 3.1):
 * every indicator's latest value with its change and spread, and one indicator in detail: a chart
 * of the years, the figures per group, and the agencies below the threshold the user sets. Every
 * table can be downloaded as CSV.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { LoadError, Loading, PageHeader } from '../../components/Page.tsx';
import { pick, t } from '../../i18n/messages.ts';
import type { ScreenProps } from '../../screen.ts';
import { IndicatorDetail } from './IndicatorDetail.tsx';
import { indicatorsApi } from './indicatorsApi.ts';
import { m } from './messages.ts';
import { ShortcomingsSection } from './ShortcomingsSection.tsx';
import { SummaryTable } from './SummaryTable.tsx';
import './indicators.css';

export default function IndicatorsPage(_: ScreenProps) {
  const [indicator, setIndicator] = useState<string | undefined>();
  const [threshold, setThreshold] = useState<number | null | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const view = useQuery({
    queryKey: ['indicators', indicator, year, threshold],
    queryFn: () => indicatorsApi.province({ indicator, year, threshold }),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const v = view.data;
  const pickIndicator = (id: string) => {
    setIndicator(id);
    setThreshold(undefined);
  };
  return (
    <div className="indicators-page">
      <PageHeader
        title={m('page.title')}
        crumbs={[{ label: t('app.home'), to: '/' }]}
        intro={<p>{m('page.intro')}</p>}
      />
      {view.isPending && <Loading label={m('page.loading')} />}
      {view.isError && !v && (
        <LoadError error={view.error} title={m('page.notAvailable')} onRetry={() => void view.refetch()} />
      )}
      {v && !v.years.length && <p>{m('page.noYears')}</p>}
      {v && v.years.length > 0 && (
        <>
          <p data-testid="years-included">
            {m('page.years', { list: v.years.map((y) => y.year).join(', ') })}{' '}
            {v.criteria && m('page.criteria', { id: v.criteria.setId, version: v.criteria.version })}
          </p>
          <SummaryTable v={v} onPick={pickIndicator} />
          <ShortcomingsSection
            groupName={(id) => pick(v.groups.find((g) => g.id === id)?.name ?? { vi: id })}
          />
          {v.detail && (
            <IndicatorDetail
              key={`${v.detail.indicator.id}`}
              v={v}
              threshold={v.detail.threshold}
              setThreshold={(x) => setThreshold(x)}
              year={v.detail.year}
              setYear={setYear}
              onPick={pickIndicator}
              loading={view.isPlaceholderData}
            />
          )}
        </>
      )}
    </div>
  );
}

/**
 * /ky/:cycleId/ket-qua — the ranking of a cycle for every signed-in role: the published result
 * (its revision, date, the revisions before it, the downloads for those who use them), or, for
 * the department and the Steering Committee while the cycle is under review, the provisional
 * ranking that publication would freeze. Each group with its table, its not-ranked agencies and
 * its charts; and one agency's totals over the years.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { Button, Radio, Select, Typography } from 'antd';
import { useId, useState } from 'react';
import { apiUrl } from '../../api.ts';
import { LoadError, Loading, PageHeader } from '../../components/Page.tsx';
import { t } from '../../i18n/messages.ts';
import { setSearch } from '../../router.tsx';
import type { ScreenProps } from '../../screen.ts';
import { TrendChart } from './charts/TrendChart.tsx';
import { groupMax } from './figures.ts';
import { GroupSection } from './GroupSection.tsx';
import { pointsOf } from './history.ts';
import { m } from './messages.ts';
import { isStaff, MODE_PARAM, PROVISIONAL, PUBLISHED, readableAgencyLink } from './mode.ts';
import { RevisionList } from './RevisionList.tsx';
import { EXPORT_ROLES, type RankingRow, type ResultsView, type RevisionMeta, tx } from './resultsApi.ts';
import { StatusBanner } from './StatusBanner.tsx';
import {
  useCriteria,
  useCycle,
  useHistory,
  usePreviewMode,
  useResults,
  useRevisions,
} from './useResultsData.ts';
import './results.css';

export default function ResultsPage({ params, user }: ScreenProps) {
  const cycleId = params.cycleId!;
  const { cycles, cycle } = useCycle(cycleId);
  const { preview, canPreview } = usePreviewMode(user, cycle);
  const results = useResults(cycleId, preview, !cycles.isPending);
  const data = results.data;
  const published = !!data?.revision || cycle?.state === 'published';
  const revisions = useRevisions(cycleId, !!data && (published || isStaff(user)));
  const criteria = useCriteria(data?.criteria.id);
  const history = useHistory(cycles.data?.cycles, data?.cycle.year);

  const title = data ? m('results.title', { year: data.cycle.year }) : m('results.titlePlain');
  const crumbs = [{ label: t('app.home'), to: '/' }];
  const linkOf = (r: Pick<RankingRow, 'agencyId'>) => readableAgencyLink(user, cycleId, r.agencyId, preview);

  return (
    <div className="results-page">
      <PageHeader
        title={title}
        crumbs={crumbs}
        extra={
          data && (
            <Button className="no-print" icon={<PrinterOutlined />} onClick={() => window.print()}>
              {m('results.print')}
            </Button>
          )
        }
        intro={data && <Typography.Paragraph>{data.cycle.title}</Typography.Paragraph>}
      />
      {canPreview && (
        <div className="results-mode no-print">
          <Radio.Group
            aria-label={m('mode.label')}
            value={preview ? PROVISIONAL : PUBLISHED}
            onChange={(e) => setSearch({ [MODE_PARAM]: e.target.value })}
            optionType="button"
            options={[
              { value: PROVISIONAL, label: m('mode.provisional') },
              { value: PUBLISHED, label: m('mode.published') },
            ]}
          />
        </div>
      )}
      {(cycles.isPending || results.isPending) && <Loading label={m('results.loading')} />}
      {cycles.isError && <LoadError error={cycles.error} onRetry={() => void cycles.refetch()} />}
      {results.isError && (
        <LoadError
          error={results.error}
          title={m('results.notAvailable')}
          onRetry={() => void results.refetch()}
        />
      )}
      {data && (
        <>
          <StatusBanner data={data} />
          {data.revision && (EXPORT_ROLES as readonly string[]).includes(user.role) && (
            <Downloads
              cycleId={cycleId}
              revision={data.revision}
              groups={data.groups}
              documents={isStaff(user)}
            />
          )}
          {data.groups.map((g) => (
            <GroupSection
              key={g.id}
              group={g}
              classes={data.classes}
              criteria={criteria.data?.summary}
              linkOf={linkOf}
              level={2}
              own={user.agencyId}
            />
          ))}
          <YearOverYear data={data} history={history} user={user} />
          {revisions.data && revisions.data.revisions.length > 0 && (
            <RevisionList
              cycleId={cycleId}
              revisions={revisions.data.revisions}
              downloads={(EXPORT_ROLES as readonly string[]).includes(user.role)}
            />
          )}
          <p className="results-muted">
            {m('results.criteriaVersion', { title: data.criteria.title, version: data.criteria.version })}
          </p>
        </>
      )}
    </div>
  );
}

function Downloads(props: {
  cycleId: string;
  revision: RevisionMeta;
  groups: ResultsView['groups'];
  /** The official documents: the department's and the Steering Committee's. */
  documents: boolean;
}) {
  const base = `/cycles/${props.cycleId}/results`;
  const q = `revision=${props.revision.number}`;
  return (
    <section className="results-downloads no-print" aria-labelledby="results-downloads-h">
      <h2 id="results-downloads-h" className="results-sub">
        {m('downloads.title')}
      </h2>
      <ul>
        <li>
          <a href={apiUrl(`${base}/export.xlsx?${q}`)} download>
            {m('downloads.xlsx')}
          </a>
        </li>
        <li>
          <a href={apiUrl(`${base}/export-excel.csv?${q}`)} download>
            {m('downloads.csvExcel')}
          </a>
        </li>
        <li>
          <a href={apiUrl(`${base}/export.csv?${q}`)} download>
            {m('downloads.csv')}
          </a>
        </li>
        {props.groups.map((g) => (
          <li key={g.id}>
            <a href={apiUrl(`${base}/export.csv?${q}&group=${encodeURIComponent(g.id)}`)} download>
              {m('downloads.csvGroup', { group: tx(g.name) })}
            </a>
          </li>
        ))}
        <li>
          <a href={apiUrl(`${base}/export.json?${q}`)} download>
            {m('downloads.json')}
          </a>
        </li>
      </ul>
      {props.documents && <DocumentLinks cycleId={props.cycleId} revision={props.revision.number} />}
    </section>
  );
}

/** One agency's total across the published years (shown when earlier years exist). */
function YearOverYear(props: {
  data: ResultsView;
  history: ReturnType<typeof useHistory>;
  user: ScreenProps['user'];
}) {
  const { data, history } = props;
  const all = data.groups.flatMap((g) => [
    ...g.ranking.map((r) => ({ id: r.agencyId, code: r.code, name: r.name, g })),
    ...g.notRanked.map((r) => ({ id: r.agencyId, code: r.code, name: r.name, g })),
  ]);
  const own = all.find((a) => a.id === props.user.agencyId);
  const [code, setCode] = useState<string | undefined>(own?.code ?? all[0]?.code);
  const selectId = useId();
  const chosen = all.find((a) => a.code === code);
  if (!chosen) return null;
  const earlier = history.byCode(chosen.code, data.lineage[chosen.id] ?? []);
  if (earlier.length === 0) return null;
  const current = pointsOf([data], chosen.code);
  return (
    <section className="results-group" aria-labelledby={`${selectId}-h`}>
      <h2 id={`${selectId}-h`} className="results-group-title">
        {m('trend.title')}
      </h2>
      <label htmlFor={selectId} className="results-pick-label">
        {m('charts.pickAgency')}
      </label>
      <Select
        id={selectId}
        value={chosen.code}
        onChange={setCode}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: '100%', maxWidth: 420 }}
        options={all.map((a) => ({ value: a.code, label: a.name }))}
      />
      <TrendChart
        agencyName={chosen.name}
        points={[...earlier, ...current]}
        classes={data.classes}
        max={groupMax(chosen.g)}
      />
    </section>
  );
}

/** The official documents of the revision (Decree 30/2020/NĐ-CP), Word or PDF. */
export function DocumentLinks(props: { cycleId: string; revision: number }) {
  const base = `/cycles/${props.cycleId}`;
  const doc = (kind: string, format: string) =>
    apiUrl(`${base}/official-documents/${kind}?format=${format}&revision=${props.revision}`);
  return (
    <>
      <h3 className="results-sub">{m('downloads.documents')}</h3>
      <ul>
        {(['report', 'decision'] as const).map((kind) => (
          <li key={kind}>
            {m(`downloads.${kind}`)}:{' '}
            <a href={doc(kind, 'docx')} download>
              Word
            </a>
            {' · '}
            <a href={doc(kind, 'pdf')} download>
              PDF
            </a>
          </li>
        ))}
        <li>
          <a href={apiUrl(`${base}/notices.zip`)} download>
            {m('downloads.notices')}
          </a>
        </li>
      </ul>
    </>
  );
}

/**
 * One criteria version as the regulation's appendix reads: per group, per category with its
 * maximum, each criterion with its points, how it is scored in words, the figures it uses (label,
 * unit, range), whether "not applicable" may be claimed; then the classes. Printable.
 */
import { useQuery } from '@tanstack/react-query';
import { Button, Space, Table } from 'antd';
import { LoadError, Loading, PageHeader } from '../../components/Page.tsx';
import { dateTimeVn, numberVn } from '../../format.ts';
import { Link } from '../../router.tsx';
import type { ScreenProps } from '../../screen.ts';
import { criteriaAdminApi } from './adminApi.ts';
import { statusTag } from './CriteriaAdmin.tsx';
import { DryRunPicker, Lineage } from './CriteriaDryRun.tsx';
import {
  criterionDetails,
  criterionRow,
  fieldLabel,
  fieldMap,
  type CriterionRow as Row,
} from './criteriaText.ts';
import { fieldDescription } from './formulaWords.ts';
import { m } from './messages.ts';
import { pick, ScrollBox } from './shared.tsx';
import './admin.css';

export default function CriteriaVersionPage({ params, user }: ScreenProps) {
  const id = params.versionId!;
  const query = useQuery({ queryKey: ['criteria', id], queryFn: () => criteriaAdminApi.get(id) });
  const crumbs = [
    { label: m('crumb.home'), to: '/' },
    { label: m('criteria.title'), to: '/quan-tri/bo-tieu-chi' },
  ];
  if (query.isPending) return <Loading />;
  if (query.isError)
    return (
      <>
        <PageHeader title={m('version.title')} crumbs={crumbs} />
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  const { version, summary, content, lineage } = query.data;
  const fields = fieldMap(content);
  const label = fieldLabel(fields);
  const detailOf = criterionDetails(content);

  return (
    <>
      <PageHeader
        title={`${pick(summary.title)} — ${summary.version}`}
        crumbs={crumbs}
        extra={
          <Space wrap className="admin-noprint">
            <Button onClick={() => window.print()}>{m('version.print')}</Button>
          </Space>
        }
      />
      <dl className="admin-dl">
        <dt>{m('criteria.status')}</dt>
        <dd>{statusTag(summary.status)}</dd>
        {summary.decision && (
          <>
            <dt>{m('version.decision')}</dt>
            <dd>{summary.decision}</dd>
          </>
        )}
        <dt>{m('version.totalMax')}</dt>
        <dd>{m('formula.points', { n: numberVn(summary.totalMax) })}</dd>
        <dt>{m('version.counts')}</dt>
        <dd>{m('version.countsValue', { fields: summary.fieldCount, checks: summary.validationCount })}</dd>
        <dt>{m('criteria.usedBy')}</dt>
        <dd>
          {version.cycleYears.length
            ? m('criteria.years', { years: version.cycleYears.join(', ') })
            : m('criteria.unused')}
        </dd>
        <dt>{m('criteria.loadedAt')}</dt>
        <dd>{dateTimeVn(version.loadedAt)}</dd>
        <dt>{m('criteria.lineage')}</dt>
        <dd>
          <Lineage head={`${pick(summary.title)} — ${summary.version}`} links={lineage} />
        </dd>
      </dl>
      {user.role === 'admin' && (
        <div id="chay-thu" className="admin-noprint">
          <DryRunPicker versionId={version.id} />
        </div>
      )}

      {summary.groups.map((g) => (
        <section key={g.id} aria-labelledby={`g-${g.id}`}>
          <h2 className="admin-h2 admin-section-h" id={`g-${g.id}`}>
            {pick(g.name)}
            {g.appendix && ` (${g.appendix})`} —{' '}
            {m('version.groupMax', { max: numberVn(g.max), n: g.criteriaCount })}
          </h2>
          {g.categories.map((cat, ci) => {
            const rows = cat.criteria.map((c) => criterionRow(c, detailOf.get(`${g.id}/${c.id}`), fields));
            return (
              <section key={cat.id} aria-labelledby={`c-${g.id}-${cat.id}`}>
                <h3 className="admin-h3" id={`c-${g.id}-${cat.id}`}>
                  {ci + 1}. {pick(cat.name)} — {m('version.catMax', { max: numberVn(cat.max) })}
                </h3>
                {cat.gate && <p className="admin-note">{m('version.gate', { field: label(cat.gate) })}</p>}
                <ScrollBox label={pick(cat.name)} minWidth={820}>
                  <Table<Row>
                    className="admin-criteria-table"
                    rowKey="id"
                    size="small"
                    pagination={false}
                    dataSource={rows}
                    caption={<span className="visually-hidden">{pick(cat.name)}</span>}
                    columns={[
                      {
                        title: m('version.criterion'),
                        key: 'name',
                        width: '22%',
                        render: (_, r) => (
                          <>
                            <strong>{r.id}</strong> {r.name}
                          </>
                        ),
                      },
                      {
                        title: m('version.points'),
                        key: 'max',
                        width: 70,
                        align: 'right',
                        render: (_, r) => numberVn(r.max),
                      },
                      {
                        title: m('version.how'),
                        key: 'how',
                        width: '30%',
                        render: (_, r) => (
                          <>
                            {r.how}
                            {r.text && (
                              <div className="admin-muted">{m('version.text', { text: r.text })}</div>
                            )}
                            {r.monitored && <div className="admin-muted">{m('version.monitored')}</div>}
                          </>
                        ),
                      },
                      {
                        title: m('version.uses'),
                        key: 'uses',
                        render: (_, r) => (
                          <ul className="admin-uses">
                            {r.uses.map((f) => (
                              <li key={f.key}>
                                {pick(f.label)} <span className="admin-muted">({fieldDescription(f)})</span>
                              </li>
                            ))}
                          </ul>
                        ),
                      },
                      { title: m('version.na'), key: 'na', width: '14%', render: (_, r) => r.na },
                    ]}
                  />
                </ScrollBox>
              </section>
            );
          })}
        </section>
      ))}

      <h2 className="admin-h2 admin-section-h">{m('version.classes')}</h2>
      <ScrollBox label={m('version.classes')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={summary.classes}
          caption={<span className="visually-hidden">{m('version.classes')}</span>}
          columns={[
            { title: m('version.class'), key: 'label', render: (_, c) => pick(c.label) },
            {
              title: m('version.classRange'),
              key: 'range',
              render: (_, c) =>
                c.below === null
                  ? m('version.fromUp', { min: numberVn(c.min) })
                  : m('version.fromBelow', { min: numberVn(c.min), below: numberVn(c.below) }),
            },
          ]}
        />
      </ScrollBox>
      <p className="admin-noprint" style={{ marginTop: 16 }}>
        <Link to="/quan-tri/bo-tieu-chi">{m('version.back')}</Link>
      </p>
    </>
  );
}

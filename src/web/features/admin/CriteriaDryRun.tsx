/**
 * /quan-tri/bo-tieu-chi/:versionId/chay-thu?ky=… — a criteria version tried on a published year
 * (R13, R14): the year's frozen data scored again with it on the server, read-only, beside the
 * published result: old and new totals, ranks and classes, who moves, what the old data lacks and
 * how that was treated, whether `chiso score --criteria` would accept the year's file, and the
 * version chain. Also the picker that leads here (list page, version page).
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Select, Tag } from 'antd';
import { type ReactNode, useState } from 'react';
import { LoadError, Loading, PageHeader } from '../../components/Page.tsx';
import { scoreVn } from '../../format.ts';
import { Link, navigate, useLocation } from '../../router.tsx';
import type { ScreenProps } from '../../screen.ts';
import { type CriteriaVersion, criteriaAdminApi, cycleAdminApi, type DryRun } from './adminApi.ts';
import { m } from './messages.ts';
import { pick, ScrollBox } from './shared.tsx';
import './admin.css';

export const dryRunLink = (versionId: string, cycleId: string) =>
  `/quan-tri/bo-tieu-chi/${versionId}/chay-thu?ky=${cycleId}`;

type Row = DryRun['groups'][number]['rows'][number];
type Link_ = DryRun['lineage'][number];

export default function CriteriaDryRun({ params }: ScreenProps) {
  const versionId = params.versionId!;
  const { search } = useLocation();
  const cycleId = search.get('ky') ?? '';
  const run = useQuery({
    queryKey: ['criteria-dry-run', versionId, cycleId],
    queryFn: () => criteriaAdminApi.dryRun(versionId, cycleId),
    enabled: Boolean(cycleId),
    retry: false,
  });
  const crumbs = [
    { label: m('crumb.home'), to: '/' },
    { label: m('criteria.title'), to: '/quan-tri/bo-tieu-chi' },
  ];
  if (!cycleId)
    return (
      <>
        <PageHeader title={m('dryRun.titlePlain')} crumbs={crumbs} />
        <Alert type="info" showIcon title={m('dryRun.pick')} />
      </>
    );
  if (run.isPending) return <Loading />;
  if (run.isError)
    return (
      <>
        <PageHeader title={m('dryRun.titlePlain')} crumbs={crumbs} />
        <LoadError error={run.error} onRetry={() => void run.refetch()} />
      </>
    );
  const r = run.data;
  return (
    <div className="admin-dry-run">
      <PageHeader
        title={m('dryRun.title', { year: r.cycle.year, title: r.to.title, version: r.to.version })}
        crumbs={[
          ...crumbs,
          { label: `${r.to.title} — ${r.to.version}`, to: `/quan-tri/bo-tieu-chi/${r.to.versionId}` },
        ]}
      />
      <Alert
        type="warning"
        showIcon
        data-testid="dry-run-banner"
        title={m('dryRun.banner')}
        description={m('dryRun.bannerText', { year: r.cycle.year, revision: r.cycle.revision })}
      />
      <dl className="admin-dl">
        <dt>{m('dryRun.from')}</dt>
        <dd>
          <Link
            to={`/quan-tri/bo-tieu-chi/${r.from.versionId}`}
          >{`${r.from.title} — ${r.from.version}`}</Link>
        </dd>
        <dt>{m('dryRun.to')}</dt>
        <dd>
          <Link to={`/quan-tri/bo-tieu-chi/${r.to.versionId}`}>{`${r.to.title} — ${r.to.version}`}</Link>
        </dd>
        <dt>{m('criteria.lineage')}</dt>
        <dd>
          <Lineage head={`${r.to.title} — ${r.to.version}`} links={r.lineage} />
        </dd>
      </dl>

      <p className="admin-strong" data-testid="dry-run-summary">
        {m('dryRun.summary', r.summary)}
      </p>
      {r.cli.accepted ? (
        <p data-testid="dry-run-cli">{m('dryRun.cliOk')}</p>
      ) : (
        <Alert
          type="info"
          showIcon
          data-testid="dry-run-cli"
          title={m('dryRun.cliRefused', { n: r.cli.problemCount })}
          description={
            <ul className="admin-list">
              {r.cli.problems.slice(0, 10).map((p, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the server's list, shown in its order.
                <li key={i}>
                  {m('dryRun.problemLine', {
                    agency: p.agency ?? '',
                    field: p.field ? `${p.agency ? ' · ' : ''}${p.field}` : '',
                    message: pick(p.message),
                  })}
                </li>
              ))}
              {r.cli.problemCount > 10 && <li>{m('dryRun.moreProblems', { n: r.cli.problemCount - 10 })}</li>}
            </ul>
          }
        />
      )}

      {r.groups.map((g) => (
        <section key={g.id} aria-labelledby={`dr-${g.id}`}>
          <h2 className="admin-h2 admin-section-h" id={`dr-${g.id}`}>
            {pick(g.name)}
          </h2>
          <ScrollBox label={pick(g.name)} minWidth={760}>
            <table className="admin-table admin-dry-table" data-testid={`dry-run-${g.id}`}>
              <caption className="visually-hidden">{pick(g.name)}</caption>
              <thead>
                <tr>
                  <th scope="col">{m('dryRun.col.agency')}</th>
                  <th scope="col" className="num">
                    {m('dryRun.col.oldTotal')}
                  </th>
                  <th scope="col" className="num">
                    {m('dryRun.col.newTotal')}
                  </th>
                  <th scope="col" className="num">
                    {m('dryRun.col.oldRank')}
                  </th>
                  <th scope="col" className="num">
                    {m('dryRun.col.newRank')}
                  </th>
                  <th scope="col">{m('dryRun.col.move')}</th>
                  <th scope="col">{m('dryRun.col.oldClass')}</th>
                  <th scope="col">{m('dryRun.col.newClass')}</th>
                </tr>
              </thead>
              <tbody>
                {g.rows.map((row) => (
                  <DryRunLine key={row.code} row={row} />
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </section>
      ))}

      <section aria-labelledby="dr-missing">
        <h2 className="admin-h2 admin-section-h" id="dr-missing">
          {m('dryRun.missing')}
        </h2>
        {r.missingFields.length === 0 ? (
          <p>{m('dryRun.missingNone')}</p>
        ) : (
          <FieldsTable
            label={m('dryRun.missing')}
            testId="dry-run-missing"
            rows={r.missingFields.map((f) => ({
              key: f.key,
              field: f.key,
              head: (
                <>
                  {pick(f.label)} {f.isNew && <Tag className="admin-tag-warn">{m('dryRun.newField')}</Tag>}
                  {f.required && <Tag>{m('dryRun.required')}</Tag>}
                </>
              ),
              agencies: f.agencies,
              treatment: pick(f.treatment),
            }))}
          />
        )}
        {r.dropped.length > 0 && (
          <>
            <h3 className="admin-h3">{m('dryRun.dropped')}</h3>
            <FieldsTable
              label={m('dryRun.dropped')}
              testId="dry-run-dropped"
              rows={r.dropped.map((d) => ({
                key: `${d.kind}:${d.key}`,
                head: (
                  <>
                    {pick(d.label)} <Tag>{m(`dryRun.kind.${d.kind}`)}</Tag>
                  </>
                ),
                agencies: d.agencies,
                treatment: pick(d.treatment),
              }))}
            />
          </>
        )}
      </section>
      <p>
        <Link to={`/quan-tri/bo-tieu-chi/${r.to.versionId}`}>{m('dryRun.back')}</Link>
      </p>
    </div>
  );
}

function DryRunLine({ row }: { row: Row }) {
  const move =
    row.move === null
      ? '—'
      : row.move > 0
        ? `▲ ${m('dryRun.up', { n: row.move })}`
        : row.move < 0
          ? `▼ ${m('dryRun.down', { n: -row.move })}`
          : m('dryRun.same');
  const notRanked = row.notRanked ? m(`dryRun.reason.${row.notRanked as 'late'}`) : m('dryRun.notRanked');
  return (
    <tr
      data-code={row.code}
      data-move={row.move ?? ''}
      className={row.classChanged ? 'admin-dry-class-changed' : undefined}
    >
      <th scope="row">{row.name}</th>
      <td className="num">{row.old ? scoreVn(row.old.total) : '—'}</td>
      <td className="num">{row.new ? scoreVn(row.new.total) : '—'}</td>
      <td className="num">{row.old ? row.old.rank : notRanked}</td>
      <td className="num">{row.new ? row.new.rank : notRanked}</td>
      <td>{move}</td>
      <td>{row.old ? pick(row.old.classLabel) : '—'}</td>
      <td>
        {row.new ? (
          row.classChanged ? (
            <strong>{pick(row.new.classLabel)}</strong>
          ) : (
            pick(row.new.classLabel)
          )
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}

/** "This version ← the one it derives from ← …", each loaded one a link. */
export function Lineage(props: { head: string; links: readonly Link_[] }) {
  if (props.links.length === 0) return <span data-testid="lineage">{m('criteria.lineageNone')}</span>;
  return (
    <span data-testid="lineage">
      {props.head}
      {props.links.map((l) => (
        <span key={`${l.setId}@${l.version}`}>
          {' ← '}
          {l.versionId ? (
            <Link to={`/quan-tri/bo-tieu-chi/${l.versionId}`}>{`${l.title ?? l.setId} — ${l.version}`}</Link>
          ) : (
            `${l.setId} — ${l.version} ${m('criteria.lineageMissing')}`
          )}
        </span>
      ))}
    </span>
  );
}

/** Picks a version (unless given) and a published year, and opens the dry run. */
export function DryRunPicker(props: { versions?: readonly CriteriaVersion[]; versionId?: string }) {
  const cycles = useQuery({ queryKey: ['cycles'], queryFn: cycleAdminApi.list });
  const published = (cycles.data?.cycles ?? []).filter((c) => c.state === 'published');
  const [version, setVersion] = useState(props.versionId ?? props.versions?.[0]?.id);
  const [cycle, setCycle] = useState<string | undefined>();
  const chosenCycle = cycle ?? published[0]?.id;
  return (
    <Card
      className="admin-card"
      style={{ marginTop: 20 }}
      title={<h2 className="admin-h2">{m('dryRun.card')}</h2>}
      data-testid="dry-run-picker"
    >
      <p>{m('dryRun.cardIntro')}</p>
      {cycles.isSuccess && published.length === 0 ? (
        <p>{m('dryRun.noYear')}</p>
      ) : (
        <Form
          layout="vertical"
          className="admin-form"
          onFinish={() => version && chosenCycle && navigate(dryRunLink(version, chosenCycle))}
        >
          {props.versions && (
            <Form.Item label={m('dryRun.version')} htmlFor="dry-run-version">
              <Select
                id="dry-run-version"
                value={version}
                onChange={setVersion}
                options={props.versions.map((v) => ({ value: v.id, label: `${v.title} — ${v.version}` }))}
              />
            </Form.Item>
          )}
          <Form.Item label={m('dryRun.year')} htmlFor="dry-run-year">
            <Select
              id="dry-run-year"
              value={chosenCycle}
              onChange={setCycle}
              options={published.map((c) => ({ value: c.id, label: `${c.year} — ${c.title}` }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" disabled={!version || !chosenCycle}>
            {m('dryRun.go')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

/** The fields the old data lacks or the new set drops: the field, how many agencies, how it was treated. */
function FieldsTable(props: {
  label: string;
  testId: string;
  rows: { key: string; field?: string; head: ReactNode; agencies: number; treatment: string }[];
}) {
  return (
    <ScrollBox label={props.label} minWidth={640}>
      <table className="admin-table" data-testid={props.testId}>
        <caption className="visually-hidden">{props.label}</caption>
        <thead>
          <tr>
            <th scope="col">{m('dryRun.col.field')}</th>
            <th scope="col" className="num">
              {m('dryRun.col.agencies')}
            </th>
            <th scope="col">{m('dryRun.col.treatment')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.key} data-field={row.field}>
              <th scope="row">{row.head}</th>
              <td className="num">{row.agencies}</td>
              <td>{row.treatment}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/**
 * The criteria versions loaded (R13, R14): which one each cycle uses, a readable view of each,
 * a comparison of any two, and — for the administrator — loading a new version from its JSON
 * file, with every problem the loader finds listed in Vietnamese with where it is in the file.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Select, Space, Table, Tag, Typography } from 'antd';
import { type ChangeEvent, useState } from 'react';
import { ApiError } from '../../api.ts';
import { LoadError, PageHeader } from '../../components/Page.tsx';
import { dateTimeVn } from '../../format.ts';
import { Link, navigate } from '../../router.tsx';
import type { ScreenProps } from '../../screen.ts';
import { type CriteriaVersion, criteriaAdminApi, type LoadProblem } from './adminApi.ts';
import { DryRunPicker } from './CriteriaDryRun.tsx';
import { m } from './messages.ts';
import { emptyText, ScrollBox } from './shared.tsx';
import './admin.css';

export const statusTag = (status: string) => (
  <Tag className={status === 'official' ? 'admin-tag-ok' : 'admin-tag-warn'}>
    {['official', 'reconstructed', 'draft'].includes(status) ? m(`status.${status as 'draft'}`) : status}
  </Tag>
);

export default function CriteriaAdmin({ user }: ScreenProps) {
  const versions = useQuery({ queryKey: ['criteria'], queryFn: criteriaAdminApi.list });
  const rows = versions.data?.versions ?? [];
  return (
    <>
      <PageHeader
        title={m('criteria.title')}
        crumbs={[{ label: m('crumb.home'), to: '/' }]}
        intro={<Typography.Paragraph>{m('criteria.intro')}</Typography.Paragraph>}
      />
      {versions.isError && <LoadError error={versions.error} onRetry={() => void versions.refetch()} />}
      <h2 className="admin-h2">{m('criteria.versions')}</h2>
      <ScrollBox label={m('criteria.versions')} minWidth={620}>
        <Table<CriteriaVersion>
          rowKey="id"
          size="small"
          pagination={false}
          loading={versions.isPending}
          dataSource={rows}
          locale={emptyText(versions.isPending ? m('common.loading') : m('criteria.empty'))}
          caption={<span className="visually-hidden">{m('criteria.versions')}</span>}
          columns={[
            {
              title: m('criteria.name'),
              key: 'title',
              render: (_, v) => (
                <Link
                  to={`/quan-tri/bo-tieu-chi/${v.id}`}
                  aria-label={m('criteria.viewOf', { title: v.title, version: v.version })}
                >
                  {v.title}
                </Link>
              ),
            },
            { title: m('criteria.version'), dataIndex: 'version', key: 'version' },
            { title: m('criteria.status'), key: 'status', render: (_, v) => statusTag(v.status) },
            {
              title: m('criteria.usedBy'),
              key: 'used',
              render: (_, v) =>
                v.cycleYears.length
                  ? m('criteria.years', { years: v.cycleYears.join(', ') })
                  : m('criteria.unused'),
            },
            {
              title: m('criteria.derivedFrom'),
              key: 'derived',
              render: (_, v) =>
                v.derivedFrom
                  ? m('criteria.derivedValue', { set: v.derivedFrom.setId, version: v.derivedFrom.version })
                  : m('criteria.firstVersion'),
            },
            { title: m('criteria.loadedAt'), key: 'loaded', render: (_, v) => dateTimeVn(v.loadedAt) },
          ]}
        />
      </ScrollBox>
      {rows.length >= 2 && <ComparePicker versions={rows} />}
      {user.role === 'admin' && rows.length > 0 && <DryRunPicker versions={rows} />}
      {user.role === 'admin' && <LoadVersion />}
    </>
  );
}

function ComparePicker(props: { versions: CriteriaVersion[] }) {
  const [a, setA] = useState(props.versions[1]?.id);
  const [b, setB] = useState(props.versions[0]?.id);
  const options = props.versions.map((v) => ({ value: v.id, label: `${v.title} — ${v.version}` }));
  return (
    <Card
      className="admin-card"
      style={{ marginTop: 20 }}
      title={<h2 className="admin-h2">{m('criteria.compare')}</h2>}
    >
      <Form
        layout="vertical"
        className="admin-form"
        onFinish={() => a && b && navigate(`/quan-tri/bo-tieu-chi/so-sanh?a=${a}&b=${b}`)}
      >
        <Form.Item label={m('criteria.compareFrom')} htmlFor="compare-a">
          <Select id="compare-a" value={a} onChange={setA} options={options} />
        </Form.Item>
        <Form.Item label={m('criteria.compareTo')} htmlFor="compare-b">
          <Select id="compare-b" value={b} onChange={setB} options={options} />
        </Form.Item>
        <Button type="primary" htmlType="submit" disabled={!a || !b || a === b}>
          {m('criteria.compareGo')}
        </Button>
      </Form>
    </Card>
  );
}

function LoadVersion() {
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  // The server's problems, or the one this screen finds (a file that is not JSON).
  const [problems, setProblems] = useState<{
    summary: string;
    list: Pick<LoadProblem, 'path' | 'message'>[];
  } | null>(null);
  const [loaded, setLoaded] = useState<{ created: boolean; version: CriteriaVersion } | null>(null);

  const load = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setBusy(true);
    setProblems(null);
    setLoaded(null);
    try {
      let content: unknown;
      try {
        content = JSON.parse(await file.text());
      } catch (err) {
        setProblems({
          summary: m('load.notJson', { name: file.name }),
          list: [
            { path: '', message: m('load.jsonDetail', { detail: err instanceof Error ? err.message : '' }) },
          ],
        });
        return;
      }
      const res = await criteriaAdminApi.load(content);
      setLoaded(res);
      await client.invalidateQueries({ queryKey: ['criteria'] });
    } catch (err) {
      const list =
        err instanceof ApiError && Array.isArray(err.details) ? (err.details as LoadProblem[]) : [];
      setProblems({ summary: err instanceof Error ? err.message : m('error.unknown'), list });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      className="admin-card"
      style={{ marginTop: 20 }}
      title={<h2 className="admin-h2">{m('load.title')}</h2>}
    >
      <Typography.Paragraph>{m('load.intro')}</Typography.Paragraph>
      <div className="admin-upload">
        <label htmlFor="criteria-file">{m('load.choose')}</label>
        <input
          id="criteria-file"
          type="file"
          accept=".json,application/json"
          onChange={(e) => void load(e)}
          disabled={busy}
        />
        <span className="admin-muted" aria-live="polite">
          {busy ? m('load.loading') : m('load.limit')}
        </span>
      </div>
      {loaded && (
        <div role="status" className="admin-loaded">
          <p>
            <strong>
              {loaded.created
                ? m('load.created', { title: loaded.version.title, version: loaded.version.version })
                : m('load.same', { title: loaded.version.title, version: loaded.version.version })}
            </strong>
          </p>
          <Space wrap>
            <Link to={`/quan-tri/bo-tieu-chi/${loaded.version.id}`}>{m('load.view')}</Link>
            <Link to={`/quan-tri/bo-tieu-chi/${loaded.version.id}#chay-thu`}>{m('dryRun.card')}</Link>
          </Space>
        </div>
      )}
      {problems && (
        <div role="alert" className="admin-load-problems">
          <h3 className="admin-h3">{problems.summary}</h3>
          {problems.list.length > 0 && (
            <>
              <p>{m('load.fixHint')}</p>
              <ol className="admin-problems">
                {problems.list.map((p, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the loader's list has no ids and never reorders
                  <li key={i}>
                    <code>{p.path ? m('load.at', { path: p.path }) : m('load.wholeFile')}</code>
                    {p.message}
                  </li>
                ))}
              </ol>
            </>
          )}
        </div>
      )}
    </Card>
  );
}

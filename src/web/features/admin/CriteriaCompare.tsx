/**
 * What changed between two criteria versions (R14): criteria, categories, fields and logic checks
 * added, removed or changed, each change as "attribute: before → after" in words, so that the
 * department can confirm a revision says what the new decision says.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { LoadError, Loading, PageHeader } from '../../components/Page.tsx';
import { numberVn } from '../../format.ts';
import { Link, useLocation } from '../../router.tsx';
import type { ScreenProps } from '../../screen.ts';
import { type Change, criteriaAdminApi } from './adminApi.ts';
import { attributeName, changeValueText, fieldLabel, fieldMap } from './criteriaText.ts';
import { m } from './messages.ts';
import { pick } from './shared.tsx';
import './admin.css';

export default function CriteriaCompare(_props: ScreenProps) {
  const { search } = useLocation();
  const a = search.get('a') ?? '';
  const b = search.get('b') ?? '';
  const compare = useQuery({
    queryKey: ['criteria-compare', a, b],
    queryFn: () => criteriaAdminApi.compare(a, b),
    enabled: Boolean(a && b),
  });
  // The formulas name fields by key: the two versions' contents give them their labels.
  const from = useQuery({
    queryKey: ['criteria', a],
    queryFn: () => criteriaAdminApi.get(a),
    enabled: Boolean(a),
  });
  const to = useQuery({
    queryKey: ['criteria', b],
    queryFn: () => criteriaAdminApi.get(b),
    enabled: Boolean(b),
  });
  const crumbs = [
    { label: m('crumb.home'), to: '/' },
    { label: m('criteria.title'), to: '/quan-tri/bo-tieu-chi' },
  ];
  if (!a || !b)
    return (
      <>
        <PageHeader title={m('compare.title')} crumbs={crumbs} />
        <Alert type="info" showIcon title={m('compare.pickTwo')} />
      </>
    );
  if (compare.isPending) return <Loading />;
  if (compare.isError)
    return (
      <>
        <PageHeader title={m('compare.title')} crumbs={crumbs} />
        <LoadError error={compare.error} onRetry={() => void compare.refetch()} />
      </>
    );
  const { diff } = compare.data;
  const label = fieldLabel(new Map([...fieldMap(from.data?.content), ...fieldMap(to.data?.content)]));
  const value = (v: unknown, attribute: string) => changeValueText(v, attribute, label);
  const changes = (list: Change[]) => (
    <ul className="admin-changes">
      {list.map((c) => (
        <li key={c.attribute}>
          <strong>{attributeName(c.attribute)}:</strong> <del>{value(c.from, c.attribute)}</del>
          {' → '}
          <ins>{value(c.to, c.attribute)}</ins>
        </li>
      ))}
    </ul>
  );
  const v = compare.data;
  const title = m('compare.heading', { a: v.from.version, b: v.to.version });

  return (
    <>
      <PageHeader
        title={title}
        crumbs={crumbs}
        intro={
          <Typography.Paragraph>
            {m('compare.intro', {
              a: `${v.from.title} — ${v.from.version}`,
              b: `${v.to.title} — ${v.to.version}`,
            })}
          </Typography.Paragraph>
        }
        extra={
          <Space wrap className="admin-noprint">
            <Link to={`/quan-tri/bo-tieu-chi/so-sanh?a=${b}&b=${a}`}>{m('compare.swap')}</Link>
            <Button onClick={() => window.print()}>{m('version.print')}</Button>
          </Space>
        }
      />
      {diff.identical && (
        <Alert type="success" showIcon title={m('compare.identical')} style={{ marginBottom: 16 }} />
      )}
      {diff.set.length > 0 && <Section title={m('compare.set')}>{changes(diff.set)}</Section>}
      {diff.groups
        .filter((g) => g.status !== 'unchanged')
        .map((g) => (
          <Section key={g.id} title={`${pick(g.name)} — ${m(`compare.group.${g.status as 'changed'}`)}`}>
            {g.changes.length > 0 && changes(g.changes)}
            <Items
              kind="added"
              title={m('compare.catAdded')}
              items={g.categories.added.map(
                (c) => `${pick(c.name)} (${m('formula.points', { n: numberVn(c.max) })})`,
              )}
            />
            <Items
              kind="removed"
              title={m('compare.catRemoved')}
              items={g.categories.removed.map((c) => pick(c.name))}
            />
            <Items
              kind="changed"
              title={m('compare.catMax')}
              items={g.categories.maxChanged.map((c) =>
                m('compare.maxChange', { name: pick(c.name), from: numberVn(c.from), to: numberVn(c.to) }),
              )}
            />
            {g.categories.changed.length > 0 && (
              <Block kind="changed" title={m('compare.catChanged')}>
                {g.categories.changed.map((c) => (
                  <div key={c.id}>
                    <h4 className="admin-h4">{pick(c.name)}</h4>
                    {changes(c.changes)}
                  </div>
                ))}
              </Block>
            )}
            <Items
              kind="added"
              title={m('compare.critAdded')}
              items={g.criteria.added.map(
                (c) => `${c.id} ${pick(c.name)} (${m('formula.points', { n: numberVn(c.max) })})`,
              )}
            />
            <Items
              kind="removed"
              title={m('compare.critRemoved')}
              items={g.criteria.removed.map((c) => `${c.id} ${pick(c.name)}`)}
            />
            {g.criteria.changed.length > 0 && (
              <Block kind="changed" title={m('compare.critChanged')}>
                {g.criteria.changed.map((c) => (
                  <div key={c.id}>
                    <h4 className="admin-h4">
                      {c.id} {pick(c.name)}
                    </h4>
                    {changes(c.changes)}
                  </div>
                ))}
              </Block>
            )}
          </Section>
        ))}
      {(diff.fields.added.length > 0 || diff.fields.removed.length > 0 || diff.fields.changed.length > 0) && (
        <Section title={m('compare.fields')}>
          <Items
            kind="added"
            title={m('compare.added')}
            items={diff.fields.added.map((f) => pick(f.label))}
          />
          <Items
            kind="removed"
            title={m('compare.removed')}
            items={diff.fields.removed.map((f) => pick(f.label))}
          />
          {diff.fields.changed.length > 0 && (
            <Block kind="changed" title={m('compare.changed')}>
              {diff.fields.changed.map((f) => (
                <div key={f.key}>
                  <h4 className="admin-h4">{pick(f.label)}</h4>
                  {changes(f.changes)}
                </div>
              ))}
            </Block>
          )}
        </Section>
      )}
      {(diff.validations.added.length > 0 ||
        diff.validations.removed.length > 0 ||
        diff.validations.changed.length > 0) && (
        <Section title={m('compare.validations')}>
          <Items
            kind="added"
            title={m('compare.added')}
            items={diff.validations.added.map((x) => pick(x.message))}
          />
          <Items
            kind="removed"
            title={m('compare.removed')}
            items={diff.validations.removed.map((x) => pick(x.message))}
          />
          {diff.validations.changed.length > 0 && (
            <Block kind="changed" title={m('compare.changed')}>
              {diff.validations.changed.map((x) => (
                <div key={x.id}>
                  <h4 className="admin-h4">{pick(x.message)}</h4>
                  {changes(x.changes)}
                </div>
              ))}
            </Block>
          )}
        </Section>
      )}
      {(diff.classes.added.length > 0 ||
        diff.classes.removed.length > 0 ||
        diff.classes.changed.length > 0) && (
        <Section title={m('version.classes')}>
          <Items
            kind="added"
            title={m('compare.added')}
            items={diff.classes.added.map((c) => pick(c.label))}
          />
          <Items
            kind="removed"
            title={m('compare.removed')}
            items={diff.classes.removed.map((c) => pick(c.label))}
          />
          {diff.classes.changed.map((c) => (
            <Block key={c.id} kind="changed" title={pick(c.label)}>
              {changes(c.changes)}
            </Block>
          ))}
        </Section>
      )}
    </>
  );
}

function Section(props: { title: string; children: ReactNode }) {
  return (
    <section className="admin-card admin-compare-section">
      <h2 className="admin-h2">{props.title}</h2>
      {props.children}
    </section>
  );
}

function Block(props: { kind: 'added' | 'removed' | 'changed'; title: string; children: ReactNode }) {
  return (
    <div className={`admin-diff-${props.kind}`}>
      <h3 className="admin-h3">{props.title}</h3>
      {props.children}
    </div>
  );
}

function Items(props: { kind: 'added' | 'removed' | 'changed'; title: string; items: string[] }) {
  if (props.items.length === 0) return null;
  return (
    <Block kind={props.kind} title={props.title}>
      <ul>
        {props.items.map((x) => (
          <li key={x}>{x}</li>
        ))}
      </ul>
    </Block>
  );
}

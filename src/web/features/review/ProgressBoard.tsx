/**
 * The cycle's progress board (R18) for the department: every agency of the roster, where its report
 * stands against the deadline and where its review stands, with counts per state, filters and
 * sorting kept in the address (a filtered link can be shared), and the actions the role may take.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Modal, Popconfirm, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { LoadError, Loading, PageHeader } from '../../components/Page.tsx';
import { dateTimeVn, scoreVn } from '../../format.ts';
import { Link, setSearch, useLocation } from '../../router.tsx';
import type { ScreenProps } from '../../screen.ts';
import { BulkUpload } from '../workbooks/BulkUpload.tsx';
import { rememberOrder } from './agencyOrder.ts';
import {
  boardActions,
  boardView,
  CLEARED,
  countByFormState,
  groupsOf,
  isFiltered,
  type Row,
  readBoardFilters,
  SORTS,
  type SortKey,
  sortParams,
  withTotals,
} from './board.ts';
import { m } from './messages.ts';
import {
  type Board,
  FORM_STATES,
  type FormState,
  REVIEW_STATES,
  type ReminderResult,
  reviewApi,
} from './reviewApi.ts';
import { pick } from './text.ts';
import { Badge, ErrorLine } from './ui.tsx';
import './review.css';

/** Tag colours back up the words; the words alone say the state. */
const FORM_COLORS: Record<FormState, string> = {
  not_started: 'default',
  draft: 'gold',
  submitted_on_time: 'green',
  late: 'orange',
  missing: 'red',
};
const REVIEW_COLORS = { not_submitted: 'default', to_review: 'blue', in_review: 'purple', reviewed: 'green' };

export default function ProgressBoard({ params, user }: ScreenProps) {
  const cycleId = params.cycleId!;
  const { search } = useLocation();
  const board = useQuery({ queryKey: ['progress', cycleId], queryFn: () => reviewApi.board(cycleId) });
  const list = useQuery({ queryKey: ['review-list', cycleId], queryFn: () => reviewApi.list(cycleId) });

  const filters = readBoardFilters(search);
  const { group, formState, reviewState, q, sort, desc } = filters;

  const all = useMemo(
    () => withTotals(board.data?.agencies ?? [], list.data?.agencies ?? []),
    [board.data, list.data],
  );
  const groups = useMemo(() => groupsOf(all), [all]);
  const { inGroup, shown } = boardView(all, filters);
  const counts = countByFormState(inGroup);

  useEffect(() => {
    if (shown.length > 0)
      rememberOrder(
        cycleId,
        shown.map((a) => ({ id: a.agencyId, name: a.name })),
      );
  }, [cycleId, shown]);

  if (board.isPending) return <Loading label={m('board.loading')} />;
  if (board.isError)
    return (
      <>
        <PageHeader title={m('board.title')} crumbs={[{ label: m('board.crumbHome'), to: '/' }]} />
        <LoadError error={board.error} onRetry={() => void board.refetch()} />
      </>
    );
  const data = board.data;
  const sortLabel = m(`board.sort.${sort}`);

  return (
    <div className="review-board">
      <PageHeader
        title={`${m('board.title')} — ${data.cycle.title}`}
        crumbs={[{ label: m('board.crumbHome'), to: '/' }]}
        extra={<BoardActions board={data} role={user.role} />}
        intro={
          <Typography.Paragraph>
            {m('board.intro', { deadline: data.cycle.deadlineText, state: pick(data.cycle.stateLabel) })}{' '}
            {data.deadlinePassed && <strong>{m('board.deadlinePassed')}</strong>}
            {(data.cycle.state === 'approved' || data.cycle.state === 'published') && (
              <>
                {' '}
                <Link to={`/ky/${cycleId}/xu-ly-kien-nghi`}>{m('board.appeals')}</Link>
              </>
            )}
          </Typography.Paragraph>
        }
      />
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {(user.role === 'admin' || user.role === 'assessor') && data.cycle.state === 'open' && (
        <BulkUpload
          cycleId={cycleId}
          onSaved={() => {
            void board.refetch();
            void list.refetch();
          }}
        />
      )}

      <section aria-labelledby="board-counts" className="review-counts">
        <h2 id="board-counts" className="visually-hidden">
          {m('board.counts')}
        </h2>
        <ul>
          <li>
            <button
              type="button"
              aria-pressed={!formState}
              className="review-count"
              onClick={() => setSearch({ bc: null })}
            >
              <span className="review-count-n">{inGroup.length}</span>
              <span>{m('board.countAll')}</span>
            </button>
          </li>
          {FORM_STATES.map((s) => {
            const n = counts[s];
            return (
              <li key={s}>
                <button
                  type="button"
                  aria-pressed={formState === s}
                  className={`review-count review-count-${s}`}
                  data-testid={`count-${s}`}
                  onClick={() => setSearch({ bc: formState === s ? null : s })}
                >
                  <span className="review-count-n">{n}</span>
                  <span>{m(`fs.${s}`)}</span>
                </button>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="board-filters" className="review-filters">
        <h2 id="board-filters" className="visually-hidden">
          {m('board.filters')}
        </h2>
        <label>
          <span>{m('board.group')}</span>
          <select value={group} onChange={(e) => setSearch({ nhom: e.target.value })}>
            <option value="">{m('board.groupAll')}</option>
            {groups.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{m('board.formState')}</span>
          <select value={formState} onChange={(e) => setSearch({ bc: e.target.value })}>
            <option value="">{m('board.any')}</option>
            {FORM_STATES.map((s) => (
              <option key={s} value={s}>
                {m(`fs.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{m('board.reviewState')}</span>
          <select value={reviewState} onChange={(e) => setSearch({ td: e.target.value })}>
            <option value="">{m('board.any')}</option>
            {REVIEW_STATES.map((s) => (
              <option key={s} value={s}>
                {m(`rs.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <SearchBox value={q} />
        <label>
          <span>{m('board.sort')}</span>
          <select
            value={sort}
            onChange={(e) => setSearch({ xep: e.target.value === 'name' ? null : e.target.value })}
          >
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {m(`board.sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{m('board.order')}</span>
          <select
            value={desc ? 'giam' : 'tang'}
            onChange={(e) => setSearch({ chieu: e.target.value === 'giam' ? 'giam' : null })}
          >
            <option value="tang">{m('board.asc')}</option>
            <option value="giam">{m('board.desc')}</option>
          </select>
        </label>
        {isFiltered(filters) && <Button onClick={() => setSearch(CLEARED)}>{m('board.clear')}</Button>}
      </section>

      <p role="status" className="review-shown">
        {m('board.shown', { shown: shown.length, total: all.length })}
      </p>

      {shown.length === 0 ? (
        <Alert type="info" showIcon title={m('board.empty')} />
      ) : (
        <table className="review-table review-board-table">
          <caption className="visually-hidden">
            {m('board.caption', { shown: shown.length, sort: sortLabel })}
          </caption>
          <thead>
            <tr>
              <SortHeader label={m('col.agency')} by="name" sort={sort} desc={desc} />
              <th scope="col">{m('col.group')}</th>
              <SortHeader label={m('col.report')} by="state" sort={sort} desc={desc} />
              <SortHeader label={m('board.sort.submitted')} by="submitted" sort={sort} desc={desc} />
              <th scope="col">{m('col.review')}</th>
              <SortHeader label={m('col.self')} by="self" sort={sort} desc={desc} numeric />
              <th scope="col" className="num">
                {m('col.official')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((a) => (
              <BoardLine key={a.agencyId} row={a} cycleId={cycleId} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** The search box filters as the user types but writes to the address only when they pause. */
function SearchBox(props: { value: string }) {
  const [text, setText] = useState(props.value);
  useEffect(() => setText(props.value), [props.value]);
  useEffect(() => {
    if (text === props.value) return;
    const timer = setTimeout(() => setSearch({ q: text.trim() || null }), 250);
    return () => clearTimeout(timer);
  }, [text, props.value]);
  return (
    <label>
      <span>{m('board.search')}</span>
      <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
    </label>
  );
}

function SortHeader(props: { label: string; by: SortKey; sort: SortKey; desc: boolean; numeric?: boolean }) {
  const active = props.sort === props.by;
  return (
    <th
      scope="col"
      className={props.numeric ? 'num' : undefined}
      aria-sort={active ? (props.desc ? 'descending' : 'ascending') : undefined}
    >
      <button type="button" className="review-sort" onClick={() => setSearch(sortParams(props.by, props))}>
        {props.label}
        <span aria-hidden="true">{active ? (props.desc ? ' ▼' : ' ▲') : ' ↕'}</span>
      </button>
    </th>
  );
}

function BoardLine({ row: a, cycleId }: { row: Row; cycleId: string }) {
  const none = m('row.none');
  return (
    <tr data-agency={a.code}>
      <th scope="row" data-label={m('col.agency')}>
        <Link to={`/ky/${cycleId}/tham-dinh/${a.agencyId}`} className="review-agency-link">
          {a.name}
        </Link>
        <span className="review-code"> ({a.code})</span>
        {a.reporters.length === 0 && <div className="review-muted">{m('row.noReporter')}</div>}
      </th>
      <td data-label={m('col.group')}>{pick(a.groupName)}</td>
      <td data-label={m('col.report')}>
        <Badge color={FORM_COLORS[a.formState]} className="review-state">
          {pick(a.formStateLabel)}
        </Badge>
        {a.formState === 'draft' && a.lastSavedAt && (
          <div className="review-muted">{m('row.savedAt', { at: dateTimeVn(a.lastSavedAt) })}</div>
        )}
      </td>
      <td data-label={m('board.sort.submitted')}>
        {a.submittedAt ? <time dateTime={a.submittedAt}>{dateTimeVn(a.submittedAt)}</time> : none}
      </td>
      <td data-label={m('col.review')}>
        <Badge color={REVIEW_COLORS[a.reviewState]}>{pick(a.reviewStateLabel)}</Badge>
        {a.openQueries > 0 && <div>{m('row.openQueries', { n: a.openQueries })}</div>}
        {a.pendingClaims > 0 && <div>{m('row.pendingClaims', { n: a.pendingClaims })}</div>}
      </td>
      <td data-label={m('col.self')} className="num">
        {a.selfTotal === null ? none : scoreVn(a.selfTotal)}
      </td>
      <td data-label={m('col.official')} className="num">
        {a.officialTotal === null ? none : scoreVn(a.officialTotal)}
      </td>
    </tr>
  );
}

/** Start the review (closed cycle; admin and assessor) and send reminders now (admin). */
function BoardActions(props: { board: Board; role: string }) {
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const cycleId = props.board.cycle.id;
  const [result, setResult] = useState<ReminderResult | null>(null);
  const [confirming, setConfirming] = useState(false);
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['progress', cycleId] });
    void client.invalidateQueries({ queryKey: ['review-list', cycleId] });
    void client.invalidateQueries({ queryKey: ['cycles'] });
  };
  const start = useMutation({
    mutationFn: () => reviewApi.startReview(cycleId),
    onSuccess: () => {
      void message.success(m('startReview.done'));
      refresh();
    },
  });
  const remind = useMutation({
    mutationFn: () => reviewApi.sendReminders(cycleId),
    onSuccess: (r) => {
      setConfirming(false);
      setResult(r);
      refresh();
    },
  });
  const { unsent, canStart, canRemind } = boardActions(props.role, props.board);
  if (!canStart && !canRemind) return null;
  const names = (list: { name: string }[]) => list.map((a) => a.name).join('; ');
  return (
    <div className="review-actions">
      <Space wrap>
        {canStart && (
          <Popconfirm
            title={m('startReview')}
            description={<div className="review-popconfirm">{m('startReview.confirm')}</div>}
            okText={m('startReview')}
            cancelText={m('cancel')}
            onConfirm={() => start.mutate()}
          >
            <Button type="primary" loading={start.isPending}>
              {m('startReview')}
            </Button>
          </Popconfirm>
        )}
        {canRemind && <Button onClick={() => setConfirming(true)}>{m('remind')}</Button>}
      </Space>
      {start.error && <ErrorLine error={start.error} />}
      <Modal
        open={confirming}
        title={m('remind.title')}
        okText={m('remind.ok')}
        cancelText={m('cancel')}
        confirmLoading={remind.isPending}
        onOk={() => remind.mutate()}
        onCancel={() => setConfirming(false)}
      >
        <p>{m('remind.confirm', { n: unsent })}</p>
        {remind.error && <ErrorLine error={remind.error} />}
      </Modal>
      {result && (
        <Alert
          type={result.withoutRecipients.length > 0 ? 'warning' : 'success'}
          showIcon
          closable
          onClose={() => setResult(null)}
          role="status"
          title={m('remind.result')}
          description={
            <ul className="review-plain-list">
              <li>{m('remind.queued', { n: result.queued.length })}</li>
              {result.withoutRecipients.length > 0 && (
                <li>
                  {m('remind.without', {
                    n: result.withoutRecipients.length,
                    names: names(result.withoutRecipients),
                  })}
                </li>
              )}
            </ul>
          }
        />
      )}
    </div>
  );
}

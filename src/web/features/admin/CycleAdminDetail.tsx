/**
 * One cycle, for the administrator: its facts (editable while a draft), the guidance and form
 * documents, the roster of agencies, the steps the server allows now (each with its reason when
 * not allowed), and the deadline extensions with their decisions.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { LoadError, Loading, PageHeader } from '../../components/Page.tsx';
import { dateTimeVn, dateVn } from '../../format.ts';
import { Link } from '../../router.tsx';
import type { ScreenProps } from '../../screen.ts';
import { AppealPeriodCard } from '../appeals/AppealPeriodCard.tsx';
import { type CycleDetail, cycleAdminApi, type MailReport } from './adminApi.ts';
import { CycleDocuments } from './CycleDocuments.tsx';
import { CycleForm } from './CycleForm.tsx';
import { StateTag } from './CyclesAdmin.tsx';
import { inputOf, transitionEndpoint, valuesOf } from './cycleAdmin.ts';
import { DeadlineExtension } from './DeadlineExtension.tsx';
import { m } from './messages.ts';
import { groupName } from './registry.ts';
import { ConfirmButton, pick } from './shared.tsx';
import './admin.css';

export default function CycleAdminDetail({ params }: ScreenProps) {
  const id = params.cycleId!;
  const query = useQuery({ queryKey: ['cycle', id], queryFn: () => cycleAdminApi.get(id) });
  const client = useQueryClient();
  const [mail, setMail] = useState<MailReport | null>(null);
  const crumbs = [
    { label: m('crumb.home'), to: '/' },
    { label: m('cycles.title'), to: '/quan-tri/ky-danh-gia' },
  ];
  if (query.isPending) return <Loading />;
  if (query.isError)
    return (
      <>
        <PageHeader title={m('cycle.title')} crumbs={crumbs} />
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  const cycle = query.data.cycle;
  // Every answer carries the whole cycle: show it at once, and let the lists catch up.
  const update = (next: CycleDetail) => {
    client.setQueryData(['cycle', id], { cycle: next });
    void client.invalidateQueries({ queryKey: ['cycles'] });
  };

  return (
    <>
      <PageHeader
        title={cycle.title}
        crumbs={crumbs}
        extra={<StateTag state={cycle.state} label={pick(cycle.stateLabel)} />}
      />
      {mail && <MailNotice mail={mail} onClose={() => setMail(null)} />}
      <Transitions
        cycle={cycle}
        onDone={(c, report) => {
          update(c);
          setMail(report ?? null);
        }}
      />
      <Facts cycle={cycle} onSaved={update} />
      <CycleDocuments cycle={cycle} onUploaded={update} />
      <Roster cycle={cycle} />
      <DeadlineExtension
        cycle={cycle}
        onExtended={(c, report) => {
          update(c);
          setMail(report);
        }}
      />
      <AppealPeriodCard cycleId={cycle.id} />
    </>
  );
}

/** The e-mails a step queued: they go out through the queue, with retries, after the answer. */
function MailNotice(props: { mail: MailReport; onClose: () => void }) {
  const { mail } = props;
  const missing = mail.withoutRecipients;
  if (mail.mailOff)
    return (
      <Alert
        type="info"
        showIcon
        role="status"
        closable={{ onClose: props.onClose, 'aria-label': m('common.close') }}
        title={m('mail.off', { agencies: mail.agencies })}
        description={m('mail.offHow')}
        style={{ marginBottom: 16 }}
      />
    );
  return (
    <Alert
      type={missing.length ? 'warning' : 'success'}
      showIcon
      role="status"
      closable={{ onClose: props.onClose, 'aria-label': m('common.close') }}
      title={m('mail.queued', { queued: mail.queued, agencies: mail.agencies })}
      description={
        <>
          <p>{m('mail.queuedHow')}</p>
          {missing.length > 0 && <p>{m('mail.withoutRecipients', { list: missing.join(', ') })}</p>}
        </>
      }
      style={{ marginBottom: 16 }}
    />
  );
}

const CONSEQUENCES: Record<string, 'transition.openWhat' | 'transition.closeWhat' | 'transition.reviewWhat'> =
  {
    open: 'transition.openWhat',
    close: 'transition.closeWhat',
    'start-review': 'transition.reviewWhat',
  };

function Transitions(props: { cycle: CycleDetail; onDone: (c: CycleDetail, mail?: MailReport) => void }) {
  const { cycle } = props;
  const { message } = AntApp.useApp();
  return (
    <Card className="admin-card" title={<h2 className="admin-h2">{m('transition.title')}</h2>}>
      {cycle.transitions.length === 0 && <Typography.Paragraph>{m('transition.none')}</Typography.Paragraph>}
      <ul className="admin-transitions">
        {cycle.transitions.map((tr) => {
          const endpoint = transitionEndpoint(cycle, tr.to);
          const action = pick(tr.action);
          const label = action.charAt(0).toUpperCase() + action.slice(1);
          const reasonId = `transition-reason-${tr.to}`;
          return (
            <li key={tr.to}>
              {endpoint ? (
                <ConfirmButton
                  label={label}
                  title={m('transition.confirmTitle', { action })}
                  okLabel={label}
                  disabled={!tr.allowed}
                  buttonProps={{
                    type: 'primary',
                    ...(tr.reason && { 'aria-describedby': reasonId }),
                  }}
                  description={
                    <Typography.Paragraph>
                      {m(CONSEQUENCES[endpoint]!, {
                        deadline: dateTimeVn(cycle.deadline),
                        date: dateVn(cycle.rosterDate),
                      })}
                    </Typography.Paragraph>
                  }
                  onConfirm={async () => {
                    const res = await cycleAdminApi.transition(cycle.id, endpoint);
                    props.onDone(res.cycle, res.mail);
                    void message.success(m('transition.done', { state: pick(res.cycle.stateLabel) }));
                  }}
                />
              ) : (
                <Link to={`/ky/${cycle.id}/phe-duyet`}>{m('transition.onApproval', { action })}</Link>
              )}
              {tr.reason && (
                <p id={reasonId} className="admin-reason">
                  <strong>{m('transition.notNow')}</strong> {pick(tr.reason)}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

function Facts(props: { cycle: CycleDetail; onSaved: (c: CycleDetail) => void }) {
  const { cycle } = props;
  const [editing, setEditing] = useState(false);
  const { message } = AntApp.useApp();
  const editable = cycle.state === 'draft';
  return (
    <Card
      className="admin-card"
      title={<h2 className="admin-h2">{m('cycle.facts')}</h2>}
      extra={
        editable &&
        !editing && (
          <Button onClick={() => setEditing(true)} aria-label={m('cycle.editLong')}>
            {m('cycle.edit')}
          </Button>
        )
      }
    >
      {editing ? (
        <CycleForm
          initial={valuesOf(cycle)}
          submitLabel={m('cycle.save')}
          onCancel={() => setEditing(false)}
          onSubmit={async (v) => {
            const res = await cycleAdminApi.update(cycle.id, { version: cycle.version, ...inputOf(v) });
            props.onSaved(res.cycle);
            setEditing(false);
            void message.success(m('cycle.saved'));
          }}
        />
      ) : (
        <>
          {!editable && (
            <Typography.Paragraph className="admin-note">{m('cycle.notEditable')}</Typography.Paragraph>
          )}
          <dl className="admin-dl admin-facts">
            <dt>{m('cycles.year')}</dt>
            <dd>{cycle.year}</dd>
            <dt>{m('cycles.criteria')}</dt>
            <dd>
              <Link to={`/quan-tri/bo-tieu-chi/${cycle.criteriaVersion.id}`}>
                {cycle.criteriaVersion.title} — {cycle.criteriaVersion.version}
              </Link>
            </dd>
            <dt>{m('cycleForm.guidanceBy')}</dt>
            <dd>{dateVn(cycle.guidanceBy)}</dd>
            <dt>{m('cycles.deadline')}</dt>
            <dd>{m('cycle.deadlineValue', { at: dateTimeVn(cycle.deadline) })}</dd>
            <dt>{m('cycleForm.publishBy')}</dt>
            <dd>{dateVn(cycle.publishBy)}</dd>
            {cycle.openedAt && (
              <>
                <dt>{m('cycle.openedAt')}</dt>
                <dd>{dateTimeVn(cycle.openedAt)}</dd>
              </>
            )}
            {cycle.closedAt && (
              <>
                <dt>{m('cycle.closedAt')}</dt>
                <dd>{dateTimeVn(cycle.closedAt)}</dd>
              </>
            )}
            <dt>{m('cycleForm.announcement')}</dt>
            <dd className="admin-pre">{cycle.announcement || m('cycle.noAnnouncement')}</dd>
          </dl>
        </>
      )}
    </Card>
  );
}

function Roster(props: { cycle: CycleDetail }) {
  const { roster } = props.cycle;
  return (
    <Card className="admin-card" title={<h2 className="admin-h2">{m('roster.title')}</h2>}>
      <Typography.Paragraph>
        {roster.frozen
          ? m('roster.frozen', { date: dateVn(roster.date), total: roster.total })
          : m('roster.notFrozen', { date: dateVn(roster.date), total: roster.total })}
      </Typography.Paragraph>
      <ul className="admin-plain-list">
        {roster.groups.map((g) => (
          <li key={g.groupId}>
            {groupName(g.groupId)}: <strong>{g.count}</strong>
          </li>
        ))}
      </ul>
      <Link to="/quan-tri/co-quan">{m('roster.registry')}</Link>
    </Card>
  );
}

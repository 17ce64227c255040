/**
 * Queries to the agency (R10, R18): a thread per question, on a field or a criterion, where the
 * agency replies and the assessor asks more, then closes it. Sending one queues an e-mail to the
 * reporters (the server's mail queue sends it), and the screen says so.
 */
import { useMutation } from '@tanstack/react-query';
import { App as AntApp, Button, Input, Popconfirm, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { MessageFile } from '../../components/MessageFile.tsx';
import { dateTimeVn } from '../../format.ts';
import { fieldLabelOf, type ReviewContext } from './context.ts';
import { seenKey } from './lastVisit.ts';
import { m } from './messages.ts';
import { mailText, queryAbout, roleName } from './queries.ts';
import { type Query, reviewApi } from './reviewApi.ts';
import { fieldError, formError } from './serverError.ts';
import { pick } from './text.ts';
import { Badge, ErrorLine, FieldMessage, NewMark, Section } from './ui.tsx';

const STATUS_COLORS = { open: 'gold', answered: 'blue', closed: 'default' } as const;
export function QueriesSection(props: {
  id: string;
  ctx: ReviewContext;
  askField: { key: string; n: number } | null;
}) {
  const { ctx } = props;
  const { queries } = ctx.data;
  const open = queries.filter((q) => q.status !== 'closed').length;
  return (
    <Section
      id={props.id}
      title={m('sec.queries')}
      extra={
        queries.length > 0 && (
          <span className="review-muted">{m('q.count', { open, total: queries.length })}</span>
        )
      }
    >
      {queries.length === 0 ? (
        <p>{m('q.none')}</p>
      ) : (
        <ul className="review-cards">
          {queries.map((q) => (
            <QueryThread key={q.id} ctx={ctx} query={q} />
          ))}
        </ul>
      )}
      {ctx.canQuery && <NewQuery ctx={ctx} askField={props.askField} />}
    </Section>
  );
}

function NewQuery({ ctx, askField }: { ctx: ReviewContext; askField: { key: string; n: number } | null }) {
  const { message } = AntApp.useApp();
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [about, setAbout] = useState('');
  const subjectRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!askField) return;
    setAbout(`f:${askField.key}`);
    setSubject((s) => s || fieldLabelOf(ctx.data, askField.key));
    subjectRef.current?.focus();
  }, [askField, ctx.data]);
  const send = useMutation({
    mutationFn: () =>
      reviewApi.openQuery(ctx.cycleId, ctx.agencyId, {
        subject: subject.trim(),
        body: body.trim(),
        ...queryAbout(about),
      }),
    onSuccess: async ({ notified }) => {
      void message.success(mailText(notified));
      setSubject('');
      setBody('');
      setAbout('');
      await ctx.refresh();
    },
  });
  const subjectError = fieldError(send.error, 'subject');
  const bodyError = fieldError(send.error, 'body');
  return (
    <form
      id="cau-hoi-moi"
      className="review-form"
      aria-labelledby="cau-hoi-moi-h"
      onSubmit={(e) => {
        e.preventDefault();
        send.mutate();
      }}
    >
      <h3 id="cau-hoi-moi-h">{m('q.new')}</h3>
      <label htmlFor="q-about">{m('q.about')}</label>
      <select id="q-about" value={about} onChange={(e) => setAbout(e.target.value)}>
        <option value="">{m('q.aboutNone')}</option>
        <optgroup label={m('cmp.criterion')}>
          {ctx.data.comparison.criteria.map((c) => (
            <option key={c.id} value={`c:${c.id}`}>
              {c.id} {pick(c.name)}
            </option>
          ))}
        </optgroup>
        <optgroup label={m('val.field')}>
          {ctx.data.values.map((v) => (
            <option key={v.key} value={`f:${v.key}`}>
              {pick(v.label)}
            </option>
          ))}
        </optgroup>
      </select>
      <label htmlFor="q-subject">{m('q.subject')}</label>
      <input
        id="q-subject"
        ref={subjectRef}
        className="review-text"
        value={subject}
        maxLength={200}
        onChange={(e) => setSubject(e.target.value)}
        aria-invalid={subjectError ? true : undefined}
        aria-describedby={subjectError ? 'q-subject-error' : undefined}
      />
      <FieldMessage id="q-subject-error" message={subjectError} />
      <label htmlFor="q-body">{m('q.body')}</label>
      <Input.TextArea
        id="q-body"
        value={body}
        onChange={(e) => setBody(e.target.value)}
        autoSize={{ minRows: 3, maxRows: 10 }}
        maxLength={5000}
        aria-invalid={bodyError ? true : undefined}
        aria-describedby={bodyError ? 'q-body-error' : undefined}
      />
      <FieldMessage id="q-body-error" message={bodyError} />
      <ErrorLine error={formError(send.error, ['subject', 'body'])} />
      <Button type="primary" htmlType="submit" loading={send.isPending} className="review-block">
        {m('q.send')}
      </Button>
    </form>
  );
}

function QueryThread({ ctx, query: q }: { ctx: ReviewContext; query: Query }) {
  const { message } = AntApp.useApp();
  const [reply, setReply] = useState('');
  const send = useMutation({
    mutationFn: () => reviewApi.reply(ctx.cycleId, q.id, reply.trim()),
    onSuccess: async () => {
      setReply('');
      await ctx.refresh();
    },
  });
  const close = useMutation({
    mutationFn: () => reviewApi.closeQuery(ctx.cycleId, q.id),
    onSuccess: async () => {
      void message.success(m('q.closedDone'));
      await ctx.refresh();
    },
  });
  const replyId = `q-${q.id}-reply`;
  const replyError = fieldError(send.error, 'body');
  return (
    <li className="review-card" data-query={q.subject}>
      <h3>
        {q.subject} <Badge color={STATUS_COLORS[q.status]}>{m(`q.${q.status}`)}</Badge>
      </h3>
      <p className="review-muted">
        {q.fieldKey && m('q.field', { label: fieldLabelOf(ctx.data, q.fieldKey) })}
        {q.criterionId && m('q.criterion', { id: q.criterionId })}
      </p>
      <ol className="review-thread" aria-label={m('q.replyFor', { subject: q.subject })}>
        {q.messages.map((x) => (
          <li
            key={x.id}
            className={x.author?.role === 'reporter' ? 'review-msg review-msg-agency' : 'review-msg'}
          >
            <div className="review-msg-by">
              {m('q.by', {
                name: x.author?.name ?? '—',
                role: roleName(x.author?.role ?? ''),
                at: dateTimeVn(x.createdAt),
              })}{' '}
              <NewMark show={ctx.isNew(seenKey.message(x.id))} />
            </div>
            <div className="review-msg-body">{x.body}</div>
            <MessageFile cycleId={ctx.cycleId} queryId={q.id} file={x.file} />
          </li>
        ))}
      </ol>
      {ctx.canQuery && q.status !== 'closed' && (
        <div className="review-decide">
          <label htmlFor={replyId}>{m('q.reply')}</label>
          <Input.TextArea
            id={replyId}
            value={reply}
            onChange={(e) => setReply(e.target.value)}
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={5000}
            aria-invalid={replyError ? true : undefined}
            aria-describedby={replyError ? `${replyId}-error` : undefined}
          />
          <FieldMessage id={`${replyId}-error`} message={replyError} />
          <ErrorLine error={formError(send.error, ['body']) ?? close.error} />
          <Space wrap className="review-block">
            <Button onClick={() => send.mutate()} loading={send.isPending}>
              {m('q.sendReply')}
            </Button>
            <Popconfirm
              title={m('q.close')}
              description={
                <div className="review-popconfirm">{m('q.closeConfirm', { subject: q.subject })}</div>
              }
              okText={m('q.close')}
              cancelText={m('cancel')}
              onConfirm={() => close.mutate()}
            >
              <Button loading={close.isPending}>{m('q.close')}</Button>
            </Popconfirm>
          </Space>
        </div>
      )}
    </li>
  );
}

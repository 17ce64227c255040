/**
 * The agency's "not applicable" claims and the department's decisions (R16): confirm, or reject
 * with a reason (the server requires one), after which the criterion is scored on the values.
 */
import { useMutation } from '@tanstack/react-query';
import { App as AntApp, Button, Input, Space } from 'antd';
import { useState } from 'react';
import { dateTimeVn } from '../../format.ts';
import type { ReviewContext } from './context.ts';
import { seenKey } from './lastVisit.ts';
import { m } from './messages.ts';
import { type Claim, reviewApi } from './reviewApi.ts';
import { fieldError, formError } from './serverError.ts';
import { pick } from './text.ts';
import { Badge, ErrorLine, FieldMessage, NewMark, Section } from './ui.tsx';

const STATUS_COLORS = { claimed: 'gold', confirmed: 'green', rejected: 'red' } as const;

export function ClaimsSection({ id, ctx }: { id: string; ctx: ReviewContext }) {
  const { claims } = ctx.data;
  return (
    <Section id={id} title={m('sec.claims')}>
      {claims.length === 0 ? (
        <p>{m('claim.none')}</p>
      ) : (
        <ul className="review-cards">
          {claims.map((c) => (
            <ClaimItem key={c.criterionId} ctx={ctx} claim={c} />
          ))}
        </ul>
      )}
    </Section>
  );
}

function ClaimItem({ ctx, claim: c }: { ctx: ReviewContext; claim: Claim }) {
  const { message } = AntApp.useApp();
  const [note, setNote] = useState('');
  const decide = useMutation({
    mutationFn: (decision: 'confirm' | 'reject') =>
      reviewApi.decideClaim(ctx.cycleId, ctx.agencyId, c.criterionId, {
        decision,
        note: note.trim() || null,
      }),
    onSuccess: async () => {
      void message.success(m('claim.done', { id: c.criterionId }));
      setNote('');
      await ctx.refresh();
    },
  });
  const noteId = `na-${c.criterionId}`;
  const noteError = fieldError(decide.error, 'note');
  return (
    <li className="review-card" data-claim={c.criterionId}>
      <h3>
        <span className="review-code">{c.criterionId}</span> {pick(c.criterionName)}{' '}
        <Badge color={STATUS_COLORS[c.status]}>{m(`claim.${c.status}`)}</Badge>
        <NewMark show={!!c.decidedAt && ctx.isNew(seenKey.decision(c.criterionId, c.decidedAt))} />
      </h3>
      <dl className="review-dl">
        <dt>{m('claim.agencyReason')}</dt>
        <dd>{c.reason}</dd>
        {c.decidedAt && (
          <>
            <dt>{m('claim.status')}</dt>
            <dd>
              {m('claim.decidedBy', { by: c.decidedBy?.name ?? '—', at: dateTimeVn(c.decidedAt) })}
              {c.decisionNote && <div>{m('val.reasonIs', { reason: c.decisionNote })}</div>}
            </dd>
          </>
        )}
      </dl>
      {ctx.canEdit && (
        <div className="review-decide">
          <label htmlFor={noteId}>{m('claim.noteFor', { id: c.criterionId })}</label>
          <Input.TextArea
            id={noteId}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={2000}
            placeholder={m('claim.note')}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={noteError ? `${noteId}-error` : undefined}
          />
          <FieldMessage id={`${noteId}-error`} message={noteError} />
          <ErrorLine error={formError(decide.error, ['note'])} />
          <Space wrap className="review-block">
            <Button
              onClick={() => decide.mutate('confirm')}
              loading={decide.isPending && decide.variables === 'confirm'}
              disabled={c.status === 'confirmed'}
            >
              {m('claim.confirm')}
            </Button>
            <Button
              danger
              onClick={() => decide.mutate('reject')}
              loading={decide.isPending && decide.variables === 'reject'}
              disabled={c.status === 'rejected'}
            >
              {m('claim.reject')}
            </Button>
          </Space>
        </div>
      )}
    </li>
  );
}

/** Field surveys at the agency (R17): the record (date, team, findings) and its evidence files. */

import { useMutation } from '@tanstack/react-query';
import { App as AntApp, Button, Input } from 'antd';
import { useRef, useState } from 'react';
import { DateInput } from '../../components/DateInput.tsx';
import { dateTimeVn, dateVn, fileSizeVn } from '../../format.ts';
import { SurveyPlansPart } from '../surveys/SurveyPlansPart.tsx';
import type { ReviewContext } from './context.ts';
import { seenKey } from './lastVisit.ts';
import { m } from './messages.ts';
import { reviewApi, type Survey } from './reviewApi.ts';
import { fieldError, formError } from './serverError.ts';
import { ErrorLine, FieldMessage, NewMark, Section } from './ui.tsx';

export function SurveysSection({ id, ctx }: { id: string; ctx: ReviewContext }) {
  const { surveys } = ctx.data;
  return (
    <Section id={id} title={m('sec.surveys')}>
      {surveys.length === 0 ? (
        <p>{m('s.none')}</p>
      ) : (
        <ul className="review-cards">
          {surveys.map((s) => (
            <SurveyItem key={s.id} ctx={ctx} survey={s} />
          ))}
        </ul>
      )}
      {ctx.canQuery && <NewSurvey ctx={ctx} />}
      <SurveyPlansPart
        cycleId={ctx.cycleId}
        agencyId={ctx.agencyId}
        canPlan={ctx.canQuery}
        canCorrect={ctx.canEdit}
        fields={ctx.data.values}
        refresh={ctx.refresh}
      />
    </Section>
  );
}

function SurveyItem({ ctx, survey: s }: { ctx: ReviewContext; survey: Survey }) {
  const { message } = AntApp.useApp();
  const fileRef = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      // The note goes before the file: the server reads fields that precede it.
      if (note.trim()) form.append('note', note.trim());
      form.append('file', file);
      return reviewApi.addSurveyEvidence(ctx.cycleId, ctx.agencyId, s.id, form);
    },
    onSuccess: async () => {
      void message.success(m('s.uploaded'));
      setNote('');
      if (fileRef.current) fileRef.current.value = '';
      await ctx.refresh();
    },
  });
  const fileId = `s-${s.id}-file`;
  return (
    <li className="review-card">
      <h3>
        {m('s.heading', { date: dateVn(s.surveyDate) })} <NewMark show={ctx.isNew(seenKey.survey(s.id))} />
      </h3>
      <dl className="review-dl">
        <dt>{m('s.team')}</dt>
        <dd>{s.team}</dd>
        <dt>{m('s.findings')}</dt>
        <dd className="review-pre">{s.findings}</dd>
      </dl>
      <p className="review-muted">
        {m('s.by', { name: s.createdBy?.name ?? '—', at: dateTimeVn(s.createdAt) })}
      </p>
      {s.evidence.length > 0 && (
        <ul>
          {s.evidence.map((e) => (
            <li key={e.id}>
              <a href={reviewApi.evidenceUrl(ctx.cycleId, ctx.agencyId, e.id)} download={e.filename}>
                {m('ev.download', { name: e.filename, size: fileSizeVn(e.size) })}
              </a>
              {e.note && <> — {e.note}</>}
            </li>
          ))}
        </ul>
      )}
      {ctx.canQuery && (
        <form
          className="review-upload"
          onSubmit={(e) => {
            e.preventDefault();
            const file = fileRef.current?.files?.[0];
            setMissing(!file);
            if (file) upload.mutate(file);
          }}
        >
          <label htmlFor={fileId}>{m('s.file', { date: dateVn(s.surveyDate) })}</label>
          <input id={fileId} ref={fileRef} type="file" onChange={() => setMissing(false)} />
          <FieldMessage
            id={`${fileId}-error`}
            message={missing ? m('s.pickFile') : fieldError(upload.error, 'file')}
          />
          <label htmlFor={`${fileId}-note`}>{m('s.note')}</label>
          <input
            id={`${fileId}-note`}
            className="review-text"
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <ErrorLine error={formError(upload.error, ['file'])} />
          <Button htmlType="submit" loading={upload.isPending} className="review-block">
            {m('s.upload')}
          </Button>
        </form>
      )}
    </li>
  );
}

function NewSurvey({ ctx }: { ctx: ReviewContext }) {
  const { message } = AntApp.useApp();
  const [surveyDate, setDate] = useState('');
  const [team, setTeam] = useState('');
  const [findings, setFindings] = useState('');
  const save = useMutation({
    mutationFn: () => reviewApi.createSurvey(ctx.cycleId, ctx.agencyId, { surveyDate, team, findings }),
    onSuccess: async () => {
      void message.success(m('s.saved'));
      setDate('');
      setTeam('');
      setFindings('');
      await ctx.refresh();
    },
  });
  const err = (f: string) => fieldError(save.error, f);
  return (
    <form
      className="review-form"
      aria-labelledby="khao-sat-moi-h"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h3 id="khao-sat-moi-h">{m('s.new')}</h3>
      <label htmlFor="s-date">{m('s.date')}</label>
      <DateInput
        id="s-date"
        className="review-date"
        value={surveyDate}
        onChange={setDate}
        invalid={!!err('surveyDate')}
        describedBy={err('surveyDate') ? 's-date-error' : undefined}
      />
      <FieldMessage id="s-date-error" message={err('surveyDate')} />
      <label htmlFor="s-team">{m('s.team')}</label>
      <input
        id="s-team"
        className="review-text"
        value={team}
        onChange={(e) => setTeam(e.target.value)}
        aria-invalid={err('team') ? true : undefined}
        aria-describedby={err('team') ? 's-team-error' : undefined}
      />
      <FieldMessage id="s-team-error" message={err('team')} />
      <label htmlFor="s-findings">{m('s.findings')}</label>
      <Input.TextArea
        id="s-findings"
        value={findings}
        onChange={(e) => setFindings(e.target.value)}
        autoSize={{ minRows: 3, maxRows: 12 }}
        aria-invalid={err('findings') ? true : undefined}
        aria-describedby={err('findings') ? 's-findings-error' : undefined}
      />
      <FieldMessage id="s-findings-error" message={err('findings')} />
      <ErrorLine error={formError(save.error, ['surveyDate', 'team', 'findings'])} />
      <Button type="primary" htmlType="submit" loading={save.isPending} className="review-block">
        {m('s.save')}
      </Button>
    </form>
  );
}

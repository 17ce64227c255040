/**
 * What sits under a criterion besides its fields: the "not applicable" claim with its reason
 * (R4) and the evidence files that prove it — with the server's or the browser's Vietnamese
 * message right there when a file is refused.
 */
import { PaperClipOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Input, Popconfirm } from 'antd';
import { useState } from 'react';
import type { CompiledCriterion } from '../../../core/criteria/compile.ts';
import { ApiError, apiUrl } from '../../api.ts';
import { dateTimeVn, fileSizeVn } from '../../format.ts';
import { m } from './messages.ts';
import { type Claim, type Evidence, type FormState, reporterApi } from './reporterApi.ts';
import { StatusTag } from './StatusTag.tsx';

export function NaClaim(props: {
  criterion: CompiledCriterion;
  claim: Claim | undefined;
  editable: boolean;
  cycleId: string;
  agencyId: string;
  onState: (s: FormState) => void;
}) {
  const { criterion: k, claim } = props;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  if (!k.naAllowed) return null;
  const id = `na-${k.id}`;
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      props.onState(await reporterApi.claim(props.cycleId, props.agencyId, k.id, reason));
      setDone(m('na.saved', { id: k.id }));
      setOpen(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      props.onState(await reporterApi.unclaim(props.cycleId, props.agencyId, k.id));
      setDone(m('na.removed', { id: k.id }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const when = k.def.notApplicable?.when.vi;
  return (
    <div className="reporter-na" data-testid={`na-${k.id}`}>
      {claim ? (
        <div>
          <StatusTag
            tone={claim.status === 'rejected' ? 'red' : claim.status === 'confirmed' ? 'green' : 'gold'}
          >
            {m(`na.${claim.status}`)}
          </StatusTag>
          <span className="reporter-na-reason">{m('na.reasonShown', { reason: claim.reason })}</span>
          {claim.decisionNote && <p>{m('na.note', { note: claim.decisionNote })}</p>}
          {props.editable && (
            <Button size="small" onClick={remove} loading={busy} className="reporter-na-remove">
              {m('na.remove')}
            </Button>
          )}
        </div>
      ) : (
        props.editable && (
          <>
            <Checkbox checked={open} onChange={(e) => setOpen(e.target.checked)}>
              {m('na.label')}
            </Checkbox>
            {when && <p className="reporter-help">{m('na.when', { when })}</p>}
            {open && (
              <div className="reporter-na-form">
                <label htmlFor={id} className="reporter-label">
                  {m('na.reason', { id: k.id })}
                </label>
                <Input.TextArea
                  id={id}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  autoSize={{ minRows: 2, maxRows: 6 }}
                  maxLength={2000}
                  aria-describedby={`${id}-error`}
                />
                <Button onClick={send} loading={busy} type="primary" className="reporter-na-send">
                  {m('na.send')}
                </Button>
              </div>
            )}
          </>
        )
      )}
      <div id={`${id}-error`} aria-live="polite">
        {error && <p className="reporter-error">{error}</p>}
        {done && !error && <p className="reporter-ok">{done}</p>}
      </div>
    </div>
  );
}

export function EvidenceBox(props: {
  criterion: CompiledCriterion;
  files: Evidence[];
  editable: boolean;
  maxBytes: number;
  cycleId: string;
  agencyId: string;
  onChanged: () => void;
}) {
  const { criterion: k, files } = props;
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `ev-${k.id}`;
  const upload = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setError(null);
    setNote(null);
    if (file.size > props.maxBytes) {
      setError(
        m('ev.tooLarge', { name: file.name, size: fileSizeVn(file.size), max: fileSizeVn(props.maxBytes) }),
      );
      input.value = '';
      return;
    }
    setBusy(true);
    setNote(m('ev.uploading', { name: file.name }));
    try {
      await reporterApi.upload(props.cycleId, props.agencyId, file, k.id);
      setNote(m('ev.uploaded', { name: file.name }));
      props.onChanged();
    } catch (e) {
      setNote(null);
      setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
      input.value = '';
    }
  };
  const remove = async (ev: Evidence) => {
    setError(null);
    try {
      await reporterApi.removeEvidence(props.cycleId, props.agencyId, ev.id);
      setNote(m('ev.removed', { name: ev.filename }));
      props.onChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  if (!props.editable && files.length === 0) return null;
  return (
    <div className="reporter-evidence" data-testid={`evidence-${k.id}`}>
      {files.length > 0 && (
        <ul className="reporter-evidence-list" aria-label={`${m('ev.title')} ${k.id}`}>
          {files.map((f) => (
            <li key={f.id}>
              <a href={apiUrl(reporterApi.evidenceUrl(props.cycleId, props.agencyId, f.id))} download>
                {f.filename}
              </a>{' '}
              <span className="reporter-muted">
                ({fileSizeVn(f.size)}, {dateTimeVn(f.uploadedAt)}
                {f.surveyId ? `, ${m('ev.bySurvey')}` : ''})
              </span>
              {props.editable && !f.surveyId && (
                <Popconfirm
                  title={m('ev.removeConfirm', { name: f.filename })}
                  okText={m('ev.remove', { name: '' }).trim()}
                  cancelText={m('submit.cancel')}
                  onConfirm={() => remove(f)}
                >
                  <Button size="small" type="link" danger aria-label={m('ev.remove', { name: f.filename })}>
                    {m('ev.remove', { name: '' }).trim()}
                  </Button>
                </Popconfirm>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.editable && (
        <div className="reporter-evidence-upload">
          {/* The browser's own file button speaks the browser's language; this one speaks Vietnamese.
              The input stays in the page (focusable, labelled), only visually replaced by its label. */}
          <input
            id={id}
            type="file"
            className="reporter-file-input"
            disabled={busy}
            aria-describedby={`${id}-hint ${id}-msg`}
            accept=".pdf,.png,.jpg,.jpeg,.doc,.docx,.xls,.xlsx,.odt,.ods,.zip"
            onChange={(e) => void upload(e.currentTarget)}
          />
          <label htmlFor={id} className="reporter-file-button">
            <PaperClipOutlined aria-hidden="true" /> {m('ev.attach', { id: k.id })}
          </label>
          <p className="reporter-help" id={`${id}-hint`}>
            {m('ev.limit', { size: fileSizeVn(props.maxBytes) })}
          </p>
        </div>
      )}
      <div id={`${id}-msg`} aria-live="polite">
        {error && (
          <Alert
            type="error"
            showIcon
            title={error}
            className="reporter-evidence-error"
            data-testid="evidence-error"
          />
        )}
        {note && !error && <p className="reporter-ok">{note}</p>}
      </div>
    </div>
  );
}

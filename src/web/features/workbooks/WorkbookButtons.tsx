/**
 * "Tải biểu mẫu Excel" and "Nộp từ tệp Excel": the agency's form as a workbook, and its upload —
 * the problems listed by sheet and cell when the file is refused, otherwise a preview of every
 * change (old → new), what confirming will do, and the logic checks the values would fail, then a
 * confirmation that saves. Used on the reporter's form and, for an agency that sent its workbook by
 * e-mail, on the assessor's review page — where, once the agency has submitted, the upload records
 * the department's corrections and asks for their reason.
 */
import { Alert, Button, Input, Modal, Space } from 'antd';
import { useId, useRef, useState } from 'react';
import { numberVn } from '../../format.ts';
import { said } from '../../i18n/messages.ts';
import { m } from './messages.ts';
import {
  type FormChange,
  problemsOf,
  type UploadPreview,
  type UploadWarning,
  workbooksApi,
} from './workbooksApi.ts';
import './workbooks.css';

const show = (v: unknown): string =>
  v === null || v === undefined
    ? m('wb.empty')
    : v === true
      ? m('wb.yes')
      : v === false
        ? m('wb.no')
        : typeof v === 'number'
          ? numberVn(v)
          : String(v);

export function WorkbookButtons(props: {
  cycleId: string;
  agencyId: string;
  canUpload: boolean;
  uploadLabel?: string;
  onSaved: () => void | Promise<void>;
}) {
  const { cycleId, agencyId } = props;
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[] | null>(null);
  const [preview, setPreview] = useState<UploadPreview | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const reasonId = useId();
  const correcting = preview?.mode === 'correction';
  const reasonOk = [...reason.trim()].length >= 5;

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setProblems(null);
    setDone(null);
    try {
      setReason('');
      setPreview(await workbooksApi.preview(cycleId, agencyId, file));
    } catch (e) {
      setProblems(problemsOf(e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  const save = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const saved = await workbooksApi.confirm(cycleId, agencyId, preview, reason.trim());
      setPreview(null);
      setDone(said(saved));
      await props.onSaved();
    } catch (e) {
      setPreview(null);
      setProblems(problemsOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="workbook-buttons">
      <Space wrap>
        <Button href={workbooksApi.downloadUrl(cycleId, agencyId)} download>
          {m('wb.download')}
        </Button>
        {props.canUpload && (
          <>
            <Button loading={busy} onClick={() => input.current?.click()}>
              {props.uploadLabel ?? m('wb.upload')}
            </Button>
            <input
              ref={input}
              type="file"
              hidden
              aria-label={props.uploadLabel ?? m('wb.upload')}
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => void choose(e.target.files?.[0])}
            />
          </>
        )}
      </Space>
      {done && (
        <Alert type="success" showIcon role="status" closable onClose={() => setDone(null)} title={done} />
      )}
      {problems && (
        <Alert
          type="error"
          showIcon
          role="alert"
          closable
          onClose={() => setProblems(null)}
          title={m('wb.rejected')}
          description={
            <ul className="workbook-problems">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      )}
      <Modal
        open={!!preview}
        title={preview ? m('wb.previewTitle', { name: preview.filename }) : ''}
        width={900}
        onCancel={() => setPreview(null)}
        footer={[
          <Button key="cancel" onClick={() => setPreview(null)}>
            {m('wb.cancel')}
          </Button>,
          <Button
            key="save"
            type="primary"
            loading={busy}
            disabled={correcting && (!reasonOk || !preview?.changes.length)}
            onClick={() => void save()}
          >
            {correcting ? m('wb.confirmCorrect') : m('wb.confirm')}
          </Button>,
        ]}
      >
        {preview && (
          <div className="workbook-preview">
            <Alert type={correcting ? 'warning' : 'info'} showIcon title={preview.notice} />
            <Changes changes={preview.changes} unchanged={preview.unchanged} />
            <Warnings warnings={preview.warnings} />
            {correcting && preview.changes.length > 0 && (
              <div className="workbook-reason">
                <label htmlFor={reasonId}>{m('wb.reason')}</label>
                <Input.TextArea
                  id={reasonId}
                  value={reason}
                  maxLength={2000}
                  autoSize={{ minRows: 2, maxRows: 5 }}
                  status={reason && !reasonOk ? 'error' : undefined}
                  onChange={(e) => setReason(e.target.value)}
                />
                {reason && !reasonOk && <span className="workbook-reason-error">{m('wb.reasonShort')}</span>}
              </div>
            )}
          </div>
        )}
      </Modal>
    </div>
  );
}

function Changes({ changes, unchanged }: { changes: FormChange[]; unchanged: number }) {
  if (!changes.length) return <p>{m('wb.noChange')}</p>;
  return (
    <>
      <p>{m('wb.previewIntro', { n: changes.length, same: unchanged })}</p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll (WCAG 2.1.1) */}
      <section className="workbook-changes-box" aria-label={m('wb.changes')} tabIndex={0}>
        <table className="workbook-changes">
          <thead>
            <tr>
              <th scope="col">{m('wb.cell')}</th>
              <th scope="col">{m('wb.field')}</th>
              <th scope="col">{m('wb.old')}</th>
              <th scope="col">{m('wb.new')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.field}>
                <td>{c.cell}</td>
                <td>{c.label}</td>
                <td>{show(c.old)}</td>
                <td>{show(c.new)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

/** The logic checks the values would fail once saved, each with the cells it reads. */
function Warnings({ warnings }: { warnings: UploadWarning[] }) {
  if (!warnings.length) return <p>{m('wb.noWarnings')}</p>;
  return (
    <Alert
      type="warning"
      showIcon
      title={m('wb.warnings', { n: warnings.length })}
      description={
        <>
          <p>{m('wb.warningsHelp')}</p>
          <ul className="workbook-warnings">
            {warnings.map((w) => (
              <li key={w.ruleId}>
                <strong>{w.ruleId}</strong>: {w.message}
                {w.cells.length > 0 && (
                  <span className="workbook-warning-cells">
                    {' '}
                    — {m('wb.cells', { cells: w.cells.join(', ') })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      }
    />
  );
}

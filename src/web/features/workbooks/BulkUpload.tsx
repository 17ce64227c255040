/**
 * The assessor's zip of the workbooks agencies sent by e-mail: checked first (one line per file,
 * nothing saved), then "Lưu các biểu mẫu hợp lệ" saves the files that passed.
 */
import { Alert, Button, Space } from 'antd';
import { useRef, useState } from 'react';
import { m } from './messages.ts';
import { type BulkResult, problemsOf, workbooksApi } from './workbooksApi.ts';
import './workbooks.css';

export function BulkUpload(props: { cycleId: string; onSaved: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<BulkResult | null>(null);
  const [problems, setProblems] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (f: File, save: boolean) => {
    setBusy(true);
    setProblems(null);
    try {
      setResult(await workbooksApi.bulk(props.cycleId, f, save));
      if (save) props.onSaved();
    } catch (e) {
      setResult(null);
      setProblems(problemsOf(e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  const ready = result && !result.saved && result.lines.some((l) => l.status === 'ready');

  return (
    <section className="workbook-buttons" aria-labelledby="bulk-title">
      <h2 id="bulk-title">{m('wb.zip')}</h2>
      <Space wrap>
        <Button loading={busy && !ready} onClick={() => input.current?.click()}>
          {m('wb.zipCheck')}
        </Button>
        <input
          ref={input}
          type="file"
          hidden
          aria-label={m('wb.zipChoose')}
          accept=".zip,application/zip"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (!f) return;
            setFile(f);
            void run(f, false);
          }}
        />
        {ready && file && (
          <Button type="primary" loading={busy} onClick={() => void run(file, true)}>
            {m('wb.zipSave')}
          </Button>
        )}
      </Space>
      {problems && <Alert type="error" showIcon role="alert" title={problems.join(' ')} />}
      {result && (
        <>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll (WCAG 2.1.1) */}
          <section className="workbook-changes-box" aria-label={m('wb.zipResult')} tabIndex={0}>
            <table className="workbook-changes" data-testid="bulk-result">
              <thead>
                <tr>
                  <th scope="col">{m('wb.zipFile')}</th>
                  <th scope="col">{m('wb.zipAgency')}</th>
                  <th scope="col">{m('wb.zipResult')}</th>
                </tr>
              </thead>
              <tbody>
                {result.lines.map((l) => (
                  <tr key={l.file} data-status={l.status}>
                    <td>{l.file}</td>
                    <td>{l.agencyName ?? l.agencyCode ?? '—'}</td>
                    <td>
                      {m(`wb.st.${l.status}`, { n: l.changes })}
                      {l.problems.length > 0 && (
                        <ul className="workbook-problems">
                          {l.problems.map((p) => (
                            <li key={p.message}>{p.message}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </section>
  );
}

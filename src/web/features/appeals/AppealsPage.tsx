/**
 * /ky/:cycleId/kien-nghi — an agency's appeals on its provisional result (issue 12, item 3): how
 * long it may appeal and what happens then, its provisional score per criterion against its own,
 * the form to contest one criterion with a reason and a file, and its appeals with the answers.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { useId, useRef, useState } from 'react';
import { refusalOf } from '../../api.ts';
import { type FieldClasses, FileField, FormOutcome, TextAreaField } from '../../components/FormFields.tsx';
import { LoadError, Loading, PageHeader } from '../../components/Page.tsx';
import { dateTimeVn, dateVn, scoreVn } from '../../format.ts';
import { t, pick as tx } from '../../i18n/messages.ts';
import { Link } from '../../router.tsx';
import type { ScreenProps } from '../../screen.ts';
import { changeText } from '../results/figures.ts';
import { type AgencyView, resultsApi } from '../results/resultsApi.ts';
import { AppealCard } from './AppealCard.tsx';
import { type AppealsView, appealsApi } from './appealsApi.ts';
import { m } from './messages.ts';
import './appeals.css';

const CLASSES: FieldClasses = { field: 'appeal-field', help: 'appeal-help' };

export default function AppealsPage({ params, user }: ScreenProps) {
  const cycleId = params.cycleId!;
  const agencyId = user.agencyId ?? '';
  const view = useQuery({
    queryKey: ['appeals', cycleId, agencyId],
    queryFn: () => appealsApi.list(cycleId),
    retry: false,
  });
  const v = view.data;
  // The provisional result is the agency's to read only while it may appeal (the server decides).
  const provisional = useQuery({
    queryKey: ['results-agency', cycleId, agencyId, true],
    queryFn: () => resultsApi.agency(cycleId, agencyId, true),
    enabled: !!v && v.cycle.state === 'approved' && v.period.open && !!agencyId,
    retry: false,
  });
  const [picked, setPicked] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const pick = (criterionId: string) => {
    setPicked(criterionId);
    formRef.current?.scrollIntoView({ block: 'start' });
    formRef.current?.querySelector('select')?.focus();
  };
  const title = v ? m('appeals.title', { year: v.cycle.year }) : m('appeals.titlePlain');
  const openOn = new Set(v?.appeals.filter((a) => a.status === 'open').map((a) => a.criterion.id));
  return (
    <div className="appeals-page">
      <PageHeader
        title={title}
        crumbs={[
          { label: t('app.home'), to: '/' },
          { label: t('nav.report'), to: '/bao-cao' },
        ]}
      />
      {view.isPending && <Loading label={m('appeals.loading')} />}
      {view.isError && (
        <LoadError error={view.error} title={m('appeals.notAvailable')} onRetry={() => void view.refetch()} />
      )}
      {v && (
        <>
          <PeriodSection v={v} />
          {(v.cycle.state === 'published' || (v.cycle.state === 'approved' && v.period.open)) && (
            <p>
              <Link to={`/ky/${cycleId}/ket-qua/${agencyId}`}>
                {v.cycle.state === 'published' ? m('link.published') : m('link.provisional')}
              </Link>
            </p>
          )}
          {provisional.isPending && provisional.fetchStatus !== 'idle' && <Loading />}
          {provisional.isError && (
            <Alert
              type="info"
              showIcon
              title={m('provisional.unavailable', {
                message: provisional.error instanceof Error ? provisional.error.message : '',
              })}
            />
          )}
          {provisional.data && (
            <ProvisionalSection a={provisional.data} canFile={v.canFile} openOn={openOn} onAppeal={pick} />
          )}
          {v.canFile ? (
            <FileForm
              formRef={formRef}
              v={v}
              agencyId={agencyId}
              picked={picked}
              setPicked={setPicked}
              openOn={openOn}
            />
          ) : (
            v.fileRefusal &&
            v.cycle.state === 'approved' && (
              <Alert type="info" showIcon title={m('form.cannot')} description={tx(v.fileRefusal)} />
            )
          )}
          <section aria-labelledby="appeals-list-h" className="appeals-section">
            <h2 id="appeals-list-h" className="appeals-sub">
              {m('list.title')}
            </h2>
            {v.appeals.length === 0 ? (
              <p>{m('list.none')}</p>
            ) : (
              [...v.appeals].reverse().map((a) => <AppealCard key={a.id} cycleId={cycleId} appeal={a} />)
            )}
          </section>
        </>
      )}
    </div>
  );
}

/** The period in words: until when, counted how, and what happens with an appeal. */
export function PeriodSection({ v, titled = true }: { v: AppealsView; titled?: boolean }) {
  const p = v.period;
  let line: string;
  if (p.days === 0) line = m('period.none');
  else if (!p.opensAt) line = m('period.notYet', { days: p.days });
  else if (p.open)
    line = m('period.open', { lastDay: dateVn(p.lastDay!), days: p.days, approved: dateTimeVn(p.opensAt) });
  else line = m('period.over', { lastDay: p.lastDay ? dateVn(p.lastDay) : '' });
  return (
    <section
      {...(titled ? { 'aria-labelledby': 'period-h' } : { 'aria-label': m('period.title') })}
      className="appeals-section"
      data-testid="appeal-period"
    >
      {titled && (
        <h2 id="period-h" className="appeals-sub">
          {m('period.title')}
        </h2>
      )}
      <p className="appeals-deadline" data-testid="appeal-deadline">
        <strong>{line}</strong>
      </p>
      {p.holidays.length > 0 && p.days > 0 && (
        <p>{m('period.holidays', { list: p.holidays.map((d) => dateVn(d)).join(', ') })}</p>
      )}
      {p.days > 0 && <p>{m('period.what')}</p>}
      {v.publishBlock && <p className="appeal-help">{m('period.waits', { text: tx(v.publishBlock) })}</p>}
    </section>
  );
}

function ProvisionalSection(props: {
  a: AgencyView;
  canFile: boolean;
  openOn: ReadonlySet<string>;
  onAppeal: (criterionId: string) => void;
}) {
  const { a } = props;
  const self = a.selfTotal === null ? '—' : scoreVn(a.selfTotal);
  const total = a.total === null ? '—' : scoreVn(a.total);
  const rows = a.comparison?.criteria ?? [];
  return (
    <section aria-labelledby="provisional-h" className="appeals-section" data-testid="provisional">
      <h2 id="provisional-h" className="appeals-sub">
        {m('provisional.title')}
      </h2>
      <p data-testid="provisional-total">
        {a.ranked
          ? m('provisional.line', {
              total,
              self,
              rank: a.rank!,
              of: a.rankedInGroup,
              group: tx(a.agency.groupName),
              label: tx(a.classLabel),
            })
          : m('provisional.notRanked', { total, self, reason: tx(a.notRankedLabel) })}
      </p>
      <p className="appeal-help">{m('provisional.help')}</p>
      {rows.length > 0 && (
        <div className="appeals-table-wrap">
          <table className="appeals-table" data-testid="provisional-criteria">
            <caption>{m('provisional.caption', { n: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{m('col.criterion')}</th>
                <th scope="col" className="num">
                  {m('col.self')}
                </th>
                <th scope="col" className="num">
                  {m('col.official')}
                </th>
                <th scope="col">{m('col.why')}</th>
                {props.canFile && <th scope="col">{m('col.appeal')}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} data-criterion={c.id}>
                  <th scope="row">{`${c.id}. ${tx(c.name)}`}</th>
                  <td className="num" data-label={m('col.self')}>
                    {`${scoreVn(c.self.points)} / ${scoreVn(c.max)}`}
                  </td>
                  <td className="num" data-label={m('col.official')} data-testid="official-points">
                    {`${scoreVn(c.official.points)} / ${scoreVn(c.max)}`}
                  </td>
                  <td data-label={m('col.why')}>
                    {c.difference === 0 ? (
                      m('row.same')
                    ) : (
                      <>
                        <strong>{changeText(c.difference)}</strong>{' '}
                        {c.reasons.length > 0
                          ? c.reasons.map((r) => tx(r.text)).join('; ')
                          : tx(c.official.explanation)}
                      </>
                    )}
                  </td>
                  {props.canFile && (
                    <td data-label={m('col.appeal')}>
                      {props.openOn.has(c.id) ? (
                        m('row.appealed')
                      ) : (
                        <Button size="small" onClick={() => props.onAppeal(c.id)}>
                          {m('row.appeal', { id: c.id })}
                        </Button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function FileForm(props: {
  formRef: React.RefObject<HTMLFormElement | null>;
  v: AppealsView;
  agencyId: string;
  picked: string;
  setPicked: (id: string) => void;
  openOn: ReadonlySet<string>;
}) {
  const { v, picked, setPicked } = props;
  const id = useId();
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [done, setDone] = useState<{ message: string; warning?: string } | null>(null);

  const send = async () => {
    setError(null);
    setDone(null);
    if (!picked) return setError({ message: m('form.needCriterion'), field: 'criterionId' });
    if (!text.trim()) return setError({ message: m('form.needText'), field: 'text' });
    setBusy(true);
    try {
      const appeal = await appealsApi.file(v.cycle.id, props.agencyId, picked, text.trim().normalize('NFC'));
      let warning: string | undefined;
      if (file) {
        try {
          await appealsApi.attach(v.cycle.id, appeal.id, file);
        } catch (e) {
          warning = m('form.fileFailed', { message: e instanceof Error ? e.message : String(e) });
        }
      }
      setDone({ message: m('form.done', { id: appeal.criterion.id }), ...(warning && { warning }) });
      setText('');
      setFile(null);
      setPicked('');
      if (fileInput.current) fileInput.current.value = '';
      await client.invalidateQueries({ queryKey: ['appeals', v.cycle.id] });
    } catch (e) {
      setError(refusalOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="file-h" className="appeals-section">
      <h2 id="file-h" className="appeals-sub">
        {m('form.title')}
      </h2>
      <form
        ref={props.formRef}
        className="appeal-form"
        data-testid="appeal-form"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <div className="appeal-field">
          <label htmlFor={`${id}-criterion`}>
            {m('form.criterion')}
            <span aria-hidden="true"> *</span>
          </label>
          <select
            id={`${id}-criterion`}
            className="appeal-select"
            value={picked}
            onChange={(e) => setPicked(e.target.value)}
            aria-required
            aria-invalid={error?.field === 'criterionId'}
            aria-describedby={`${id}-criterion-help`}
          >
            <option value="">{m('form.criterionPick')}</option>
            {v.criteria.map((c) => (
              <option key={c.id} value={c.id} disabled={props.openOn.has(c.id)}>
                {`${c.id}. ${tx(c.name)}`}
              </option>
            ))}
          </select>
          <div id={`${id}-criterion-help`} className="appeal-help">
            {m('form.criterionHelp')}
          </div>
        </div>
        <TextAreaField
          id={`${id}-text`}
          label={m('form.text')}
          help={m('form.textHelp')}
          value={text}
          onChange={setText}
          classes={CLASSES}
          required
          invalid={error?.field === 'text'}
        />
        <FileField
          id={`${id}-file`}
          label={m('form.file')}
          help={m('form.fileHelp')}
          onChange={setFile}
          inputRef={fileInput}
          classes={CLASSES}
        />
        <FormOutcome error={error} done={done} />
        <Button type="primary" htmlType="submit" loading={busy}>
          {m('form.submit')}
        </Button>
      </form>
    </section>
  );
}

/**
 * The agency's values by category and criterion, beside the official ones, with each field's
 * corrections (who, when, why) and, for those who may, a correction form and a query about it.
 * A category opens by itself when something in it was corrected or flagged.
 */
import { Button, Checkbox } from 'antd';
import { Fragment, type ReactNode, useState } from 'react';
import { dateTimeVn, scoreVn } from '../../format.ts';
import { CorrectionForm } from './CorrectionForm.tsx';
import type { ReviewContext } from './context.ts';
import { seenKey } from './lastVisit.ts';
import { m } from './messages.ts';
import type { FieldValue } from './reviewApi.ts';
import { pick } from './text.ts';
import { Badge, NewMark, Section } from './ui.tsx';
import { valueText } from './valueText.ts';

/** Opens the category holding a field, scrolls to it and puts the focus there (links from findings). */
export function revealField(key: string): void {
  const el = document.getElementById(`truong-${key}`);
  if (!el) return;
  const details = el.closest('details');
  if (details) details.open = true;
  el.scrollIntoView({ block: 'center' });
  el.focus({ preventScroll: true });
}

export function ValuesSection({ id, ctx }: { id: string; ctx: ReviewContext }) {
  const { data } = ctx;
  const [filter, setFilter] = useState('');
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const byKey = new Map(data.values.map((v) => [v.key, v]));
  const flaggedKeys = new Set(data.findings.flatMap((f) => f.fields));
  const needle = filter.trim().toLocaleLowerCase('vi');
  const keep = (f: FieldValue) =>
    (!onlyFlagged || f.corrected || f.history.length > 0 || flaggedKeys.has(f.key)) &&
    (!needle || pick(f.label).toLocaleLowerCase('vi').includes(needle) || f.key.includes(needle));
  const placed = new Set<string>();
  const anchored = new Set<string>();
  const anchorId = (key: string) => {
    if (anchored.has(key)) return undefined;
    anchored.add(key);
    return `truong-${key}`;
  };

  const rowsOf = (keys: readonly string[], scope: string) =>
    keys
      .map((k) => byKey.get(k))
      .filter((f): f is FieldValue => f !== undefined && keep(f))
      .map((f) => (
        <FieldRow
          key={`${scope}-${f.key}`}
          ctx={ctx}
          field={f}
          anchor={anchorId(f.key)}
          flagged={flaggedKeys.has(f.key)}
          editing={editing === `${scope}-${f.key}`}
          onEdit={(on) => setEditing(on ? `${scope}-${f.key}` : null)}
        />
      ));

  const categories = data.comparison.self.categories.map((cat) => {
    const criteria = data.comparison.criteria.filter((c) => c.categoryId === cat.id);
    for (const c of criteria) for (const k of c.fields) placed.add(k);
    const officialCat = data.comparison.official.categories.find((o) => o.id === cat.id);
    const keys = criteria.flatMap((c) => c.fields);
    const notable = keys.some((k) => byKey.get(k)?.history.length || flaggedKeys.has(k));
    const blocks = criteria
      .map((c) => ({ c, rows: rowsOf(c.fields, c.id) }))
      .filter((b) => b.rows.length > 0);
    if (blocks.length === 0) return null;
    return (
      <details key={cat.id} className="review-category" open={notable || needle !== '' || onlyFlagged}>
        <summary>
          <h3>
            {pick(cat.name)}{' '}
            <span className="review-muted">
              {m('val.criterionPoints', {
                self: scoreVn(cat.points),
                official: scoreVn(officialCat?.points ?? 0),
                max: scoreVn(cat.max),
              })}
            </span>
          </h3>
        </summary>
        {blocks.map(({ c, rows }) => (
          <div key={c.id} className="review-criterion">
            <h4>
              <span className="review-code">{c.id}</span> {pick(c.name)}{' '}
              <span className="review-muted">
                {m('val.criterionPoints', {
                  self: scoreVn(c.self.points),
                  official: scoreVn(c.official.points),
                  max: scoreVn(c.max),
                })}
              </span>
            </h4>
            <ValuesTable label={`${c.id} ${pick(c.name)}`}>{rows}</ValuesTable>
          </div>
        ))}
      </details>
    );
  });
  const others = data.values.filter((v) => !placed.has(v.key)).map((v) => v.key);
  const otherRows = rowsOf(others, 'other');
  const shownAny = categories.some((c) => c !== null) || otherRows.length > 0;

  return (
    <Section id={id} title={m('sec.values')}>
      <p>{m('val.intro')}</p>
      <div className="review-filters">
        <label>
          <span>{m('val.filter')}</span>
          <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </label>
        <Checkbox checked={onlyFlagged} onChange={(e) => setOnlyFlagged(e.target.checked)}>
          {m('val.onlyChanged')}
        </Checkbox>
      </div>
      {!shownAny && <p role="status">{m('val.noMatch')}</p>}
      {categories}
      {otherRows.length > 0 && (
        <details className="review-category" open={needle !== '' || onlyFlagged}>
          <summary>
            <h3>{m('val.other')}</h3>
          </summary>
          <ValuesTable label={m('val.other')}>{otherRows}</ValuesTable>
        </details>
      )}
    </Section>
  );
}

function ValuesTable(props: { label: string; children: ReactNode }) {
  return (
    <table className="review-table review-values" aria-label={props.label}>
      <thead>
        <tr>
          <th scope="col">{m('val.field')}</th>
          <th scope="col">{m('val.agency')}</th>
          <th scope="col">{m('val.officialValue')}</th>
          <th scope="col">{m('val.actions')}</th>
        </tr>
      </thead>
      <tbody>{props.children}</tbody>
    </table>
  );
}

function FieldRow(props: {
  ctx: ReviewContext;
  field: FieldValue;
  anchor: string | undefined;
  flagged: boolean;
  editing: boolean;
  onEdit: (on: boolean) => void;
}) {
  const { ctx, field: f } = props;
  const canCorrect = ctx.canEdit && f.source !== 'monitoring';
  const fresh = f.history.some((h) => ctx.isNew(seenKey.history(f.key, h.at)));
  return (
    <Fragment>
      <tr
        id={props.anchor}
        tabIndex={props.anchor ? -1 : undefined}
        data-field={f.key}
        className={f.corrected ? 'review-differs' : undefined}
      >
        <th scope="row" data-label={m('val.field')}>
          {pick(f.label)}
          <div className="review-tags">
            {f.corrected && <Badge color="purple">✎ {m('val.corrected')}</Badge>}
            {f.source === 'monitoring' && <Badge>{m('val.monitoring')}</Badge>}
            {f.source === 'reviewer' && <Badge>{m('val.reviewer')}</Badge>}
            {props.flagged && <Badge color="gold">⚠ {m('find.warning')}</Badge>}
            <NewMark show={fresh} />
          </div>
          {f.history.length > 0 && (
            <details className="review-history">
              <summary>
                {m('val.history')} ({f.history.length})
              </summary>
              <ol>
                {f.history.map((h) => (
                  <li key={h.at}>
                    {m('val.historyItem', {
                      at: dateTimeVn(h.at),
                      by: h.by?.name ?? '—',
                      from: valueText(f, h.oldValue),
                      to: valueText(f, h.newValue),
                    })}
                    {h.reason && <div>{m('val.reasonIs', { reason: h.reason })}</div>}
                  </li>
                ))}
              </ol>
            </details>
          )}
        </th>
        <td data-label={m('val.agency')}>{f.source === 'agency' ? valueText(f, f.agencyValue) : '—'}</td>
        <td data-label={m('val.officialValue')} data-testid="official-value">
          {f.corrected ? <strong>{valueText(f, f.officialValue)}</strong> : valueText(f, f.officialValue)}
        </td>
        <td data-label={m('val.actions')}>
          <div className="review-row-actions">
            {canCorrect && !props.editing && (
              <Button
                size="small"
                onClick={() => props.onEdit(true)}
                aria-label={`${f.source === 'reviewer' ? m('val.mark') : m('val.correct')}: ${pick(f.label)}`}
              >
                {f.source === 'reviewer' ? m('val.mark') : m('val.correct')}
              </Button>
            )}
            {ctx.canQuery && (
              <Button
                size="small"
                onClick={() => ctx.askAbout(f.key)}
                aria-label={`${m('val.ask')}: ${pick(f.label)}`}
              >
                {m('val.ask')}
              </Button>
            )}
          </div>
        </td>
      </tr>
      {props.editing && (
        <tr className="review-fix-line">
          <td colSpan={4}>
            <CorrectionForm ctx={ctx} field={f} onDone={() => props.onEdit(false)} />
          </td>
        </tr>
      )}
    </Fragment>
  );
}

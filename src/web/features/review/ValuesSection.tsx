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
import { flaggedFields, valuesLayout } from './values.ts';
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
  const flagged = flaggedFields(data);
  const { categories, others } = valuesLayout(data, { text: filter, onlyChanged: onlyFlagged });
  const searching = filter.trim() !== '' || onlyFlagged;
  // A field read by two criteria has two rows; links from the findings go to the first one.
  const anchored = new Set<string>();
  const anchorId = (key: string) => {
    if (anchored.has(key)) return undefined;
    anchored.add(key);
    return `truong-${key}`;
  };

  const rowsOf = (fields: readonly FieldValue[], scope: string) =>
    fields.map((f) => (
      <FieldRow
        key={`${scope}-${f.key}`}
        ctx={ctx}
        field={f}
        anchor={anchorId(f.key)}
        flagged={flagged.has(f.key)}
        editing={editing === `${scope}-${f.key}`}
        onEdit={(on) => setEditing(on ? `${scope}-${f.key}` : null)}
      />
    ));

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
      {categories.length === 0 && others.length === 0 && <p role="status">{m('val.noMatch')}</p>}
      {categories.map(({ category: cat, officialPoints, notable, criteria }) => (
        <details key={cat.id} className="review-category" open={notable || searching}>
          <summary>
            <h3>
              {pick(cat.name)}{' '}
              <span className="review-muted">
                {m('val.criterionPoints', {
                  self: scoreVn(cat.points),
                  official: scoreVn(officialPoints),
                  max: scoreVn(cat.max),
                })}
              </span>
            </h3>
          </summary>
          {criteria.map(({ criterion: c, fields }) => (
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
              <ValuesTable label={`${c.id} ${pick(c.name)}`}>{rowsOf(fields, c.id)}</ValuesTable>
            </div>
          ))}
        </details>
      ))}
      {others.length > 0 && (
        <details className="review-category" open={searching}>
          <summary>
            <h3>{m('val.other')}</h3>
          </summary>
          <ValuesTable label={m('val.other')}>{rowsOf(others, 'other')}</ValuesTable>
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

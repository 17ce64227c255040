/**
 * Self-assessed against official points, criterion by criterion (R12), with every difference
 * explained by the server's comparison (review/compare.ts): the corrections, reviewer marks and
 * N/A decisions that caused it, with their reasons. Rows that differ say so in words ("≠ Khác").
 */
import { Checkbox } from 'antd';
import { type ReactNode, useState } from 'react';
import { scoreVn } from '../../format.ts';
import { categoryRows, differingCriteria, totalMax } from './comparison.ts';
import type { ReviewContext } from './context.ts';
import { m } from './messages.ts';
import type { CriterionComparison } from './reviewApi.ts';
import { pick, signedScore } from './text.ts';
import { Badge, Section } from './ui.tsx';

export function ComparisonSection({ id, ctx }: { id: string; ctx: ReviewContext }) {
  const { comparison } = ctx.data;
  const differing = differingCriteria(comparison);
  const [onlyDiff, setOnlyDiff] = useState(false);
  const rows = onlyDiff ? differing : comparison.criteria;
  return (
    <Section id={id} title={m('sec.compare')}>
      <p>{m('cmp.intro')}</p>
      <table className="review-table review-cats" aria-label={m('cmp.categories')}>
        <ComparedHead first={m('cmp.category')} />
        <tbody>
          {categoryRows(comparison).map((c) => (
            <tr key={c.id} className={c.difference !== 0 ? 'review-differs' : undefined}>
              <th scope="row" data-label={m('cmp.category')}>
                {pick(c.name)}
              </th>
              <ComparedCells
                max={scoreVn(c.max)}
                self={scoreVn(c.self)}
                official={scoreVn(c.official)}
                diff={
                  <>
                    {signedScore(c.difference)}
                    {c.difference !== 0 && <span className="review-diff-word"> {m('cmp.differs')}</span>}
                  </>
                }
              />
            </tr>
          ))}
          <tr className="review-total-row">
            <th scope="row" data-label={m('cmp.category')}>
              {m('cmp.total')}
            </th>
            <ComparedCells
              max={scoreVn(totalMax(comparison))}
              self={
                <>
                  {scoreVn(comparison.self.total)} · {pick(comparison.self.classLabel)}
                </>
              }
              official={
                <>
                  {scoreVn(comparison.official.total)} · {pick(comparison.official.classLabel)}
                </>
              }
              diff={signedScore(comparison.difference)}
            />
          </tr>
        </tbody>
      </table>

      <Checkbox checked={onlyDiff} onChange={(e) => setOnlyDiff(e.target.checked)} className="review-block">
        {m('cmp.onlyDiff', { n: differing.length })}
      </Checkbox>
      {rows.length === 0 ? (
        <p>{m('cmp.none')}</p>
      ) : (
        <table className="review-table review-compare" data-testid="comparison">
          <caption className="visually-hidden">{m('cmp.caption')}</caption>
          <ComparedHead first={m('cmp.criterion')} last={m('cmp.why')} />
          <tbody>
            {rows.map((c) => (
              <CriterionRow key={c.id} c={c} />
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

/** The four figures both comparison tables set side by side, in their order. */
const COMPARED = ['cmp.max', 'cmp.self', 'cmp.official', 'cmp.diff'] as const;

/**
 * The head of both comparison tables: the row header's column (category or criterion), the four
 * compared figures, and for criteria the column that explains the difference.
 */
function ComparedHead({ first, last }: { first: string; last?: string }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {COMPARED.map((k) => (
          <th key={k} scope="col" className="num">
            {m(k)}
          </th>
        ))}
        {last !== undefined && <th scope="col">{last}</th>}
      </tr>
    </thead>
  );
}

/**
 * The four compared figures of a row, each cell labelled with its column for the stacked (phone)
 * layout; criterion rows also carry test ids on the figures the browser tests read.
 */
function ComparedCells(props: {
  max: ReactNode;
  self: ReactNode;
  official: ReactNode;
  diff: ReactNode;
  testIds?: boolean;
}) {
  const testId = (id: string) => (props.testIds ? id : undefined);
  return (
    <>
      <td data-label={m('cmp.max')} className="num">
        {props.max}
      </td>
      <td data-label={m('cmp.self')} className="num" data-testid={testId('self')}>
        {props.self}
      </td>
      <td data-label={m('cmp.official')} className="num" data-testid={testId('official')}>
        {props.official}
      </td>
      <td data-label={m('cmp.diff')} className="num" data-testid={testId('diff')}>
        {props.diff}
      </td>
    </>
  );
}

function CriterionRow({ c }: { c: CriterionComparison }) {
  const differs = c.difference !== 0;
  return (
    <tr data-criterion={c.id} className={differs ? 'review-differs' : undefined}>
      <th scope="row" data-label={m('cmp.criterion')}>
        <span className="review-code">{c.id}</span> {pick(c.name)}
      </th>
      <ComparedCells
        testIds
        max={scoreVn(c.max)}
        self={scoreVn(c.self.points)}
        official={scoreVn(c.official.points)}
        diff={
          differs ? (
            <>
              <strong>{signedScore(c.difference)}</strong>
              <span className="review-diff-word"> {m('cmp.differs')}</span>
            </>
          ) : (
            <span className="review-muted">{m('cmp.same')}</span>
          )
        }
      />
      <td data-label={m('cmp.why')} data-testid="reasons">
        {c.reasons.length > 0 && (
          <ul className="review-reasons">
            {c.reasons.map((r, i) => (
              <li key={`${r.kind}-${r.fieldKey ?? i}`}>
                <Badge>{m(`reason.${r.kind}`)}</Badge> {pick(r.text)}
              </li>
            ))}
          </ul>
        )}
        {differs && c.reasons.length === 0 && <p className="review-reason-none">{m('cmp.noReason')}</p>}
        <details className="review-how">
          <summary>{m('cmp.details')}</summary>
          <dl>
            <dt>{m('cmp.howSelf')}</dt>
            <dd>{pick(c.self.explanation)}</dd>
            <dt>{m('cmp.howOfficial')}</dt>
            <dd>{pick(c.official.explanation)}</dd>
          </dl>
        </details>
      </td>
    </tr>
  );
}

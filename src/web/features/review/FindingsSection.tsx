/** The logic checks' findings on the agency's values (errors, warnings) with the fields they concern. */
import { fieldLabelOf, type ReviewContext } from './context.ts';
import { m } from './messages.ts';
import { pick } from './text.ts';
import { Badge, Section } from './ui.tsx';
import { revealField } from './ValuesSection.tsx';

export function FindingsSection({ id, ctx }: { id: string; ctx: ReviewContext }) {
  const { findings, submission } = ctx.data;
  const errors = findings.filter((f) => f.severity === 'error').length;
  return (
    <Section
      id={id}
      title={m('sec.findings')}
      extra={
        findings.length > 0 && (
          <span className="review-muted">
            {m('find.count', { errors, warnings: findings.length - errors })}
          </span>
        )
      }
    >
      {!submission ? (
        <p>{m('find.notSubmitted')}</p>
      ) : findings.length === 0 ? (
        <p>{m('find.none')}</p>
      ) : (
        <ul className="review-findings">
          {findings.map((f) => (
            <li
              key={`${f.ruleId}-${f.fields.join(',')}-${f.message.vi}`}
              className={`review-finding review-finding-${f.severity}`}
            >
              <Badge color={f.severity === 'error' ? 'red' : 'gold'}>
                {f.severity === 'error' ? `✖ ${m('find.error')}` : `⚠ ${m('find.warning')}`}
              </Badge>
              {pick(f.message)}
              {f.fields.length > 0 && (
                <div className="review-finding-fields">
                  {m('find.fields')}{' '}
                  {f.fields.map((key, j) => (
                    <span key={key}>
                      {j > 0 && ', '}
                      <a
                        href={`#truong-${key}`}
                        onClick={(e) => {
                          e.preventDefault();
                          revealField(key);
                        }}
                      >
                        {fieldLabelOf(ctx.data, key)}
                      </a>
                    </span>
                  ))}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

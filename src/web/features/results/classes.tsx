/** A performance class as the results screens show it: always the word, on its colour (classBands.ts). */
import { classColour } from './classBands.ts';
import { type ClassBand, type Text, tx } from './resultsApi.ts';

export function ClassBadge(props: { classes: readonly ClassBand[]; id: string | null; label: Text | null }) {
  const c = classColour(props.classes, props.id);
  return (
    <span className="results-class" style={{ color: c.fg, background: c.bg, borderColor: c.fg }}>
      {tx(props.label)}
    </span>
  );
}

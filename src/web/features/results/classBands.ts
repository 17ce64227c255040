/**
 * The performance classes (Tốt, Khá, Trung bình, Dưới trung bình) as the results screens draw
 * them: a colour dark enough for text contrast, picked by the class's place in the set (highest
 * first) so that a criteria set with other class ids still draws, and the thresholds a chart marks.
 */
import type { ClassBand } from './resultsApi.ts';

/** Text and border colour, background: highest class first; AA contrast on their background. */
const PALETTE = [
  { fg: '#135200', bg: '#f0f9e8' },
  { fg: '#0b4f9c', bg: '#eaf3fd' },
  { fg: '#7a4a00', bg: '#fff6e0' },
  { fg: '#a61d24', bg: '#fff0f0' },
] as const;

/** Classes from the highest threshold to the lowest. */
export const sortedClasses = (classes: readonly ClassBand[]): ClassBand[] =>
  [...classes].sort((a, b) => b.min - a.min);

/** The thresholds a chart draws as dashed lines: those strictly inside its scale (0, max). */
export const classThresholds = (classes: readonly ClassBand[], max: number): ClassBand[] =>
  classes.filter((c) => c.min > 0 && c.min < max);

/** A class's colours; an unknown class takes the highest's, a set with more classes than colours the last. */
export function classColour(classes: readonly ClassBand[], id: string | null | undefined) {
  const i = sortedClasses(classes).findIndex((c) => c.id === id);
  return PALETTE[Math.min(Math.max(i, 0), PALETTE.length - 1)]!;
}

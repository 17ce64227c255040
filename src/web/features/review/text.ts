/** Small shared helpers of the review screens: server texts in the current language, signed points. */
import { scoreVn } from '../../format.ts';

export { pick } from '../../i18n/messages.ts';

/** A difference of points with its sign written out, "+1,50", "−2,00", "0,00": never colour alone. */
export function signedScore(value: number): string {
  if (value > 0) return `+${scoreVn(value)}`;
  if (value < 0) return `−${scoreVn(-value)}`;
  return scoreVn(0);
}

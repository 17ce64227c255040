/**
 * What every screen receives. Its own module, not the route table's: the table lazily imports
 * the screens, so a screen that took this type from it made each of them and the table import
 * one another (test/import-cycles.test.ts keeps it so).
 */
import type { User } from './api.ts';

/** The parameters of the screen's address and the signed-in user. */
export interface ScreenProps {
  params: Record<string, string>;
  user: User;
}

/**
 * The rules of a new password, checked as the user types so that the form can say at once what is
 * wrong. The server applies the same rules and has the last word.
 */
import { t } from '../../i18n/messages.ts';

const MIN = 10;
const MAX = 200;

/** What is wrong with a new password, as the server would say it, or null. */
export function newPasswordProblem(password: string, username: string, current?: string): string | null {
  // Characters as a person counts them: "ệ" is one, whatever its UTF-16 length.
  const length = [...password].length;
  if (length < MIN) return t('password.tooShort', { missing: MIN - length });
  if (length > MAX) return t('password.tooLong');
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    return t('password.containsUsername');
  if (current && password === current) return t('password.sameAsCurrent');
  return null;
}

/**
 * Where a refused action's message goes: the server names the input it concerns (its `field`), and
 * the message is shown by that input; any other error belongs to the form as a whole.
 */
import { ApiError } from '../../api.ts';

/** The server's message for `field`, or null when the error is about something else. */
export function fieldError(error: unknown, field: string): string | null {
  return error instanceof ApiError && error.field === field ? error.message : null;
}

/** The error to show above the form: none when it is shown by one of the form's `fields`. */
export function formError(error: unknown, fields: readonly string[]): unknown {
  if (!error) return null;
  if (error instanceof ApiError && error.field && fields.includes(error.field)) return null;
  return error;
}

/**
 * Nothing but the user-name rule, re-exported for the auth module, which imports it from here
 * (auth.service.ts); the rule lives in user-fields.ts. Remove this file when auth imports it from there.
 */
export { normalizeUsername } from './user-fields.ts';

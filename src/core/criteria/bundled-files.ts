/**
 * The criteria sets shipped with the system, as the data files under `criteria/` hold them,
 * apart from their validation (bundled.ts). Importing them as JSON keeps the core isomorphic
 * (the browser gets the same set as the server). The compiled command line reads them from here
 * without loading the validator, since its build has validated them (src/cli/criteria-sets.ts).
 */
import caoBang2016 from '../../../criteria/cao-bang-2016.json' with { type: 'json' };
import type { BundledSetId } from './bundled-ids.ts';

/** Every id of bundled-ids.ts, with its file (the type makes the two lists agree). */
export const BUNDLED_FILES: Readonly<Record<BundledSetId, unknown>> = { 'cao-bang-2016': caoBang2016 };

/** Whether `id` names a bundled set. */
export const isBundledSetId = (id: string): id is BundledSetId => Object.hasOwn(BUNDLED_FILES, id);

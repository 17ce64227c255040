/**
 * Criteria sets shipped with the system (bundled-files.ts), validated when first asked for. The
 * server and the web application read them from here; the compiled command line, whose build
 * has validated them already, compiles them without the validator (src/cli/criteria-sets.ts).
 */

import { BUNDLED_FILES, isBundledSetId } from './bundled-files.ts';
import { BUNDLED_SET_IDS, DEFAULT_SET_ID } from './bundled-ids.ts';
import { type CompiledSet, compileCriteriaSet } from './compile.ts';
import { loadCriteriaSet } from './load.ts';
import type { CriteriaSet } from './schema.ts';

export { BUNDLED_SET_IDS, DEFAULT_SET_ID };

const loaded = new Map<string, { set: CriteriaSet; compiled: CompiledSet }>();

function load(id: string): { set: CriteriaSet; compiled: CompiledSet } | undefined {
  const cached = loaded.get(id);
  if (cached) return cached;
  if (!isBundledSetId(id)) return undefined;
  const result = loadCriteriaSet(BUNDLED_FILES[id]);
  if (!result.ok) {
    // A bundled set is tested on every build; failing here means the repository is broken.
    throw new Error(
      `bundled criteria set ${id} is invalid: ${result.problems.map((p) => `${p.path}: ${p.message.en}`).join('; ')}`,
    );
  }
  const entry = { set: result.set, compiled: compileCriteriaSet(result.set) };
  loaded.set(id, entry);
  return entry;
}

/** A bundled set as data, or undefined. */
export const bundledSet = (id: string): CriteriaSet | undefined => load(id)?.set;

/** A bundled set compiled for scoring, or undefined. */
export const bundledCompiledSet = (id: string): CompiledSet | undefined => load(id)?.compiled;

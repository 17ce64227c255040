/**
 * Criteria sets shipped with the system. They are data files under `criteria/`; importing them
 * as JSON keeps the core isomorphic (the browser gets the same set as the server).
 */
import caoBang2016 from '../../../criteria/cao-bang-2016.json' with { type: 'json' };
import { BUNDLED_SET_IDS, type BundledSetId, DEFAULT_SET_ID } from './bundled-ids.ts';
import { type CompiledSet, compileCriteriaSet } from './compile.ts';
import { loadCriteriaSet } from './load.ts';
import type { CriteriaSet } from './schema.ts';

/** Every id of bundled-ids.ts, with its file (the type makes the two lists agree). */
const RAW: Readonly<Record<BundledSetId, unknown>> = { 'cao-bang-2016': caoBang2016 };

export { BUNDLED_SET_IDS, DEFAULT_SET_ID };

const loaded = new Map<string, { set: CriteriaSet; compiled: CompiledSet }>();

function load(id: string): { set: CriteriaSet; compiled: CompiledSet } | undefined {
  const cached = loaded.get(id);
  if (cached) return cached;
  if (!Object.hasOwn(RAW, id)) return undefined;
  const result = loadCriteriaSet(RAW[id as BundledSetId]);
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

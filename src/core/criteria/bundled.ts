/**
 * Criteria sets shipped with the system. They are data files under `criteria/`; importing them
 * as JSON keeps the core isomorphic (the browser gets the same set as the server).
 */
import caoBang2016 from '../../../criteria/cao-bang-2016.json' with { type: 'json' };
import { type CompiledSet, compileCriteriaSet } from './compile.ts';
import { loadCriteriaSet } from './load.ts';
import type { CriteriaSet } from './schema.ts';

const RAW: Readonly<Record<string, unknown>> = { 'cao-bang-2016': caoBang2016 };

/** Ids of the bundled sets. */
export const BUNDLED_SET_IDS: readonly string[] = Object.keys(RAW);

export const DEFAULT_SET_ID = 'cao-bang-2016';

const loaded = new Map<string, { set: CriteriaSet; compiled: CompiledSet }>();

function load(id: string): { set: CriteriaSet; compiled: CompiledSet } | undefined {
  const cached = loaded.get(id);
  if (cached) return cached;
  if (!Object.hasOwn(RAW, id)) return undefined;
  const result = loadCriteriaSet(RAW[id]);
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

/**
 * The bundled criteria sets as the command line reads them. Validating a set (its schema and
 * load-time checks) and loading the schema library for it cost more than a tenth of a second at
 * every `chiso score`. The build of the command (scripts/cli-build.mjs) validates every bundled
 * set instead (verify-bundled-sets.ts): it refuses to build when one is invalid or is not written
 * the way loading it returns it (every default spelled out), and marks what it built with
 * CHISO_BUNDLED_SETS_VERIFIED, so that the built command compiles each file as it stands, which
 * is the set loading it would give. Run from the sources (tsx, the tests), nothing has verified
 * the files: they are validated when read, as the server does.
 */
import { BUNDLED_FILES, isBundledSetId } from '../core/criteria/bundled-files.ts';
import { type CompiledSet, compileCriteriaSet } from '../core/criteria/compile.ts';
import type { CriteriaSet } from '../core/criteria/schema.ts';

/** Replaced by `true` in the built command (esbuild's define), once its build has verified the sets. */
declare const CHISO_BUNDLED_SETS_VERIFIED: boolean | undefined;

/** Finds a bundled set by id; undefined for an id that names none. */
export type SetResolver = (id: string) => CompiledSet | undefined;

const compiled = new Map<string, CompiledSet>();

/** A bundled set compiled as its file stands: only for files the build has verified. */
const verifiedSet: SetResolver = (id) => {
  let set = compiled.get(id);
  if (set === undefined && isBundledSetId(id)) {
    set = compileCriteriaSet(BUNDLED_FILES[id] as CriteriaSet);
    compiled.set(id, set);
  }
  return set;
};

/** How this command finds the bundled sets: as verified by its build, or validating them now. */
export async function bundledSets(): Promise<SetResolver> {
  if (typeof CHISO_BUNDLED_SETS_VERIFIED === 'boolean' && CHISO_BUNDLED_SETS_VERIFIED) return verifiedSet;
  return (await import('../core/criteria/bundled.ts')).bundledCompiledSet;
}

/**
 * What the build of the command line checks of the bundled criteria sets before the built command
 * may trust them (criteria-sets.ts): each file loads without a problem, and loading it returns
 * exactly the file (every default of the format spelled out), so that compiling the file as it
 * stands gives the set that validating it would give. scripts/cli-build.mjs runs it on every
 * build and refuses to build otherwise.
 */
import { isDeepStrictEqual } from 'node:util';
import { BUNDLED_FILES } from '../core/criteria/bundled-files.ts';
import { loadCriteriaSet } from '../core/criteria/load.ts';

/** One line per problem, naming the set; none when every set may be trusted as it stands. */
export function bundledSetProblems(files: Readonly<Record<string, unknown>> = BUNDLED_FILES): string[] {
  const problems: string[] = [];
  for (const [id, file] of Object.entries(files)) {
    const result = loadCriteriaSet(file);
    if (!result.ok)
      for (const p of result.problems)
        problems.push(`criteria set ${id}: ${p.path}: ${p.message.en ?? p.message.vi}`);
    else if (!isDeepStrictEqual(result.set, file))
      problems.push(
        `criteria set ${id}: valid, but loading it changes it (write every default the format fills in)`,
      );
  }
  return problems;
}

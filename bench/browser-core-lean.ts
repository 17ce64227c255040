/**
 * The least a live score needs in the browser: compiling a criteria set the server has already
 * validated, and scoring. bench/browser.ts reports its size beside browser-core.ts's, which also
 * carries the bundled criteria file and its validation (zod).
 */
import { compileCriteriaSet } from '../src/core/criteria/compile.ts';
import { scoreAgency } from '../src/core/scoring/score.ts';

(globalThis as { chisoCoreLean?: unknown }).chisoCoreLean = { compileCriteriaSet, scoreAgency };

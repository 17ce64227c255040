/**
 * What bench/browser.ts loads into Chromium to time the scoring core on its own: the bundled
 * criteria and `scoreAgency`, bundled by Vite as the application's own chunks are.
 */
import { bundledCompiledSet } from '../src/core/criteria/bundled.ts';
import { scoreAgency } from '../src/core/scoring/score.ts';

(globalThis as { chisoCore?: unknown }).chisoCore = { bundledCompiledSet, scoreAgency };

/**
 * The website monitor (issue 10): visits agencies' portals politely and safely, and decides the
 * `monitoring` fields of a criteria set from what the sites show. A library: it imports nothing
 * from src/server or src/web, so the server module, the CLI and the benchmark use it alike.
 */

export { checkAvailability } from './availability.ts';
export { checkContent, DEFAULT_LIMITS, defaultScope } from './crawl.ts';
export { type CompiledDetector, type DetectorSet, detectorsOf } from './detect/detectors.ts';
export { normalizeVi } from './detect/normalize.ts';
export { USER_AGENT } from './fetch/fetcher.ts';
export { isForbiddenAddress } from './fetch/guard.ts';
export type * from './types.ts';

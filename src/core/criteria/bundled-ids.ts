/**
 * The ids of the criteria sets shipped with the system, apart from the sets themselves
 * (bundled.ts), so that naming them (the CLI's help) loads none of them.
 */
export const BUNDLED_SET_IDS = ['cao-bang-2016'] as const;
export type BundledSetId = (typeof BUNDLED_SET_IDS)[number];

export const DEFAULT_SET_ID: BundledSetId = 'cao-bang-2016';

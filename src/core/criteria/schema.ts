/**
 * The criteria-set format (`chiso.criteria/1`): the whole scoring method of one regulation as
 * data, so that the department can load the official text or next year's revision without a
 * code change (R3, R13, R14). This file is the structural schema; the rules that need the whole
 * set at once (sums, formula maxima, field references, bands) live in `validate.ts`.
 */
import { z } from 'zod';
import type { SchemaKit } from '../formula/operator.ts';
import { type Formula as FormulaDef, OPERATORS } from '../formula/registry.ts';
import { Detector } from './detectors.ts';
import { DerivedField, Field, Id, Key, Points, Text } from './fields.ts';
import { Indicator } from './indicators.ts';

// The fields' part of the format, named here too: schema.ts is where a reader looks for the format.
export { DETECTOR_PLACES, Detector, type DetectorPlace } from './detectors.ts';
export { DerivedField, FIELD_TYPES, Field, type FieldType, SOURCES, type Source, Text } from './fields.ts';
export { AGGREGATIONS, type Aggregation, Indicator } from './indicators.ts';

export const FORMAT = 'chiso.criteria/1';

/**
 * A formula: one of the operators of formula/registry.ts, each of which describes its own shape.
 * The union is built on first use (z.lazy), since a sum or a gate holds formulas itself.
 */
export type Formula = FormulaDef;
export const Formula: z.ZodType<Formula> = z.lazy(() => {
  const kit: SchemaKit = { z, Key, Points, Formula };
  const shapes = OPERATORS.map((o) => o.schema(kit));
  // Each shape is a strict object with its `op` literal; the registry's types cannot say so to
  // discriminatedUnion, whose union is then the registry's Formula again.
  return z.discriminatedUnion('op', shapes as unknown as [z.ZodObject, ...z.ZodObject[]]);
}) as unknown as z.ZodType<Formula>;

export type FormulaOp = Formula['op'];

export const Criterion = z.strictObject({
  id: Id,
  name: Text,
  max: Points,
  /** Present when the agency may claim "not applicable" (R4); says when the claim holds. */
  notApplicable: z.strictObject({ when: Text }).optional(),
  /** Scored on the department's website checks, averaged over the year (R5). */
  monitoredOnWebsite: z.boolean().default(false),
  /** Fields shown with this criterion on the form, in order. */
  inputs: z.array(Key).default([]),
  formula: Formula,
  /** The rule in words, as the appendix states it. */
  formulaText: Text.optional(),
  legalBasis: z.string().optional(),
  evidenceHint: Text.optional(),
  /** Fields whose content is the evidence (a document number, a list of software). */
  evidenceFields: z.array(Key).optional(),
  /**
   * How much work it takes an agency to raise this criterion, relative to the others (1 = an
   * ordinary criterion, 3 = three times as hard). Absent means 1. Only the "what would raise the
   * score" advice reads it (scoring/whatif.ts); scores never do.
   */
  effort: z.number().finite().positive().max(100).optional(),
});
export type Criterion = z.infer<typeof Criterion>;

export const Category = z.strictObject({
  id: Id,
  name: Text,
  max: Points,
  /** A boolean field; when it is not true every criterion of the category scores 0 (except confirmed N/A). */
  gate: Key.optional(),
  criteria: z.array(Criterion).min(1),
});
export type Category = z.infer<typeof Category>;

export const Group = z.strictObject({
  id: Id,
  name: Text,
  /** Where the group's scoring table is published, e.g. "Phụ lục II". */
  appendix: z.string().optional(),
  expectedAgencies: z.number().int().nonnegative().optional(),
  categories: z.array(Category).min(1),
});
export type Group = z.infer<typeof Group>;

export const ClassBand = z.strictObject({
  id: Id,
  label: Text,
  /** Inclusive lower bound of the total. */
  min: z.number().finite(),
  /** Exclusive upper bound; absent for the top band. */
  below: z.number().finite().optional(),
});
export type ClassBand = z.infer<typeof ClassBand>;

export const BUILTIN_CHECKS = ['all_ratios_full', 'not_applicable_claims', 'submitted_on_time'] as const;
export type BuiltinCheck = (typeof BUILTIN_CHECKS)[number];

export const Validation = z
  .strictObject({
    id: Id,
    severity: z.enum(['error', 'warning']),
    groups: z.array(Id).optional(),
    /** An expression of the check language (checks/); the check passes when it is true. */
    rule: z.string().min(1).optional(),
    /** A rule that an expression cannot say simply, implemented in code. */
    builtin: z.enum(BUILTIN_CHECKS).optional(),
    message: Text,
  })
  .refine((v) => (v.rule === undefined) !== (v.builtin === undefined), {
    message: 'cần đúng một trong hai: rule hoặc builtin',
  });
export type Validation = z.infer<typeof Validation>;

export const CriteriaSet = z.strictObject({
  format: z.literal(FORMAT),
  id: Id,
  version: z.string().min(1),
  title: Text,
  /** `reconstructed` marks a set rebuilt without the official appendices, to be replaced by the official text. */
  status: z.enum(['official', 'reconstructed', 'draft']),
  decision: z.string().optional(),
  notes: Text.optional(),
  /**
   * The version this one revises (lineage): its set id and version, so that the administrator
   * sees the chain of versions. Absent for a first version.
   */
  derivedFrom: z.strictObject({ id: Id, version: z.string().min(1) }).optional(),
  /** The maximum total of every group; class bands cover 0 to this. */
  totalMax: Points.default(100),
  classes: z.array(ClassBand).min(1),
  fields: z.array(Field).min(1),
  derived: z.array(DerivedField).default([]),
  groups: z.array(Group).min(1),
  validations: z.array(Validation).default([]),
  /** How the website monitor decides the `monitoring` fields (detectors.ts, spec/monitoring.md). */
  detectors: z.array(Detector).optional(),
  /**
   * The figures that describe IT use across the province (indicators.ts): never scored, read by
   * the province page, the peer comparison and the shortcomings list.
   */
  indicators: z.array(Indicator).optional(),
});
export type CriteriaSet = z.infer<typeof CriteriaSet>;
export type CriteriaSetInput = z.input<typeof CriteriaSet>;

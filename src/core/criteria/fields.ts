/**
 * The words and fields of the criteria-set format (schema.ts): the parts that a formula reads.
 * Kept apart from schema.ts, which builds its formula union from the operators of
 * formula/registry.ts, so that the operators can name a field without importing that union back.
 */
import { z } from 'zod';

/** Text in Vietnamese, with an optional English translation (the UI falls back to Vietnamese). */
export const Text = z.strictObject({
  vi: z.string().trim().min(1),
  en: z.string().trim().min(1).optional(),
});
export type Text = z.infer<typeof Text>;

export const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'mã chỉ gồm chữ, số, dấu chấm, gạch');
export const Key = z.string().regex(/^[a-z][a-z0-9_]*$/, 'khóa trường chỉ gồm chữ thường, số và gạch dưới');
export const Points = z.number().finite().nonnegative();

export const FIELD_TYPES = ['integer', 'decimal', 'boolean', 'enum', 'date', 'text', 'url'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const SOURCES = ['agency', 'monitoring', 'reviewer'] as const;
export type Source = (typeof SOURCES)[number];

export const Field = z.strictObject({
  key: Key,
  label: Text,
  /** A few words for tables, explanations and spreadsheet headers. */
  shortLabel: Text.optional(),
  help: Text.optional(),
  type: z.enum(FIELD_TYPES),
  unit: Text.optional(),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  maxLength: z.number().int().positive().optional(),
  pattern: z.string().optional(),
  options: z.array(z.strictObject({ value: z.string().min(1), label: Text })).optional(),
  /** Who provides the value: the agency's form, the department's website monitoring, or the reviewer. */
  source: z.enum(SOURCES),
  required: z.boolean(),
  /** Groups whose form has this field; absent means every group. */
  groups: z.array(Id).optional(),
});
export type Field = z.infer<typeof Field>;

export const DerivedField = z.strictObject({
  key: Key,
  label: Text,
  /** The derived value is the sum of these numeric fields (interchange.md). */
  sum: z.array(Key).min(1),
});
export type DerivedField = z.infer<typeof DerivedField>;

/**
 * Indicators of the criteria-set format: which collected figures describe the state of IT use
 * across the province (Điều 3.1, 3.2, 3.4 of the regulation), with their unit, how they combine
 * across agencies and which way is better. They are data like the rest of the set, so that the
 * department can add or retire an indicator with the next version and no code change; they never
 * change a score.
 */
import { z } from 'zod';
import { Id, Key, Text } from './fields.ts';

export const AGGREGATIONS = ['sum', 'mean', 'share'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export const Indicator = z.strictObject({
  id: Id,
  label: Text,
  unit: Text,
  /** A sentence saying what the figure means, shown beside it. */
  help: Text.optional(),
  /**
   * How agencies combine: `sum` adds the field; `mean` averages the agencies' values; `share`
   * is Σ numerator / Σ denominator (× scale), e.g. computers with antivirus / computers.
   */
  aggregate: z.enum(AGGREGATIONS),
  /** The field of a sum or a mean. */
  field: Key.optional(),
  /** The two fields of a share. */
  numerator: Key.optional(),
  denominator: Key.optional(),
  /** A share is multiplied by this: 100 for a percentage, 1 for "computers per civil servant". */
  scale: z.number().finite().positive().default(1),
  higherIsBetter: z.boolean(),
  /** Groups the indicator applies to; absent means every group where its fields exist. */
  groups: z.array(Id).optional(),
  /** The threshold proposed by default on the province page (in the indicator's unit). */
  threshold: z.number().finite().optional(),
});
export type Indicator = z.infer<typeof Indicator>;

/** The fields an indicator reads. */
export const indicatorFields = (i: Indicator): string[] =>
  i.aggregate === 'share' ? [i.numerator ?? '', i.denominator ?? ''] : [i.field ?? ''];

type Add = (path: string, vi: string, en: string) => void;

/**
 * Whole-set rules for indicators: unique ids, the right fields for the aggregation, numeric
 * fields that exist in every group named. `kind` answers a key's type in a group (undefined
 * when the group's form does not have it).
 */
export function checkIndicators(
  indicators: readonly Indicator[],
  groupIds: ReadonlySet<string>,
  kind: (key: string, group: string) => string | undefined,
  add: Add,
): void {
  const seen = new Set<string>();
  for (const [i, ind] of indicators.entries()) {
    const at = `indicators[${i}]`;
    const name = `Chỉ số "${ind.id}"`;
    const nameEn = `Indicator "${ind.id}"`;
    if (seen.has(ind.id)) add(`${at}.id`, `${name} bị trùng mã`, `Duplicate indicator id "${ind.id}"`);
    seen.add(ind.id);
    const share = ind.aggregate === 'share';
    if (share && (!ind.numerator || !ind.denominator || ind.field))
      add(
        at,
        `${name} tính tỉ lệ (share) cần đúng hai mục numerator và denominator, không dùng field`,
        `${nameEn} is a share: it needs numerator and denominator, not field`,
      );
    if (!share && (!ind.field || ind.numerator || ind.denominator))
      add(
        at,
        `${name} tính ${ind.aggregate === 'sum' ? 'tổng (sum)' : 'trung bình (mean)'} cần đúng một mục field`,
        `${nameEn} (${ind.aggregate}) needs field, and no numerator or denominator`,
      );
    for (const g of ind.groups ?? [])
      if (!groupIds.has(g))
        add(`${at}.groups`, `${name} gắn với nhóm không có: "${g}"`, `${nameEn} names unknown group "${g}"`);
    const keys = indicatorFields(ind).filter((k) => k);
    const groups = ind.groups ?? [...groupIds];
    for (const key of keys) {
      const inAny = [...groupIds].some((g) => kind(key, g) !== undefined);
      if (!inAny) {
        add(at, `${name} đọc trường không có: "${key}"`, `${nameEn} reads unknown field "${key}"`);
        continue;
      }
      for (const g of groups) {
        const t = kind(key, g);
        if (ind.groups && t === undefined)
          add(
            at,
            `${name}: trường "${key}" không có trong phiếu của nhóm "${g}"`,
            `${nameEn}: field "${key}" is not on the form of group "${g}"`,
          );
        if (t !== undefined && t !== 'integer' && t !== 'decimal' && t !== 'derived') {
          add(
            at,
            `${name}: trường "${key}" phải là kiểu số (integer/decimal), đang là ${t}`,
            `${nameEn}: field "${key}" must be a number, it is ${t}`,
          );
          break;
        }
      }
    }
  }
}

/**
 * The groups an indicator applies to: those it names, or else every group whose form has all of
 * its fields.
 */
export function indicatorGroups(
  ind: Indicator,
  groupIds: readonly string[],
  kind: (key: string, group: string) => string | undefined,
): string[] {
  if (ind.groups) return [...ind.groups];
  return groupIds.filter((g) => indicatorFields(ind).every((k) => kind(k, g) !== undefined));
}

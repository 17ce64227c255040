/**
 * Shapes shared by the core modules. Values arrive as the cycle file (interchange.md) or the
 * database holds them: numbers are JS numbers read as the decimals they are written as, dates
 * are "YYYY-MM-DD" strings, booleans are booleans; an absent key means "not given".
 */
import type { Text } from './criteria/fields.ts';

export type { Text };

/** Field key → value, already checked against the field's type (see input/). */
export type Values = Readonly<Record<string, unknown>>;

export type Lang = 'vi' | 'en';

/** One snapshot of the department's monitoring of the agency's website (R5). */
export interface WebsiteCheck {
  /** Epoch milliseconds, when known. */
  readonly checkedAt?: number | undefined;
  /** Fields of source `monitoring` as seen on the site at that time. */
  readonly values: Values;
  /** What the check was, for the explanation of a score ("ảnh chụp trang ngày 15/03/2017, đã xác nhận"). */
  readonly label?: Text | undefined;
}

/** A "not applicable" claim (R4). Only confirmed claims change a score. */
export interface NaClaim {
  readonly criterionId: string;
  readonly reason?: string | undefined;
  readonly confirmed: boolean;
}

/** One agency's data for a cycle, as the core scores it. */
export interface AgencyData {
  readonly code: string;
  readonly name?: string | undefined;
  readonly group: string;
  /** Epoch milliseconds of submission, or null when the agency did not submit. */
  readonly submittedAt: number | null;
  readonly values: Values;
  /** Criterion ids whose "not applicable" claim the assessor has confirmed. */
  readonly notApplicable: readonly string[];
  readonly websiteChecks: readonly WebsiteCheck[];
  /** Last year's values, for year-on-year checks only; never scored. */
  readonly previousValues?: Values | undefined;
  /** Every claim with its reason and decision, when the caller has them (the service does). */
  readonly naClaims?: readonly NaClaim[] | undefined;
}

/** A cycle as the core reads it: one year, one deadline, the agencies of every group. */
export interface CycleData {
  readonly year: number;
  /** Epoch milliseconds from which a submission is late (exclusive deadline, R9). */
  readonly deadline: number;
  readonly agencies: readonly AgencyData[];
}

/** A logic-check result (R10): never changes a score, drives the review. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: 'error' | 'warning';
  readonly message: Text;
  /** The fields the rule reads, so a form can show the finding next to them. */
  readonly fields: readonly string[];
}

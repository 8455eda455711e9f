import type { FormSchema } from '../forms/form-schema';
import type { Rubric } from '../rules/expert-rubric';
import type { CompanyYearFigures } from '../rules/company-figures';
import type { CommonDecision } from '../workflow/decision';
import type {
  ApplicationType,
  Labels,
  WorkflowDefinition,
} from '../workflow/workflow-definition';

/** What the automated check knows of a case when it applies a programme's eligibility rules. */
export interface EligibilityFacts {
  readonly form: Readonly<Record<string, unknown>>;
  /** ISO date of the submission. */
  readonly applicationDate: string;
  /** The company's kept yearly figures for the years before the application's, any order. */
  readonly years: readonly CompanyYearFigures[];
  /** What the portal has granted the company that is valid on the application date. */
  readonly grants: readonly HeldGrant[];
}

/** The series of what a programme grants: certificates and registrations as e-licences. */
export const GRANT_SERIES = [
  'high_tech_certificate',
  'tech_sme_registration',
] as const;
export type GrantSeries = (typeof GRANT_SERIES)[number];

export interface HeldGrant {
  readonly series: GrantSeries;
  readonly number: string;
  readonly validUntil: string;
}

export interface EligibilityRule {
  readonly rule: string;
  readonly passed: boolean;
  readonly explanation: Labels;
  /** The rule's name (reports recorded before it was given have none). */
  readonly label?: Labels;
  /** The figure the rule computed (null where the data were missing). */
  readonly measured?: Labels | null;
  /** What the rule requires of that figure. */
  readonly threshold?: Labels;
}

/** A programme's eligibility rules as the automated check applies them. */
export interface EligibilityRules {
  /** Whether the rules read the company's grants (the check then loads them; else none are given). */
  readonly readsGrants: boolean;
  /**
   * Whether the form holds what the rules need; when it does not, the check fails without
   * reading the company's figures (a form problem is reported anyway).
   */
  readonly canJudge: (form: Readonly<Record<string, unknown>>) => boolean;
  readonly check: (facts: EligibilityFacts) => EligibilityReport | null;
}

/** The eligibility part of the automated check, rule by rule. */
export interface EligibilityReport {
  readonly policy: string;
  readonly passed: boolean;
  readonly rules: readonly EligibilityRule[];
  /**
   * The company's yearly figures the rules read, as the automated check found them (recorded by
   * the engine with its report; absent from a self-check and from older reports).
   */
  readonly figuresUsed?: readonly CompanyYearFigures[];
}

/**
 * One kind of work the bureau runs with enterprises (申报事项), as data: the engine, the API and
 * the web app read everything type-specific from here and compare no programme's name.
 */
export interface Programme<
  T extends ApplicationType = ApplicationType,
  D extends CommonDecision = CommonDecision,
> {
  readonly type: T;
  /** Every version of its workflow, oldest first. Add a version; never edit a shipped one. */
  readonly workflows: readonly WorkflowDefinition[];
  readonly form: FormSchema;
  /** The letters a reference number starts with, e.g. GX in GX-2026-330421-00018. */
  readonly referencePrefix: string;
  /**
   * The rules the automated check applies beyond the form and the materials; null when there are
   * none. A report of null (a fact it needs is missing) fails the check.
   */
  readonly eligibility: EligibilityRules | null;
  /** What experts score its cases on, where its workflow has an expert review. */
  readonly rubric?: Rubric;
  /** When the grant a decision holds stops being valid, for transitions triggered by `validity_end`. */
  readonly validUntil?: (decision: D) => string | undefined;
}

import { HIGH_TECH, type HighTechDecision } from './high-tech';
import {
  INNOVATION_VOUCHER,
  type InnovationVoucherDecision,
} from './innovation-voucher';
import type { FormSchema } from '../forms/form-schema';
import type { Programme } from './programme';
import { ST_PROJECT, type StProjectDecision } from './st-project';
import { TECH_SME, type TechSmeDecision } from './tech-sme';
import {
  TRANSFORMATION_LOAN,
  type TransformationLoanDecision,
} from './transformation-loan';

/** The programmes the portal runs. Adding one: its folder, and a line in each list below. */
export const APPLICATION_TYPES = [
  'high_tech',
  'innovation_voucher',
  'transformation_loan',
  'tech_sme',
  'st_project',
] as const;
export type ApplicationType = (typeof APPLICATION_TYPES)[number];

export const PROGRAMMES: {
  readonly [T in ApplicationType]: Programme<T, ApplicationDecision>;
} = {
  high_tech: HIGH_TECH,
  innovation_voucher: INNOVATION_VOUCHER,
  transformation_loan: TRANSFORMATION_LOAN,
  tech_sme: TECH_SME,
  st_project: ST_PROJECT,
};

/** What a case's decision may hold, whichever programme it is of. */
export type ApplicationDecision = HighTechDecision &
  InnovationVoucherDecision &
  TransformationLoanDecision &
  TechSmeDecision &
  StProjectDecision;

export function programmeOf(
  type: ApplicationType,
): Programme<ApplicationType, ApplicationDecision> {
  return PROGRAMMES[type];
}

/** The form and materials of each programme. */
export const APPLICATION_FORMS: {
  readonly [T in ApplicationType]: FormSchema;
} = mapProgrammes((p) => p.form);

function mapProgrammes<V>(
  pick: (programme: Programme<ApplicationType, ApplicationDecision>) => V,
): { readonly [T in ApplicationType]: V } {
  return Object.fromEntries(
    APPLICATION_TYPES.map((type) => [type, pick(PROGRAMMES[type])]),
  ) as { readonly [T in ApplicationType]: V };
}

export { mapProgrammes };

import type { CommonDecision } from '../../workflow/decision';

/** A tech-SME registration number (入库编号), valid until 31 March after its evaluation year. */
export interface TechSmeRegistrationRecord {
  readonly number: string;
  readonly evaluationYear: number;
  readonly issuedOn: string;
  readonly validUntil: string;
}

export interface TechSmeDecision extends CommonDecision {
  readonly registration?: TechSmeRegistrationRecord;
}

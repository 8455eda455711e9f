import type { CommonDecision } from '../../workflow/decision';

/** A high-tech enterprise certificate: numbered in the province's series, valid three years. */
export interface HighTechCertificate {
  readonly number: string;
  readonly issuedOn: string;
  readonly validUntil: string;
}

export interface HighTechDecision extends CommonDecision {
  readonly certificate?: HighTechCertificate;
}

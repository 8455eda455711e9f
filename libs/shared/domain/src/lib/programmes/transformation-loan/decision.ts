import type { Disbursement, LoanTerms } from '../../forms/action-payloads';
import type { CommonDecision } from '../../workflow/decision';

export interface TransformationLoanDecision extends CommonDecision {
  readonly bank?: { readonly id: string; readonly name: string };
  readonly loanTerms?: LoanTerms;
  readonly disbursement?: Disbursement;
}

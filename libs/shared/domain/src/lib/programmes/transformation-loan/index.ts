import type { Programme } from '../programme';
import type { TransformationLoanDecision } from './decision';
import { TRANSFORMATION_LOAN_FORM } from './form';
import { TRANSFORMATION_LOAN_WORKFLOW } from './workflow';

export * from './decision';
export * from './form';
export * from './rules';
export * from './workflow';

/** Technology-achievement transformation loans (科技成果转化贷款). */
export const TRANSFORMATION_LOAN: Programme<
  'transformation_loan',
  TransformationLoanDecision
> = {
  type: 'transformation_loan',
  workflows: [TRANSFORMATION_LOAN_WORKFLOW],
  form: TRANSFORMATION_LOAN_FORM,
  referencePrefix: 'ZHD',
  eligibility: null,
};

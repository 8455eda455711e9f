import type { Programme } from '../programme';
import type { InnovationVoucherDecision } from './decision';
import { INNOVATION_VOUCHER_FORM } from './form';
import {
  INNOVATION_VOUCHER_WORKFLOW,
  INNOVATION_VOUCHER_WORKFLOW_V2,
} from './workflow';

export * from './decision';
export * from './form';
export * from './rules';
export * from './settlement';
export * from './workflow';

/** Innovation vouchers (科技创新券). */
export const INNOVATION_VOUCHER: Programme<
  'innovation_voucher',
  InnovationVoucherDecision
> = {
  type: 'innovation_voucher',
  workflows: [INNOVATION_VOUCHER_WORKFLOW, INNOVATION_VOUCHER_WORKFLOW_V2],
  form: INNOVATION_VOUCHER_FORM,
  referencePrefix: 'CXQ',
  eligibility: null,
  validUntil: (decision) => decision.voucher?.validUntil,
};

import { HIGH_TECH_WORKFLOW } from '../programmes/high-tech/workflow';
import { INNOVATION_VOUCHER_WORKFLOW } from '../programmes/innovation-voucher/workflow';
import { TRANSFORMATION_LOAN_WORKFLOW } from '../programmes/transformation-loan/workflow';
import type { WorkflowDefinition } from '../workflow/workflow-definition';
import { applicantMustHear, supervisingParty } from './notification-rules';

function mustHear(
  definition: WorkflowDefinition,
  action: string,
  from: string,
) {
  const transition = definition.transitions.find(
    (t) => t.action === action && t.from.includes(from),
  );
  if (!transition) throw new Error(`${action} from ${from} not found`);
  return applicantMustHear(definition, transition);
}

describe('what the enterprise must hear of', () => {
  it('returns, rejections and the certificate cannot be turned off', () => {
    const d = HIGH_TECH_WORKFLOW as unknown as WorkflowDefinition;
    expect(mustHear(d, 'return_for_supplement', 'county_review')).toBe(true);
    expect(mustHear(d, 'auto_check_failed', 'submitted')).toBe(true);
    expect(mustHear(d, 'reject', 'city_review')).toBe(true);
    expect(mustHear(d, 'notice_expired', 'public_notice')).toBe(true);
  });

  it('voucher and loan decisions cannot be turned off', () => {
    const v = INNOVATION_VOUCHER_WORKFLOW as unknown as WorkflowDefinition;
    const l = TRANSFORMATION_LOAN_WORKFLOW as unknown as WorkflowDefinition;
    expect(mustHear(v, 'approve', 'county_review')).toBe(true);
    expect(mustHear(l, 'approve', 'city_approval')).toBe(true);
    expect(mustHear(l, 'bank_approve', 'bank_review')).toBe(true);
    expect(mustHear(l, 'bank_decline', 'bank_review')).toBe(true);
  });

  it('progress between bureau desks is optional', () => {
    const d = HIGH_TECH_WORKFLOW as unknown as WorkflowDefinition;
    expect(mustHear(d, 'recommend', 'county_review')).toBe(false);
    expect(mustHear(d, 'auto_check_passed', 'submitted')).toBe(false);
    expect(mustHear(d, 'start_public_notice', 'provincial_decision')).toBe(
      false,
    );
    const v = INNOVATION_VOUCHER_WORKFLOW as unknown as WorkflowDefinition;
    expect(mustHear(v, 'confirm_contract', 'contract_confirmation')).toBe(
      false,
    );
  });

  it('escalates a county stage to the city and a city stage to the province', () => {
    expect(supervisingParty('county')).toBe('city');
    expect(supervisingParty('city')).toBe('province');
    expect(supervisingParty('bank')).toBeNull();
  });
});

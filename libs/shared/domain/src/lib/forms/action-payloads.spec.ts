import { TRANSFORMATION_LOAN_WORKFLOW } from '../programmes/transformation-loan/workflow';
import { actionPayloadFields, validateActionPayload } from './action-payloads';

const transition = (action: string) => {
  const found = TRANSFORMATION_LOAN_WORKFLOW.transitions.find(
    (t) => t.action === action,
  );
  if (!found) throw new Error(`no ${action}`);
  return found;
};

describe('action payloads', () => {
  it('asks what the guards of the action need, and nothing for plain actions', () => {
    expect(
      actionPayloadFields(transition('bank_approve')).map((f) => f.key),
    ).toEqual(['amountYuan', 'ratePercent', 'termMonths']);
    expect(actionPayloadFields(transition('recommend'))).toEqual([]);
  });

  it('accepts a decimal rate, refuses a rate above 24% and keys no guard asked for', () => {
    const bankApprove = transition('bank_approve');
    expect(
      validateActionPayload(bankApprove, {
        amountYuan: 3_000_000,
        ratePercent: 3.45,
        termMonths: 12,
      }),
    ).toEqual([]);
    expect(
      validateActionPayload(bankApprove, {
        amountYuan: 3_000_000,
        ratePercent: 30,
        termMonths: 12,
        note: 'x',
      }),
    ).toEqual([
      { field: 'note', code: 'unknown_field' },
      { field: 'ratePercent', code: 'too_large' },
    ]);
    expect(validateActionPayload(transition('recommend'), { any: 1 })).toEqual([
      { field: 'any', code: 'unknown_field' },
    ]);
  });

  it('takes any organisation id for a bank choice; the API checks it exists', () => {
    expect(
      validateActionPayload(transition('approve'), { bankId: 'b-1' }),
    ).toEqual([]);
    expect(validateActionPayload(transition('approve'), {})).toEqual([
      { field: 'bankId', code: 'required' },
    ]);
  });
});

import { validateWorkflow } from '../../workflow/validate-workflow';
import type { WorkflowDefinition } from '../../workflow/workflow-definition';
import { applicantStatus } from '../../workflow/workflow-engine';
import { INNOVATION_VOUCHER } from './index';
import {
  settlementMonthBounds,
  settlementMonthProblem,
  settlementPaidOnProblem,
  settlementStates,
  settlementTransition,
} from './settlement';

const [V1, V2] = INNOVATION_VOUCHER.workflows as readonly WorkflowDefinition[];

describe('innovation voucher settlement', () => {
  it('covers a month in China time: from its first midnight in Beijing to the next month’s', () => {
    expect(settlementMonthBounds('2026-05')).toEqual({
      from: new Date('2026-04-30T16:00:00Z'),
      until: new Date('2026-05-31T16:00:00Z'),
    });
    expect(settlementMonthBounds('2026-12')?.until).toEqual(
      new Date('2026-12-31T16:00:00Z'),
    );
    for (const bad of ['2026-13', '2026-5', '202605', '2026-05-01', ''])
      expect(settlementMonthBounds(bad)).toBeNull();
  });

  it('settles a month that has begun, the current one included, and none ahead', () => {
    expect(settlementMonthProblem('2026-04', '2026-05-10')).toBeNull();
    expect(settlementMonthProblem('2026-05', '2026-05-10')).toBeNull();
    expect(settlementMonthProblem('2026-06', '2026-05-31')).toBe('future');
    expect(settlementMonthProblem('May 2026', '2026-05-10')).toBe('format');
  });

  it('takes a real payment date inside the month or after it, never ahead of today', () => {
    expect(
      settlementPaidOnProblem('2026-06-03', '2026-05', '2026-06-10'),
    ).toBeNull();
    expect(
      settlementPaidOnProblem('2026-05-01', '2026-05', '2026-05-01'),
    ).toBeNull();
    expect(settlementPaidOnProblem('2026-04-30', '2026-05', '2026-06-10')).toBe(
      'before_month',
    );
    expect(settlementPaidOnProblem('2026-06-11', '2026-05', '2026-06-10')).toBe(
      'future',
    );
    for (const bad of ['2026-02-30', '2026-13-01', '3 June', '2026-6-3'])
      expect(settlementPaidOnProblem(bad, '2026-05', '2026-06-10')).toBe(
        'format',
      );
  });

  it('keeps version 1 as it shipped and sends version 2’s approved redemptions to the city’s settlement', () => {
    expect(V1?.version).toBe(1);
    expect(
      V1?.transitions.find((t) => t.action === 'approve_redemption')?.to,
    ).toBe('redeemed');
    expect(settlementStates(V1 as WorkflowDefinition)).toEqual([]);

    const v2 = V2 as WorkflowDefinition;
    expect(validateWorkflow(v2, INNOVATION_VOUCHER)).toEqual([]);
    expect(
      v2.transitions.find((t) => t.action === 'approve_redemption')?.to,
    ).toBe('awaiting_settlement');
    expect(settlementStates(v2)).toEqual(['awaiting_settlement']);
    const settle = settlementTransition(v2, 'awaiting_settlement');
    expect(settle).toMatchObject({
      to: 'settled',
      by: ['city'],
      notify: ['applicant'],
      effects: ['mark_ledger_paid'],
    });
    expect(applicantStatus(v2, 'awaiting_settlement')).toEqual({
      label: {
        'zh-CN': '已兑付审核通过，待拨付',
        en: 'Redemption approved, awaiting payment',
      },
      terminal: false,
      waitingForApplicant: false,
    });
    expect(applicantStatus(v2, 'settled').terminal).toBe(true);
  });

  it('refuses a settlement without the capability, or one without a ledger to mark paid', () => {
    const v2 = V2 as WorkflowDefinition;
    expect(
      validateWorkflow({ ...v2, capabilities: ['voucher_ledger'] }),
    ).toContain(
      'transition "settle" from awaiting_settlement: needs the capability voucher_settlement, which is not declared',
    );
    expect(
      validateWorkflow({
        ...v2,
        capabilities: ['voucher_settlement'],
        endEffects: [],
      }),
    ).toEqual(
      expect.arrayContaining([
        'transition "settle" from awaiting_settlement: marks paid a ledger the definition does not keep',
        'capabilities: settles vouchers but keeps no voucher ledger',
      ]),
    );
  });
});

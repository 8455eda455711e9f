import { l } from '../workflow/labels';
import type {
  GuardKey,
  TransitionDefinition,
  WorkflowDefinition,
} from '../workflow/workflow-definition';
import { LOAN_LIMITS } from '../programmes/transformation-loan/form';
import {
  validateForm,
  type FieldSchema,
  type FormProblem,
  type MaterialPhase,
} from './form-schema';

/**
 * What an action records besides its comment, per guard that needs it: the API validates the
 * payload with these fields and the web app renders them in the action's dialog.
 */
export const GUARD_PAYLOAD_FIELDS: {
  readonly [K in GuardKey]?: readonly FieldSchema[];
} = {
  budget_approved: [
    {
      key: 'approvedBudgetYuan',
      type: 'money',
      label: l('批准财政资助金额（元）', 'Funding granted (CNY)'),
      required: true,
      min: 1,
      max: 50_000_000,
    },
  ],
  commitment_recorded: [
    {
      key: 'commitmentDue',
      type: 'date',
      label: l('承诺补齐日期', 'Items promised by'),
      required: true,
    },
  ],
  bank_chosen: [
    {
      key: 'bankId',
      type: 'select',
      optionsFrom: 'banks',
      label: l('合作银行', 'Cooperating bank'),
      required: true,
    },
  ],
  loan_terms_recorded: [
    {
      key: 'amountYuan',
      type: 'money',
      label: l('批准金额（元）', 'Approved amount (CNY)'),
      required: true,
      min: LOAN_LIMITS.minYuan,
      max: LOAN_LIMITS.maxYuan,
    },
    {
      key: 'ratePercent',
      type: 'decimal',
      label: l('年利率（%）', 'Annual rate (%)'),
      required: true,
      min: 0.01,
      max: 24,
    },
    {
      key: 'termMonths',
      type: 'integer',
      label: l('期限（月）', 'Term (months)'),
      required: true,
      min: 1,
      max: LOAN_LIMITS.maxTermMonths,
    },
  ],
  disbursement_recorded: [
    {
      key: 'disbursedOn',
      type: 'date',
      label: l('放款日期', 'Disbursed on'),
      required: true,
    },
    {
      key: 'amountYuan',
      type: 'money',
      label: l('放款金额（元）', 'Amount disbursed (CNY)'),
      required: true,
      min: 1,
      max: LOAN_LIMITS.maxYuan,
    },
  ],
  contract_recorded: [
    {
      key: 'providerId',
      type: 'select',
      optionsFrom: 'providers',
      label: l('服务机构', 'Service provider'),
      required: true,
    },
    {
      key: 'contractNumber',
      type: 'text',
      label: l('合同编号', 'Contract number'),
      required: true,
      maxLength: 64,
    },
    {
      key: 'contractAmountYuan',
      type: 'money',
      label: l('合同金额（元）', 'Contract amount (CNY)'),
      required: true,
      min: 1,
      max: 100_000_000,
    },
    {
      key: 'signedOn',
      type: 'date',
      label: l('签订日期', 'Signed on'),
      required: true,
    },
  ],
  redemption_documents: [
    {
      key: 'invoiceAmountYuan',
      type: 'money',
      label: l('发票金额（元）', 'Invoice amount (CNY)'),
      required: true,
      min: 1,
      max: 100_000_000,
    },
  ],
};

export interface Commitment {
  readonly commitmentDue: string;
}
export interface BankChoice {
  readonly bankId: string;
}
export interface LoanTerms {
  readonly amountYuan: number;
  readonly ratePercent: number;
  readonly termMonths: number;
}
export interface Disbursement {
  readonly disbursedOn: string;
  readonly amountYuan: number;
}
export interface ServiceContract {
  readonly providerId: string;
  readonly contractNumber: string;
  readonly contractAmountYuan: number;
  readonly signedOn: string;
}
export interface BudgetApproval {
  readonly approvedBudgetYuan: number;
}
export interface RedemptionRequest {
  readonly invoiceAmountYuan: number;
}

/** The payload fields of a transition: those of its guards, in guard order. */
export function actionPayloadFields(
  transition: Pick<TransitionDefinition, 'guards'>,
): FieldSchema[] {
  return transition.guards.flatMap((g) => [...(GUARD_PAYLOAD_FIELDS[g] ?? [])]);
}

/** Checks an action's payload in full; unknown keys are problems too. */
export function validateActionPayload(
  transition: Pick<TransitionDefinition, 'guards'>,
  payload: Readonly<Record<string, unknown>>,
): FormProblem[] {
  const fields = actionPayloadFields(transition);
  return validateForm(
    {
      version: 1,
      sections: [{ key: 'payload', label: l('', ''), fields }],
      materials: [],
    },
    payload,
    'submit',
  );
}

/** The guards that need a later phase's materials: such a material is uploaded where they wait. */
const PHASE_OF_GUARD: { readonly [K in GuardKey]?: MaterialPhase } = {
  redemption_documents: 'redemption',
  midterm_report_uploaded: 'midterm',
  final_report_uploaded: 'final',
};

/**
 * The material phases a case in `state` takes uploads for: the application's, and a later
 * phase's where an exit from the state needs its materials (a voucher's redemption, a
 * project's mid-term or final report).
 */
export function materialPhasesOpen(
  definition: Pick<WorkflowDefinition, 'transitions'>,
  state: string,
): MaterialPhase[] {
  const later = definition.transitions
    .filter((t) => t.from.includes(state))
    .flatMap((t) => t.guards.map((g) => PHASE_OF_GUARD[g]))
    .filter((phase): phase is MaterialPhase => phase !== undefined);
  return ['application', ...new Set(later)];
}

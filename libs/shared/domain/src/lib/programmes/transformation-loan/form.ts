import { LICENCE } from '../../forms/common-materials';
import type { FormSchema } from '../../forms/form-schema';
import { l } from '../../workflow/labels';

/**
 * Loan limits the bureau applies by default; the national and provincial documents set none, so
 * a city bureau may change them with a new form version.
 */
export const LOAN_LIMITS = {
  minYuan: 100_000,
  maxYuan: 10_000_000,
  maxTermMonths: 36,
} as const;

/** The loan form and materials. */
export const TRANSFORMATION_LOAN_FORM: FormSchema = {
  version: 1,
  sections: [
    {
      key: 'loan',
      label: l('贷款需求', 'The loan'),
      fields: [
        {
          key: 'amountYuan',
          type: 'money',
          label: l('申请金额（元）', 'Amount (CNY)'),
          required: true,
          min: LOAN_LIMITS.minYuan,
          max: LOAN_LIMITS.maxYuan,
        },
        {
          key: 'termMonths',
          type: 'integer',
          label: l('期限（月）', 'Term (months)'),
          required: true,
          min: 1,
          max: LOAN_LIMITS.maxTermMonths,
        },
        {
          key: 'purpose',
          type: 'textarea',
          label: l(
            '资金用途（不得转贷或用于民间借贷、资本市场、消费）',
            'Use of funds (no re-lending, private lending, capital markets or consumption)',
          ),
          required: true,
          maxLength: 2000,
        },
        {
          key: 'achievement',
          type: 'textarea',
          label: l(
            '转化的科技成果',
            'The technology achievement being transformed',
          ),
          required: true,
          maxLength: 2000,
        },
      ],
    },
  ],
  materials: [
    LICENCE,
    {
      key: 'financial_statements',
      label: l('近一年财务报表', "Last year's financial statements"),
      required: true,
      allowed: ['pdf', 'xlsx'],
      maxSizeMb: 20,
    },
    {
      key: 'achievement_proof',
      label: l(
        '科技成果证明（专利、鉴定等）',
        'Proof of the achievement (patents, appraisals)',
      ),
      required: true,
      allowed: ['pdf', 'jpeg', 'png'],
      maxSizeMb: 20,
    },
  ],
};

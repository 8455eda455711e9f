import type { Labels } from '../../workflow/workflow-definition';

export const LOAN_POLICY = '鲁科字〔2023〕154号';

export interface TechSmeRegistration {
  readonly number: string;
  /** Registration numbers are valid until 31 March of the next year. */
  readonly validUntil: string;
}

export interface LoanPrecondition {
  readonly passed: boolean;
  readonly explanation: Labels;
}

/** A tech-SME registration number valid for the evaluation year: until 31 March of the next year. */
export function techSmeValidUntil(evaluationYear: number): string {
  return `${evaluationYear + 1}-03-31`;
}

/**
 * Reads a tech-SME registration number (入库编号), whose first four digits are the evaluation
 * year; null when it is not one.
 */
export function techSmeRegistration(
  number: string,
): TechSmeRegistration | null {
  const match = /^(20\d\d)\d{8,14}$/.exec(number.trim());
  if (!match) return null;
  return {
    number: number.trim(),
    validUntil: techSmeValidUntil(Number(match[1])),
  };
}

/**
 * The borrower must hold a tech-SME registration number (or an equivalent credit rating) valid
 * on the day it applies; otherwise the filing is revoked.
 */
export function loanPrecondition(
  registration: TechSmeRegistration | null,
  equivalentCreditRating: boolean,
  onDate: string,
): LoanPrecondition {
  if (registration && onDate <= registration.validUntil) {
    return {
      passed: true,
      explanation: {
        'zh-CN': `科技型中小企业入库编号 ${registration.number}，有效期至 ${registration.validUntil}`,
        en: `Tech-SME registration ${registration.number}, valid until ${registration.validUntil}`,
      },
    };
  }
  if (equivalentCreditRating) {
    return {
      passed: true,
      explanation: {
        'zh-CN': '具有同等效力的科技信用评级',
        en: 'Holds an equivalent technology credit rating',
      },
    };
  }
  return {
    passed: false,
    explanation: registration
      ? {
          'zh-CN': `科技型中小企业入库编号 ${registration.number} 已于 ${registration.validUntil} 过期，请先完成本年度评价入库`,
          en: `Tech-SME registration ${registration.number} expired on ${registration.validUntil}: register for this year first`,
        }
      : {
          'zh-CN': '须先取得科技型中小企业入库编号（或同等效力的信用评级）',
          en: 'A tech-SME registration number (or an equivalent credit rating) is required first',
        },
  };
}

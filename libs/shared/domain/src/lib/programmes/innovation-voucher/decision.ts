import type { ServiceContract } from '../../forms/action-payloads';
import type { CommonDecision } from '../../workflow/decision';

/** The voucher granted: the amount reserved on the company's cap, dated once issued. */
export interface VoucherGrant {
  readonly amountYuan: number;
  readonly ratePercent: number;
  readonly capped: boolean;
  readonly policy: string;
  readonly year: number;
  readonly issuedOn?: string;
  readonly validUntil?: string;
}

export interface VoucherRedemption {
  readonly invoiceAmountYuan: number;
  readonly requestedAt: string;
  /** What was paid out, once the redemption is approved. */
  readonly subsidyYuan?: number;
}

export interface InnovationVoucherDecision extends CommonDecision {
  readonly voucher?: VoucherGrant;
  readonly contract?: ServiceContract;
  readonly redemption?: VoucherRedemption;
}

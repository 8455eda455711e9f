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

/** Who a settlement pays: the company (the default, see settlement.ts) or its service provider. */
export type VoucherPayeeKind = 'company' | 'provider';

/** The payment of an approved redemption, recorded by the city's monthly settlement batch. */
export interface VoucherSettlementRecord {
  readonly settlementId: string;
  /** The settled month (YYYY-MM, China time). */
  readonly month: string;
  /** ISO date the money left the bureau's account. */
  readonly paidOn: string;
  /** The bank transfer's number (or the treasury's payment reference). */
  readonly paymentReference: string;
  readonly payeeKind: VoucherPayeeKind;
  readonly payeeName: string;
  readonly amountYuan: number;
}

export interface InnovationVoucherDecision extends CommonDecision {
  readonly voucher?: VoucherGrant;
  readonly contract?: ServiceContract;
  readonly redemption?: VoucherRedemption;
  /** Version 2 on: the payment, once the city's settlement batch has paid it. */
  readonly settlement?: VoucherSettlementRecord;
}

import { LOAN_LIMITS, type GuardKey } from '@portal/domain';
import { z } from 'zod';

const id = z.string().min(1).max(36);
const isoDate = z.iso.date('Use a date like 2026-06-01');
const yuan = z.int('Enter whole yuan').positive('Must be more than 0');

/** What each guard reads from an action's payload; an action accepts only its guards' keys. */
export const GUARD_PAYLOADS = {
  bank_chosen: { bankId: id },
  loan_terms_recorded: {
    amountYuan: yuan.min(LOAN_LIMITS.minYuan).max(LOAN_LIMITS.maxYuan),
    ratePercent: z.number().gt(0).max(24, 'At most 24% a year'),
    termMonths: z.int().min(1).max(LOAN_LIMITS.maxTermMonths),
  },
  disbursement_recorded: { disbursedOn: isoDate, amountYuan: yuan },
  contract_recorded: {
    providerId: id,
    contractNumber: z.string().trim().min(1).max(64),
    contractAmountYuan: yuan.max(100_000_000),
    signedOn: isoDate,
  },
  redemption_documents: { invoiceAmountYuan: yuan.max(100_000_000) },
} satisfies Partial<Record<GuardKey, z.ZodRawShape>>;

export type GuardPayload<K extends keyof typeof GUARD_PAYLOADS> = z.infer<
  z.ZodObject<(typeof GUARD_PAYLOADS)[K]>
>;

/** One strict schema for the payload of a transition with these guards. */
export function payloadSchema(guards: readonly GuardKey[]) {
  const shape: z.ZodRawShape = {};
  for (const guard of guards)
    if (guard in GUARD_PAYLOADS)
      Object.assign(
        shape,
        GUARD_PAYLOADS[guard as keyof typeof GUARD_PAYLOADS],
      );
  return z.strictObject(shape);
}

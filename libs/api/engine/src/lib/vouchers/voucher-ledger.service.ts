import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConflictError } from '@portal/api-core';
import {
  forUpdate,
  VoucherLedgerEntity,
  VoucherLedgerEntryEntity,
} from '@portal/api-db';
import { VOUCHER_YEARLY_CAP_YUAN } from '@portal/domain';
import type { EntityManager } from 'typeorm';

export interface LedgerBooking {
  readonly organisationId: string;
  readonly year: number;
  readonly applicationId: string;
  readonly kind: VoucherLedgerEntryEntity['kind'];
  /** Signed: positive reserves or spends cap, negative gives it back. */
  readonly amountYuan: number;
}

/**
 * Each company's yearly voucher cap. The committed total only moves through one conditional
 * UPDATE (`committed + amount <= cap`), so no two bookings at once can pass the cap together.
 */
@Injectable()
export class VoucherLedgerService {
  /** What is committed this year, read with a lock so a booking that follows sees no stale value. */
  async committed(
    em: EntityManager,
    organisationId: string,
    year: number,
  ): Promise<number> {
    await em
      .createQueryBuilder()
      .insert()
      .into(VoucherLedgerEntity)
      .values({ organisationId, year, committedYuan: 0 })
      .orIgnore()
      .execute();
    const row = await forUpdate(
      em,
      em
        .getRepository(VoucherLedgerEntity)
        .createQueryBuilder('l')
        .where('l.organisation_id = :organisationId AND l.year = :year', {
          organisationId,
          year,
        }),
    ).getOneOrFail();
    return row.committedYuan;
  }

  async book(em: EntityManager, booking: LedgerBooking): Promise<void> {
    if (booking.amountYuan === 0) return;
    const result = await em
      .createQueryBuilder()
      .update(VoucherLedgerEntity)
      .set({ committedYuan: () => 'committed_yuan + :amount' })
      .where(
        'organisation_id = :organisationId AND year = :year AND committed_yuan + :amount <= :cap AND committed_yuan + :amount >= 0',
        {
          organisationId: booking.organisationId,
          year: booking.year,
          amount: booking.amountYuan,
          cap: VOUCHER_YEARLY_CAP_YUAN,
        },
      )
      .execute();
    if (result.affected !== 1)
      throw new ConflictError(
        'VOUCHER_CAP_EXCEEDED',
        `The company's innovation-voucher cap of ${VOUCHER_YEARLY_CAP_YUAN} CNY for ${booking.year} is used up.`,
      );
    await em.insert(VoucherLedgerEntryEntity, {
      id: randomUUID(),
      organisationId: booking.organisationId,
      year: booking.year,
      applicationId: booking.applicationId,
      kind: booking.kind,
      amountYuan: booking.amountYuan,
      // To the millisecond on both dialects (SQLite's column default keeps whole seconds), so
      // the ledger lists a redemption's release and spend, and bookings of one day, in order.
      createdAt: new Date(),
    });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Actor } from '@portal/api-access';
import { chinaDate, NotFoundError } from '@portal/api-core';
import { VoucherLedgersRepository } from '@portal/api-db';
import type { VoucherLedgerView } from '@portal/contracts';
import { VOUCHER_YEARLY_CAP_YUAN, workflowVersion } from '@portal/domain';
import { DataSource } from 'typeorm';
import { ApplicationsService } from '../applications/applications.service';

/** A case's company voucher ledger, read by whoever may read the case. */
@Injectable()
export class VoucherLedgerViewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
  ) {}

  /**
   * The ledger of the case's company for the case's year (the voucher's year once issued, else
   * the year it was filed in). Access is the detail's: whoever may not read the case gets its
   * 404; a case whose programme keeps no ledger has none.
   */
  async ofCase(actor: Actor, id: string): Promise<VoucherLedgerView> {
    const { application } = await this.applications.readable(actor, id);
    const definition = workflowVersion(
      application.type,
      application.workflowVersion,
    );
    if (!definition.capabilities.includes('voucher_ledger'))
      throw new NotFoundError('The voucher ledger of this application');
    const year =
      application.decision.voucher?.year ??
      Number(
        chinaDate(application.submittedAt ?? application.createdAt).slice(0, 4),
      );
    const ledger = await VoucherLedgersRepository.ofCompanyYear(
      this.dataSource.manager,
      application.organisationId,
      year,
    );
    return {
      companyId: application.organisationId,
      year,
      capYuan: VOUCHER_YEARLY_CAP_YUAN,
      committedYuan: ledger.committedYuan,
      remainingYuan: Math.max(
        VOUCHER_YEARLY_CAP_YUAN - ledger.committedYuan,
        0,
      ),
      entries: ledger.entries.map((e) => ({
        ...e,
        bookedAt: e.bookedAt.toISOString(),
      })),
    };
  }
}

import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CurrentActor,
  RequirePermission,
  type Actor,
} from '@portal/api-access';
import type { VoucherLedgerView } from '@portal/contracts';
import { VoucherLedgerViewService } from './voucher-ledger-view.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('applications')
@Controller('applications')
export class VoucherLedgerController {
  constructor(private readonly ledgers: VoucherLedgerViewService) {}

  @RequirePermission('applications.read')
  @Get(':id/voucher-ledger')
  ofCase(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
  ): Promise<VoucherLedgerView> {
    return this.ledgers.ofCase(actor, id);
  }
}

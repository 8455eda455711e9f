import {
  Body,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CurrentActor,
  RequirePermission,
  type Actor,
} from '@portal/api-access';
import type {
  AwaitingSettlementView,
  SettlementSummaryView,
  SettlementView,
} from '@portal/contracts';
import {
  CityMonthQueryDto,
  CityQueryDto,
  CreateSettlementDto,
} from './voucher-settlements.dto';
import { VoucherSettlementsService } from './voucher-settlements.service';

const uuid = new ParseUUIDPipe({ version: '4' });

/**
 * A city's monthly voucher settlements. Reading is for the bureaus (city and province reviewers,
 * admins, auditors) over the city; recording for the city's reviewers, who act on the cases.
 */
@ApiTags('voucher settlements')
@Controller('voucher-settlements')
export class VoucherSettlementsController {
  constructor(private readonly settlements: VoucherSettlementsService) {}

  @RequirePermission('applications.read')
  @Get('awaiting')
  awaiting(
    @CurrentActor() actor: Actor,
    @Query() query: CityMonthQueryDto,
  ): Promise<AwaitingSettlementView> {
    return this.settlements.awaiting(actor, query.cityCode, query.month);
  }

  @RequirePermission('applications.read')
  @Get()
  list(
    @CurrentActor() actor: Actor,
    @Query() query: CityQueryDto,
  ): Promise<SettlementSummaryView[]> {
    return this.settlements.list(actor, query.cityCode);
  }

  @RequirePermission('applications.read')
  @Get(':id')
  get(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
  ): Promise<SettlementView> {
    return this.settlements.get(actor, id);
  }

  @RequirePermission('applications.act')
  @Post()
  create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateSettlementDto,
  ): Promise<SettlementView> {
    return this.settlements.create(actor, dto);
  }
}

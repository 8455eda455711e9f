import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CurrentActor,
  RequirePermission,
  type Actor,
} from '@portal/api-access';
import type { YearlyTargetView } from '@portal/contracts';
import { TargetsQueryDto, YearlyTargetDto } from './targets.dto';
import { TargetsService } from './targets.service';

@ApiTags('admin')
@Controller('admin/targets')
export class TargetsController {
  constructor(private readonly targets: TargetsService) {}

  @RequirePermission('targets.manage')
  @Get()
  list(
    @CurrentActor() actor: Actor,
    @Query() query: TargetsQueryDto,
  ): Promise<YearlyTargetView[]> {
    return this.targets.list(actor, query.year, query.region);
  }

  @RequirePermission('targets.manage')
  @Put()
  set(
    @CurrentActor() actor: Actor,
    @Query() query: TargetsQueryDto,
    @Body() dto: YearlyTargetDto,
  ): Promise<YearlyTargetView> {
    return this.targets.set(actor, query.year, query.region, dto);
  }
}

import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  CurrentActor,
  Public,
  RequirePermission,
  type Actor,
} from '@portal/api-access';
import type {
  MoveClockRequest,
  MoveClockResult,
  PortalClockView,
} from '@portal/contracts';
import { IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import { DevClockService } from './dev-clock.service';

export class MoveClockDto implements MoveClockRequest {
  @ApiPropertyOptional({
    description: 'Move to this time (ISO 8601, with its zone)',
    example: '2027-01-05T10:00:00+08:00',
  })
  @IsOptional()
  @IsISO8601(
    { strict: true },
    {
      message:
        '[clock.advance_to] Give a date and time, e.g. 2027-01-05T10:00:00+08:00',
    },
  )
  advanceTo?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 3660 })
  @IsOptional()
  @IsInt({ message: '[clock.advance_days] Give a whole number of days' })
  @Min(1, { message: '[clock.advance_days] Move at least one day' })
  @Max(3660, { message: '[clock.advance_days] Move at most 3660 days' })
  advanceDays?: number;
}

/**
 * The portal's clock. Anyone may read it (the web app shows a banner while a development clock
 * has moved it); a system administrator moves it where DEV_CLOCK is on — never in production,
 * where the move answers 404.
 */
@ApiTags('admin')
@Controller()
export class DevClockController {
  constructor(private readonly clock: DevClockService) {}

  @Public()
  @Get('clock')
  view(): PortalClockView {
    return this.clock.view();
  }

  @RequirePermission('clock.move')
  @Post('admin/clock')
  @HttpCode(200)
  move(
    @CurrentActor() actor: Actor,
    @Body() body: MoveClockDto,
  ): Promise<MoveClockResult> {
    return this.clock.move(actor, body);
  }
}

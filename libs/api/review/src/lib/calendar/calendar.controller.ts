import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Put,
} from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import {
  CurrentActor,
  RequirePermission,
  type Actor,
} from '@portal/api-access';
import type {
  CalendarOverrideRequest,
  CalendarOverrideView,
  CalendarYearView,
} from '@portal/contracts';
import { ValidationFailedError } from '@portal/api-core';
import { IsIn, IsString, Length } from 'class-validator';
import { CalendarService } from './calendar.service';

class CalendarOverrideDto implements CalendarOverrideRequest {
  @ApiProperty({ enum: ['holiday', 'workday'] })
  @IsIn(['holiday', 'workday'])
  kind!: 'holiday' | 'workday';

  @ApiProperty({ example: '国务院办公厅通知：调休上班' })
  @IsString()
  @Length(2, 200)
  note!: string;
}

@ApiTags('admin')
@Controller('admin/calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @RequirePermission('calendar.manage')
  @Get()
  list(): Promise<CalendarOverrideView[]> {
    return this.calendar.list();
  }

  /** The year's published holidays and make-up days, the overrides within it, and the revision. */
  @RequirePermission('calendar.manage')
  @Get('years/:year')
  year(
    @Param(
      'year',
      new ParseIntPipe({
        exceptionFactory: () =>
          new ValidationFailedError([
            {
              field: 'year',
              code: 'year.invalid',
              message: 'Use a year between 2000 and 2100',
            },
          ]),
      }),
    )
    year: number,
  ): Promise<CalendarYearView> {
    if (year < 2000 || year > 2100)
      throw new ValidationFailedError([
        {
          field: 'year',
          code: 'year.invalid',
          message: 'Use a year between 2000 and 2100',
        },
      ]);
    return this.calendar.year(year);
  }

  @RequirePermission('calendar.manage')
  @Put(':date')
  set(
    @CurrentActor() actor: Actor,
    @Param('date') date: string,
    @Body() dto: CalendarOverrideDto,
  ): Promise<CalendarOverrideView> {
    return this.calendar.set(actor, date, dto);
  }

  @RequirePermission('calendar.manage')
  @Delete(':date')
  @HttpCode(204)
  remove(
    @CurrentActor() actor: Actor,
    @Param('date') date: string,
  ): Promise<void> {
    return this.calendar.remove(actor, date);
  }
}

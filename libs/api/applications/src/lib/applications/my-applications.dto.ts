import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@portal/api-core';
import type { MyApplicationsQuery } from '@portal/contracts';
import {
  APPLICATION_PHASES,
  APPLICATION_TYPES,
  type ApplicationPhase,
  type ApplicationType,
} from '@portal/domain';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
} from 'class-validator';

/** The filters of the company's own list (GET /api/applications). */
export class MyApplicationsQueryDto
  extends PageQueryDto
  implements MyApplicationsQuery
{
  @ApiPropertyOptional({ enum: APPLICATION_TYPES })
  @IsOptional()
  @IsIn(APPLICATION_TYPES, {
    message: '[type.invalid] Choose a programme from the list',
  })
  type?: ApplicationType;

  @ApiPropertyOptional({ enum: APPLICATION_PHASES })
  @IsOptional()
  @IsIn(APPLICATION_PHASES, {
    message: '[phase.invalid] Choose a status from the list',
  })
  phase?: ApplicationPhase;

  @ApiPropertyOptional({ minimum: 2000, maximum: 2100 })
  @IsOptional()
  @Transform(({ value }) =>
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
  )
  @IsInt({ message: '[year.range] Choose a year from 2000 to 2100' })
  @Min(2000, { message: '[year.range] Choose a year from 2000 to 2100' })
  @Max(2100, { message: '[year.range] Choose a year from 2000 to 2100' })
  year?: number;

  @ApiPropertyOptional({
    description: 'Part of the reference or the call title',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 100, {
    message: '[q.length] Search with 1 to 100 characters',
  })
  q?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { YearlyTargetRequest } from '@portal/contracts';
import type { TargetValues } from '@portal/domain';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsObject,
  IsOptional,
  Matches,
  Max,
  Min,
} from 'class-validator';

export class TargetsQueryDto {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt({ message: '[year.invalid] Use a year such as 2026' })
  @Min(2000, { message: '[year.invalid] Use a year between 2000 and 2100' })
  @Max(2100, { message: '[year.invalid] Use a year between 2000 and 2100' })
  year!: number;

  @ApiPropertyOptional({ example: '330421' })
  @IsOptional()
  @Matches(/^\d{6}$/, {
    message: '[region.format] Use a six-digit region code',
  })
  region?: string;
}

export class YearlyTargetDto implements YearlyTargetRequest {
  /** Each measure of TARGET_MEASURES; checked against the domain's rules by the service. */
  @ApiProperty({
    example: {
      high_tech_gained: 6,
      tech_sme_registered: 40,
      rd_share_of_gdp: 1.7,
      city_level_projects: 20,
      platforms: 5,
    },
  })
  @IsObject()
  values!: TargetValues;

  @ApiPropertyOptional({ example: 9_000_000, nullable: true })
  @IsOptional()
  @IsInt({ message: '[gdp.invalid] Use whole 万元' })
  @Min(0, { message: '[gdp.invalid] Use a number of 0 or more' })
  @Max(10_000_000_000, { message: '[gdp.invalid] That is too large' })
  gdpWanYuan?: number | null;
}

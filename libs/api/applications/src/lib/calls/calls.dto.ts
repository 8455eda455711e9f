import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  CallListQuery,
  CallQuota,
  CallStatus,
  CreateCallRequest,
  UpdateCallRequest,
} from '@portal/contracts';
import { APPLICATION_TYPES, type ApplicationType } from '@portal/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

const REGION = /^\d{6}$/;
const CALL_STATUSES: readonly CallStatus[] = ['upcoming', 'open', 'closed'];

export class CallListQueryDto implements CallListQuery {
  @ApiPropertyOptional({ enum: APPLICATION_TYPES })
  @IsOptional()
  @IsIn(APPLICATION_TYPES)
  type?: ApplicationType;

  @ApiPropertyOptional({ enum: CALL_STATUSES })
  @IsOptional()
  @IsIn(CALL_STATUSES)
  status?: CallStatus;
}

export class CallQuotaDto implements CallQuota {
  @ApiProperty({ example: '330421' })
  @Matches(REGION, { message: '[region.format] Use a six-digit region code' })
  regionCode!: string;

  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(100_000)
  limit!: number;
}

export class CreateCallDto implements CreateCallRequest {
  @ApiProperty({ enum: APPLICATION_TYPES })
  @IsIn(APPLICATION_TYPES)
  type!: ApplicationType;

  @ApiProperty({ example: '2026年度高新技术企业认定（第一批）' })
  @IsString()
  @Length(2, 200)
  title!: string;

  @ApiPropertyOptional({ example: '330400' })
  @IsOptional()
  @Matches(REGION, { message: '[region.format] Use a six-digit region code' })
  regionCode?: string;

  @ApiProperty({ example: '2026-03-01T00:00:00+08:00' })
  @IsISO8601({ strict: true })
  opensAt!: string;

  @ApiProperty({ example: '2026-05-31T17:00:00+08:00' })
  @IsISO8601({ strict: true })
  closesAt!: string;

  @ApiPropertyOptional({ type: [CallQuotaDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => CallQuotaDto)
  quotas?: CallQuotaDto[];
}

export class UpdateCallDto implements UpdateCallRequest {
  @ApiPropertyOptional({ example: '2026年度高新技术企业认定（第二批）' })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  title?: string;

  @ApiPropertyOptional({ example: '330421' })
  @IsOptional()
  @Matches(REGION, { message: '[region.format] Use a six-digit region code' })
  regionCode?: string;

  @ApiPropertyOptional({ example: '2026-03-01T00:00:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  opensAt?: string;

  @ApiPropertyOptional({ example: '2026-05-31T17:00:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  closesAt?: string;

  @ApiPropertyOptional({ type: [CallQuotaDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => CallQuotaDto)
  quotas?: CallQuotaDto[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SupplementItemDto } from '@portal/api-applications';
import type { BatchActionCase, BatchActionRequest } from '@portal/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export const BATCH_ACTION_MAX_CASES = 50;

export class BatchActionCaseDto implements BatchActionCase {
  @ApiProperty()
  @IsUUID('4', { message: '[application.invalid] Not an application id' })
  applicationId!: string;

  @ApiProperty({ description: 'The version the reviewer saw in the list' })
  @IsInt()
  @Min(1)
  version!: number;
}

export class BatchActionDto implements BatchActionRequest {
  @ApiProperty({ example: 'recommend' })
  @Matches(/^[a-z_]{1,40}$/, { message: '[action.invalid] Not an action name' })
  action!: string;

  @ApiProperty({ type: [BatchActionCaseDto] })
  @IsArray()
  @ArrayMinSize(1, { message: '[batch.empty] Choose at least one case' })
  @ArrayMaxSize(BATCH_ACTION_MAX_CASES, {
    message: `[batch.too_many] Choose at most ${BATCH_ACTION_MAX_CASES} cases at once`,
  })
  @ArrayUnique((c: BatchActionCaseDto) => c.applicationId, {
    message: '[batch.duplicate] A case is listed twice',
  })
  @ValidateNested({ each: true })
  @Type(() => BatchActionCaseDto)
  cases!: BatchActionCaseDto[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;

  @ApiPropertyOptional({ type: [SupplementItemDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SupplementItemDto)
  items?: SupplementItemDto[];

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  payload?: Record<string, unknown>;
}

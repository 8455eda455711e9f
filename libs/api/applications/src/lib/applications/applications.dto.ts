import {
  ApiProperty,
  ApiPropertyOptional,
  IntersectionType,
} from '@nestjs/swagger';
import type {
  ActionRequest,
  CreateApplicationRequest,
  InboxCountsQuery,
  InboxQuery,
  InboxView,
  SaveFormRequest,
  SupplementItem,
} from '@portal/contracts';
import { APPLICATION_TYPES, type ApplicationType } from '@portal/domain';
import { PageQueryDto } from '@portal/api-core';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ANY_PROGRAMME_FORM } from '../programmes/form-json-schema';

export class CreateApplicationDto implements CreateApplicationRequest {
  @ApiProperty()
  @IsUUID('4', { message: '[call.invalid] Choose a call' })
  callId!: string;
}

export class SaveFormDto implements SaveFormRequest {
  @ApiProperty({ description: 'The version the form was loaded at' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiProperty(ANY_PROGRAMME_FORM)
  @IsObject()
  form!: Record<string, unknown>;
}

export class VersionDto {
  @ApiProperty({ description: 'The version the user saw; a stale one is 409' })
  @IsInt()
  @Min(1)
  version!: number;
}

export class SupplementItemDto implements SupplementItem {
  @ApiProperty({ description: 'A form field key, a material key, or "other"' })
  @IsString()
  @Length(1, 60)
  target!: string;

  @ApiProperty({ description: 'What the enterprise must supply or fix' })
  @IsString()
  @Length(1, 500)
  note!: string;
}

export class ActionDto implements ActionRequest {
  @ApiProperty({ example: 'recommend' })
  @Matches(/^[a-z_]{1,40}$/, { message: '[action.invalid] Not an action name' })
  action!: string;

  @ApiProperty({ description: 'The version the user saw; a stale one is 409' })
  @IsInt()
  @Min(1)
  version!: number;

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

/** The inbox's filters, shared by its pages and its tabs' counts. */
export class InboxFiltersDto implements InboxCountsQuery {
  @ApiPropertyOptional({ enum: APPLICATION_TYPES })
  @IsOptional()
  @IsIn(APPLICATION_TYPES)
  type?: ApplicationType;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[a-z_]{1,40}$/)
  state?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('4')
  callId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^\d{6}$/, {
    message: '[region.format] Use a six-digit region code',
  })
  regionCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'Company name or reference number' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}

export class InboxQueryDto
  extends IntersectionType(PageQueryDto, InboxFiltersDto)
  implements InboxQuery
{
  @ApiPropertyOptional({ enum: ['todo', 'done'] })
  @IsOptional()
  @IsIn(['todo', 'done'])
  view?: InboxView;

  @ApiPropertyOptional({ enum: ['newest', 'oldest'] })
  @IsOptional()
  @IsIn(['newest', 'oldest'])
  order?: 'newest' | 'oldest';
}

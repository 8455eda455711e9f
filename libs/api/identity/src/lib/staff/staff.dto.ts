import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { StaffRole } from '@portal/contracts';
import { ADMINISTERED_ROLES, EXPERT_DISCIPLINES } from '@portal/domain';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsRegionCode } from '../dto/validators';

const trim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;
const lowerTrim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

const placedInBureau = (o: InviteStaffDto) =>
  o.role === 'reviewer' || o.role === 'bureau_admin';
const placedInPartner = (o: InviteStaffDto) =>
  o.role === 'bank_officer' || o.role === 'service_provider';
const isExpert = (o: InviteStaffDto) => o.role === 'expert';

/** The fields that apply depend on the role; the others must be left out. */
export class InviteStaffDto {
  @ApiProperty()
  @Transform(lowerTrim)
  @IsEmail({}, { message: '[email.invalid] Enter a valid e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: ADMINISTERED_ROLES })
  @IsIn(ADMINISTERED_ROLES, { message: '[role.invalid] Choose a role' })
  role!: StaffRole;

  @ApiPropertyOptional({
    description: 'Reviewer and bureau admin: the bureau region',
  })
  @ValidateIf(placedInBureau)
  @IsRegionCode()
  regionCode?: string;

  @ApiPropertyOptional({
    description: 'Bank officer and service provider: the organisation',
  })
  @ValidateIf(placedInPartner)
  @IsUUID('4', {
    message: '[organisation.required] Choose the bank or provider',
  })
  organisationId?: string;

  @ApiPropertyOptional({ enum: EXPERT_DISCIPLINES })
  @ValidateIf(isExpert)
  @IsIn(EXPERT_DISCIPLINES, {
    message: '[discipline.required] Choose the discipline',
  })
  discipline?: 'technical' | 'finance';

  @ApiPropertyOptional({
    description: 'Expert: the organisation they work for',
  })
  @IsOptional()
  @IsUUID('4', {
    message: '[employer.invalid] Choose the employer from the list',
  })
  employerId?: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Expert: declared conflicts of interest',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('4', {
    each: true,
    message: '[conflicts.invalid] Choose organisations from the list',
  })
  conflictIds?: string[];
}

export class StaffListQueryDto {
  @ApiPropertyOptional({ enum: ADMINISTERED_ROLES })
  @IsOptional()
  @IsIn(ADMINISTERED_ROLES, { message: '[role.invalid] Choose a role' })
  role?: StaffRole;

  @ApiPropertyOptional({ description: 'Within your own region' })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'], { message: '[active.invalid] Use true or false' })
  active?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'Name or e-mail contains' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class ResetSecondFactorDto {
  @ApiProperty({ description: 'Why: kept in the audit log' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: '[reason.required] Give the reason for the reset' })
  @MaxLength(500)
  reason!: string;
}

export class DeactivateStaffDto {
  @ApiPropertyOptional({ description: 'Why: kept in the audit log' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class StaffOrganisationQueryDto {
  @ApiProperty({ enum: ['bank', 'provider', 'enterprise'] })
  @IsIn(['bank', 'provider', 'enterprise'], {
    message: '[kind.invalid] Choose bank, provider or enterprise',
  })
  kind!: 'bank' | 'provider' | 'enterprise';

  @ApiPropertyOptional({ description: 'Name contains' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;
}
